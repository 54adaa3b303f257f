// Every Tauri command of the app, once. This file is read twice: by `src/lib.rs`, where it feeds
// the invoke handler, and by `build.rs` (through `include!`), where it names the commands that get
// `allow-<command>` permissions. A wiring test checks that the window's capability and the UI's
// typed wrappers (`ui/src/lib/api.ts`) name exactly these.
//
// `lupaus_commands!(m)` calls the macro `m` with the list as `area::command` paths under
// `src/commands/`.

macro_rules! lupaus_commands {
    ($then:ident) => {
        $then! {
            app::app_info,
            autostart::get_autostart,
            autostart::set_autostart,
            cases::create_case,
            cases::browse_cases,
            cases::get_case,
            cases::act_on_case,
            cases::find_customers,
            cases::customer_history,
            data::attach_file,
            data::open_attachment,
            data::backup_now,
            data::list_backups,
            lead::desk_figures,
            lead::export_figures,
            lead::approvals,
            lead::lessons,
            lead::add_lesson_entry,
            board::team_board,
            board::conflicts,
            board::resolve_conflict,
            promises::make_promise,
            promises::keep_promise,
            promises::renegotiate_promise,
            promises::reassign_promise,
            promises::withdraw_promise,
            promises::read_due,
            promises::due_weekdays,
            promises::due_promises,
            promises::suggest_due,
            settings::get_settings,
            settings::save_settings,
            settings::calendar_days,
            settings::settings_history,
            people::current_person,
            people::choose_language,
            people::list_people,
            people::switch_person,
            people::save_person,
            people::deactivate_person,
            people::set_pin,
            people::clear_pin,
            team::team_status,
            team::join_team,
            team::leave_team,
            recovery::database_status,
            recovery::recovery_info,
            recovery::restore_backup,
            recovery::quit_app,
        }
    };
}
