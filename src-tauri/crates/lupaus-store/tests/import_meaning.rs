//! Import keeps what the file meant (issue 19): phone numbers a spreadsheet turned into numbers,
//! invalid bytes in a file that claims UTF-8, the old reference column, money columns, and a dry
//! run that says where each case starts.

mod common;

use chrono::{DateTime, Utc};
use lupaus_store::Store;
use lupaus_store::import::{ImportOptions, ImportReport};

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().expect("time")
}

fn import(store: &mut Store, bytes: &[u8], dry_run: bool) -> ImportReport {
    let actor = common::agent();
    let options = ImportOptions { dry_run, actor: &actor, now: now() };
    store.import_bytes("test.csv", bytes, &options).expect("import runs")
}

fn utf8_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

fn problems(report: &ImportReport) -> Vec<(usize, &str)> {
    report.problems.iter().map(|problem| (problem.row, problem.column.as_str())).collect()
}

#[test]
fn phone_numbers_a_spreadsheet_made_into_numbers_come_back_as_e164_and_impossible_ones_are_row_problems() {
    let header = "Asiakas;Puhelin;Vastaanotettu;Kuvaus;Toive\n";
    let rows = "Aino Aalto;358401234567;1.11.2026;Pesukone vuotaa.;Korjaus\n\
                Bertta Berg;401234568;2.11.2026;Lasku väärin.;Hyvitys\n";
    let mut store = Store::open_in_memory().expect("store");
    let refused = import(
        &mut store,
        format!("{header}{rows}Cecilia Carlsson;12345;3.11.2026;Ovi rikki.;Uusi\n").as_bytes(),
        false,
    );
    assert_eq!(problems(&refused), [(4, "Puhelin")]);
    assert!(refused.problems[0].message.contains("'12345' is not a phone number"), "{:?}", refused.problems);
    assert!(!refused.saved);

    let report = import(&mut store, format!("{header}{rows}").as_bytes(), false);
    assert!(report.saved, "{report:?}");
    let found = store.search_cases("040 123 4567", 5).expect("search");
    assert_eq!(found.len(), 1, "found as a Finn types the number");
    let detail = store.case_detail(found[0].id, &common::agent(), now()).expect("detail");
    assert_eq!(detail.customer.phone.as_deref(), Some("+358401234567"));
    assert_eq!(lupaus_store::import::phone::display("+358401234568"), "+358 40 123 4568");
    assert_eq!(store.search_cases("0401234568", 5).expect("search").len(), 1);
}

#[test]
fn a_file_that_claims_utf8_but_holds_invalid_bytes_is_a_problem_by_row_and_column() {
    let mut bytes = utf8_bom("Asiakas;Vastaanotettu;Kuvaus;Toive\nAino Aalto;1.11.2026;Pesukone vuotaa.;Korjaus\n");
    // Row 3: "Björn" written in Windows-1252 inside a file that says UTF-8.
    bytes.extend_from_slice(b"Bj\xF6rn Berg;2.11.2026;Lasku v\xE4\xE4rin.;Hyvitys\n");
    let mut store = Store::open_in_memory().expect("store");
    let report = import(&mut store, &bytes, false);
    assert_eq!(problems(&report), [(3, "Asiakas"), (3, "Kuvaus")]);
    assert!(report.problems[0].message.contains("not UTF-8 text"), "{:?}", report.problems);
    assert!(!report.saved);
    assert_eq!(store.check().expect("check").cases, 0, "nothing imported, nothing turned into �");
}
