use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::{error::IpcError, state::AppState};

/// Facts the UI needs at start.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    /// The OS locale, e.g. `fi-FI`; the UI picks its language from it.
    pub locale: String,
    pub person: String,
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    // Also while the recovery screen is up: the window needs the locale then too.
    let db_path = state.db_path().display().to_string();
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        db_path,
        locale: sys_locale::get_locale().unwrap_or_else(|| "en-US".into()),
        person: state.person(),
    })
}
