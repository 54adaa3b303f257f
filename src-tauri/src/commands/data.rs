//! Attachments and backups.

use lupaus_store::attachments::Attachment;
use lupaus_store::backup::BackupCheck;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::team::SlotAccess;
use crate::{error::IpcError, state::AppState};

/// Copies a dropped or chosen file into the data folder and records it on the case.
#[tauri::command(async)]
pub fn attach_file(state: State<'_, AppState>, case_id: i64, path: String) -> Result<Attachment, IpcError> {
    Ok(state.desk()?.attach_file(case_id, std::path::Path::new(&path))?)
}

/// Opens an attachment with the OS's default program. The window names only the attachment; the
/// desk decides the path (a checked copy inside the attachments folder, of a type it opens), so
/// the window holds no opener permission and cannot open any other path or URL. Another desk's
/// file is fetched from the team server first and kept once its hash matches.
#[tauri::command]
pub async fn open_attachment<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    attachment_id: i64,
) -> Result<(), IpcError> {
    let mut access = SlotAccess(state.shared_desk());
    lupaus_sync::files::fetch_attachment(&mut access, attachment_id).await?;
    let path = state.desk()?.attachment_to_open(attachment_id)?;
    app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|error| {
        tracing::warn!(path = %path.display(), %error, "no program opened an attachment");
        IpcError::new("no_program_to_open", &format!("No program on this computer opened {}: {error}", path.display()))
    })
}

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> Result<BackupCheck, IpcError> {
    Ok(state.desk()?.backup_now()?)
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupCheck>, IpcError> {
    Ok(state.desk()?.backups()?)
}
