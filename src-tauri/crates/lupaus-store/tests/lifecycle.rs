//! The lifecycle through the store: every accepted change is an event, refused changes write
//! nothing, and the event log alone rebuilds the stored state.

mod common;

use chrono::Duration;
use common::{agent, helsinki, lead, new_case};
use lupaus_core::case::Channel;
use lupaus_core::lifecycle::{CaseCommand, Party, Policy, Remedy, RemedyForm, RootCauseCategory, Stage};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_store::Store;
use rusqlite::Connection;
use serde_json::json;

fn command(value: serde_json::Value) -> CaseCommand {
    serde_json::from_value(value).expect("valid command JSON")
}

fn replacement() -> Remedy {
    Remedy { forms: vec![RemedyForm::Replacement], description: "Uusi pesukone toimitetaan perjantaina".into() }
}

#[test]
fn a_case_goes_from_intake_to_closed_and_the_log_rebuilds_it() {
    let mut store = Store::open_in_memory().expect("store");
    let start = helsinki(2026, 11, 23, 9, 0);
    let id = new_case(&mut store, start);
    let policy = Policy::default();
    let steps = [
        CaseCommand::StartSolving,
        CaseCommand::ProposeRemedyOption { remedy: replacement() },
        CaseCommand::AgreeRemedy { remedy: replacement(), option_id: None },
        CaseCommand::DeliverRemedy { summary: "Kone vaihdettu".into(), informed_via: Channel::Phone },
        CaseCommand::RecordRootCause { category: RootCauseCategory::ProductDefect, description: "Tehdasvika".into() },
        CaseCommand::AssignResponsibility {
            party: Party::Supplier,
            party_name: Some("Maahantuoja Oy".into()),
            note: None,
        },
        CaseCommand::Close {
            closing_gesture: Some("Soitimme ja varmistimme, että uusi kone toimii".into()),
            lessons_learned: None,
            not_analysed_reason: None,
        },
    ];
    for (minutes, step) in steps.into_iter().enumerate() {
        store
            .act_on_case(id, step, &agent(), start + Duration::minutes(minutes as i64 + 1), &policy)
            .expect("accepted");
    }
    let detail = store.case_detail(id, &agent(), start + Duration::hours(1)).expect("detail");
    assert_eq!(detail.state.stage, Stage::Closed);
    assert_eq!(detail.summary.stage, "closed");
    assert_eq!(detail.events.len(), 8, "one event for the intake and one per step");
    assert_eq!(store.replay_case(id).expect("replay"), detail.state, "the log rebuilds the stored state");
    assert!(detail.figures.first_contact_resolution, "solved within the intake contact");
}

#[test]
fn root_cause_before_the_remedy_is_refused_and_writes_nothing() {
    let mut store = Store::open_in_memory().expect("store");
    let at = helsinki(2026, 11, 23, 9, 0);
    let id = new_case(&mut store, at);
    let before = store.case_events(id).expect("events").len();
    let error = store
        .act_on_case(
            id,
            CaseCommand::RecordRootCause { category: RootCauseCategory::Billing, description: "Kenen vika?".into() },
            &lead(),
            at + Duration::minutes(1),
            &Policy::default(),
        )
        .expect_err("blame before remedy is refused");
    assert_eq!(error.code(), "remedy_first");
    assert!(error.to_string().to_lowercase().contains("remedy"), "{error}");
    assert_eq!(store.case_events(id).expect("events").len(), before, "a refused command appends nothing");
    let detail = store.case_detail(id, &agent(), at).expect("detail");
    assert!(detail.root_cause_lock.is_some(), "the UI is told why root cause is locked");
}

#[test]
fn a_hand_off_with_a_call_back_creates_the_promise_in_the_same_transaction() {
    let mut store = Store::open_in_memory().expect("store");
    let at = helsinki(2026, 11, 23, 9, 0);
    let id = new_case(&mut store, at);
    let due = helsinki(2026, 11, 27, 14, 0);
    let hand_off = command(json!({
        "kind": "hand_off",
        "to": "Ville Palvelu",
        "note": "Asiakas odottaa soittoa varaosasta",
        "customer_told": "Ville soittaa perjantaina klo 14 mennessä",
        "callback": { "text": "Soitamme perjantaina klo 14 mennessä", "channel": "call", "due_at": due, "owner": "Ville Palvelu" }
    }));
    let detail = store.act_on_case(id, hand_off, &agent(), at, &Policy::default()).expect("handed off");
    assert_eq!(detail.state.owner, "Ville Palvelu");
    assert_eq!(detail.promises.len(), 1);
    assert_eq!(detail.promises[0].promise.due_at, due);
    assert_eq!(detail.promises[0].promise.made_by, "Aino Agentti");
}

#[test]
fn a_hand_off_whose_promise_is_invalid_changes_nothing() {
    let mut store = Store::open_in_memory().expect("store");
    let at = helsinki(2026, 11, 23, 9, 0);
    let id = new_case(&mut store, at);
    let callback = NewPromise {
        text: "Soitamme".into(),
        channel: PromiseChannel::Call,
        due_at: at - Duration::hours(1),
        owner: "Ville".into(),
    };
    let hand_off = CaseCommand::HandOff {
        to: "Ville Palvelu".into(),
        note: "Ota tämä".into(),
        customer_told: "Ville soittaa".into(),
        callback: Some(callback),
    };
    assert!(store.act_on_case(id, hand_off, &agent(), at, &Policy::default()).is_err());
    let detail = store.case_detail(id, &agent(), at).expect("detail");
    assert_eq!(detail.state.owner, "Aino Agentti", "owner unchanged");
    assert_eq!(detail.events.len(), 1);
    assert!(detail.promises.is_empty());
}

#[test]
fn the_event_log_cannot_be_edited_or_deleted() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("lupaus.db");
    let mut store = Store::open(&path).expect("store");
    new_case(&mut store, helsinki(2026, 11, 23, 9, 0));
    drop(store);
    let conn = Connection::open(&path).expect("raw");
    let update = conn.execute("UPDATE case_events SET actor = 'someone else'", []);
    assert!(update.expect_err("update refused").to_string().contains("append-only"));
    let delete = conn.execute("DELETE FROM case_events", []);
    assert!(delete.expect_err("delete refused").to_string().contains("append-only"));
}

#[test]
fn an_agent_cannot_approve_compensation_above_the_limit_but_a_lead_can() {
    let mut store = Store::open_in_memory().expect("store");
    let at = helsinki(2026, 11, 23, 9, 0);
    let id = new_case(&mut store, at);
    let policy = Policy { compensation_lead_limit_cents: 5_000 };
    let propose = command(json!({
        "kind": "propose_compensation", "amount_cents": 12_000, "form": null, "basis": "goodwill", "note": "Harmin vuoksi"
    }));
    let detail = store.act_on_case(id, propose, &agent(), at, &policy).expect("proposed");
    let compensation_id = detail.state.compensations[0].id;
    let approve = command(json!({ "kind": "approve_compensation", "compensation_id": compensation_id, "note": null }));
    let refused = store.act_on_case(id, approve.clone(), &agent(), at, &policy).expect_err("agent refused");
    assert_eq!(refused.code(), "lead_only");
    store.act_on_case(id, approve, &lead(), at, &policy).expect("lead approves");
}
