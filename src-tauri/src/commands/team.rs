//! Team mode in Settings → Team and the header: the link's status, joining a team, leaving it.
//! Joining and leaving go through lupaus-sync's `round::join`/`leave`, the same the CLI's
//! `team join`/`leave` use; the secret comes from a password field and goes only to the login
//! and the desk's secret store, never to a log line or the SQLite file.

use chrono::{DateTime, Utc};
use lupaus_sync::live::Link;
use lupaus_sync::round;
use lupaus_sync::server::ServerAddress;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::AppState;
use crate::team::SlotAccess;

/// How the desk's link to its team server stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TeamLinkState {
    /// Joined; the first round has not finished yet.
    Connecting,
    Online,
    /// The last attempt failed: `problem` says why; saves wait on the desk meanwhile.
    Offline,
}

/// A desk in a team, as the header and Settings → Team show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TeamView {
    pub desk_name: String,
    /// The code in this desk's references, e.g. KASSA2.
    pub desk_code: String,
    /// host:port/database, never a password.
    pub server: String,
    pub link: TeamLinkState,
    /// The last finished round; None before the first.
    pub last_sync_at: Option<DateTime<Utc>>,
    /// This desk's events not yet on the server.
    pub pending: i64,
    /// Events kept but not applied (conflict losers a lead reviews, unreadable events).
    pub flagged: i64,
    /// The desk joined a team with a history: its open cases are here, older ones still arrive.
    pub history_arriving: bool,
    pub problem: Option<IpcError>,
}

/// The desk's team and its link; None for a standalone desk (the header shows nothing).
#[tauri::command(async)]
pub fn team_status(state: State<'_, AppState>) -> Result<Option<TeamView>, IpcError> {
    status(&state)
}

/// Joins the team at `server` as desk `desk` with the secret the team's admin gave. The login
/// is checked first: a wrong secret or an unreachable server changes nothing on this desk.
/// `ca_file`: the team's own certificate authority (PEM), kept and trusted for its server.
#[tauri::command]
pub async fn join_team(
    state: State<'_, AppState>,
    server: String,
    desk: String,
    secret: String,
    ca_file: Option<String>,
) -> Result<Option<TeamView>, IpcError> {
    let secret = secret.trim();
    if secret.is_empty() {
        return Err(IpcError::invalid("secret", "Type the desk's secret the team's admin gave you."));
    }
    let mut address = ServerAddress::parse(server.trim())?;
    if let Some(path) = ca_file.as_deref().map(str::trim).filter(|path| !path.is_empty()) {
        address = address.with_ca_file(std::path::Path::new(path))?;
    }
    let mut access = SlotAccess(state.shared_desk());
    round::join(&mut access, &address, &desk, secret).await?;
    state.team.kick();
    status(&state)
}

/// Leaves the team: the desk keeps everything and works alone; the secret is forgotten.
#[tauri::command(async)]
pub fn leave_team(state: State<'_, AppState>) -> Result<Option<TeamView>, IpcError> {
    round::leave(&mut *state.desk()?)?;
    state.team.kick();
    status(&state)
}

fn status(state: &AppState) -> Result<Option<TeamView>, IpcError> {
    let sync = state.desk()?.sync_status()?;
    let Some(team) = sync.team else { return Ok(None) };
    let health = state.team.health();
    let link = match health.link {
        Link::Online => TeamLinkState::Online,
        Link::Offline => TeamLinkState::Offline,
        // Just joined: the task has not looked yet.
        Link::Standalone | Link::Connecting => TeamLinkState::Connecting,
    };
    Ok(Some(TeamView {
        desk_name: team.desk_name,
        desk_code: team.desk_code,
        server: team.server_url.trim_start_matches("postgres://").to_owned(),
        link,
        last_sync_at: team.last_sync_at,
        pending: sync.pending,
        flagged: sync.flagged,
        history_arriving: sync.ahead > 0,
        problem: health
            .problem
            .filter(|_| link == TeamLinkState::Offline)
            .map(|problem| IpcError::new(&problem.code, &problem.message)),
    }))
}
