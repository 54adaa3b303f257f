//! One sync round and joining a team. A round pushes everything pending, then pulls until it
//! has caught up with the server's horizon. Every step is safe to crash and to repeat: the
//! server's key absorbs a re-push, and a pulled batch, its canonical positions and the cursor
//! commit together in the desk's desk.

use std::time::Instant;

use lupaus_desk::Desk;
use lupaus_store::team::{Membership, PulledBatch, SyncEvent};
use serde::Serialize;
use tokio_postgres::Client;

use crate::access::DeskAccess;
use crate::parts::PartSize;
use crate::server::{self, ServerAddress};
use crate::{SyncError, beside, live_first, schema, secret};

const PUSH_BATCH: usize = 1000;
/// A pulled batch of at least this many events is followed, on a shared desk, by a
/// checkpoint beside the desk (beside.rs). A batch of 2,000 writes about 4 MiB of WAL
/// (`bench --only team`: 41 MiB for 22,000 events), far below SQLite's backstop checkpoint at
/// 10,000 pages; a trickle of a few events a round is left to the idle upkeep.
const RELIEVE_WAL_AFTER_EVENTS: u64 = 1000;
pub(crate) const PULL_BATCH: i64 = 2000;

/// What `team sync` prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RoundReport {
    /// Events this desk sent that were new to the server.
    pub pushed: u64,
    /// Events from the server new to this desk.
    pub pulled: u64,
    /// This desk's events still waiting for the server.
    pub pending: i64,
    /// Events kept but not applied (conflict losers, unreadable events).
    pub conflicts: i64,
    /// Cases whose derived rows a pull rebuilt: lists showing them should load again.
    #[serde(skip)]
    pub touched_cases: u64,
    /// Set when this round pulled from the start, open cases first (live_first.rs).
    #[serde(skip)]
    pub live_first: Option<LiveFirst>,
}

/// A round that began at the start of the team's history took the open cases first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveFirst {
    /// Open cases taken ahead of the rest of the history.
    pub cases: u64,
    /// From the start of the pull until they, and the team's people and settings, were here:
    /// when the desk's lists and due promises were usable.
    pub ready_after: std::time::Duration,
}

/// One round on `desk`, reached through `access` one short step at a time (see [`DeskAccess`]):
/// the network waits happen between steps, never inside one.
pub async fn sync_round(
    desk: &mut impl DeskAccess,
    client: &mut Client,
    address: &ServerAddress,
) -> Result<RoundReport, SyncError> {
    let shown = address.shown();
    let epoch = checked_epoch(desk, client, shown).await?;
    let mut report = RoundReport::default();
    loop {
        let batch = desk.with(|desk| desk.outbox(PUSH_BATCH)).await?;
        if batch.events.is_empty() {
            if batch.moves_marks() {
                desk.with(move |desk| desk.mark_pushed(&batch)).await?;
            }
            break;
        }
        // The files these events name go first: no desk hears of a file the server lacks.
        let desk_code = batch.events[0].desk.clone();
        crate::files::upload_named(desk, client, shown, &desk_code, &batch.events).await?;
        report.pushed += server::push(client, shown, &batch.events).await?;
        desk.with(move |desk| desk.mark_pushed(&batch)).await?;
    }
    let mut part_size = PartSize::new(desk.apply_budget(), PULL_BATCH as usize);
    if let Some((first, taken)) = live_first_if_at_start(desk, client, shown, &epoch, &mut part_size).await? {
        report.pulled += taken.pulled;
        report.touched_cases += taken.touched_cases;
        report.live_first = Some(first);
    }
    loop {
        let cursor = desk
            .with(|desk| desk.sync_cursor())
            .await?
            .ok_or_else(|| SyncError::Server("the pull cursor was lost".into()))?;
        let pulled = server::pull(client, shown, (&cursor.tx, cursor.seq), PULL_BATCH).await?;
        if pulled.events.is_empty() {
            break;
        }
        let full = pulled.events.len() as i64 == PULL_BATCH;
        let (new_events, touched) =
            apply_in_parts(desk, &mut part_size, &epoch, pulled.events, Some(pulled.positions)).await?;
        report.pulled += new_events;
        report.touched_cases += touched;
        if !full {
            break;
        }
    }
    // When every desk last synced, for the lead's team board (this desk's row stamped now).
    let desks = server::note_desk_synced(client, shown).await?;
    let status = desk
        .with(move |desk| {
            desk.record_desks_seen(&desks)?;
            desk.note_synced()?;
            desk.sync_status()
        })
        .await?;
    report.pending = status.pending;
    report.conflicts = status.flagged;
    Ok(report)
}

/// Checks the server's schema and reads its epoch; a desk that synced with another history
/// (a new member, or a server restored from a backup) starts pulling from the beginning.
async fn checked_epoch(desk: &mut impl DeskAccess, client: &Client, shown: &str) -> Result<String, SyncError> {
    schema::check(client, shown).await?;
    let epoch = server::epoch(client, shown).await?;
    let known = epoch.clone();
    desk.with(move |desk| {
        if desk.sync_cursor()?.is_none_or(|cursor| cursor.epoch != known) {
            tracing::info!(epoch = %known, "pulling the team's history from the start (new server or restored from a backup)");
            desk.restart_sync(&known)?;
        }
        Ok(())
    })
    .await?;
    Ok(epoch)
}

/// Takes the open cases first when the pull starts at the beginning (live_first.rs).
async fn live_first_if_at_start(
    desk: &mut impl DeskAccess,
    client: &Client,
    shown: &str,
    epoch: &str,
    part_size: &mut PartSize,
) -> Result<Option<(LiveFirst, live_first::TakenFirst)>, SyncError> {
    let started = Instant::now();
    let at_start = desk.with(|desk| desk.sync_cursor()).await?.is_some_and(|cursor| cursor.at_start());
    if !at_start {
        return Ok(None);
    }
    let taken = live_first::pull_live_first(desk, client, shown, epoch, part_size).await?;
    Ok(Some((LiveFirst { cases: taken.cases, ready_after: started.elapsed() }, taken)))
}

/// Only the first step of a round that starts at the beginning of the team's history: the
/// team's people and settings and its open cases, nothing pushed, the cursor where it was.
/// `None` when this desk's pull is past the beginning. For the bench and the tests, which look
/// at a joining desk between that step and the rest of its first round.
pub async fn open_cases_first(
    desk: &mut impl DeskAccess,
    client: &Client,
    address: &ServerAddress,
) -> Result<Option<LiveFirst>, SyncError> {
    let shown = address.shown();
    let epoch = checked_epoch(desk, client, shown).await?;
    let mut part_size = PartSize::new(desk.apply_budget(), PULL_BATCH as usize);
    Ok(live_first_if_at_start(desk, client, shown, &epoch, &mut part_size).await?.map(|(first, _)| first))
}

/// Applies pulled `events` in parts, each its own transaction: the desk's lock (and SQLite's
/// one writer) is held for one part at a time, so a save waits at most that long. With the
/// events' `positions` each part moves the cursor to its last event; without, the events were
/// pulled ahead of the cursor and it stays. Returns the events new here and the touched cases.
pub(crate) async fn apply_in_parts(
    desk: &mut impl DeskAccess,
    part_size: &mut PartSize,
    epoch: &str,
    events: Vec<SyncEvent>,
    positions: Option<Vec<(String, i64)>>,
) -> Result<(u64, u64), SyncError> {
    let (mut new_events, mut touched) = (0, 0);
    // Events met again (pulled ahead earlier) are written too: their places are settled.
    let handled = events.len() as u64;
    let shared = beside::shared_database(desk).await?;
    let mut positions = positions.map(Vec::into_iter);
    let mut events = events.into_iter().peekable();
    while events.peek().is_some() {
        let size = part_size.next();
        let part: Vec<SyncEvent> = events.by_ref().take(size).collect();
        let cursor = positions.as_mut().and_then(|positions| positions.by_ref().take(part.len()).last());
        let count = part.len();
        let batch = PulledBatch { epoch: epoch.to_owned(), events: part, cursor };
        let (applied, took) = desk
            .with(move |desk| {
                let started = Instant::now();
                let applied = desk.apply_pulled(&batch)?;
                Ok((applied, started.elapsed()))
            })
            .await?;
        part_size.took(took, count, PULL_BATCH as usize);
        if let Some(database) = &shared {
            beside::flush_part(database).await;
        }
        new_events += applied.new_events as u64;
        touched += applied.touched_cases as u64;
    }
    if let Some(database) = shared.filter(|_| handled >= RELIEVE_WAL_AFTER_EVENTS) {
        beside::checkpoint(desk, &database).await?;
    }
    Ok((new_events, touched))
}

/// Joins the team at `address` as desk `desk`: the login is checked on the server first, so a
/// wrong secret or an unreachable server changes nothing here. Then the desk records its
/// membership, keeps the secret, and pushes its whole history in a first round.
pub async fn join(
    desk: &mut impl DeskAccess,
    address: &ServerAddress,
    desk_name: &str,
    secret_text: &str,
) -> Result<(Membership, RoundReport), SyncError> {
    let code = crate::admin::desk_code(desk_name)?;
    if let Some(team) = desk.with(|desk| desk.team()).await? {
        return Err(SyncError::BadInput(format!(
            "This desk is already in the team at {} as {}. Leave it first (lupaus-cli team leave).",
            team.server_url, team.desk_code
        )));
    }
    let mut client = address.connect_desk(&code, secret_text).await?;
    schema::check(&client, address.shown()).await?;
    let row = client
        .query_opt("SELECT desk_code FROM lupaus_desks WHERE role_name = current_user AND removed_at IS NULL", &[])
        .await
        .map_err(|error| SyncError::from_postgres(address.shown(), error))?;
    let Some(row) = row else {
        return Err(SyncError::LoginRefused(format!("desk {code} is not (or no longer) in this team")));
    };
    let code: String = row.get(0);
    let url = format!("postgres://{}", address.shown());
    let path = desk.with(|desk| Ok(desk.path().to_owned())).await?;
    let kept = secret_text.to_owned();
    crate::access::blocking(move || secret::save(&path, &kept)).await?;
    let name = desk_name.to_owned();
    let ca_file = address.ca_file().map(|path| path.display().to_string());
    let membership = desk.with(move |desk| desk.join_team_trusting(&url, &name, &code, ca_file.as_deref())).await?;
    let report = sync_round(desk, &mut client, address).await?;
    Ok((membership, report))
}

/// Where this desk's server is and the desk's login: its membership and kept secret.
pub async fn login(desk: &mut impl DeskAccess) -> Result<Option<(ServerAddress, String, String)>, SyncError> {
    let found = desk
        .with(|desk| {
            let Some(team) = desk.team()? else { return Ok(None) };
            Ok(Some((team, desk.path().to_owned())))
        })
        .await?;
    let Some((team, path)) = found else { return Ok(None) };
    let mut address = ServerAddress::parse(&team.server_url)?;
    if let Some(ca_file) = &team.ca_file {
        address = address.with_ca_file(std::path::Path::new(ca_file))?;
    }
    // The keyring may block on the OS's service: off the runtime.
    let secret = crate::access::blocking(move || secret::load(&path)).await?;
    Ok(Some((address, team.desk_code, secret)))
}

/// Connects as this desk, from its membership and kept secret, and runs one round.
pub async fn sync_desk(desk: &mut impl DeskAccess) -> Result<RoundReport, SyncError> {
    let (address, code, secret) = login(desk).await?.ok_or(SyncError::NotInTeam)?;
    let mut client = address.connect_desk(&code, &secret).await?;
    sync_round(desk, &mut client, &address).await
}

/// Leaves the team: the desk keeps everything and works alone; the secret is forgotten.
pub fn leave(desk: &mut Desk) -> Result<bool, SyncError> {
    let left = desk.leave_team()?;
    secret::forget(desk.path())?;
    Ok(left)
}
