use lupaus_core::case::NewCase;
use lupaus_core::lifecycle::CaseCommand;
use lupaus_store::cases::{CaseDetail, CaseListQuery, CaseSummary};
use lupaus_store::customers::Customer;
use tauri::State;

use crate::{error::IpcError, state::AppState};

#[tauri::command(async)]
pub fn create_case(state: State<'_, AppState>, intake: NewCase) -> Result<CaseSummary, IpcError> {
    let intake = intake.validate()?;
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    Ok(store.create_case(intake, &actor, state.clock.now())?)
}

#[tauri::command(async)]
pub fn list_cases(state: State<'_, AppState>, query: CaseListQuery) -> Result<Vec<CaseSummary>, IpcError> {
    Ok(state.store()?.list_cases(&query)?)
}

#[tauri::command(async)]
pub fn get_case(state: State<'_, AppState>, case_id: i64) -> Result<CaseDetail, IpcError> {
    let store = state.store()?;
    let actor = state.actor(&store)?;
    Ok(store.case_detail(case_id, &actor, state.clock.now())?)
}

#[tauri::command(async)]
pub fn act_on_case(state: State<'_, AppState>, case_id: i64, command: CaseCommand) -> Result<CaseDetail, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    let policy = store.desk_settings()?.settings.policy;
    let detail = store.act_on_case(case_id, command, &actor, state.clock.now(), &policy)?;
    // A hand-off can promise the customer a call back.
    state.reminders_changed();
    Ok(detail)
}

#[tauri::command(async)]
pub fn find_customers(state: State<'_, AppState>, query: String) -> Result<Vec<Customer>, IpcError> {
    Ok(state.store()?.find_customers(&query, 10)?)
}

/// The case list with the agent's chosen view, "mine only", search and sort.
#[tauri::command(async)]
pub fn browse_cases(
    state: State<'_, AppState>,
    filter: lupaus_store::case_views::CaseFilter,
) -> Result<Vec<CaseSummary>, IpcError> {
    Ok(state.store()?.browse_cases(&filter, state.clock.now())?)
}
