//! `bench --only team`: how fast events go up to a team server and come down to a new desk,
//! over whatever network lies between this machine and `--server` (loopback in BENCHMARKS.md).
//! Desk A holds `--cases` generated cases (the bench generator, as for the other measures) and
//! pushes all of them; desk B then joins and pulls the whole history, rebuilding every case.
//! The bench makes a database of its own on the server and drops it afterwards.

use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Utc};
use std::sync::Arc;

use lupaus_core::clock::FixedClock;
use lupaus_desk::{Desk, NoListener};
use lupaus_store::Store;
use lupaus_sync::server::{self, ServerAddress};
use lupaus_sync::{SyncError, admin, round};
use serde::Serialize;

use crate::error::CliError;

#[derive(Debug, Clone, Serialize)]
pub struct TeamMeasurement {
    pub server: String,
    pub cases: u64,
    pub events: i64,
    pub push_seconds: f64,
    pub push_events_per_second: f64,
    /// A new desk's first round: every event pulled, stored and its case rebuilt.
    pub join_pull_seconds: f64,
    pub pull_events_per_second: f64,
    /// The pushing desk's next round, pulling its own events back (positions only).
    pub own_pull_seconds: f64,
    /// With the desks' background sync tasks running (team_live.rs).
    pub live: super::team_live::LiveMeasurement,
}

pub async fn measure(
    dir: &Path,
    admin_url: &str,
    cases: u64,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<TeamMeasurement, CliError> {
    in_bench_database(admin_url, async |address| run(dir, &address, cases, seed, now).await).await
}

/// Runs `measure` on a database of its own made on the server at `admin_url`, and drops that
/// database and the desks' roles afterwards, whatever happened.
pub(super) async fn in_bench_database<T>(
    admin_url: &str,
    measure: impl AsyncFnOnce(ServerAddress) -> Result<T, CliError>,
) -> Result<T, CliError> {
    let admin_address = ServerAddress::parse(admin_url)?;
    let dbname = format!("lupaus_bench_{}", &uuid_suffix());
    let admin_client = admin_address.connect().await?;
    let pg = |error| SyncError::Server(format!("{error}"));
    let create: String =
        admin_client.query_one("SELECT format('CREATE DATABASE %I', $1::text)", &[&dbname]).await.map_err(pg)?.get(0);
    admin_client.batch_execute(&create).await.map_err(pg)?;
    let result = measure(admin_address.with_dbname(&dbname)).await;
    for sql in [
        "SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', $1::text)",
        "SELECT format('DROP ROLE IF EXISTS %I', $1::text || '_desk_a')",
        "SELECT format('DROP ROLE IF EXISTS %I', $1::text || '_desk_b')",
        "SELECT format('DROP ROLE IF EXISTS %I', $1::text || '_desk_c')",
        "SELECT format('DROP ROLE IF EXISTS %I', $1::text || '_desk')",
    ] {
        let drop: String = admin_client.query_one(sql, &[&dbname]).await.map_err(pg)?.get(0);
        admin_client.batch_execute(&drop).await.map_err(pg)?;
    }
    result
}

/// Pushes everything `desk` holds in batches of `batch` events; returns the seconds it took.
pub(super) async fn push_everything(
    desk: &mut Desk,
    client: &mut server::Client,
    address: &ServerAddress,
    batch: usize,
) -> Result<f64, CliError> {
    let started = Instant::now();
    loop {
        let events = desk.outbox(batch)?;
        if events.events.is_empty() {
            break;
        }
        server::push(client, address.shown(), &events.events).await?;
        desk.mark_pushed(&events)?;
    }
    Ok(started.elapsed().as_secs_f64())
}

fn uuid_suffix() -> String {
    let id = uuid::Uuid::now_v7().simple().to_string();
    id[id.len() - 10..].to_owned()
}

async fn run(
    dir: &Path,
    address: &ServerAddress,
    cases: u64,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<TeamMeasurement, CliError> {
    admin::server_init(address).await?;
    let (a, b) = (admin::add_desk(address, "A").await?, admin::add_desk(address, "B").await?);
    let clock = Arc::new(FixedClock::new(now));
    let open =
        |name: &str| -> Result<Store, CliError> { Ok(super::fresh_store(&dir.join(format!("team-bench-{name}.db")))?) };
    let mut desk_a = open("a")?;
    eprintln!("Generating {cases} cases on desk A…");
    super::generate::generate(&mut desk_a, cases, seed, now, |_, _| {})?;
    let mut desk_a = Desk::new(desk_a, clock.clone(), "bench".into(), Arc::new(NoListener));
    desk_a.join_team(&format!("postgres://{}", address.shown()), "A", "A")?;
    let events = desk_a.sync_status()?.pending;

    eprintln!("Pushing {events} events…");
    let mut client = address.connect_desk("A", &a.secret).await?;
    let push_seconds = push_everything(&mut desk_a, &mut client, address, 1000).await?;

    eprintln!("Desk B joins and pulls…");
    let mut desk_b = Desk::new(open("b")?, clock, "bench".into(), Arc::new(NoListener));
    desk_b.join_team(&format!("postgres://{}", address.shown()), "B", "B")?;
    let mut client_b = address.connect_desk("B", &b.secret).await?;
    let started = Instant::now();
    round::sync_round(&mut desk_b, &mut client_b, address).await?;
    let join_pull_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    round::sync_round(&mut desk_a, &mut client, address).await?;
    let own_pull_seconds = started.elapsed().as_secs_f64();
    if desk_a.team_digest()? != desk_b.team_digest()? {
        return Err(SyncError::Server("the two bench desks did not converge".into()).into());
    }
    let (path_a, path_b) = (desk_a.path().to_path_buf(), desk_b.path().to_path_buf());
    drop((desk_a, desk_b));

    eprintln!("A to B with both desks' sync tasks running…");
    let a_to_b = super::team_live::a_to_b((&path_a, &a.secret), (&path_b, &b.secret), now).await?;
    eprintln!("Desk C joins and pulls everything while its intake is timed…");
    let c = admin::add_desk(address, "C").await?;
    let mut desk_c = Desk::new(open("c")?, Arc::new(FixedClock::new(now)), "bench".into(), Arc::new(NoListener));
    desk_c.join_team(&super::team_live::desk_url(address), "C", "C")?;
    let path_c = desk_c.path().to_path_buf();
    drop(desk_c);
    let backlog_events: i64 = address
        .connect()
        .await?
        .query_one("SELECT count(*) FROM lupaus_events", &[])
        .await
        .map_err(|error| SyncError::Server(error.to_string()))?
        .get(0);
    let pulling = super::team_live::intake_while_pulling((&path_c, &c.secret), dir, backlog_events, now).await?;
    for path in [path_a, path_b, path_c] {
        super::remove_database(&path);
    }
    let live = super::team_live::LiveMeasurement {
        a_to_b,
        backlog_events,
        backlog_pull_seconds: pulling.pull_seconds,
        intake_while_pulling: pulling.while_pulling.0,
        bare_commit: pulling.while_pulling.1,
        intake_at_rest: pulling.at_rest.0,
        bare_commit_at_rest: pulling.at_rest.1,
    };
    Ok(TeamMeasurement {
        server: address.shown().to_owned(),
        cases,
        events,
        push_seconds,
        push_events_per_second: events as f64 / push_seconds,
        join_pull_seconds,
        pull_events_per_second: events as f64 / join_pull_seconds,
        own_pull_seconds,
        live,
    })
}
