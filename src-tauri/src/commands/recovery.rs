//! The recovery screen: why the database cannot be used, its backups, and restoring one in
//! process (the store is swapped in the state, so the window and its WebDriver session stay).

use lupaus_store::backup::RestoreReport;
use lupaus_store::recovery::{self, RecoveryBackup};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::{AppState, DatabaseProblem};

/// What the window shows first: the desk, or the recovery screen and why.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DatabaseStatus {
    pub db_path: String,
    /// Set when the file cannot be used; the desk is then replaced by the recovery screen.
    pub problem: Option<DatabaseProblem>,
}

/// The recovery screen's content.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RecoveryInfo {
    pub db_path: String,
    pub problem: Option<DatabaseProblem>,
    /// Where the backups are looked for, to name when there are none.
    pub backups_dir: String,
    /// Newest first.
    pub backups: Vec<RecoveryBackup>,
}

#[tauri::command(async)]
pub fn database_status(state: State<'_, AppState>) -> DatabaseStatus {
    DatabaseStatus { db_path: state.db_path().display().to_string(), problem: state.problem() }
}

#[tauri::command(async)]
pub fn recovery_info(state: State<'_, AppState>) -> Result<RecoveryInfo, IpcError> {
    Ok(RecoveryInfo {
        db_path: state.db_path().display().to_string(),
        problem: state.problem(),
        backups_dir: lupaus_store::backup::backups_dir(state.db_path()).display().to_string(),
        backups: recovery::backups_for(state.db_path())?,
    })
}

/// Puts the listed backup at `path` in place of the database and opens it; the file it replaces
/// is kept aside untouched. A database from a newer Lupaus is replaced only with `accept_older`.
/// From the recovery screen anyone may; over a working database (settings) only a team lead.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: String, accept_older: bool) -> Result<RestoreReport, IpcError> {
    let too_new = state.problem().is_some_and(|problem| problem.code == "database_too_new");
    if too_new && !accept_older {
        let message = "The database was written by a newer Lupaus. Update Lupaus to keep it, or confirm that you \
                       want the older backup instead.";
        return Err(IpcError {
            field: Some("accept_older".into()),
            ..IpcError::new("older_backup_not_accepted", message)
        });
    }
    if state.problem().is_none() {
        lupaus_core::people::check_restore_over_working_database(&state.desk()?.actor()?)?;
    }
    let listed = recovery::backups_for(state.db_path())?;
    let Some(chosen) = listed.iter().find(|backup| backup.path == path) else {
        return Err(IpcError::invalid("path", "Choose one of the backups listed on this screen."));
    };
    let shared = state.shared_desk();
    let mut slot = shared.lock_slot()?;
    let person = slot.as_ref().map(|desk| desk.person().to_owned());
    // Closed without a checkpoint: the file and its `-wal` are set aside exactly as they are.
    if let Some(open) = slot.take()
        && let Err(error) = open.close_untouched()
    {
        tracing::warn!(%error, "closing the damaged database reported an error; setting it aside anyway");
    }
    let restored =
        lupaus_store::backup::restore(std::path::Path::new(&chosen.path), state.db_path(), state.clock.now());
    let (store, report) = match restored {
        Ok(restored) => restored,
        Err(error) => {
            // The file was left or put back where it was; reopen it if it was open before.
            if state.problem().is_none() {
                *slot = lupaus_store::Store::open(state.db_path()).ok().map(|store| state.desk_on(store, person));
            }
            return Err(error.into());
        }
    };
    // As at a fresh start: the restored people may have PINs, and a PIN is never skipped.
    *slot = Some(state.desk_on(store, None));
    drop(slot);
    state.set_problem(None);
    state.store_opened();
    Ok(report)
}

/// The recovery screen's "Quit Lupaus".
#[tauri::command]
pub fn quit_app<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}
