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
    // The call-back's owner is one of the desk's people: someone the desk can remind.
    store.upsert_person("Ville Palvelu", lupaus_core::lifecycle::Role::Agent).expect("listed");
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
        outside_hours_confirmed: false,
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
    assert_eq!(store.cases_awaiting_approval(10).expect("approvals").len(), 1, "waits on the lead's list");
    let refused = store.act_on_case(id, approve.clone(), &agent(), at, &policy).expect_err("agent refused");
    assert_eq!(refused.code(), "lead_only");
    store.act_on_case(id, approve, &lead(), at, &policy).expect("lead approves");
    assert!(store.cases_awaiting_approval(10).expect("approvals").is_empty(), "decided: off the list");
}

#[test]
fn an_attachment_is_copied_under_a_generated_name_with_its_checksum() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("lupaus.db")).expect("store");
    let at = helsinki(2026, 11, 23, 9, 0);
    let id = new_case(&mut store, at);
    let photo = dir.path().join("vuoto kuva;rm -rf.jpg");
    std::fs::write(&photo, b"not really a jpeg").expect("write photo");
    let attached = store.attach_file(id, &photo, &agent(), at).expect("attached");
    assert_eq!(attached.file_name, "vuoto kuva;rm -rf.jpg");
    assert_eq!(attached.size_bytes, 17);
    // The SHA-256 is recorded as 64 hex digits.
    assert_eq!(attached.sha256.len(), 64);
    let stored: Vec<_> = std::fs::read_dir(dir.path().join("attachments")).expect("folder").collect();
    assert_eq!(stored.len(), 1);
    let stored_name = stored[0].as_ref().expect("entry").file_name().into_string().expect("name");
    assert!(stored_name.starts_with(&attached.sha256[..16]) && stored_name.ends_with(".bin"), "{stored_name}");
    assert_eq!(store.case_detail(id, &agent(), at).expect("detail").attachments, vec![attached]);
}

#[test]
fn an_attachment_over_the_limit_is_refused_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("lupaus.db")).expect("store");
    let at = helsinki(2026, 11, 23, 9, 0);
    let id = new_case(&mut store, at);
    let big = dir.path().join("video.mp4");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(lupaus_store::attachments::MAX_ATTACHMENT_BYTES + 1).expect("grow");
    let error = store.attach_file(id, &big, &agent(), at).expect_err("too big");
    assert_eq!(error.code(), "file_too_large");
    assert_eq!(error.field(), Some("file"), "shown next to the file chooser");
    let lupaus_store::StoreError::Core(core) = &error else { panic!("a core error: {error}") };
    assert_eq!(core.params(), vec![("max_mb", "25".to_owned())], "the UI names the limit in its own words");
    assert!(error.to_string().contains("25 MB"), "{error}");
    assert!(
        !dir.path().join("attachments").exists()
            || std::fs::read_dir(dir.path().join("attachments")).expect("dir").count() == 0
    );
    assert!(store.attachments(id).expect("list").is_empty());
}

#[test]
fn agents_ask_for_debriefs_leads_record_lessons_and_everyone_finds_them() {
    use lupaus_core::lessons::LessonEntry;
    let mut store = Store::open_in_memory().expect("store");
    let at = helsinki(2026, 11, 23, 9, 0);
    let id = new_case(&mut store, at);
    store
        .add_lesson_entry(id, LessonEntry::DebriefRequested { reason: "Asiakas uhkaili".into() }, &agent(), at)
        .expect("debrief requested");
    let refused = store.add_lesson_entry(id, LessonEntry::LessonRecorded { text: "x".into() }, &agent(), at);
    assert_eq!(refused.expect_err("agent").code(), "lead_only");
    store
        .add_lesson_entry(
            id,
            LessonEntry::LessonRecorded { text: "Vuotavat koneet: tarjoa heti lainakone".into() },
            &lead(),
            at + Duration::hours(1),
        )
        .expect("lesson");
    let found = store.lessons(Some("lainakone"), 10).expect("search");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].case_reference, "R-2026-000001");
    assert_eq!(store.lessons(None, 10).expect("all").len(), 2);
}

#[test]
fn a_case_with_an_open_promise_cannot_be_closed_or_declined_until_it_is_settled() {
    let mut store = Store::open_in_memory().expect("store");
    let start = helsinki(2026, 11, 23, 9, 0);
    let id = new_case(&mut store, start);
    let policy = Policy::default();
    let call_back = NewPromise {
        text: "Soitamme perjantaina".into(),
        channel: PromiseChannel::Call,
        due_at: helsinki(2026, 11, 27, 14, 0),
        owner: "Aino Agentti".into(),
        outside_hours_confirmed: false,
    };
    let promise = store.make_promise(id, call_back, &agent(), start).expect("promise");
    let decline = CaseCommand::DeclineComplaint {
        basis: lupaus_core::lifecycle::DeclineBasis::WarrantyTerms,
        explanation: "Takuu päättyi".into(),
    };
    let before = store.case_events(id).expect("events").len();
    let error = store.act_on_case(id, decline.clone(), &agent(), start, &policy).expect_err("refused");
    assert_eq!(error.code(), "invalid_transition");
    let lupaus_store::StoreError::Core(core) = &error else { panic!("a core refusal: {error:?}") };
    assert_eq!(core.reason(), Some("settle_promises_first"));
    assert!(error.to_string().contains(&format!("#{}", promise.id)), "{error}");
    assert_eq!(store.case_events(id).expect("events").len(), before, "nothing written");

    let withdrawn = store.withdraw_promise(promise.id, "Asiakas peruutti valituksen", &agent(), start).expect("ok");
    let views = store.case_promises(id, helsinki(2027, 1, 1, 0, 0)).expect("promises");
    assert_eq!(views[0].status, lupaus_core::promise::PromiseStatus::Withdrawn, "never counted as broken");
    assert_eq!(store.next_reminder_at().expect("next"), None, "its reminders stop");
    assert_eq!(withdrawn.owner, "Aino Agentti");
    store.act_on_case(id, decline, &agent(), start + Duration::minutes(1), &policy).expect("declined once settled");
}
