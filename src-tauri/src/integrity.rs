//! The whole-file check after start. A file small enough is checked before the window opens
//! (`lupaus_store::recovery::structural_check`); a bigger one is checked here, on its own
//! read-only connection in its own thread, so the desk can be used meanwhile. Damage found is
//! kept in the state and sent to the window, which shows the recovery screen.

use std::time::{Duration, Instant};

use lupaus_store::recovery;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::{AppState, DatabaseProblem};

/// Payload: the [`DatabaseProblem`] found while the desk was in use.
pub const DATABASE_PROBLEM: &str = "database-problem";

/// How long the check waits after start: reading a multi-gigabyte file competes for the disk and
/// both cores with the window's first seconds, when the agent wants the case list (issue 8).
const CHECK_AFTER_START: Duration = Duration::from_secs(30);

/// Starts SQLite's `quick_check` of the open database file in the background, shortly after start.
pub fn start_background_check<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("lupaus-db-check".into()).spawn(move || {
        std::thread::sleep(CHECK_AFTER_START);
        check_now(&app);
    });
    if let Err(error) = spawned {
        tracing::warn!(%error, "cannot start the database check");
    }
}

/// The check itself, on the calling thread; it can take minutes on a big file.
pub fn check_now<R: Runtime>(app: &AppHandle<R>) {
    let path = app.state::<AppState>().db_path().to_path_buf();
    let started = Instant::now();
    match recovery::quick_check_file(&path) {
        Ok(()) => tracing::info!(elapsed_ms = started.elapsed().as_millis(), "database check passed"),
        Err(error) if recovery::needs_recovery(&error) => {
            tracing::error!(%error, "the database check found damage");
            report(app, DatabaseProblem::while_running(&error));
        }
        Err(error) => tracing::warn!(%error, "the database check could not run; it runs again at the next start"),
    }
}

/// Closes the damaged store, keeps `problem` for the recovery screen and tells the window. Closing
/// at once (without a checkpoint) means no save, upkeep or backup writes to the file from now on.
pub fn report<R: Runtime>(app: &AppHandle<R>, problem: DatabaseProblem) {
    let state = app.state::<AppState>();
    state.set_problem(Some(problem.clone()));
    let shared = state.shared_desk();
    if let Ok(mut slot) = shared.lock_slot()
        && let Some(desk) = slot.take()
        && let Err(error) = desk.close_untouched()
    {
        tracing::warn!(%error, "closing the damaged database reported an error");
    }
    if let Err(error) = app.emit(DATABASE_PROBLEM, problem) {
        tracing::warn!(%error, "could not tell the window about the damaged database");
    }
}
