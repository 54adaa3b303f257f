use lupaus_core::calendar::CalendarDay;
use lupaus_core::settings::DeskSettings;
use tauri::State;

use crate::{error::IpcError, state::AppState};

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Result<DeskSettings, IpcError> {
    Ok(state.desk()?.settings()?)
}

/// Saves the desk settings (leads only) and moves every open promise's next reminder to the new
/// plan, in one transaction.
#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: DeskSettings) -> Result<DeskSettings, IpcError> {
    Ok(state.desk()?.save_settings(settings)?.settings)
}

/// Business days, holidays and closure days between two dates, for the settings calendar view.
#[tauri::command(async)]
pub fn calendar_days(
    state: State<'_, AppState>,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<CalendarDay>, IpcError> {
    Ok(state.desk()?.calendar_days(from, to)?)
}
