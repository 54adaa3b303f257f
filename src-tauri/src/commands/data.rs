//! Attachments and backups.

use lupaus_store::attachments::Attachment;
use lupaus_store::backup::BackupCheck;
use tauri::State;

use crate::{error::IpcError, state::AppState};

/// Copies a dropped or chosen file into the data folder and records it on the case.
#[tauri::command(async)]
pub fn attach_file(state: State<'_, AppState>, case_id: i64, path: String) -> Result<Attachment, IpcError> {
    Ok(state.desk()?.attach_file(case_id, std::path::Path::new(&path))?)
}

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> Result<BackupCheck, IpcError> {
    Ok(state.desk()?.backup_now()?)
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupCheck>, IpcError> {
    Ok(state.desk()?.backups()?)
}
