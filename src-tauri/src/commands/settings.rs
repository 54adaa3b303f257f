use lupaus_core::calendar::CalendarDay;
use lupaus_core::settings::DeskSettings;
use lupaus_store::team::SettingsChange;
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

/// The settings audit trail (leads only): each change in the team's order, by whom, when, the
/// fields before and after, and whether it took effect.
#[tauri::command(async)]
pub fn settings_history(state: State<'_, AppState>) -> Result<Vec<SettingsChange>, IpcError> {
    Ok(state.desk()?.settings_history()?)
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
