//! The Lupaus desktop shell: the window, the Tauri commands (thin: they parse, call the store or
//! core, and convert errors), the tray, the reminder scheduler and the app's start-up.

// Windows only: the process's app id, which its toasts and taskbar button go by.
#[cfg(windows)]
mod app_id;
mod args;
#[macro_use]
mod command_list;
mod autostart;
mod backups;
// Windows only; tested everywhere.
#[cfg(any(windows, test))]
mod badge;
#[cfg(test)]
mod bindings;
mod commands;
mod error;
mod integrity;
mod language;
mod logging;
mod maintenance;
mod paths;
mod reminders;
mod state;
mod team;
mod tray;
pub mod webview;

use lupaus_store::recovery::{self, CheckedAtOpen};
use tauri::{App, Manager, RunEvent};

use crate::state::{AppState, DatabaseProblem};

/// Starts Lupaus: logging, the database, then the window. A database file that is damaged, not
/// ours, or from a newer Lupaus is left untouched and the window opens on the recovery screen;
/// any other failure to open (no permission, a busy disk) exits with a message.
pub fn run() {
    let args = args::AppArgs::from_env();
    let _log_guard = logging::init(&lupaus_store::paths::data_dir().join("logs"));
    // Before any window: Windows files a window under the process's app id when it appears.
    #[cfg(windows)]
    if let Err(error) = app_id::claim_for_process() {
        tracing::warn!(%error, "toasts and the taskbar may not be filed under Lupaus");
    }
    let db_path = lupaus_store::paths::resolve_db_path(args.db);
    tracing::info!(path = %db_path.display(), "opening database");
    let opening = std::time::Instant::now();
    let (state, check_owed) = match recovery::open_checked(&db_path) {
        Ok((store, checked)) => {
            // A start-up phase: scripts/measure-cold-start.mjs prints it beside each run.
            tracing::info!(elapsed_ms = opening.elapsed().as_millis(), "database open");
            (AppState::for_os_user(store), checked == CheckedAtOpen::StructureOnly)
        }
        Err(error) if recovery::needs_recovery(&error) => {
            tracing::error!(code = error.code(), %error, "the database cannot be used; showing the recovery screen");
            (AppState::needing_recovery(db_path, DatabaseProblem::at_open(&error)), false)
        }
        Err(error) => {
            tracing::error!(code = error.code(), %error, "cannot open the database");
            eprintln!("Lupaus: {error}");
            std::process::exit(2);
        }
    };

    // First, so a second start hands over before anything else begins (a second scheduler).
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| bring_forward(app)))
        .manage(state)
        .manage(autostart::Autostart::for_this_process())
        .setup(move |app| {
            start_background(app, check_owed);
            Ok(())
        })
        .on_window_event(tray::on_window_event);
    match build(builder).build(tauri::generate_context!()) {
        Ok(app) => app.run(|app, event| {
            if let RunEvent::Exit = event {
                reminders::desktop::stop(app);
                team::stop(app);
            }
        }),
        Err(error) => {
            tracing::error!(%error, "the window could not be started");
            eprintln!("Lupaus: the window could not be started: {error}");
            std::process::exit(1);
        }
    }
}

/// Lupaus was started again while running: show its window instead of a second desk.
fn bring_forward(app: &tauri::AppHandle) {
    tracing::info!("Lupaus was started again; bringing the running window forward");
    tray::show_main_window(app);
}

/// The tray, the reminder scheduler, the daily backup, the idle maintenance, the team sync task and, for a file too
/// big to check before the window opened, the database check. None can stop the app from
/// starting; the tasks that need the store wait while none is open.
fn start_background(app: &App, check_owed: bool) {
    let spoken = app.state::<AppState>().spoken();
    tray::install(app.handle(), spoken.clone());
    reminders::desktop::start(app.handle(), spoken);
    backups::start(app.handle());
    maintenance::start(app.handle());
    team::start(app.handle());
    if check_owed {
        integrity::start_background_check(app.handle());
    }
}

/// Registers the commands (the one list in `src/commands/list.rs`); shared by the real app and the
/// command wiring tests.
fn build<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    macro_rules! handlers {
        ($($area:ident::$name:ident),* $(,)?) => {
            tauri::generate_handler![$(commands::$area::$name),*]
        };
    }
    // Wrong PINs are counted here, in memory, for every window and the wiring tests alike.
    builder
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::people::PinGuard::default())
        .invoke_handler(lupaus_commands!(handlers))
}

#[cfg(test)]
mod files_wiring_tests;
#[cfg(test)]
mod recovery_wiring_tests;
// Unix only: they start Debian's PostgreSQL (lupaus_sync::test_server).
#[cfg(all(test, unix))]
mod team_wiring_tests;
#[cfg(test)]
mod wiring_tests;
