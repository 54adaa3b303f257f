//! Shared fixtures for the store's integration tests.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
#[allow(unused_imports)]
pub use lupaus_fixtures::{agent, helsinki, intake, lead};
use lupaus_store::Store;

pub mod team;

/// A store at `path` with `cases` cases received a minute apart.
pub fn store_with_cases(path: &std::path::Path, cases: usize) -> Store {
    let mut store = Store::open(path).expect("open");
    for n in 0..cases {
        new_case(&mut store, helsinki(2026, 11, 2, 9, 0) + chrono::TimeDelta::minutes(n as i64));
    }
    store
}

pub fn new_case(store: &mut Store, at: DateTime<Utc>) -> i64 {
    store.create_case(intake("Maija Meikäläinen").validate().expect("valid intake"), &agent(), at).expect("created").id
}

/// The moment the import tests run at.
pub fn import_now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().expect("time")
}

/// Imports `bytes` as the agent at [`import_now`].
pub fn import(store: &mut Store, bytes: &[u8], dry_run: bool) -> lupaus_store::import::ImportReport {
    let actor = agent();
    let options = lupaus_store::import::ImportOptions { dry_run, actor: &actor, now: import_now() };
    store.import_bytes("test.csv", bytes, &options).expect("import runs")
}

/// `text` as Excel's "CSV UTF-8" saves it: a byte order mark and CRLF line ends.
pub fn utf8_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    bytes
}

/// Takes a new case to closed: start, agree, deliver, root cause, close, a minute apart.
pub fn close_case(store: &mut Store, case_id: i64, at: DateTime<Utc>) {
    use serde_json::json;
    let remedy = json!({ "forms": ["replacement"], "description": "Uusi kone" });
    for (minutes, command) in [
        json!({ "kind": "start_solving" }),
        json!({ "kind": "agree_remedy", "remedy": remedy, "option_id": null }),
        json!({ "kind": "deliver_remedy", "summary": "Kone vaihdettu", "informed_via": "phone" }),
        json!({ "kind": "record_root_cause", "category": "product_defect", "description": "Valmistusvirhe" }),
        json!({ "kind": "close", "closing_gesture": "Kiitossoitto", "lessons_learned": null, "not_analysed_reason": null }),
    ]
    .into_iter()
    .enumerate()
    {
        let command = serde_json::from_value(command).expect("command");
        let policy = store.desk_settings().expect("settings").settings.policy;
        let at = at + chrono::TimeDelta::minutes(minutes as i64 + 1);
        store.act_on_case(case_id, command, &lead(), at, &policy).expect("accepted");
    }
}
