use lupaus_core::case::NewCase;
use lupaus_store::cases::{CaseListQuery, CaseSummary};
use tauri::State;

use crate::{error::IpcError, state::AppState};

#[tauri::command(async)]
pub fn create_case(state: State<'_, AppState>, intake: NewCase) -> Result<CaseSummary, IpcError> {
    let intake = intake.validate()?;
    let now = state.clock.now();
    Ok(state.store()?.create_case(&intake, &state.person, now)?)
}

#[tauri::command(async)]
pub fn list_cases(state: State<'_, AppState>, query: CaseListQuery) -> Result<Vec<CaseSummary>, IpcError> {
    Ok(state.store()?.list_cases(&query)?)
}
