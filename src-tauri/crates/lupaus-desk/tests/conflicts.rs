//! The conflict review on the desk layer, with a log in memory standing in for the server (the
//! real one: lupaus-sync/tests/team_board.rs). Two desks act on one case and one promise
//! offline; the team's order picks the winners; the losers (a case event and a promise change)
//! are flagged and shown in the timeline; a lead resolves them once and every desk shows it.

use std::sync::Arc;

use lupaus_core::clock::FixedClock;
use lupaus_core::lifecycle::{CaseCommand, Role};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_desk::{CaseIntake, Desk};
use lupaus_fixtures::{helsinki, intake};
use lupaus_store::team::{PulledBatch, SyncEvent};

/// The server's log in its order.
#[derive(Default)]
struct Log(Vec<SyncEvent>);

impl Log {
    /// One round: push what is pending (each event once), then pull what this desk has not read.
    fn sync(&mut self, desk: &mut Desk) {
        loop {
            let batch = desk.outbox(100).expect("outbox");
            if batch.events.is_empty() {
                break;
            }
            for event in &batch.events {
                if !self.0.iter().any(|held| held.event_id == event.event_id) {
                    self.0.push(event.clone());
                }
            }
            desk.mark_pushed(&batch).expect("pushed");
        }
        let read = desk.sync_cursor().expect("cursor").map_or(0, |cursor| cursor.seq as usize);
        if read < self.0.len() {
            let events = self.0[read..].to_vec();
            let batch = PulledBatch { epoch: "e".into(), events, cursor: Some(("1".into(), self.0.len() as i64)) };
            desk.apply_pulled(&batch).expect("applied");
        }
    }
}

fn desk(dir: &tempfile::TempDir, code: &str, person: &str, clock: Arc<FixedClock>) -> Desk {
    let mut desk = Desk::open(&dir.path().join(format!("{code}.db")), clock, person.into()).expect("desk");
    desk.join_team("postgres://localhost/team", code, code).expect("join");
    desk
}

/// Maija's case on `desk` with Aino's call-back due tomorrow; answers its reference.
fn case_with_call_back(desk: &mut Desk) -> String {
    let created = desk.create_case(CaseIntake { case: intake("Maija"), callback: None }).expect("case");
    let promise = NewPromise {
        text: "Soitamme huomenna".into(),
        channel: PromiseChannel::Call,
        due_at: helsinki(2026, 11, 24, 12, 0),
        owner: "Aino".into(),
        outside_hours_confirmed: false,
    };
    desk.make_promise(created.case.id, promise).expect("promise");
    created.case.reference
}

#[test]
fn a_lead_resolves_case_and_promise_conflicts_once_and_every_desk_shows_it() {
    let dir = tempfile::tempdir().expect("dir");
    let clock = Arc::new(FixedClock::new(helsinki(2026, 11, 23, 10, 0)));
    let mut server = Log::default();
    let mut l = desk(&dir, "L", "Leena", clock.clone());
    let mut a = desk(&dir, "A", "Aino", clock.clone());
    let mut b = desk(&dir, "B", "Ville", clock.clone());
    l.save_person("Leena", Role::Lead).expect("the first lead");
    for name in ["Aino", "Ville"] {
        l.save_person(name, Role::Agent).expect("agents");
    }
    let reference = case_with_call_back(&mut a);
    for desk in [&mut l, &mut a, &mut b] {
        server.sync(desk);
    }
    let shared = format!("{reference}/A");
    let case_on = |desk: &Desk| desk.case_id_by_reference(&shared).expect("found");

    // Offline, A and B both start solving and both keep the promise.
    for desk in [&mut a, &mut b] {
        let case_id = case_on(desk);
        desk.act_on_case(case_id, CaseCommand::StartSolving).expect("start");
        let promise_id = desk.case_detail(case_id).expect("detail").promises[0].promise.id;
        desk.keep_promise(promise_id, "Soitettu", None).expect("kept");
    }
    server.sync(&mut a);
    server.sync(&mut b);
    server.sync(&mut a);
    server.sync(&mut l);
    for desk in [&l, &a, &b] {
        let detail = desk.case_detail(case_on(desk)).expect("detail");
        assert_eq!(detail.conflict_losers.len(), 1, "B's start lost on every desk");
        assert!(detail.conflict_reviews.is_empty());
        assert_eq!(detail.promise_conflicts.len(), 1, "B's keeping lost, and the timeline shows it");
        let lost = &detail.promise_conflicts[0];
        assert_eq!((lost.actor.as_str(), lost.kind.as_str(), lost.review.is_none()), ("Ville", "kept", true));
        assert_eq!(desk.sync_status().expect("status").flagged, 2);
    }

    let waiting = l.conflicts(false).expect("the lead's list");
    let logs: Vec<_> = waiting.iter().map(|c| (c.log.as_str(), c.actor.as_str(), c.case_reference.as_str())).collect();
    assert_eq!(logs, [("case", "Ville", shared.as_str()), ("promise", "Ville", shared.as_str())]);
    assert_eq!(a.conflicts(false).expect_err("agents do not review").code(), "lead_only");
    let refused = a.resolve_conflict(&waiting[0].event_id, "").expect_err("an agent cannot resolve");
    assert_eq!(refused.code(), "lead_only");
    let unknown = l.resolve_conflict("not-an-event", "").expect_err("no such conflict");
    assert_eq!(unknown.reason(), Some("not_a_conflict"));
    for conflict in &waiting {
        let resolved = l.resolve_conflict(&conflict.event_id, "A:n kirjaus jää voimaan").expect("resolved");
        assert_eq!(resolved.review.as_ref().map(|r| r.by.as_str()), Some("Leena"));
    }
    let again = l.resolve_conflict(&waiting[0].event_id, "").expect_err("once");
    assert_eq!(again.reason(), Some("conflict_already_reviewed"));
    assert!(l.conflicts(false).expect("list").is_empty(), "nothing waits on L at once");

    for desk in [&mut l, &mut a, &mut b] {
        server.sync(desk);
    }
    for desk in [&l, &a, &b] {
        assert_eq!(desk.sync_status().expect("status").flagged, 0, "the flag cleared on every desk");
        let detail = desk.case_detail(case_on(desk)).expect("detail");
        assert_eq!(detail.conflict_reviews.len(), 1);
        assert_eq!(detail.conflict_reviews[0].by, "Leena");
        assert_eq!(detail.conflict_reviews[0].position, detail.conflict_losers[0]);
        let review = detail.promise_conflicts[0].review.as_ref().expect("reviewed");
        assert_eq!((review.by.as_str(), review.note.as_str()), ("Leena", "A:n kirjaus jää voimaan"));
    }
    assert_eq!(l.conflicts(true).expect("all").len(), 2, "the reviewed ones stay in the full list");
    let digests = [&l, &a, &b].map(|desk| desk.team_digest().expect("digest"));
    assert_eq!(digests[0], digests[1]);
    assert_eq!(digests[1], digests[2]);
}

#[test]
fn a_promise_renegotiated_on_two_desks_leaves_one_new_promise_and_flags_the_other() {
    let dir = tempfile::tempdir().expect("dir");
    let clock = Arc::new(FixedClock::new(helsinki(2026, 11, 23, 10, 0)));
    let mut server = Log::default();
    let mut a = desk(&dir, "A", "Aino", clock.clone());
    let mut b = desk(&dir, "B", "Ville", clock.clone());
    let reference = case_with_call_back(&mut a);
    server.sync(&mut a);
    server.sync(&mut b);
    let shared = format!("{reference}/A");
    let case_on = |desk: &Desk| desk.case_id_by_reference(&shared).expect("found");

    // Offline, each desk agrees another new time with the customer.
    for (desk, day) in [(&mut a, 25), (&mut b, 26)] {
        let case_id = case_on(desk);
        let old = desk.case_detail(case_id).expect("detail").promises[0].promise.id;
        desk.renegotiate_promise(old, helsinki(2026, 11, day, 12, 0), None).expect("renegotiated");
    }
    server.sync(&mut a);
    server.sync(&mut b);
    server.sync(&mut a);
    for desk in [&a, &b] {
        let detail = desk.case_detail(case_on(desk)).expect("detail");
        let open: Vec<_> = detail
            .promises
            .iter()
            .filter(|view| view.promise.state == lupaus_core::promise::PromiseState::Open)
            .map(|view| view.promise.due_at)
            .collect();
        assert_eq!(open, [helsinki(2026, 11, 25, 12, 0)], "A's new time stands; B's new promise is owed to nobody");
        let lost: Vec<_> = detail.promise_conflicts.iter().map(|c| (c.actor.as_str(), c.kind.as_str())).collect();
        assert_eq!(lost.len(), 2, "B's renegotiation and the promise it made, both kept and shown: {lost:?}");
        assert!(lost.iter().all(|(actor, _)| *actor == "Ville"));
        assert_eq!(desk.due_promises(None, 24 * 7, None, 10).expect("due").len(), 1, "only one call-back is owed");
    }
    assert_eq!(a.team_digest().expect("a"), b.team_digest().expect("b"));
}
