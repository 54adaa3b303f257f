//! Team mode on the desk's side, without a network: two desks' outboxes go into one ordered
//! log standing in for the server's commit order (the real server is tested in lupaus-sync),
//! and each desk applies that log. They must end with identical derived tables.

mod common;

use chrono::Duration;
use common::team::{desk, pull, push};
use common::{agent, helsinki, intake, new_case};
use lupaus_core::lifecycle::{Actor, CaseCommand, Policy};
use serde_json::json;

fn command(value: serde_json::Value) -> CaseCommand {
    serde_json::from_value(value).expect("command")
}

#[test]
fn two_desks_converge_and_an_offline_conflict_has_the_same_loser_on_both() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let policy = Policy::default();
    let mut server = Vec::new();
    let (mut a, mut b) = (desk("A"), desk("B"));
    let on_a = new_case(&mut a.store, at);
    let on_b = b.store.create_case(intake("Pekka").validate().expect("valid"), &agent(), at).expect("case").id;
    assert_eq!(push(&mut a, &mut server), 1);
    assert_eq!(push(&mut b, &mut server), 1);
    pull(&mut a, &server);
    assert_eq!(pull(&mut b, &server).new_events, 1, "B holds its own event already");
    // Both desks numbered their first case R-2026-000001; each is found with its desk.
    for desk in [&a, &b] {
        assert!(desk.store.case_id_by_reference("R-2026-000001/A").is_ok());
        assert!(desk.store.case_id_by_reference("R-2026-000001/B").is_ok());
    }
    assert_eq!(a.store.case_id_by_reference("R-2026-000001").expect("own first"), on_a);
    // The same customer number on two desks is two customers, one per desk, on both desks.
    let numbered = |name: &str| {
        let mut new = intake(name);
        new.customer.customer_number = Some("C-1001".into());
        new.validate().expect("valid")
    };
    a.store.create_case(numbered("Anna"), &agent(), at).expect("A's C-1001");
    b.store.create_case(numbered("Bertta"), &agent(), at).expect("B's C-1001");
    push(&mut a, &mut server);
    push(&mut b, &mut server);
    pull(&mut a, &server);
    pull(&mut b, &server);
    assert_eq!(a.store.team_digest().expect("digest"), b.store.team_digest().expect("digest"));
    assert_eq!(b.store.case_id_by_reference("R-2026-000001").expect("own first"), on_b);

    // Offline, both desks start solving A's case; B also hands it off with a call-back promise.
    let a_case_on_b = b.store.case_id_by_reference("R-2026-000001/A").expect("pulled");
    a.store.act_on_case(on_a, command(json!({"kind": "start_solving"})), &agent(), at, &policy).expect("A acts");
    let later = at + Duration::minutes(5);
    b.store.act_on_case(a_case_on_b, command(json!({"kind": "start_solving"})), &agent(), later, &policy).expect("B");
    // Ville is one of B's people (a call-back's owner must be), and the time is not what is tested.
    b.store.upsert_person("Ville", lupaus_core::lifecycle::Role::Agent).expect("Ville");
    let hand_off = json!({"kind": "hand_off", "to": "Ville", "note": "Varaosa", "customer_told": "Ville soittaa",
        "callback": {"text": "Soitamme", "channel": "call", "due_at": later + Duration::hours(4), "owner": "Ville",
            "outside_hours_confirmed": true}});
    b.store.act_on_case(a_case_on_b, command(hand_off), &Actor::agent("Bea"), later, &policy).expect("hand-off");
    push(&mut b, &mut server);
    push(&mut a, &mut server);
    let applied = pull(&mut a, &server);
    pull(&mut b, &server);
    assert_eq!(applied.flagged, 1, "A's start_solving came second on the server: it is the loser");

    assert_eq!(a.store.team_digest().expect("digest"), b.store.team_digest().expect("digest"));
    let detail = a.store.case_detail(on_a, &agent(), later).expect("detail");
    assert_eq!(detail.state.owner, "Ville");
    assert_eq!(detail.promises.len(), 1, "B's call-back promise reached A");
    assert_eq!(detail.events.len(), 4, "the losing event stays in the timeline");
    // ...marked as the loser for the case view, on both desks alike.
    let losers: Vec<_> = detail.conflict_losers.iter().map(|&at| &detail.events[at as usize]).collect();
    assert_eq!(losers.len(), 1);
    assert_eq!(losers[0].at, at, "A's start_solving (at 9.00) lost: {:?}", losers[0]);
    assert!(matches!(losers[0].event, lupaus_core::lifecycle::CaseEvent::SolvingStarted), "{:?}", losers[0]);
    let on_b = b.store.case_detail(a_case_on_b, &agent(), later).expect("detail on B");
    assert_eq!(on_b.conflict_losers, detail.conflict_losers);
    assert_eq!(a.store.sync_status().expect("status").flagged, 1);
    assert_eq!((a.store.pending_count().expect("a"), b.store.pending_count().expect("b")), (0, 0));
    assert_eq!(a.store.replay_case(on_a).expect("replays without the loser").owner, "Ville");

    // Pulling the same events again changes nothing.
    a.read = 0;
    assert_eq!(pull(&mut a, &server).new_events, 0);
    assert_eq!(a.store.team_digest().expect("digest"), b.store.team_digest().expect("digest"));
}

#[test]
fn an_event_this_version_cannot_read_is_kept_aside_and_the_rest_applies() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let mut server = Vec::new();
    let (mut a, mut b) = (desk("A"), desk("B"));
    new_case(&mut a.store, at);
    push(&mut a, &mut server);
    let mut strange = server[0].clone();
    strange.event_id = uuid::Uuid::now_v7();
    strange.kind = "teleported".into();
    strange.record = r#"{"event":{"kind":"teleported"}}"#.into();
    server.insert(0, strange);
    let applied = pull(&mut b, &server);
    assert_eq!((applied.new_events, applied.flagged), (1, 1));
    assert_eq!(b.store.check().expect("check").cases, 1);
    assert_eq!(b.store.sync_status().expect("status").flagged, 1);
}

#[test]
fn offline_hand_offs_to_two_people_and_a_promise_kept_twice_end_the_same_everywhere() {
    let at = helsinki(2026, 11, 3, 9, 0);
    let policy = Policy::default();
    let mut server = Vec::new();
    let (mut a, mut b) = (desk("A"), desk("B"));
    let on_a = new_case(&mut a.store, at);
    let promise = lupaus_core::promise::NewPromise {
        text: "Soitamme".into(),
        channel: lupaus_core::promise::PromiseChannel::Call,
        due_at: at + Duration::hours(4),
        owner: "Aino Agentti".into(),
        // Sync is what this test checks, not opening hours.
        outside_hours_confirmed: true,
    };
    let made = a.store.make_promise(on_a, promise, &agent(), at).expect("promise");
    push(&mut a, &mut server);
    pull(&mut b, &server);
    let on_b = b.store.case_id_by_reference("R-2026-000001/A").expect("pulled");
    let promise_on_b = b.store.case_detail(on_b, &agent(), at).expect("detail").promises[0].promise.id;

    // Offline: each desk hands the case to a different person and keeps the promise.
    let hand_off = |to: &str| {
        command(json!({"kind": "hand_off", "to": to, "note": "Jatkat", "customer_told": "Soitamme", "callback": null}))
    };
    let later = at + Duration::minutes(30);
    b.store.act_on_case(on_b, hand_off("Ville"), &agent(), later, &policy).expect("B hands to Ville");
    a.store.act_on_case(on_a, hand_off("Kaisa"), &agent(), later, &policy).expect("A hands to Kaisa");
    b.store.keep_promise(promise_on_b, "Soitettu B:ltä", later, &agent(), later).expect("B keeps");
    a.store.keep_promise(made.id, "Soitettu A:lta", later, &agent(), later).expect("A keeps");
    push(&mut b, &mut server);
    push(&mut a, &mut server);
    pull(&mut a, &server);
    pull(&mut b, &server);

    assert_eq!(a.store.team_digest().expect("a"), b.store.team_digest().expect("b"));
    for (desk, case) in [(&a, on_a), (&b, on_b)] {
        let detail = desk.store.case_detail(case, &agent(), later).expect("detail");
        assert_eq!(detail.state.owner, "Ville", "B's hand-off reached the server first");
        let kept = &detail.promises[0].promise.state;
        assert!(
            matches!(kept, lupaus_core::promise::PromiseState::Kept { outcome, .. } if outcome == "Soitettu B:ltä")
        );
        assert_eq!(desk.store.sync_status().expect("status").flagged, 2, "A's hand-off and A's keep are flagged");
    }
}

/// A desk that took the open cases first (lupaus-sync's live_first.rs) then meets their events
/// again in the cursor's pull, here one event per batch, so an open case's opening and its later
/// events arrive in different batches with another case's between them. Every batch leaves each
/// case replayable in the server's order, and the desk ends with what the first desk holds.
/// (Found by `bench --only join` at 1,000,000 cases: moving a met event to the end of the order
/// put a case's opening after its other early events, and the replay refused the case.)
#[test]
fn events_pulled_ahead_keep_each_cases_order_while_the_cursor_meets_them_one_by_one() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let policy = Policy::default();
    let mut server = Vec::new();
    let mut a = desk("A");
    let open = new_case(&mut a.store, at);
    new_case(&mut a.store, at);
    a.store.act_on_case(open, command(json!({"kind": "start_solving"})), &agent(), at, &policy).expect("acts");
    push(&mut a, &mut server);
    let open_gid = a.store.case_detail(open, &agent(), at).expect("detail").summary.reference;

    let mut b = desk("B");
    let ahead: Vec<_> = server.iter().filter(|event| event.case == server[0].case).cloned().collect();
    assert_eq!(ahead.len(), 2, "the open case's opening and its start");
    let first = lupaus_store::team::PulledBatch { epoch: "test".into(), events: ahead, cursor: None };
    b.store.apply_pulled(&first, helsinki(2026, 11, 2, 12, 0)).expect("ahead");
    assert!(b.store.sync_status().expect("status").ahead > 0);
    for (index, event) in server.iter().enumerate() {
        let batch = lupaus_store::team::PulledBatch {
            epoch: "test".into(),
            events: vec![event.clone()],
            cursor: Some(("1".into(), index as i64 + 1)),
        };
        b.store.apply_pulled(&batch, helsinki(2026, 11, 2, 12, 0)).expect("each batch applies");
        let on_b = b.store.case_id_by_reference(&format!("{open_gid}/A")).expect("the open case is there");
        b.store.case_detail(on_b, &agent(), at).expect("and replays");
    }
    assert_eq!(b.store.sync_status().expect("status").ahead, 0);
    assert_eq!(a.store.team_digest().expect("A"), b.store.team_digest().expect("B"));
}

/// A desk that mostly receives (a lead's) must not read everything it received since its own
/// last save on every round: its push mark moves past the other desks' events, when a pull
/// finds nothing of its own waiting, or when the outbox read finds nothing of its own after
/// them. Its own events still go up, each once, whenever they were saved.
#[test]
fn the_outbox_mark_moves_past_received_events_and_the_desks_own_still_go_up() {
    let at = helsinki(2026, 11, 2, 9, 0);
    let mut server = Vec::new();
    let (mut a, mut b) = (desk("A"), desk("B"));
    let read = |desk: &common::team::Desk, sql: &str| -> i64 {
        let conn = rusqlite::Connection::open(desk.store.path()).expect("open");
        conn.query_row(sql, [], |row| row.get(0)).expect("read")
    };
    let mark = |desk: &common::team::Desk| read(desk, "SELECT pushed_up_to FROM sync_push_marks WHERE log = 'case'");
    let newest = |desk: &common::team::Desk| read(desk, "SELECT MAX(id) FROM case_events");

    new_case(&mut b.store, at);
    for _ in 0..3 {
        new_case(&mut a.store, at);
    }
    push(&mut a, &mut server);
    pull(&mut b, &server);
    // B's own case, saved before A's events arrived, waits; once it is up, the outbox read
    // moves the mark past A's events too.
    let own = b.store.pending_count().expect("pending");
    assert_eq!(push(&mut b, &mut server), own as usize);
    assert_eq!(mark(&b), newest(&b), "the read moved the mark past the received events");

    // With nothing of B's waiting, a pull moves the mark past what it brings.
    new_case(&mut a.store, at);
    push(&mut a, &mut server);
    pull(&mut b, &server);
    assert_eq!(mark(&b), newest(&b), "the pull moved the mark past the received events");
    assert!(!b.store.outbox(1000).expect("outbox").moves_marks(), "nothing is left to read");

    new_case(&mut b.store, at);
    let own = b.store.pending_count().expect("pending");
    assert!(own > 0);
    assert_eq!(push(&mut b, &mut server), own as usize, "B's new case goes up");
    pull(&mut a, &server);
    pull(&mut b, &server);
    assert_eq!(a.store.team_digest().expect("A"), b.store.team_digest().expect("B"));
}
