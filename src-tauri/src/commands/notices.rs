//! Working as a team (issue 17): the hand-off notices of the person at the keyboard, where the
//! team's people are, and the lead's list of escalated misses. The rules are the desk layer's.

use lupaus_store::escalations::EscalatedMiss;
use lupaus_store::notices::HandOffNotice;
use lupaus_store::presence::PersonWhereabouts;
use tauri::State;

use crate::{error::IpcError, state::AppState};

/// Hand-offs to the person at the keyboard not yet acknowledged on this desk, newest first.
#[tauri::command(async)]
pub fn hand_off_notices(state: State<'_, AppState>) -> Result<Vec<HandOffNotice>, IpcError> {
    Ok(state.desk()?.hand_off_notices()?)
}

/// The person at the keyboard has read the notice of hand-off `event_id`.
#[tauri::command(async)]
pub fn acknowledge_hand_off_notice(state: State<'_, AppState>, event_id: String) -> Result<(), IpcError> {
    Ok(state.desk()?.acknowledge_hand_off_notice(&event_id)?)
}

/// Where each of the team's people is signed in, or was last.
#[tauri::command(async)]
pub fn team_whereabouts(state: State<'_, AppState>) -> Result<Vec<PersonWhereabouts>, IpcError> {
    Ok(state.desk()?.team_whereabouts()?)
}

/// Missed promises escalated to the leads on any desk, with who saw them and what was done
/// since. Only leads see this list.
#[tauri::command(async)]
pub fn escalated_misses(state: State<'_, AppState>) -> Result<Vec<EscalatedMiss>, IpcError> {
    Ok(state.desk()?.escalated_misses()?)
}
