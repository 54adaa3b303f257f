//! Builds the Tauri context. App commands get generated `allow-<command>` permissions, so the
//! window can call only the commands its capability lists (`capabilities/default.json`).

/// Every command registered in `src/lib.rs`; a unit test keeps the two lists equal.
const COMMANDS: &[&str] = &[
    "app_info",
    "get_autostart",
    "set_autostart",
    "create_case",
    "list_cases",
    "browse_cases",
    "get_case",
    "act_on_case",
    "find_customers",
    "attach_file",
    "customer_cases",
    "backup_now",
    "list_backups",
    "desk_figures",
    "export_figures",
    "approvals",
    "lessons",
    "add_lesson_entry",
    "make_promise",
    "keep_promise",
    "renegotiate_promise",
    "reassign_promise",
    "withdraw_promise",
    "due_promises",
    "suggest_due",
    "read_due",
    "due_weekdays",
    "get_settings",
    "save_settings",
    "current_person",
    "list_people",
    "switch_person",
    "save_person",
    "deactivate_person",
    "set_pin",
    "clear_pin",
    "calendar_days",
    "database_status",
    "recovery_info",
    "restore_backup",
    "quit_app",
];

fn main() {
    // Embed the freshly built front end: rebuild when `ui/dist` changes.
    println!("cargo:rerun-if-changed=../ui/dist");
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(error) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        panic!("tauri-build failed: {error:#}");
    }
}
