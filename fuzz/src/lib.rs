//! What the fuzz targets share: one in-memory store per thread, fixed people and time, and the
//! checks every target makes on what a person would see. Each `check_*` function takes the raw
//! bytes a hostile or broken file, form or query could hold, and panics (a libFuzzer crash) on
//! anything that must never happen: a panic inside Lupaus, a database failure caused by input, a
//! refusal without a sentence saying what to fix, or a result that breaks an invariant.

use std::cell::RefCell;

use chrono::{DateTime, TimeDelta, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::{self, Actor, CaseCommand, CaseState, Policy};
use lupaus_store::Store;
use lupaus_store::import::{ImportKind, ImportOptions, ImportReport, values};

/// Every target runs at this instant, so a run is reproducible from its input alone.
pub fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().expect("a valid fixed time")
}

pub fn agent() -> Actor {
    Actor::agent("Aino Agentti")
}

pub fn lead() -> Actor {
    Actor::lead("Leena Lead")
}

/// A small, valid complaint for targets that need a case to act on or search for.
pub fn sample_intake(name: &str, description: &str) -> NewCase {
    NewCase {
        channel: Channel::Phone,
        customer: CustomerInput {
            name: name.into(),
            email: Some("maija@example.fi".into()),
            phone: Some("040 123 4567".into()),
            customer_number: Some("AS-1001".into()),
        },
        product_ref: Some("Tilaus WX-700".into()),
        description: description.into(),
        requested_remedy: "Uusi kone tilalle".into(),
        priority: Priority::Normal,
        category: Some("laskutus".into()),
        tags: vec!["vuoto".into()],
        acknowledged: true,
        former_ref: None,
    }
}

thread_local! {
    static STORE: RefCell<Option<(Store, usize)>> = const { RefCell::new(None) };
}

/// Runs `work` on this thread's in-memory store, which holds two cases to match against. The
/// store is replaced every `renew_after` uses, so targets that write stay small and fast.
pub fn with_store<T>(renew_after: usize, work: impl FnOnce(&mut Store) -> T) -> T {
    STORE.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_none_or(|(_, uses)| *uses >= renew_after) {
            *slot = Some((seeded_store(), 0));
        }
        let (store, uses) = slot.as_mut().expect("store just made");
        *uses += 1;
        work(store)
    })
}

fn seeded_store() -> Store {
    let mut store = Store::open_in_memory().expect("an in-memory store opens");
    for (name, description) in [
        ("Maija Meikäläinen", "Pesukone vuotaa vettä lattialle; laatureklamaatio."),
        ("Björn Öhman", "Lasku väärin, veloitettu kahdesti. Fakturan är fel."),
    ] {
        let intake = sample_intake(name, description).validate().expect("the sample intake is valid");
        store.create_case(intake, &agent(), now() - TimeDelta::days(3)).expect("a sample case is saved");
    }
    store
}

/// A message shown to a person: a non-empty sentence. Debug output or an empty string is a bug.
pub fn assert_sentence(message: &str) {
    let message = message.trim();
    assert!(!message.is_empty(), "an empty message would be shown to a person");
    assert!(
        message.ends_with(['.', '!', '?', ')']),
        "a message shown to a person should be a whole sentence: {message:?}"
    );
}

/// CSV or workbook bytes through the importer's dry run, which does all the work of a real
/// import (duplicates included) and rolls back.
pub fn check_import(bytes: &[u8]) {
    let actor = agent();
    let options = ImportOptions { dry_run: true, actor: &actor, now: now() };
    let report = with_store(usize::MAX, |store| store.import_bytes("fuzz.csv", bytes, &options))
        .expect("no input file may make the database fail");
    check_report(&report);
}

fn check_report(report: &ImportReport) {
    assert!(!report.saved, "a dry run never saves");
    for problem in &report.problems {
        assert_sentence(&problem.message);
    }
    if report.problems.is_empty() {
        match report.kind.expect("a file without problems has a kind") {
            ImportKind::Complaints => assert_eq!(report.cases_created, report.rows, "every clean row opens a case"),
            ImportKind::Customers => {
                assert_eq!(report.customers_created + report.customers_matched, report.rows, "every clean row")
            }
        }
    }
}

/// Lines of JSON, each a command the UI could send through `act_on_case`, decided and applied
/// in turn on one case. A command an agent may not give is tried by a lead too.
pub fn check_case_commands(bytes: &[u8]) {
    let intake = sample_intake("Maija Meikäläinen", "Pesukone vuotaa.").validate().expect("valid sample");
    let mut records = vec![lifecycle::open_case(intake, agent(), now())];
    let mut state = CaseState::replay(&records).expect("a new case replays");
    let policy = Policy::default();
    for (step, line) in bytes.split(|byte| *byte == b'\n').take(64).enumerate() {
        let Ok(command) = serde_json::from_slice::<CaseCommand>(line) else { continue };
        let at = now() + TimeDelta::minutes(17 * step as i64);
        let decided = lifecycle::decide(&state, command.clone(), &agent(), at, &policy).or_else(|error| {
            if error.code() == "lead_only" {
                lifecycle::decide(&state, command, &lead(), at, &policy)
            } else {
                Err(error)
            }
        });
        match decided {
            Ok(new) => {
                for record in &new {
                    assert!(
                        !record.event.is_blame_side() || record.stage_before.is_remedy_delivered(),
                        "blame before remedy: {record:?}"
                    );
                    lifecycle::apply(&mut state, record).expect("what decide returns applies");
                    let stored = serde_json::to_string(record).expect("a record serialises");
                    let read: lifecycle::EventRecord = serde_json::from_str(&stored).expect("a stored record reads");
                    assert_eq!(&read, record, "an event survives the event log");
                }
                records.extend(new);
            }
            Err(error) => {
                assert!(!error.code().is_empty());
                assert_sentence(&error.to_string());
            }
        }
    }
    assert_eq!(CaseState::replay(&records).expect("the log replays"), state, "the log rebuilds the case");
    let stored = serde_json::to_string(&state).expect("state serialises");
    assert_eq!(serde_json::from_str::<CaseState>(&stored).expect("stored state reads"), state);
}

/// The intake form as JSON: validated, and when valid saved (indexing its text for search) and
/// found again by its customer's name.
pub fn check_intake(bytes: &[u8]) {
    let Ok(intake) = serde_json::from_slice::<NewCase>(bytes) else { return };
    match intake.validate() {
        Ok(valid) => {
            let name = valid.get().customer.name.clone();
            assert_eq!(name.trim(), name, "validated text is trimmed");
            assert!(!valid.get().description.trim().is_empty(), "a validated description is not blank");
            with_store(500, |store| {
                let summary = store.create_case(valid, &agent(), now()).expect("a valid intake is saved");
                store.search_cases(&name, 200).expect("a customer's name searches without error");
                assert!(summary.id > 0);
            });
        }
        Err(error) => {
            assert_eq!(error.code(), "invalid_input");
            assert!(error.field().is_some_and(|field| !field.is_empty()), "a refusal names its field");
            assert_sentence(&error.to_string());
        }
    }
}

/// Anything typed into the search box: never an error, never more than asked for.
pub fn check_search(bytes: &[u8]) {
    let query = String::from_utf8_lossy(bytes);
    let limit = 1 + u32::from(bytes.first().copied().unwrap_or(0) % 16);
    let found = with_store(usize::MAX, |store| store.search_cases(&query, limit)).expect("search never fails on text");
    assert!(found.len() <= limit as usize);
}

/// One spreadsheet cell through every value parser of the importer.
pub fn check_cell_values(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let zone = chrono_tz::Europe::Helsinki;
    match values::received_at(text, zone, now()) {
        Ok(at) => assert!(at <= now() + TimeDelta::days(1), "a received time is not in the future"),
        Err(problem) => assert_sentence(&problem.to_string()),
    }
    match values::euros_to_cents(text) {
        Ok(cents) => {
            let written = format!("{},{:02}", cents / 100, cents % 100);
            assert_eq!(values::euros_to_cents(&written), Ok(cents), "{written} reads back");
        }
        Err(problem) => assert_sentence(&problem.to_string()),
    }
    for result in [
        values::channel(text).map(|_| ()),
        values::priority(text).map(|_| ()),
        values::yes_no(text).map(|_| ()),
        values::compensation_basis(text).map(|_| ()),
    ] {
        if let Err(problem) = result {
            assert_sentence(&problem.to_string());
        }
    }
}
