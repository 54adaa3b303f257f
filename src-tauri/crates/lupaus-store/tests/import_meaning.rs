//! Import keeps what the file meant (issue 19): phone numbers a spreadsheet turned into numbers,
//! invalid bytes in a file that claims UTF-8, the old reference column, money columns, and a dry
//! run that says where each case starts.

mod common;

use chrono::{DateTime, Utc};
use lupaus_store::Store;
use lupaus_store::import::{ImportOptions, ImportReport};

use common::{import, utf8_bom};

fn now() -> DateTime<Utc> {
    common::import_now()
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

const MONEY: &str = "Asiakas;Vastaanotettu;Kuvaus;Toive;Korvaus (€);Vaadittu summa (€)
Aino Aalto;1.11.2026;Pesukone vuotaa.;Uusi kone;49,90;
Bertta Berg;2.11.2026;Lasku väärin.;;;120
Cecilia Carlsson;3.11.2026;Ovi rikki.;Korjaus;;
";

#[test]
fn a_money_column_is_a_compensation_awaiting_a_lead_or_the_customers_claim_never_an_approval() {
    for actor in [common::agent(), lupaus_core::lifecycle::Actor::lead("Liisa Lead")] {
        let mut store = Store::open_in_memory().expect("store");
        let options = ImportOptions { dry_run: false, actor: &actor, now: now() };
        let report = store.import_bytes("rahat.csv", &utf8_bom(MONEY), &options).expect("import runs");
        assert!(report.saved, "{report:?}");
        let cases = store.list_cases(&Default::default()).expect("list");
        let case = |name: &str| {
            let summary = cases.iter().find(|case| case.customer_name == name).expect("case");
            store.case_detail(summary.id, &common::agent(), now()).expect("detail")
        };
        let aino = case("Aino Aalto");
        assert_eq!(aino.state.compensations.len(), 1);
        assert_eq!(aino.state.compensations[0].amount_cents, Some(4990));
        assert_eq!(
            aino.state.compensations[0].status,
            lupaus_core::lifecycle::CompensationStatus::PendingLead,
            "49,90 € is under an agent's limit, yet the import grants nothing ({})",
            actor.person
        );
        let bertta = case("Bertta Berg");
        assert!(bertta.state.compensations.is_empty(), "a claim is not a compensation");
        assert_eq!(bertta.state.intake.requested_remedy, "Vaadittu summa 120,00\u{a0}€");
    }
}

#[test]
fn the_dry_run_says_which_stage_each_case_starts_in_and_why() {
    let mut store = Store::open_in_memory().expect("store");
    let report = import(&mut store, &utf8_bom(MONEY), true);
    assert!(report.problems.is_empty(), "{report:?}");
    let starts: Vec<(&str, &[usize])> =
        report.starting_stages.iter().map(|start| (start.stage.as_str(), start.rows.as_slice())).collect();
    assert_eq!(starts, [("solving", &[2][..]), ("intake", &[3, 4][..])]);
    assert!(report.starting_stages[0].why.contains("Korvaus (€)"), "{:?}", report.starting_stages);
    assert!(report.starting_stages[0].why.contains("waits for a lead"));
    assert!(report.starting_stages[1].why.contains("nobody has started"));
    assert_eq!(store.check().expect("check").cases, 0);
}

#[test]
fn the_old_spreadsheets_own_reference_is_kept_and_found_by_search() {
    let mut store = Store::open_in_memory().expect("store");
    let finnish =
        "Viite;Asiakas;Vastaanotettu;Kuvaus;Toive\nRK-2024-118;Aino Aalto;1.11.2026;Pesukone vuotaa.;Korjaus\n";
    let english = "Reference;Customer;Received;Description;Requested remedy\nTCK 5531;Grace Green;2.11.2026;Charged twice.;Refund\n";
    for file in [finnish, english] {
        let report = import(&mut store, &utf8_bom(file), false);
        assert!(report.saved && report.ignored_columns.is_empty(), "{report:?}");
    }
    for (quoted, customer) in [("RK-2024-118", "Aino Aalto"), ("2024-118", "Aino Aalto"), ("TCK 5531", "Grace Green")] {
        let found = store.search_cases(quoted, 5).expect("search");
        assert_eq!(found.iter().map(|case| case.customer_name.as_str()).collect::<Vec<_>>(), [customer], "{quoted}");
    }
    let aino = store.search_cases("RK-2024-118", 1).expect("search")[0].id;
    let detail = store.case_detail(aino, &common::agent(), now()).expect("detail");
    assert_eq!(detail.state.intake.former_ref.as_deref(), Some("RK-2024-118"));
}
