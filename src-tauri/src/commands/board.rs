//! The lead's team board and conflict review (issue 17): promises due across the team's desks,
//! each desk's last sync and each agent's load.

use lupaus_desk::TeamBoard;
use tauri::State;

use crate::{error::IpcError, state::AppState};

/// Promises overdue or due within `within_hours`, of every desk, with each desk's last sync.
#[tauri::command(async)]
pub fn team_board(state: State<'_, AppState>, within_hours: u32) -> Result<TeamBoard, IpcError> {
    Ok(state.desk()?.team_board(within_hours)?)
}
