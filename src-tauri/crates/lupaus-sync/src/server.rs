//! A connection to the team's server, the outbox push and the snapshot-horizon pull.
//!
//! **Push** inserts a batch in one transaction with `ON CONFLICT (event_id) DO NOTHING`: a batch
//! sent twice (the desk crashed after the server committed and before it marked the batch
//! pushed) is absorbed by the key.
//!
//! **Pull** reads in `(tx, seq)` order, and only rows whose inserting transaction is below
//! `pg_snapshot_xmin(pg_current_snapshot())`: every transaction below that horizon has ended, so
//! no row can later appear before the cursor. A plain `seq > cursor` read skips for good a
//! transaction that took a lower seq but committed after a higher one (tests/horizon.rs).

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::Notify;

use lupaus_store::team::{CaseLink, DeskSeen, SyncEvent, SyncLog};
/// A connection to the team's server, for hosts that hold one across several calls.
pub use tokio_postgres::Client;
use tokio_postgres::config::{Host, SslMode};
use tokio_postgres::tls::MakeTlsConnect;
use tokio_postgres::{AsyncMessage, Config, Connection, GenericClient, NoTls, Socket};

use crate::{SyncError, tls};

/// How long a desk waits for the server before it counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A team server's address (a libpq URL or key=value string) and how it is shown: host, port
/// and database, never a password.
#[derive(Clone)]
pub struct ServerAddress {
    config: Config,
    shown: String,
    tls: bool,
    /// The team's own certificate authority, trusted beside the common roots.
    ca: Option<tls::TeamCa>,
}

impl std::fmt::Debug for ServerAddress {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.shown)
    }
}

impl ServerAddress {
    /// Parses `url` as libpq does; `PGPASSWORD` is honoured when the URL has no password.
    pub fn parse(url: &str) -> Result<ServerAddress, SyncError> {
        let mut config: Config = url.parse().map_err(|error| {
            SyncError::BadInput(format!(
                "The server address is not a PostgreSQL URL ({error}); write e.g. postgres://admin@host:5432/lupaus."
            ))
        })?;
        if config.get_password().is_none()
            && let Ok(password) = std::env::var("PGPASSWORD")
        {
            config.password(password);
        }
        if config.get_user().is_none()
            && let Ok(user) = std::env::var("PGUSER")
        {
            config.user(user);
        }
        let Some(dbname) = config.get_dbname().map(str::to_owned) else {
            return Err(SyncError::BadInput(
                "The server address names no database; add it, e.g. postgres://host/lupaus.".into(),
            ));
        };
        let hosts: Vec<String> = config
            .get_hosts()
            .iter()
            .map(|host| match host {
                Host::Tcp(name) => name.clone(),
                #[cfg(unix)]
                Host::Unix(path) => path.display().to_string(),
            })
            .collect();
        // Customer data and the desk's secret never cross a network in the clear: any server off
        // this machine is reached over TLS only, whatever the URL's sslmode says.
        if !config.get_hosts().iter().all(tls::is_local) {
            config.ssl_mode(SslMode::Require);
        }
        let tls = config.get_ssl_mode() == SslMode::Require;
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let shown = format!("{}:{port}/{dbname}", hosts.join(","));
        config.connect_timeout(CONNECT_TIMEOUT).application_name("lupaus");
        Ok(ServerAddress { config, shown, tls, ca: None })
    }

    /// Trusts the team's own certificate authority (a PEM file) for this server; connections
    /// then go over TLS also to a server on this machine.
    pub fn with_ca_file(mut self, path: &std::path::Path) -> Result<ServerAddress, SyncError> {
        self.ca = Some(tls::TeamCa::read(path)?);
        self.config.ssl_mode(SslMode::Require);
        self.tls = true;
        Ok(self)
    }

    /// The CA file this address trusts, as given (absolute).
    pub fn ca_file(&self) -> Option<&std::path::Path> {
        self.ca.as_ref().map(tls::TeamCa::path)
    }

    /// Whether connections to this server go over TLS (every server off this machine does).
    pub fn uses_tls(&self) -> bool {
        self.tls
    }

    /// The same server and login, another database on it.
    pub fn with_dbname(&self, dbname: &str) -> ServerAddress {
        let mut config = self.config.clone();
        config.dbname(dbname);
        let host = self.shown.rsplit_once('/').map_or(self.shown.as_str(), |(host, _)| host);
        ServerAddress { config, shown: format!("{host}/{dbname}"), tls: self.tls, ca: self.ca.clone() }
    }

    /// host:port/database, for messages and logs.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    pub fn dbname(&self) -> &str {
        self.config.get_dbname().unwrap_or_default()
    }

    /// The login role of desk `desk` in this team's database.
    pub fn desk_role(&self, desk: &str) -> String {
        desk_role(self.dbname(), desk)
    }

    /// Connects with the address's own user (the team's admin).
    pub async fn connect(&self) -> Result<Client, SyncError> {
        connect(self, &self.config, None).await
    }

    /// Connects as desk `desk` with its secret.
    pub async fn connect_desk(&self, desk: &str, secret: &str) -> Result<Client, SyncError> {
        let mut config = self.config.clone();
        config.user(self.desk_role(desk)).password(secret);
        connect(self, &config, None).await
    }

    /// Connects as desk `desk` and listens for the server's wake-up: `wake` is notified when
    /// another desk's events commit. A hint only; the caller polls as well.
    pub async fn connect_desk_listening(
        &self,
        desk: &str,
        secret: &str,
        wake: Arc<Notify>,
    ) -> Result<Client, SyncError> {
        let mut config = self.config.clone();
        let role = self.desk_role(desk);
        config.user(&role).password(secret);
        let client = connect(self, &config, Some(Listening { wake, own: role })).await?;
        client.batch_execute(LISTEN).await.map_err(|error| SyncError::from_postgres(&self.shown, error))?;
        Ok(client)
    }
}

/// The channel the server's `lupaus_events_notify` trigger sends on (migration 2).
const LISTEN: &str = "LISTEN lupaus_events";

/// A desk's login role: the team database's name, then the desk's name, so several teams can
/// share one PostgreSQL cluster.
pub fn desk_role(dbname: &str, desk: &str) -> String {
    format!("{dbname}_desk_{}", desk.to_lowercase())
}

async fn connect(address: &ServerAddress, config: &Config, listening: Option<Listening>) -> Result<Client, SyncError> {
    let shown = address.shown();
    if address.tls {
        let (client, connection) = open(config, shown, tls::connector(address.ca.as_ref())?).await?;
        tokio::spawn(drive(connection, shown.to_owned(), listening));
        Ok(client)
    } else {
        let (client, connection) = open(config, shown, NoTls).await?;
        tokio::spawn(drive(connection, shown.to_owned(), listening));
        Ok(client)
    }
}

/// Connects within [`CONNECT_TIMEOUT`]; the caller drives the connection.
async fn open<T: MakeTlsConnect<Socket>>(
    config: &Config,
    shown: &str,
    tls: T,
) -> Result<(Client, Connection<Socket, T::Stream>), SyncError> {
    match tokio::time::timeout(CONNECT_TIMEOUT, config.connect(tls)).await {
        Ok(result) => result.map_err(|error| SyncError::from_postgres(shown, error)),
        Err(_) => Err(SyncError::Unreachable {
            server: shown.to_owned(),
            reason: format!("no answer in {} s", CONNECT_TIMEOUT.as_secs()),
        }),
    }
}

/// Whom a listening connection wakes, and its own role, whose notifications it ignores.
struct Listening {
    wake: Arc<Notify>,
    own: String,
}

/// Runs a connection until it ends, passing other desks' notifications on as wake-ups.
async fn drive<S, T>(mut connection: Connection<S, T>, shown: String, listening: Option<Listening>)
where
    S: AsyncRead + AsyncWrite + Unpin,
    T: AsyncRead + AsyncWrite + Unpin,
{
    let mut messages = futures_util::stream::poll_fn(move |context| connection.poll_message(context));
    while let Some(message) = messages.next().await {
        match message {
            Ok(AsyncMessage::Notification(note)) => {
                if let Some(listening) = listening.as_ref().filter(|listening| note.payload() != listening.own) {
                    listening.wake.notify_one();
                }
            }
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(server = %shown, %error, "the team server connection ended");
                return;
            }
        }
    }
}

const INSERT: &str = "INSERT INTO lupaus_events (event_id, log, desk, desk_id, case_gid, case_desk, case_year,
        case_number, promise_gid, at_millis, actor, kind, record)
    SELECT * FROM UNNEST($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::int4[],
        $8::int8[], $9::uuid[], $10::int8[], $11::text[], $12::text[], $13::text[])
    ON CONFLICT (event_id) DO NOTHING";

/// Inserts `events` inside the caller's transaction; returns how many were new to the server.
pub async fn insert_events(client: &impl GenericClient, server: &str, events: &[SyncEvent]) -> Result<u64, SyncError> {
    let column = |pick: &dyn Fn(&SyncEvent) -> String| events.iter().map(pick).collect::<Vec<String>>();
    let ids: Vec<_> = events.iter().map(|event| event.event_id).collect();
    let logs = column(&|event| event.log.as_str().to_owned());
    let desks = column(&|event| event.desk.clone());
    let desk_ids: Vec<_> = events.iter().map(|event| event.desk_id).collect();
    // People and settings belong to no case: their case columns are NULL.
    let case_gids: Vec<_> = events.iter().map(|event| event.case.as_ref().map(|case| case.gid)).collect();
    let case_desks: Vec<_> = events.iter().map(|event| event.case.as_ref().map(|case| case.desk.clone())).collect();
    let years: Vec<_> = events.iter().map(|event| event.case.as_ref().map(|case| case.year)).collect();
    let numbers: Vec<_> = events.iter().map(|event| event.case.as_ref().map(|case| case.number)).collect();
    let promise_gids: Vec<_> = events.iter().map(|event| event.promise_gid).collect();
    let ats: Vec<i64> = events.iter().map(|event| event.at_millis).collect();
    let actors = column(&|event| event.actor.clone());
    let kinds = column(&|event| event.kind.clone());
    let records = column(&|event| event.record.clone());
    client
        .execute(
            INSERT,
            &[
                &ids,
                &logs,
                &desks,
                &desk_ids,
                &case_gids,
                &case_desks,
                &years,
                &numbers,
                &promise_gids,
                &ats,
                &actors,
                &kinds,
                &records,
            ],
        )
        .await
        .map_err(|error| SyncError::from_postgres(server, error))
}

/// Pushes one batch in its own transaction; returns how many events were new to the server.
pub async fn push(client: &mut Client, server: &str, events: &[SyncEvent]) -> Result<u64, SyncError> {
    let pg = |error| SyncError::from_postgres(server, error);
    let tx = client.transaction().await.map_err(pg)?;
    let inserted = insert_events(&tx, server, events).await?;
    tx.commit().await.map_err(pg)?;
    Ok(inserted)
}

/// Events after the cursor `(tx, seq)`, in the server's order, up to `limit`.
#[derive(Debug, Clone)]
pub struct Pulled {
    pub events: Vec<SyncEvent>,
    /// The (tx, seq) of the last event read, where the next pull continues.
    pub last: Option<(String, i64)>,
    /// The (tx, seq) of every event read, in order: a batch may be applied in parts.
    pub positions: Vec<(String, i64)>,
}

/// The columns every read of events selects, in the order [`event_from_row`] reads them.
/// `tx` goes out as text under another name: an `ORDER BY tx` must mean the xid8 column, which
/// sorts as a number and follows the order index. Named `tx`, the text was sorted instead
/// ("1000" before "999"): a pull could take later transactions first and its cursor then passed
/// earlier ones for good (tests/horizon.rs; found by `bench --only join` at 1,000,000 cases).
pub(crate) const EVENT_COLUMNS: &str =
    "tx::text AS tx_text, seq, event_id, log, desk, desk_id, case_gid, case_desk, case_year, case_number,
        promise_gid, at_millis, actor, kind, record";

fn pull_sql() -> String {
    format!(
        "SELECT {EVENT_COLUMNS} FROM lupaus_events
         WHERE (tx, seq) > ($1::text::xid8, $2) AND tx < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY tx, seq LIMIT $3"
    )
}

pub async fn pull(
    client: &impl GenericClient,
    server: &str,
    after: (&str, i64),
    limit: i64,
) -> Result<Pulled, SyncError> {
    let rows = client
        .query(&pull_sql(), &[&after.0, &after.1, &limit])
        .await
        .map_err(|error| SyncError::from_postgres(server, error))?;
    pulled_from_rows(rows)
}

pub(crate) fn pulled_from_rows(rows: Vec<tokio_postgres::Row>) -> Result<Pulled, SyncError> {
    let mut pulled =
        Pulled { events: Vec::with_capacity(rows.len()), last: None, positions: Vec::with_capacity(rows.len()) };
    for row in rows {
        pulled.last = Some((row.get(0), row.get(1)));
        pulled.positions.push((row.get(0), row.get(1)));
        pulled.events.push(event_from_row(&row)?);
    }
    Ok(pulled)
}

fn event_from_row(row: &tokio_postgres::Row) -> Result<SyncEvent, SyncError> {
    let log: String = row.get(3);
    let log = SyncLog::parse(&log).ok_or_else(|| SyncError::Server(format!("an event of an unknown log '{log}'")))?;
    Ok(SyncEvent {
        event_id: row.get(2),
        log,
        desk: row.get(4),
        desk_id: row.get(5),
        case: row.get::<_, Option<uuid::Uuid>>(6).map(|gid| CaseLink {
            gid,
            desk: row.get(7),
            year: row.get(8),
            number: row.get(9),
        }),
        promise_gid: row.get(10),
        at_millis: row.get(11),
        actor: row.get(12),
        kind: row.get(13),
        record: row.get(14),
    })
}

/// The server's epoch: it changes when the server is restored from a backup.
pub async fn epoch(client: &impl GenericClient, server: &str) -> Result<String, SyncError> {
    let row = client
        .query_one("SELECT epoch::text FROM lupaus_schema WHERE id = 1", &[])
        .await
        .map_err(|error| SyncError::from_postgres(server, error))?;
    Ok(row.get(0))
}

/// Stamps this desk's row of `lupaus_desk_sync` with the server's clock and reads every desk's
/// (schema 4), with the server's clock at the read, so a desk judges how long ago each desk
/// synced without trusting its own clock. Removed desks are left out.
pub async fn note_desk_synced(client: &impl GenericClient, server: &str) -> Result<Vec<DeskSeen>, SyncError> {
    let pg = |error| SyncError::from_postgres(server, error);
    client
        .execute(
            "INSERT INTO lupaus_desk_sync (desk_code) SELECT lupaus_own_desk() WHERE lupaus_own_desk() IS NOT NULL
             ON CONFLICT (desk_code) DO UPDATE SET synced_at = now()",
            &[],
        )
        .await
        .map_err(pg)?;
    let rows = client
        .query(
            "SELECT d.desk_code, (extract(epoch FROM s.synced_at) * 1000)::bigint,
                    (extract(epoch FROM clock_timestamp()) * 1000)::bigint
             FROM lupaus_desks d LEFT JOIN lupaus_desk_sync s ON s.desk_code = d.desk_code
             WHERE d.removed_at IS NULL ORDER BY d.desk_code",
            &[],
        )
        .await
        .map_err(pg)?;
    Ok(rows
        .into_iter()
        .map(|row| DeskSeen { desk_code: row.get(0), synced_at_millis: row.get(1), server_now_millis: row.get(2) })
        .collect())
}
