use tauri::State;

use crate::autostart::{Autostart, AutostartStatus};
use crate::error::IpcError;

/// Whether Lupaus starts at login.
#[tauri::command(async)]
pub fn get_autostart(autostart: State<'_, Autostart>) -> Result<AutostartStatus, IpcError> {
    Ok(autostart.status()?)
}

/// Starts Lupaus at login, or stops doing so.
#[tauri::command(async)]
pub fn set_autostart(autostart: State<'_, Autostart>, enabled: bool) -> Result<AutostartStatus, IpcError> {
    let status = autostart.set(enabled)?;
    tracing::info!(enabled, entry = %status.entry_path, "start at login changed");
    Ok(status)
}
