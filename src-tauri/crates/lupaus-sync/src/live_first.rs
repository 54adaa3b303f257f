//! A desk whose pull starts at the beginning of the team's history (a new member, or a server
//! restored from a backup) takes the cases still open first: the people and settings, then every
//! event of each open case, all below one snapshot horizon. Its lists and due promises are then
//! usable while the rest of the history (mostly closed cases) follows through the ordinary
//! cursor pull, which places the early events where they belong in the server's order
//! (lupaus-store's apply.rs, `take_place`).
//!
//! Why this is safe: a case's derived rows depend only on its own events in the server's order,
//! and a case's events come here all together and in that order. The one thing that depends on
//! other cases, which returning customer a case belongs to, is decided when the cursor reaches
//! the case's opening (customers.rs, `settle_ahead`). Events pulled ahead move no cursor, so a
//! crash here only repeats this step, and events already here are passed by.

use lupaus_store::team::SyncEvent;
use tokio_postgres::{Client, GenericClient};

use crate::SyncError;
use crate::access::DeskAccess;
use crate::parts::PartSize;
use crate::round::{PULL_BATCH, apply_in_parts};
use crate::server::{EVENT_COLUMNS, Pulled, pulled_from_rows};

/// Open cases read from the server per query: a few hundred keep each answer a few thousand events.
const CASES_PER_READ: usize = 250;

/// What taking the open cases first brought.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TakenFirst {
    pub cases: u64,
    pub pulled: u64,
    pub touched_cases: u64,
}

pub(crate) async fn pull_live_first(
    desk: &mut impl DeskAccess,
    client: &Client,
    shown: &str,
    epoch: &str,
    part_size: &mut PartSize,
) -> Result<TakenFirst, SyncError> {
    let horizon = horizon(client, shown).await?;
    let mut taken = TakenFirst::default();
    // People and settings first: who may do what, and the desk-team settings reminders follow.
    let mut after = ("0".to_owned(), 0_i64);
    loop {
        let facts = team_facts(client, shown, (&after.0, after.1), &horizon, PULL_BATCH).await?;
        let Some(last) = facts.last.clone() else { break };
        let full = facts.events.len() as i64 == PULL_BATCH;
        taken.pulled += apply_ahead(desk, part_size, epoch, facts.events, &mut taken).await?;
        if !full {
            break;
        }
        after = last;
    }
    let cases = live_cases(client, shown, &horizon).await?;
    taken.cases = cases.len() as u64;
    tracing::info!(open_cases = cases.len(), "taking the team's open cases first");
    for chunk in cases.chunks(CASES_PER_READ) {
        let events = case_events(client, shown, chunk, &horizon).await?;
        taken.pulled += apply_ahead(desk, part_size, epoch, events.events, &mut taken).await?;
    }
    Ok(taken)
}

async fn apply_ahead(
    desk: &mut impl DeskAccess,
    part_size: &mut PartSize,
    epoch: &str,
    events: Vec<SyncEvent>,
    taken: &mut TakenFirst,
) -> Result<u64, SyncError> {
    let (new_events, touched) = apply_in_parts(desk, part_size, epoch, events, None).await?;
    taken.touched_cases += touched;
    Ok(new_events)
}

/// The snapshot horizon now: every transaction below it has ended, so what a read capped there
/// finds stays the same however late it runs (a joining desk's reads of its open cases first).
async fn horizon(client: &impl GenericClient, server: &str) -> Result<String, SyncError> {
    let row = client
        .query_one("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", &[])
        .await
        .map_err(|error| SyncError::from_postgres(server, error))?;
    Ok(row.get(0))
}

/// The cases open below `horizon`: opened, and not closed since (the last of their opened,
/// closed and reopened events is not a close). Read through the index of schema 6, never the
/// whole log.
async fn live_cases(client: &impl GenericClient, server: &str, horizon: &str) -> Result<Vec<uuid::Uuid>, SyncError> {
    let rows = client
        .query(
            "SELECT case_gid FROM (
                 SELECT DISTINCT ON (case_gid) case_gid, kind FROM lupaus_events
                 WHERE log = 'case' AND kind IN ('opened', 'closed', 'reopened') AND tx < $1::text::xid8
                 ORDER BY case_gid, tx DESC, seq DESC) last
             WHERE kind <> 'closed'",
            &[&horizon],
        )
        .await
        .map_err(|error| SyncError::from_postgres(server, error))?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}

/// The team's own facts (people, settings: events of no case) after `after` and below
/// `horizon`, in the server's order, up to `limit`.
async fn team_facts(
    client: &impl GenericClient,
    server: &str,
    after: (&str, i64),
    horizon: &str,
    limit: i64,
) -> Result<Pulled, SyncError> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM lupaus_events
         WHERE case_gid IS NULL AND (tx, seq) > ($1::text::xid8, $2) AND tx < $3::text::xid8
         ORDER BY tx, seq LIMIT $4"
    );
    let rows = client
        .query(&sql, &[&after.0, &after.1, &horizon, &limit])
        .await
        .map_err(|error| SyncError::from_postgres(server, error))?;
    pulled_from_rows(rows)
}

/// Every event of `cases` below `horizon`, in the server's order.
async fn case_events(
    client: &impl GenericClient,
    server: &str,
    cases: &[uuid::Uuid],
    horizon: &str,
) -> Result<Pulled, SyncError> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM lupaus_events
         WHERE case_gid = ANY($1::uuid[]) AND tx < $2::text::xid8
         ORDER BY tx, seq"
    );
    let rows =
        client.query(&sql, &[&cases, &horizon]).await.map_err(|error| SyncError::from_postgres(server, error))?;
    pulled_from_rows(rows)
}
