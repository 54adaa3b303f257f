//! The lead's team board on a real SQLite file: promises overdue and due soon, grouped by person
//! and by desk, each desk's last sync judged by the server's clock (this desk's may be off), and
//! each agent's open cases. Several desks over a real server: lupaus-sync/tests/team_board.rs.

use std::sync::Arc;

use chrono::Duration;
use lupaus_core::clock::{Clock, FixedClock};
use lupaus_core::lifecycle::Role;
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_desk::{CaseIntake, Desk, NoListener, STALE_AFTER_MINUTES};
use lupaus_fixtures::{AGENT, LEAD, helsinki, intake};
use lupaus_store::team::DeskSeen;

fn promise(desk: &mut Desk, customer: &str, owner: &str, due: chrono::DateTime<chrono::Utc>) {
    let case = desk.create_case(CaseIntake { case: intake(customer), callback: None }).expect("case");
    let new = NewPromise {
        text: format!("Soitamme: {customer}"),
        channel: PromiseChannel::Call,
        due_at: due,
        owner: owner.into(),
        outside_hours_confirmed: false,
    };
    desk.make_promise(case.case.id, new).expect("promise");
}

#[test]
fn the_board_groups_due_promises_by_person_and_desk_and_shows_each_desks_last_sync() {
    let dir = tempfile::tempdir().expect("dir");
    let clock = Arc::new(FixedClock::new(helsinki(2026, 11, 23, 9, 0)));
    let store = lupaus_store::Store::open(&dir.path().join("lupaus.db")).expect("store");
    let mut desk = Desk::new(store, clock.clone(), LEAD.into(), Arc::new(NoListener));
    desk.save_person(LEAD, Role::Lead).expect("lead");
    desk.save_person(AGENT, Role::Agent).expect("agent");
    desk.save_person("Ville", Role::Agent).expect("agent");
    promise(&mut desk, "Maija", AGENT, helsinki(2026, 11, 23, 12, 0));
    promise(&mut desk, "Matti", "Ville", helsinki(2026, 11, 24, 11, 0));
    promise(&mut desk, "Liisa", AGENT, helsinki(2026, 11, 30, 11, 0));
    desk.create_case(CaseIntake { case: intake("Pekka"), callback: None }).expect("a case with no promise");
    let standalone = desk.team_board(24).expect("board");
    assert!(standalone.desks.is_empty() && standalone.this_desk.is_empty(), "a standalone desk lists no desks");

    desk.join_team("postgres://localhost/team", "Kassa1", "KASSA1").expect("join");
    // Monday 14.00: Aino's 12.00 call-back is missed, Ville's is due tomorrow, Liisa's next week.
    clock.set(helsinki(2026, 11, 23, 14, 0));
    // This desk's clock is three hours fast; the server's times are what count for age.
    let server_now = clock.now() - Duration::hours(3);
    let millis = |at: chrono::DateTime<chrono::Utc>| at.timestamp_millis();
    let seen = |code: &str, synced: Option<chrono::DateTime<chrono::Utc>>| DeskSeen {
        desk_code: code.into(),
        synced_at_millis: synced.map(millis),
        server_now_millis: millis(server_now),
    };
    desk.record_desks_seen(&[
        seen("KASSA1", Some(server_now)),
        seen("KASSA2", Some(server_now - Duration::minutes(40))),
        seen("KASSA3", None),
    ])
    .expect("seen");

    let board = desk.team_board(24).expect("board");
    assert_eq!(board.this_desk, "KASSA1");
    let desks: Vec<_> =
        board.desks.iter().map(|d| (d.desk_code.as_str(), d.last_sync_at, d.stale, d.this_desk)).collect();
    assert_eq!(
        desks,
        [
            ("KASSA1", Some(clock.now()), false, true),
            ("KASSA2", Some(clock.now() - Duration::minutes(40)), true, false),
            ("KASSA3", None, true, false),
        ],
        "last syncs on this desk's clock, the 40-minute-old desk and the never-seen one out of touch"
    );
    let people: Vec<_> = board.by_person.iter().map(|g| (g.key.as_str(), g.overdue, g.due_soon)).collect();
    assert_eq!(people, [(AGENT, 1, 0), ("Ville", 0, 1)], "the missed promise's owner first; next week's not listed");
    let by_desk: Vec<_> = board.by_desk.iter().map(|g| (g.key.as_str(), g.promises.len())).collect();
    assert_eq!(by_desk, [("KASSA1", 2)]);
    assert!(board.by_desk[0].promises.iter().all(|p| p.desk_code == "KASSA1"));
    let load: Vec<_> =
        board.workload.iter().map(|w| (w.person.as_str(), w.open_cases, w.overdue, w.due_soon)).collect();
    assert_eq!(load, [(LEAD, 4, 0, 0), (AGENT, 0, 1, 0), ("Ville", 0, 0, 1)], "cases are owned by who opened them");
    assert!(!board.truncated);

    // Twenty minutes on with no round: this desk's own picture is out of date too.
    clock.advance(Duration::minutes(STALE_AFTER_MINUTES + 5));
    let board = desk.team_board(24).expect("board");
    assert!(board.desks.iter().all(|desk| desk.stale), "no desk has synced for 20 minutes");
}
