//! The import/export commands through the IPC layer on Tauri's mock runtime: those that need no
//! dialog (the dialogs themselves are driven in the real window by tests/e2e/journeys/files).

use serde_json::json;

use crate::wiring_tests::{app, invoke};

const CSV: &str = "\u{feff}Asiakas;Kanava;Vastaanotettu;Kuvaus;Toive\r\n\
    Äijälä Åsa;puhelin;24.11.2026 14.30;Pesukone vuotaa;Uusi kone\r\n\
    Öhman Björn;sähköposti;{date};Lasku väärin;Hyvitys\r\n";

#[test]
fn an_import_is_checked_by_row_and_column_then_saved_only_when_clean() {
    let (_app, window) = app();
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("vanhat reklamaatiot.csv");
    std::fs::write(&file, CSV.replace("{date}", "31.11.2026")).expect("csv");
    let path = file.display().to_string();

    let checked = invoke(&window, "check_import", json!({ "path": path })).expect("checked");
    assert_eq!(
        (checked["problems"][0]["row"].as_u64(), checked["problems"][0]["column"].as_str()),
        (Some(3), Some("Vastaanotettu"))
    );
    let refused = invoke(&window, "run_import", json!({ "path": path })).expect("a report, not a failure");
    assert_eq!(refused["saved"], false, "a file with a problem imports nothing");

    std::fs::write(&file, CSV.replace("{date}", "30.11.2026")).expect("fixed");
    let imported = invoke(&window, "run_import", json!({ "path": path })).expect("imported");
    assert_eq!((imported["saved"].as_bool(), imported["cases_created"].as_u64()), (Some(true), Some(2)));
    let listed = invoke(&window, "browse_cases", json!({ "filter": {} })).expect("list");
    assert_eq!(listed.as_array().map(Vec::len), Some(2));
}

#[test]
fn only_spreadsheets_are_read_for_an_import() {
    let (_app, window) = app();
    let error = invoke(&window, "check_import", json!({ "path": "/etc/passwd" })).expect_err("not a spreadsheet");
    assert_eq!((error["code"].as_str(), error["field"].as_str()), (Some("invalid_input"), Some("path")));
}

#[test]
fn no_calendar_file_is_kept_until_asked_and_an_agent_cannot_anonymise() {
    let (_app, window) = app();
    assert_eq!(invoke(&window, "my_calendar_feed", json!({})).expect("feed"), serde_json::Value::Null);
    invoke(&window, "stop_my_calendar", json!({})).expect("stopping nothing is fine");
    let refused = invoke(&window, "anonymise_customer", json!({ "customerId": 1 })).expect_err("agent");
    assert_eq!(refused["code"], "lead_only");
}
