//! GDPR: a customer's data exported whole, anonymisation that keeps statistics and history (the
//! event log's one documented exception), and retention of closed cases.

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use lupaus_core::case::CustomerInput;
use lupaus_core::lifecycle::CaseCommand;
use lupaus_store::Store;
use lupaus_store::export::{ExportFormat, ExportWhat};
use serde_json::json;

fn act(store: &mut Store, case_id: i64, command: serde_json::Value, at: DateTime<Utc>) {
    let command: CaseCommand = serde_json::from_value(command.clone()).expect("command");
    let policy = store.desk_settings().expect("settings").settings.policy;
    store.act_on_case(case_id, command, &common::lead(), at, &policy).expect("accepted");
}

/// A case of Maija Meikäläinen whose notes and contacts mention her, taken to closed.
fn closed_case(store: &mut Store, name: &str, at: DateTime<Utc>) -> i64 {
    let mut intake = common::intake(name);
    intake.customer = CustomerInput {
        name: name.into(),
        email: Some("maija.meikalainen@example.fi".into()),
        phone: Some("040 123 4567".into()),
        customer_number: Some("AS-77".into()),
    };
    intake.description = format!("{name} kertoo: pesukone vuotaa. Soita numeroon 0401234567.");
    let id = store.create_case(intake.validate().expect("valid"), &common::agent(), at).expect("case").id;
    let remedy = json!({ "forms": ["replacement"], "description": "Uusi kone Meikäläiselle" });
    let first = name.split(' ').next().expect("first name");
    for (minutes, command) in [
        json!({ "kind": "start_solving" }),
        json!({ "kind": "record_contact", "direction": "outbound", "channel": "phone", "summary": format!("Soitettu, {first} vastasi") }),
        json!({ "kind": "add_note", "visibility": "internal", "text": "Asiakas: maija.meikalainen@example.fi" }),
        json!({ "kind": "agree_remedy", "remedy": remedy, "option_id": null }),
        json!({ "kind": "deliver_remedy", "summary": "Kone vaihdettu", "informed_via": "phone" }),
        json!({ "kind": "record_root_cause", "category": "product_defect", "description": "Valmistusvirhe" }),
        json!({ "kind": "close", "closing_gesture": "Kiitossoitto", "lessons_learned": null, "not_analysed_reason": null }),
    ]
    .into_iter()
    .enumerate()
    {
        act(store, id, command, at + TimeDelta::minutes(minutes as i64 + 1));
    }
    id
}

fn raw(store: &Store) -> String {
    let mut out = Vec::new();
    for what in [ExportWhat::Cases, ExportWhat::Customers, ExportWhat::Events, ExportWhat::Promises] {
        store.export(what, ExportFormat::Json, &mut out, Utc::now()).expect("export");
    }
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn a_customer_export_holds_everything_about_them() {
    let mut store = Store::open_in_memory().expect("store");
    let at = common::helsinki(2026, 3, 2, 9, 0);
    closed_case(&mut store, "Maija Meikäläinen", at);
    let id = store.customer_id_by_key("AS-77").expect("by number");
    assert_eq!(store.customer_id_by_key(&id.to_string()).expect("by id"), id);
    let dossier = store.customer_dossier(id, at).expect("dossier");
    assert_eq!(dossier.customer.name, "Maija Meikäläinen");
    assert_eq!(dossier.cases.len(), 1);
    assert_eq!(dossier.cases[0].events.len(), 8);
    assert_eq!(store.customer_id_by_key("AS-404").expect_err("unknown").code(), "not_found");
}

#[test]
fn anonymising_replaces_personal_data_everywhere_and_keeps_history_and_statistics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    let mut store = Store::open(&db).expect("store");
    let at = common::helsinki(2026, 3, 2, 9, 0);
    let case_id = closed_case(&mut store, "Maija Meikäläinen", at);
    let mut ville = common::intake("Ville Virtanen");
    ville.customer.phone = None;
    let other = store.create_case(ville.validate().expect("valid"), &common::agent(), at).expect("case").id;
    let id = store.customer_id_by_key("AS-77").expect("customer");
    let receipt = dir.path().join("kuitti-maija-meikalainen.pdf");
    std::fs::write(&receipt, b"%PDF kuitti").expect("receipt");
    store.attach_file(case_id, &receipt, &common::lead(), at + TimeDelta::hours(1)).expect("attached");
    let before = store.case_detail(case_id, &common::lead(), at).expect("detail");
    assert!(!store.search_cases("Meikäläinen", 10).expect("search").is_empty());

    let report = store.anonymise_customer(id, &common::lead(), at + TimeDelta::days(1)).expect("anonymised");
    assert_eq!(report.cases.len(), 1);
    assert_eq!(report.attachments_removed, 1);
    let stored: Vec<_> = std::fs::read_dir(store.attachments_dir().expect("dir")).expect("list").collect();
    assert!(stored.is_empty(), "the receipt file is deleted: {stored:?}");
    assert_eq!(report.events_rewritten, 4, "opened, the contact, the note and the remedy mention her");

    let everything = serde_json::to_string(&store.customer_dossier(id, at).expect("dossier")).expect("json");
    for personal in ["Maija", "Meikäl", "maija.meikalainen", "040 123 4567", "0401234567", "AS-77"] {
        assert!(!everything.contains(personal), "{personal} is still in {everything}");
    }
    assert!(raw(&store).contains("Ville Virtanen"), "another customer's case is untouched");
    let after = store.case_detail(case_id, &common::lead(), at).expect("detail");
    assert_eq!(after.customer.name, "Anonymisoitu asiakas");
    assert_eq!(
        (after.customer.email.clone(), after.customer.phone.clone(), after.customer.customer_number.clone()),
        (None, None, None)
    );
    assert_eq!(after.state.intake.customer.name, "Anonymisoitu asiakas");
    assert_eq!(after.state.intake.description, "[poistettu] kertoo: pesukone vuotaa. Soita numeroon [poistettu].");
    assert_eq!(after.state.contacts[0].summary, "Soitettu, [poistettu] vastasi");
    assert_eq!(after.attachments[0].file_name, "[poistettu]");
    // History and statistics stay: stage, events, times, remedy form, root cause, who did what.
    assert_eq!(after.events.len(), before.events.len());
    assert_eq!(after.state.stage, before.state.stage);
    assert_eq!(after.figures, before.figures);
    assert_eq!(after.state.analysis.root_cause, before.state.analysis.root_cause);
    assert_eq!(after.events[1].actor, before.events[1].actor);
    let audit = store.audit(0).expect("audit");
    assert!(audit.is_ok(), "the log still replays to the state: {audit:?}");
    assert!(store.search_cases("Meikäläinen", 10).expect("search").is_empty(), "the search index forgot her");
    assert_eq!(store.search_cases("Virtanen", 10).expect("search")[0].id, other);

    // The append-only triggers are back, and the anonymisation is logged.
    let conn = rusqlite::Connection::open(&db).expect("raw");
    let refused = conn.execute("UPDATE case_events SET actor = 'x' WHERE case_id = ?1", [case_id]);
    assert!(refused.expect_err("append-only").to_string().contains("append-only"));
    let refused = conn.execute("DELETE FROM case_events WHERE case_id = ?1", [case_id]);
    assert!(refused.is_err());
    let logged: i64 =
        conn.query_row("SELECT COUNT(*) FROM anonymisations WHERE reason = 'request'", [], |r| r.get(0)).expect("log");
    assert_eq!(logged, 2, "one row for the case, one for the customer");
    let again = store.anonymise_customer(id, &common::lead(), at + TimeDelta::days(2)).expect("idempotent");
    assert!(again.already_anonymised);
}

#[test]
fn a_customer_with_an_open_case_is_not_anonymised() {
    let mut store = Store::open_in_memory().expect("store");
    let at = common::helsinki(2026, 3, 2, 9, 0);
    let case_id = common::new_case(&mut store, at);
    let customer = store.case_detail(case_id, &common::agent(), at).expect("detail").customer.id;
    let error = store.anonymise_customer(customer, &common::lead(), at).expect_err("refused");
    assert_eq!(error.code(), "invalid_transition");
    assert!(error.to_string().contains("R-2026-000001"), "{error}");
    assert_eq!(store.customer(customer).expect("customer").name, "Maija Meikäläinen");
}

#[test]
fn retention_anonymises_only_closed_cases_past_the_period() {
    let mut store = Store::open_in_memory().expect("store");
    let now = common::helsinki(2026, 11, 23, 9, 0);
    let old = closed_case(&mut store, "Maija Meikäläinen", now - TimeDelta::days(800));
    let mut recent_intake = common::intake("Ville Virtanen");
    recent_intake.customer.customer_number = Some("AS-88".into());
    let recent = store
        .create_case(recent_intake.validate().expect("valid"), &common::agent(), now - TimeDelta::days(10))
        .expect("case")
        .id;
    let open_old = common::new_case(&mut store, now - TimeDelta::days(900));

    let dry = store.apply_retention(730, &common::lead(), now, true).expect("dry run");
    assert_eq!(dry.cases, vec!["R-2024-000001".to_owned()]);
    assert_eq!(dry.customers_anonymised.len(), 1);
    assert_eq!(
        store.case_detail(old, &common::lead(), now).expect("detail").customer.name,
        "Maija Meikäläinen",
        "a dry run changes nothing"
    );

    let done = store.apply_retention(730, &common::lead(), now, false).expect("retention");
    assert_eq!(done.cases, dry.cases);
    assert!(done.events_rewritten > 0);
    assert_eq!(store.case_detail(old, &common::lead(), now).expect("detail").customer.name, "Anonymisoitu asiakas");
    assert_eq!(store.case_detail(recent, &common::lead(), now).expect("detail").customer.name, "Ville Virtanen");
    assert_eq!(
        store.case_detail(open_old, &common::lead(), now).expect("detail").state.intake.customer.name,
        "Maija Meikäläinen",
        "open cases are kept"
    );
    assert!(store.audit(0).expect("audit").is_ok());
    let again = store.apply_retention(730, &common::lead(), now, false).expect("second run");
    assert!(again.cases.is_empty(), "nothing is anonymised twice");
}
