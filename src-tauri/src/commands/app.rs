use lupaus_core::language::Language;
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
    /// The language the person at the keyboard chose on this computer; `None` follows `locale`.
    pub language: Option<Language>,
    /// The desk's time zone (IANA name) from its settings: the window shows and reads every time
    /// in it. The default zone while no database is open.
    pub time_zone: String,
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
        language: state.desk().ok().and_then(|desk| desk.language()),
        time_zone: state.desk().ok().and_then(|desk| desk.settings().ok()).map_or_else(
            || lupaus_core::calendar::DEFAULT_TIME_ZONE.to_owned(),
            |settings| settings.calendar.time_zone,
        ),
    })
}
