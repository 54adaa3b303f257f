//! People, settings, lessons and reminder steps travel between desks as team events (issues 16,
//! 17), through one ordered log standing in for the server. Each desk derives the same people
//! and settings; applying the same events twice changes nothing; a newer kind is kept aside; an
//! act the rules refuse at its place in the order is kept and flagged on every desk alike.

mod common;

use chrono::{Duration, NaiveDate};
use common::team::{desk, pull, push};
use common::{agent, helsinki, new_case};
use lupaus_core::lessons::LessonEntry;
use lupaus_core::lifecycle::{Actor, Role};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_store::people::{Person, PinHash};
use lupaus_store::team::SyncLog;

fn person(name: &str, role: Role, has_pin: bool) -> Person {
    Person { name: name.to_owned(), role, has_pin }
}

#[test]
fn a_leads_people_acts_reach_another_desk_and_applying_them_twice_changes_nothing() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let mut server = Vec::new();
    let (mut l, mut a) = (desk("L"), desk("A"));
    l.store.save_person("Leena", Role::Lead, &Actor::agent("Leena"), at).expect("first lead");
    l.store.save_person("Aino", Role::Agent, &Actor::lead("Leena"), at).expect("agent");
    let pin = PinHash::of("1357").expect("hash");
    l.store.set_pin("Aino", &pin, &Actor::agent("Aino"), at).expect("her own PIN");
    assert_eq!(push(&mut l, &mut server), 3);
    let applied = pull(&mut a, &server);
    assert_eq!((applied.new_events, applied.flagged, applied.people_or_settings), (3, 0, true));

    assert_eq!(
        a.store.people().expect("people"),
        vec![person("Aino", Role::Agent, true), person("Leena", Role::Lead, false)]
    );
    // Aino signs in on A with the PIN she chose on L; the hash travelled, never the PIN.
    let sign_in = a.store.sign_in("Aino").expect("listed on A");
    assert!(sign_in.pin.expect("a PIN").matches("1357"));
    assert!(!server.iter().any(|event| event.record.contains("1357")));
    assert_eq!(a.store.actor("Leena").expect("lead").role, Role::Lead);

    // Who did it is recorded with each act.
    let actors: Vec<&str> =
        server.iter().filter(|event| event.log == SyncLog::Person).map(|event| event.actor.as_str()).collect();
    assert_eq!(actors, ["Leena", "Leena", "Aino"]);

    // A lead deactivates Aino and clears her PIN: she can no longer sign in on A.
    l.store.clear_pin("Aino", &Actor::lead("Leena"), at).expect("cleared");
    l.store.deactivate_person("Aino", &Actor::lead("Leena"), at).expect("deactivated");
    push(&mut l, &mut server);
    pull(&mut a, &server);
    assert!(a.store.sign_in("Aino").is_err(), "deactivated on every desk");
    assert_eq!(a.store.people().expect("people"), vec![person("Leena", Role::Lead, false)]);

    let digest = a.store.team_digest().expect("digest");
    a.read = 0;
    assert_eq!(pull(&mut a, &server).new_events, 0, "applying the same events again adds nothing");
    assert_eq!(a.store.team_digest().expect("digest"), digest);
    pull(&mut l, &server);
    assert_eq!(l.store.team_digest().expect("digest"), digest, "same people, PIN hashes and events on both");
}

#[test]
fn an_agent_is_refused_here_and_two_leads_demoting_each_other_offline_end_the_same_everywhere() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let mut server = Vec::new();
    let (mut l, mut b) = (desk("L"), desk("B"));
    l.store.save_person("Leena", Role::Lead, &Actor::agent("Leena"), at).expect("first lead");
    l.store.save_person("Lasse", Role::Lead, &Actor::lead("Leena"), at).expect("second lead");
    push(&mut l, &mut server);
    pull(&mut b, &server);
    let refused = b.store.save_person("Ville", Role::Agent, &Actor::agent("Ville"), at).expect_err("agent");
    assert_eq!((refused.code(), refused.reason()), ("lead_only", Some("lead_only")), "{refused}");

    // Offline: Leena makes Lasse an agent on L; Lasse makes Leena an agent on B. Each is allowed
    // where it is made; together they would leave the team without a lead.
    l.store.save_person("Lasse", Role::Agent, &Actor::lead("Leena"), at).expect("on L");
    b.store.save_person("Leena", Role::Agent, &Actor::lead("Lasse"), at + Duration::minutes(1)).expect("on B");
    push(&mut l, &mut server);
    push(&mut b, &mut server);
    pull(&mut l, &server);
    let applied = pull(&mut b, &server);
    assert_eq!(applied.flagged, 1, "Lasse was no longer a lead when his change arrived");
    for desk in [&l, &b] {
        assert_eq!(
            desk.store.people().expect("people"),
            vec![person("Lasse", Role::Agent, false), person("Leena", Role::Lead, false)]
        );
        assert_eq!(desk.store.sync_status().expect("status").flagged, 1);
    }
    assert_eq!(l.store.team_digest().expect("l"), b.store.team_digest().expect("b"));
}

#[test]
fn a_person_event_of_a_newer_kind_is_kept_aside_and_the_rest_applies() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let mut server = Vec::new();
    let (mut l, mut a) = (desk("L"), desk("A"));
    l.store.save_person("Leena", Role::Lead, &Actor::agent("Leena"), at).expect("first lead");
    push(&mut l, &mut server);
    let mut newer = server[0].clone();
    newer.event_id = uuid::Uuid::now_v7();
    newer.kind = "person_renamed".into();
    newer.record = r#"{"kind":"person_renamed","name":"Leena","new_name":"Leena K"}"#.into();
    server.insert(0, newer);
    let applied = pull(&mut a, &server);
    assert_eq!((applied.new_events, applied.flagged), (1, 1));
    assert_eq!(a.store.people().expect("people"), vec![person("Leena", Role::Lead, false)]);
    assert_eq!(a.store.sync_status().expect("status").flagged, 1);
}

#[test]
fn a_leads_settings_change_reaches_another_desk_moves_its_reminders_and_is_in_the_audit_trail() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let mut server = Vec::new();
    let (mut l, mut a) = (desk("L"), desk("A"));
    l.store.save_person("Leena", Role::Lead, &Actor::agent("Leena"), at).expect("first lead");
    let case = new_case(&mut a.store, at);
    let promise = NewPromise {
        text: "Soitamme".into(),
        channel: PromiseChannel::Call,
        due_at: helsinki(2026, 11, 2, 14, 0),
        owner: "Aino Agentti".into(),
        outside_hours_confirmed: true,
    };
    a.store.make_promise(case, promise, &agent(), at).expect("promise");
    let first_reminder = a.store.next_reminder_at().expect("next").expect("one");
    assert!(first_reminder < helsinki(2026, 11, 2, 14, 0), "reminded before the due time");

    let mut settings = l.store.desk_settings().expect("settings").settings;
    settings.reminder_plan.before_due.clear();
    settings.calendar.closure_days.insert(NaiveDate::from_ymd_opt(2026, 12, 28).expect("date"));
    l.store.save_desk_settings(settings.clone(), &Actor::lead("Leena"), at).expect("a lead saves");
    push(&mut l, &mut server);
    push(&mut a, &mut server);
    let applied = pull(&mut a, &server);
    assert!(applied.settings_changed);
    assert_eq!(a.store.desk_settings().expect("settings").settings, settings);
    assert_eq!(
        a.store.next_reminder_at().expect("next"),
        Some(helsinki(2026, 11, 2, 14, 0)),
        "the pulled plan has no early reminder: the next one is at the due time"
    );

    // A change by someone who is not a lead (here forged from L's own event) is kept, flagged,
    // and shown in the trail as not applied.
    let mut forged = server.iter().find(|event| event.log == SyncLog::Settings).expect("settings event").clone();
    forged.event_id = uuid::Uuid::now_v7();
    forged.actor = "Mallory".into();
    forged.record = forged.record.replace("\"promise_buffer_minutes\":60", "\"promise_buffer_minutes\":0");
    server.push(forged);
    assert_eq!(pull(&mut a, &server).flagged, 1);
    assert_eq!(a.store.desk_settings().expect("settings").settings, settings, "not applied");

    let history = a.store.settings_history().expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!((history[0].by.as_str(), history[0].applied), ("Leena", true));
    let fields: Vec<&str> = history[0].changes.iter().map(|change| change.field.as_str()).collect();
    assert_eq!(fields, ["calendar.closure_days", "reminder_plan.before_due"]);
    assert_eq!(history[0].changes[0].after, r#"["2026-12-28"]"#);
    assert_eq!((history[1].by.as_str(), history[1].applied), ("Mallory", false));
    assert_eq!(history[1].changes[0].field, "promise_buffer_minutes");
    pull(&mut l, &server);
    assert_eq!(l.store.team_digest().expect("l"), a.store.team_digest().expect("a"));
}

#[test]
fn lessons_and_reminder_steps_travel_and_a_step_raised_on_two_cut_off_desks_counts_once() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let mut server = Vec::new();
    let (mut a, mut b) = (desk("A"), desk("B"));
    let case = new_case(&mut a.store, at);
    let promise = NewPromise {
        text: "Soitamme".into(),
        channel: PromiseChannel::Call,
        due_at: helsinki(2026, 11, 2, 14, 0),
        owner: "Aino Agentti".into(),
        outside_hours_confirmed: true,
    };
    let made = a.store.make_promise(case, promise, &agent(), at).expect("promise");
    let entry = LessonEntry::DebriefRequested { reason: "Asiakas soitti kolmesti".into() };
    a.store.add_lesson_entry(case, entry, &agent(), at).expect("debrief");
    push(&mut a, &mut server);
    pull(&mut b, &server);
    let lessons = b.store.lessons(None, 10).expect("lessons");
    assert_eq!((lessons.len(), lessons[0].by.as_str()), (1, "Aino Agentti"));
    assert_eq!(lessons[0].case_reference, "R-2026-000001");

    // Both desks are cut off when the first step comes due: each raises it once.
    let due = a.store.next_reminder_at().expect("next").expect("a reminder");
    assert_eq!(b.store.next_reminder_at().expect("next"), Some(due));
    assert_eq!(a.store.raise_due_reminders(due).expect("a").len(), 1);
    assert_eq!(b.store.raise_due_reminders(due).expect("b").len(), 1);
    push(&mut a, &mut server);
    push(&mut b, &mut server);
    pull(&mut a, &server);
    pull(&mut b, &server);
    assert_eq!(a.store.raised_reminders(made.id).expect("a").len(), 1, "the step counts once");
    let on_b = b.store.case_id_by_reference("R-2026-000001/A").expect("pulled");
    let promise_on_b = b.store.case_detail(on_b, &agent(), due).expect("detail").promises[0].promise.id;
    assert_eq!(b.store.raised_reminders(promise_on_b).expect("b").len(), 1);
    assert_eq!(b.store.raise_due_reminders(due).expect("again").len(), 0, "never raised again");
    assert_eq!(a.store.team_digest().expect("a"), b.store.team_digest().expect("b"));
    assert_eq!(a.store.team_digest().expect("a").team_event_count, 3, "the debrief and both desks' steps");
}

#[test]
fn a_returning_customer_shows_the_cases_of_every_desk() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let mut server = Vec::new();
    let (mut a, mut b) = (desk("A"), desk("B"));
    let with_email = |name: &str| {
        let mut new = common::intake(name);
        new.customer.email = Some("maija@example.fi".into());
        new.validate().expect("valid")
    };
    let on_a = a.store.create_case(with_email("Maija Meikäläinen"), &agent(), at).expect("on A");
    b.store.create_case(with_email("Maija M."), &agent(), at + Duration::hours(1)).expect("on B");
    push(&mut a, &mut server);
    push(&mut b, &mut server);
    pull(&mut a, &server);
    let customer = a.store.case_detail(on_a.id, &agent(), at).expect("detail").customer.id;
    let cases = a.store.customer_cases(customer, 10).expect("history");
    assert_eq!(cases.len(), 2, "the case B recorded for the same e-mail is in A's history");
    assert_eq!(cases[0].customer_name, "Maija M.", "newest first");
    // Both desks numbered their first case 000001: B's carries its desk's code, A's own is bare.
    let references: Vec<&str> = cases.iter().map(|case| case.reference.as_str()).collect();
    assert_eq!(references, ["R-2026-000001/B", "R-2026-000001"]);
    let on_b = a.store.case_id_by_reference(references[0]).expect("the history's reference opens B's case");
    assert_eq!(on_b, cases[0].id);
}
