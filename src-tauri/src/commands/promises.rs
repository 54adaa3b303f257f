use chrono::{DateTime, Utc};
use lupaus_core::calendar::BusinessSpan;
use lupaus_core::promise::{NewPromise, Promise, Renegotiated};
use lupaus_store::promises::PromiseView;
use tauri::State;

use crate::{error::IpcError, state::AppState};

#[tauri::command(async)]
pub fn make_promise(state: State<'_, AppState>, case_id: i64, promise: NewPromise) -> Result<Promise, IpcError> {
    Ok(state.desk()?.make_promise(case_id, promise)?)
}

/// `kept_at` is when the contact happened; it defaults to now.
#[tauri::command(async)]
pub fn keep_promise(
    state: State<'_, AppState>,
    promise_id: i64,
    outcome: String,
    kept_at: Option<DateTime<Utc>>,
) -> Result<Promise, IpcError> {
    Ok(state.desk()?.keep_promise(promise_id, &outcome, kept_at)?)
}

#[tauri::command(async)]
pub fn renegotiate_promise(
    state: State<'_, AppState>,
    promise_id: i64,
    new_due_at: DateTime<Utc>,
    customer_told_at: Option<DateTime<Utc>>,
) -> Result<Renegotiated, IpcError> {
    Ok(state.desk()?.renegotiate_promise(promise_id, new_due_at, customer_told_at)?)
}

#[tauri::command(async)]
pub fn reassign_promise(state: State<'_, AppState>, promise_id: i64, owner: String) -> Result<Promise, IpcError> {
    Ok(state.desk()?.reassign_promise(promise_id, &owner)?)
}

/// The in-app reminder list: open promises overdue or due within `within_hours`, soonest first,
/// at most `limit` of them (the banner asks only for the few it shows) and never more than 200.
#[tauri::command(async)]
pub fn due_promises(
    state: State<'_, AppState>,
    within_hours: u32,
    mine_only: bool,
    limit: Option<u32>,
) -> Result<Vec<PromiseView>, IpcError> {
    Ok(state.desk()?.my_due_promises(within_hours, mine_only, limit)?)
}

/// A due time to promise: `within` business time from now plus the desk's buffer, inside opening hours.
#[tauri::command(async)]
pub fn suggest_due(state: State<'_, AppState>, within: BusinessSpan) -> Result<DateTime<Utc>, IpcError> {
    Ok(state.desk()?.suggest_due(within)?)
}
