//! Attachments, a customer's history, and backups.

use lupaus_store::attachments::Attachment;
use lupaus_store::backup::{self, BackupCheck};
use lupaus_store::cases::CaseSummary;
use tauri::State;

use crate::{error::IpcError, state::AppState};

/// Copies a dropped or chosen file into the data folder and records it on the case.
#[tauri::command(async)]
pub fn attach_file(state: State<'_, AppState>, case_id: i64, path: String) -> Result<Attachment, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    Ok(store.attach_file(case_id, std::path::Path::new(&path), &actor, state.clock.now())?)
}

/// "This customer's earlier complaints", newest first.
#[tauri::command(async)]
pub fn customer_cases(state: State<'_, AppState>, customer_id: i64) -> Result<Vec<CaseSummary>, IpcError> {
    Ok(state.store()?.customer_cases(customer_id, 50)?)
}

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> Result<BackupCheck, IpcError> {
    let store = state.store()?;
    let dir = backup::backups_dir(store.path());
    Ok(store.backup_into(&dir, state.clock.now())?)
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupCheck>, IpcError> {
    let dir = backup::backups_dir(state.store()?.path());
    Ok(backup::list(&dir)?)
}
