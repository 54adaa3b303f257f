//! The lead's team board and conflict review (issue 17): promises due across the team's desks,
//! each desk's last sync and each agent's load.

use lupaus_desk::TeamBoard;
use lupaus_store::team::Conflict;
use tauri::State;

use crate::{error::IpcError, state::AppState};

/// Promises overdue or due within `within_hours`, of every desk, with each desk's last sync.
#[tauri::command(async)]
pub fn team_board(state: State<'_, AppState>, within_hours: u32) -> Result<TeamBoard, IpcError> {
    Ok(state.desk()?.team_board(within_hours)?)
}

/// Conflicts between desks waiting for a lead's review; reviewed ones too when `all`.
#[tauri::command(async)]
pub fn conflicts(state: State<'_, AppState>, all: bool) -> Result<Vec<Conflict>, IpcError> {
    Ok(state.desk()?.conflicts(all)?)
}

/// A lead resolves a conflict with one click: the team's order's outcome stands, the flag
/// clears on every desk once the review has synced.
#[tauri::command(async)]
pub fn resolve_conflict(state: State<'_, AppState>, event_id: String, note: String) -> Result<Conflict, IpcError> {
    Ok(state.desk()?.resolve_conflict(&event_id, &note)?)
}
