//! The recovery commands through IPC on the mock runtime: a desk started on a damaged or too-new
//! file lists its backups and restores one in process, and damage found while running closes the
//! store and tells the window.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use lupaus_store::Store;
use serde_json::{Value, json};
use tauri::test::{MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::{Listener, Manager};

use crate::autostart::Autostart;
use crate::state::{AppState, DatabaseProblem};
use crate::wiring_tests::{intake, invoke};

type Window = tauri::WebviewWindow<MockRuntime>;

fn app_with(state: AppState) -> (tauri::App<MockRuntime>, Window) {
    let autostart = Autostart::from_env(|_| None, "/usr/bin/lupaus".into());
    let builder = mock_builder().manage(state).manage(autostart);
    let app = crate::build(builder).build(mock_context(noop_assets())).expect("mock app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    (app, window)
}

/// A database file with two cases backed up and a third made after the backup, closed.
fn desk_with_backup(dir: &Path) -> PathBuf {
    let db = dir.join("lupaus.db");
    let (app, window) = app_with(AppState::new(Store::open(&db).expect("open"), "Aino Agentti".into()));
    invoke(&window, "create_case", intake("Maija Meikäläinen")).expect("first");
    invoke(&window, "create_case", intake("Matti Virtanen")).expect("second");
    invoke(&window, "backup_now", json!({})).expect("backup");
    invoke(&window, "create_case", intake("Liisa Laine")).expect("after the backup");
    close_store(&app);
    db
}

fn close_store(app: &tauri::App<MockRuntime>) {
    let shared = app.state::<AppState>().shared_desk();
    drop(shared.lock_slot().expect("slot").take());
}

/// Garbage over pages in the middle of the file, its length kept.
fn damage(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).expect("read");
    let pages = bytes.len() / 4096;
    for byte in &mut bytes[(pages / 2) * 4096..(pages / 2 + 4) * 4096] {
        *byte = 0xAB;
    }
    std::fs::write(db, &bytes).expect("damage");
    bytes
}

fn started_on(db: &Path) -> AppState {
    match lupaus_store::recovery::open_checked(db) {
        Ok((store, _)) => AppState::new(store, "Aino Agentti".into()),
        Err(error) => {
            assert!(lupaus_store::recovery::needs_recovery(&error), "{error}");
            AppState::needing_recovery(db.to_path_buf(), DatabaseProblem::at_open(&error))
        }
    }
}

fn listed_customers(window: &Window) -> Vec<String> {
    let listed = invoke(window, "browse_cases", json!({ "filter": {} })).expect("listed");
    let mut names: Vec<String> = listed
        .as_array()
        .expect("array")
        .iter()
        .map(|row| row["customer_name"].as_str().expect("name").to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_damaged_file_at_start_shows_recovery_and_restoring_opens_the_desk_in_process() {
    let dir = tempfile::tempdir().expect("dir");
    let db = desk_with_backup(dir.path());
    let damaged = damage(&db);
    let (_app, window) = app_with(started_on(&db));

    let status = invoke(&window, "database_status", json!({})).expect("status");
    assert_eq!(status["problem"]["code"], "database_corrupt");
    assert_eq!(status["db_path"], db.display().to_string());
    let refused = invoke(&window, "browse_cases", json!({ "filter": {} })).expect_err("no store");
    assert_eq!(refused["code"], "database_unavailable");

    let info = invoke(&window, "recovery_info", json!({})).expect("info");
    let backups = info["backups"].as_array().expect("backups");
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0]["usable"], true);
    assert_eq!(backups[0]["cases"], 2);

    let body = json!({ "path": backups[0]["path"], "acceptOlder": false });
    let report = invoke(&window, "restore_backup", body).expect("restored");
    assert_eq!(report["cases"], 2);
    let kept = report["set_aside_as"].as_str().expect("kept aside");
    assert_eq!(std::fs::read(kept).expect("kept"), damaged, "the damaged file is kept byte for byte");
    assert_eq!(listed_customers(&window), ["Maija Meikäläinen", "Matti Virtanen"]);
    assert_eq!(invoke(&window, "database_status", json!({})).expect("status")["problem"], Value::Null);
    invoke(&window, "create_case", intake("Uusi Asiakas")).expect("the desk saves again");
}

#[test]
fn a_newer_database_is_replaced_only_when_the_older_backup_is_chosen_explicitly() {
    let dir = tempfile::tempdir().expect("dir");
    let db = desk_with_backup(dir.path());
    // `PRAGMA user_version` is bytes 60..64 of the header, big-endian.
    let mut before = std::fs::read(&db).expect("read");
    let newer = u32::try_from(lupaus_store::SCHEMA_VERSION + 1).expect("small");
    before[60..64].copy_from_slice(&newer.to_be_bytes());
    std::fs::write(&db, &before).expect("newer");
    let (_app, window) = app_with(started_on(&db));
    let status = invoke(&window, "database_status", json!({})).expect("status");
    assert_eq!(status["problem"]["code"], "database_too_new");
    assert!(status["problem"]["message"].as_str().expect("message").contains("Update Lupaus"));

    let info = invoke(&window, "recovery_info", json!({})).expect("info");
    let path = info["backups"][0]["path"].clone();
    let refused =
        invoke(&window, "restore_backup", json!({ "path": path, "acceptOlder": false })).expect_err("not chosen");
    assert_eq!(refused["code"], "older_backup_not_accepted");
    assert_eq!(refused["field"], "accept_older");
    assert_eq!(std::fs::read(&db).expect("read"), before, "nothing changed");

    let elsewhere = dir.path().join("other.db");
    let refused = invoke(&window, "restore_backup", json!({ "path": elsewhere, "acceptOlder": true }))
        .expect_err("only listed backups");
    assert_eq!(refused["field"], "path");

    invoke(&window, "restore_backup", json!({ "path": path, "acceptOlder": true })).expect("restored");
    assert_eq!(listed_customers(&window).len(), 2);
}

#[test]
fn damage_found_while_running_closes_the_store_and_tells_the_window() {
    let dir = tempfile::tempdir().expect("dir");
    let db = desk_with_backup(dir.path());
    let (app, window) = app_with(started_on(&db));
    assert_eq!(listed_customers(&window).len(), 3, "a healthy file opens on the desk");
    let heard: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = Arc::clone(&heard);
    app.listen_any(crate::integrity::DATABASE_PROBLEM, move |event| {
        sink.lock().expect("heard").push(event.payload().to_owned());
    });

    damage(&db);
    crate::integrity::check_now(app.handle());

    let status = invoke(&window, "database_status", json!({})).expect("status");
    assert_eq!(status["problem"]["code"], "database_corrupt");
    assert_eq!(status["problem"]["found_while_running"], true);
    let refused = invoke(&window, "browse_cases", json!({ "filter": {} })).expect_err("store closed");
    assert_eq!(refused["code"], "database_unavailable");
    let heard = heard.lock().expect("heard").clone();
    assert_eq!(heard.len(), 1, "{heard:?}");
    assert!(heard[0].contains("database_corrupt"), "{heard:?}");
}

#[test]
fn over_a_working_database_only_a_lead_restores_and_the_replaced_file_keeps_every_case() {
    let dir = tempfile::tempdir().expect("dir");
    let db = desk_with_backup(dir.path());
    let (_app, window) = app_with(started_on(&db));
    let backups = invoke(&window, "list_backups", json!({})).expect("backups");
    let body = json!({ "path": backups[0]["path"], "acceptOlder": false });

    let refused = invoke(&window, "restore_backup", body.clone()).expect_err("an agent may not");
    assert_eq!(refused["code"], "lead_only");
    assert_eq!(listed_customers(&window).len(), 3, "nothing was replaced");

    invoke(&window, "save_person", json!({ "name": "Leena", "role": "lead" })).expect("first lead");
    invoke(&window, "switch_person", json!({ "name": "Leena", "pin": null })).expect("lead at the keyboard");
    let report = invoke(&window, "restore_backup", body).expect("a lead may");
    assert_eq!(report["cases"], 2);
    assert_eq!(listed_customers(&window), ["Maija Meikäläinen", "Matti Virtanen"]);
    let kept = Store::open(Path::new(report["set_aside_as"].as_str().expect("kept aside"))).expect("kept opens");
    assert_eq!(kept.check().expect("check").cases, 3, "the case made after the backup is in the kept file");
}
