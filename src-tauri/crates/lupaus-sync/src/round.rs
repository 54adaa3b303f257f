//! One sync round and joining a team. A round pushes everything pending, then pulls until it
//! has caught up with the server's horizon. Every step is safe to crash and to repeat: the
//! server's key absorbs a re-push, and a pulled batch, its canonical positions and the cursor
//! commit together in the desk's desk.

use lupaus_desk::Desk;
use lupaus_store::team::{Membership, PulledBatch};
use serde::Serialize;
use tokio_postgres::Client;

use crate::server::{self, ServerAddress};
use crate::{SyncError, schema, secret};

const PUSH_BATCH: usize = 1000;
const PULL_BATCH: i64 = 2000;

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
}

pub async fn sync_round(
    desk: &mut Desk,
    client: &mut Client,
    address: &ServerAddress,
) -> Result<RoundReport, SyncError> {
    let shown = address.shown();
    schema::check(client, shown).await?;
    let epoch = server::epoch(client, shown).await?;
    if desk.sync_cursor()?.is_none_or(|cursor| cursor.epoch != epoch) {
        tracing::info!(%epoch, "pulling the team's history from the start (new server or restored from a backup)");
        desk.restart_sync(&epoch)?;
    }
    let mut report = RoundReport::default();
    loop {
        let batch = desk.outbox(PUSH_BATCH)?;
        if batch.events.is_empty() {
            break;
        }
        report.pushed += server::push(client, shown, &batch.events).await?;
        desk.mark_pushed(&batch)?;
    }
    loop {
        let cursor = desk.sync_cursor()?.ok_or_else(|| SyncError::Server("the pull cursor was lost".into()))?;
        let pulled = server::pull(client, shown, (&cursor.tx, cursor.seq), PULL_BATCH).await?;
        let Some((tx, seq)) = pulled.last.clone() else { break };
        let full = pulled.events.len() as i64 == PULL_BATCH;
        let applied = desk.apply_pulled(&PulledBatch {
            epoch: epoch.clone(),
            events: pulled.events,
            cursor_tx: tx,
            cursor_seq: seq,
        })?;
        report.pulled += applied.new_events as u64;
        if !full {
            break;
        }
    }
    desk.note_synced()?;
    let status = desk.sync_status()?;
    report.pending = status.pending;
    report.conflicts = status.flagged;
    Ok(report)
}

/// Joins the team at `address` as desk `desk`: the login is checked on the server first, so a
/// wrong secret or an unreachable server changes nothing here. Then the desk records its
/// membership, keeps the secret, and pushes its whole history in a first round.
pub async fn join(
    desk: &mut Desk,
    address: &ServerAddress,
    desk_name: &str,
    secret_text: &str,
) -> Result<(Membership, RoundReport), SyncError> {
    let code = crate::admin::desk_code(desk_name)?;
    if let Some(team) = desk.team()? {
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
    secret::save(desk.path(), secret_text)?;
    let membership = desk.join_team(&url, desk_name, &code)?;
    let report = sync_round(desk, &mut client, address).await?;
    Ok((membership, report))
}

/// Connects as this desk, from its membership and kept secret, and runs one round.
pub async fn sync_desk(desk: &mut Desk) -> Result<RoundReport, SyncError> {
    let team = desk.team()?.ok_or(SyncError::NotInTeam)?;
    let address = ServerAddress::parse(&team.server_url)?;
    let secret = secret::load(desk.path())?;
    let mut client = address.connect_desk(&team.desk_code, &secret).await?;
    sync_round(desk, &mut client, &address).await
}

/// Leaves the team: the desk keeps everything and works alone; the secret is forgotten.
pub fn leave(desk: &mut Desk) -> Result<bool, SyncError> {
    let left = desk.leave_team()?;
    secret::forget(desk.path())?;
    Ok(left)
}
