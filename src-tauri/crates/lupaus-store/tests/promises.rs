//! Promises and reminders through the store: each planned reminder is raised exactly once, also
//! across restarts; a kept promise goes quiet; the scheduler's queries use their indexes.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use common::{agent, helsinki, new_case};
use lupaus_core::promise::{NewPromise, PromiseChannel, PromiseStatus};
use lupaus_core::reminder::ReminderKind;
use lupaus_store::Store;

fn call_back(due_at: DateTime<Utc>) -> NewPromise {
    NewPromise {
        text: "Soitamme perjantaina klo 14 mennessä".into(),
        channel: PromiseChannel::Call,
        due_at,
        owner: "Aino Agentti".into(),
        outside_hours_confirmed: false,
    }
}

/// Runs the store's reminder pass every `step` from `from` to `to`, counting raised keys per promise.
fn run_scheduler(
    store: &mut Store,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    step: Duration,
    raised: &mut BTreeMap<(i64, String), Vec<DateTime<Utc>>>,
) {
    let mut now = from;
    while now <= to {
        for reminder in store.raise_due_reminders(now).expect("raise") {
            raised.entry((reminder.promise.promise.id, reminder.key.clone())).or_default().push(now);
        }
        now += step;
    }
}

#[test]
fn every_reminder_fires_once_even_when_the_app_restarts_in_between() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("lupaus.db");
    let made = helsinki(2026, 11, 23, 9, 0); // Monday
    let due = helsinki(2026, 11, 27, 14, 0); // Friday 14:00
    let promise_id = {
        let mut store = Store::open(&path).expect("store");
        let case_id = new_case(&mut store, made);
        store.make_promise(case_id, call_back(due), &agent(), made).expect("promise").id
    };
    let mut raised = BTreeMap::new();
    // The app runs until Friday 12:00, is closed over lunch, and runs again from 13:05 on: the
    // reminder one business hour before (13:00) came due while it was closed.
    {
        let mut store = Store::open(&path).expect("reopen");
        run_scheduler(&mut store, made, helsinki(2026, 11, 27, 12, 0), Duration::minutes(1), &mut raised);
    }
    {
        let mut store = Store::open(&path).expect("reopen again");
        run_scheduler(
            &mut store,
            helsinki(2026, 11, 27, 13, 5),
            helsinki(2026, 11, 27, 18, 0),
            Duration::minutes(1),
            &mut raised,
        );
    }
    for ((id, key), times) in &raised {
        assert_eq!(*id, promise_id);
        assert_eq!(times.len(), 1, "{key} raised {} times", times.len());
    }
    let keys: Vec<&str> = raised.keys().map(|(_, key)| key.as_str()).collect();
    assert!(keys.contains(&"before:business:60"), "{keys:?}");
    assert!(keys.contains(&"before:wall:15"), "{keys:?}");
    assert!(keys.contains(&"at_due"), "{keys:?}");
    assert!(keys.contains(&"escalation"), "a missed promise is escalated: {keys:?}");
    let at_due = &raised[&(promise_id, "at_due".to_string())];
    assert_eq!(at_due[0], due, "the at-due reminder is raised at the due minute");
    let missed_while_closed = &raised[&(promise_id, "before:business:60".to_string())];
    assert_eq!(missed_while_closed[0], helsinki(2026, 11, 27, 13, 5), "raised at once on start");
    let before_15 = &raised[&(promise_id, "before:wall:15".to_string())];
    assert_eq!(before_15[0], due - Duration::minutes(15));
}

#[test]
fn reminders_that_came_due_while_closed_are_raised_at_once_on_start() {
    let mut store = Store::open_in_memory().expect("store");
    let made = helsinki(2026, 11, 27, 9, 0); // Friday
    let case_id = new_case(&mut store, made);
    store.make_promise(case_id, call_back(helsinki(2026, 11, 27, 15, 0)), &agent(), made).expect("promise");
    // Closed from Friday morning to Monday morning: one pass on start raises what was missed.
    // Escalation comes two business hours after the due time: Friday 15–16 and Monday 8–9.
    let monday = helsinki(2026, 11, 30, 9, 5);
    let raised = store.raise_due_reminders(monday).expect("raise");
    let kinds: Vec<ReminderKind> = raised.iter().map(|reminder| reminder.kind).collect();
    assert!(kinds.contains(&ReminderKind::Escalation), "{kinds:?}");
    assert!(raised.iter().all(|reminder| reminder.promise.status == PromiseStatus::Broken));
    assert!(store.raise_due_reminders(monday).expect("again").is_empty(), "nothing twice");
}

#[test]
fn a_kept_promise_raises_nothing_more() {
    let mut store = Store::open_in_memory().expect("store");
    let made = helsinki(2026, 11, 23, 9, 0);
    let case_id = new_case(&mut store, made);
    let promise =
        store.make_promise(case_id, call_back(helsinki(2026, 11, 23, 15, 0)), &agent(), made).expect("promise");
    assert!(store.next_reminder_at().expect("next").is_some());
    store
        .keep_promise(
            promise.id,
            "Soitettu, asiakas tyytyväinen",
            made + Duration::hours(1),
            &agent(),
            made + Duration::hours(1),
        )
        .expect("kept");
    assert_eq!(store.next_reminder_at().expect("next"), None);
    assert!(store.raise_due_reminders(helsinki(2026, 11, 24, 12, 0)).expect("raise").is_empty());
}

#[test]
fn renegotiating_before_the_due_time_replaces_the_promise_and_after_it_is_refused() {
    let mut store = Store::open_in_memory().expect("store");
    let made = helsinki(2026, 11, 23, 9, 0);
    let case_id = new_case(&mut store, made);
    let first = store.make_promise(case_id, call_back(helsinki(2026, 11, 23, 15, 0)), &agent(), made).expect("promise");
    let moved = store
        .renegotiate_promise(
            first.id,
            helsinki(2026, 11, 24, 12, 0),
            made + Duration::hours(2),
            &agent(),
            made + Duration::hours(2),
        )
        .expect("renegotiated in time");
    assert_eq!(moved.new.replaces, Some(first.id));
    let late = store
        .renegotiate_promise(
            moved.new.id,
            helsinki(2026, 11, 25, 12, 0),
            helsinki(2026, 11, 24, 13, 0),
            &agent(),
            helsinki(2026, 11, 24, 13, 0),
        )
        .expect_err("after the due time it is broken");
    assert_eq!(late.code(), "invalid_transition");
    let statuses: Vec<PromiseStatus> = store
        .case_promises(case_id, helsinki(2026, 11, 24, 13, 0))
        .expect("list")
        .iter()
        .map(|view| view.status)
        .collect();
    assert_eq!(statuses, vec![PromiseStatus::Renegotiated, PromiseStatus::Broken]);
}

#[test]
fn the_hot_promise_queries_use_their_indexes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("lupaus.db");
    drop(Store::open(&path).expect("create"));
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let plan = |sql: &str| -> String {
        let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("plan");
        let rows = statement.query_map([], |row| row.get::<_, String>(3)).expect("rows");
        rows.map(|row| row.expect("detail")).collect::<Vec<_>>().join(" | ")
    };
    let next = plan(
        "SELECT next_reminder_at FROM promises WHERE next_reminder_at IS NOT NULL ORDER BY next_reminder_at LIMIT 1",
    );
    assert!(next.contains("promises_by_next_reminder"), "{next}");
    let due = plan("SELECT id FROM promises WHERE state = 'open' AND due_at <= 0 ORDER BY due_at LIMIT 10");
    assert!(due.contains("promises_open_by_due"), "{due}");
    let list =
        plan("SELECT id FROM cases WHERE (received_at, id) < (1, 1) ORDER BY received_at DESC, id DESC LIMIT 100");
    assert!(list.contains("cases_by_received") && !list.contains("TEMP B-TREE"), "{list}");
}

#[test]
fn a_promise_is_owned_only_by_an_active_person_of_the_desk() {
    let mut store = Store::open_in_memory().expect("store");
    let made = helsinki(2026, 11, 23, 9, 0);
    let case_id = new_case(&mut store, made);
    store.upsert_person("Leena Lead", lupaus_core::lifecycle::Role::Lead).expect("lead");
    store.upsert_person("Pekka Poissa", lupaus_core::lifecycle::Role::Agent).expect("agent");
    store.deactivate_person("Pekka Poissa", &common::lead(), chrono::Utc::now()).expect("deactivated");
    let due = helsinki(2026, 11, 27, 14, 0);
    let owned_by = |owner: &str| NewPromise { owner: owner.into(), ..call_back(due) };
    let refusal = |error: lupaus_store::StoreError| match error {
        lupaus_store::StoreError::Core(core) => (core.reason(), core.field().map(str::to_owned)),
        other => panic!("a core refusal, not {other:?}"),
    };

    for stranger in ["Kalle Tuntematon", "Pekka Poissa"] {
        let error = store.make_promise(case_id, owned_by(stranger), &agent(), made).expect_err(stranger);
        assert_eq!(refusal(error), (Some("owner_not_active"), Some("owner".to_owned())), "{stranger}");
    }
    assert!(store.case_promises(case_id, made).expect("promises").is_empty(), "nothing written");

    let promise = store.make_promise(case_id, owned_by(" Leena Lead "), &agent(), made).expect("a listed lead");
    assert_eq!(promise.owner, "Leena Lead");
    let error = store.reassign_promise(promise.id, "Kalle Tuntematon", &agent(), made).expect_err("unknown");
    assert_eq!(refusal(error).0, Some("owner_not_active"));
    assert_eq!(store.promise(promise.id).expect("promise").owner, "Leena Lead", "unchanged");
    let mine = store.reassign_promise(promise.id, "Aino Agentti", &agent(), made).expect("to myself");
    assert_eq!(mine.owner, "Aino Agentti", "the person at the keyboard may always take it");
}

#[test]
fn a_due_time_outside_opening_hours_is_saved_only_when_the_agent_confirms_it() {
    let mut store = Store::open_in_memory().expect("store");
    let made = helsinki(2026, 12, 11, 15, 0); // Friday afternoon
    let case_id = new_case(&mut store, made);
    let sunday_night = NewPromise { due_at: helsinki(2026, 12, 13, 4, 15), ..call_back(made) };
    let error = store.make_promise(case_id, sunday_night.clone(), &agent(), made).expect_err("unconfirmed");
    let lupaus_store::StoreError::Core(core) = &error else { panic!("a core refusal: {error:?}") };
    assert_eq!((core.field(), core.reason()), (Some("due_at"), Some("due_outside_hours")));
    assert_eq!(core.params(), vec![("next_opening", "2026-12-14T06:00:00+00:00".to_owned())], "Monday 08:00");
    assert!(store.case_promises(case_id, made).expect("promises").is_empty(), "nothing written");

    let agreed = NewPromise { outside_hours_confirmed: true, ..sunday_night };
    let promise = store.make_promise(case_id, agreed, &agent(), made).expect("confirmed by the agent");
    assert_eq!(promise.due_at, helsinki(2026, 12, 13, 4, 15));
}
