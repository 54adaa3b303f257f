//! The Lupaus desktop shell: the window, the Tauri commands (thin: they parse, call the store or
//! core, and convert errors), the tray, the reminder scheduler and the app's start-up.

mod args;
mod autostart;
mod backups;
#[cfg(test)]
mod bindings;
mod commands;
mod error;
mod logging;
mod paths;
mod reminders;
mod state;
mod tray;

use lupaus_store::Store;
use tauri::{App, RunEvent};

use crate::reminders::texts::Language;
use crate::state::AppState;

/// Starts Lupaus: logging, the database, then the window. Exits with a message if the database
/// cannot be opened, rather than showing a window that cannot save.
pub fn run() {
    let args = args::AppArgs::from_env();
    let _log_guard = logging::init(&lupaus_store::paths::data_dir().join("logs"));
    let db_path = lupaus_store::paths::resolve_db_path(args.db);
    tracing::info!(path = %db_path.display(), "opening database");
    let store = match Store::open(&db_path) {
        Ok(store) => store,
        Err(error) => {
            tracing::error!(code = error.code(), %error, "cannot open the database");
            eprintln!("Lupaus: {error}");
            std::process::exit(2);
        }
    };
    let state = AppState::new(store, state::os_user());

    let builder = tauri::Builder::default()
        .manage(state)
        .manage(autostart::Autostart::for_this_process())
        .setup(|app| {
            start_background(app);
            Ok(())
        })
        .on_window_event(tray::on_window_event);
    match build(builder).build(tauri::generate_context!()) {
        Ok(app) => app.run(|app, event| {
            if let RunEvent::Exit = event {
                reminders::desktop::stop(app);
            }
        }),
        Err(error) => {
            tracing::error!(%error, "the window could not be started");
            eprintln!("Lupaus: the window could not be started: {error}");
            std::process::exit(1);
        }
    }
}

/// The tray and the reminder scheduler. Neither can stop the app from starting.
fn start_background(app: &App) {
    let texts = Language::of_os().texts();
    tray::install(app.handle(), texts);
    reminders::desktop::start(app.handle(), texts);
    backups::start(app.handle());
}

/// Registers the commands; shared by the real app and the command wiring tests.
fn build<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app::app_info,
        commands::autostart::get_autostart,
        commands::autostart::set_autostart,
        commands::cases::create_case,
        commands::cases::list_cases,
        commands::cases::browse_cases,
        commands::cases::get_case,
        commands::cases::act_on_case,
        commands::cases::find_customers,
        commands::data::attach_file,
        commands::data::customer_cases,
        commands::data::backup_now,
        commands::data::list_backups,
        commands::lead::desk_figures,
        commands::lead::export_figures,
        commands::lead::approvals,
        commands::lead::lessons,
        commands::lead::add_lesson_entry,
        commands::promises::make_promise,
        commands::promises::keep_promise,
        commands::promises::renegotiate_promise,
        commands::promises::reassign_promise,
        commands::promises::due_promises,
        commands::promises::suggest_due,
        commands::settings::get_settings,
        commands::settings::save_settings,
        commands::settings::current_person,
        commands::settings::list_people,
        commands::settings::switch_person,
        commands::settings::calendar_days,
    ])
}

#[cfg(test)]
mod wiring_tests;
