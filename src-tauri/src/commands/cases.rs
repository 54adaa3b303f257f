use lupaus_core::lifecycle::CaseCommand;
use lupaus_desk::{CaseCreated, CaseIntake, CustomerHistory};
use lupaus_store::case_views::CaseFilter;
use lupaus_store::cases::{CaseDetail, CaseSummary};
use lupaus_store::customers::Customer;
use tauri::State;

use crate::{error::IpcError, state::AppState};

/// Opens a case with its call-back promise, if one was made: both are saved or neither.
#[tauri::command(async)]
pub fn create_case(state: State<'_, AppState>, intake: CaseIntake) -> Result<CaseCreated, IpcError> {
    Ok(state.desk()?.create_case(intake)?)
}

#[tauri::command(async)]
pub fn get_case(state: State<'_, AppState>, case_id: i64) -> Result<CaseDetail, IpcError> {
    Ok(state.desk()?.case_detail(case_id)?)
}

#[tauri::command(async)]
/// `away_confirmed`: the sender saw the warning that the receiver of a hand-off is deactivated.
pub fn act_on_case(
    state: State<'_, AppState>,
    case_id: i64,
    command: CaseCommand,
    away_confirmed: Option<bool>,
) -> Result<CaseDetail, IpcError> {
    Ok(state.desk()?.act_on_case_confirming(case_id, command, away_confirmed.unwrap_or(false))?)
}

#[tauri::command(async)]
pub fn find_customers(state: State<'_, AppState>, query: String) -> Result<Vec<Customer>, IpcError> {
    Ok(state.desk()?.find_customers(&query)?)
}

/// A returning customer's cases and open promises, for the intake form.
#[tauri::command(async)]
pub fn customer_history(state: State<'_, AppState>, customer_id: i64) -> Result<CustomerHistory, IpcError> {
    Ok(state.desk()?.customer_history(customer_id)?)
}

/// The case list with the agent's chosen view, "mine only", search and sort.
#[tauri::command(async)]
pub fn browse_cases(state: State<'_, AppState>, filter: CaseFilter) -> Result<Vec<CaseSummary>, IpcError> {
    Ok(state.desk()?.browse_cases(&filter)?)
}
