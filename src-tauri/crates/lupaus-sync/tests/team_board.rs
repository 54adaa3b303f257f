//! The lead's team board and conflict review over a real PostgreSQL the test starts itself
//! (issue 17): a lead's desk L and agents' desks A and B, each its own SQLite file.
//! Unix only: the test server runs Debian's PostgreSQL binaries (initdb, pg_ctl, `su postgres`).
#![cfg(unix)]

mod common;

use chrono::{Duration, NaiveDate};
use common::{desk, intake, team};
use lupaus_core::lifecycle::{CaseCommand, Role};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_desk::{CaseIntake, Desk};
use lupaus_store::figures::FiguresScope;
use lupaus_sync::admin;
use lupaus_sync::round::sync_desk;
use lupaus_sync::server::ServerAddress;
use lupaus_sync::test_server::TestServer;

fn call_back(desk: &mut Desk, customer: &str, due_in: Duration) -> String {
    let created = desk.create_case(CaseIntake { case: intake(customer), callback: None }).expect("case");
    let promise = NewPromise {
        text: format!("Soitamme: {customer}"),
        channel: PromiseChannel::Call,
        due_at: desk.now() + due_in,
        owner: "Aino".into(),
        outside_hours_confirmed: false,
    };
    desk.make_promise(created.case.id, promise).expect("promise");
    created.case.reference
}

#[tokio::test]
async fn the_board_shows_every_desks_due_promises_and_last_sync() {
    let server = TestServer::start();
    let admin_address = team(&server, "board1").await;
    let mut l = desk(&server, &admin_address, "board1", "L").await;
    let mut a = desk(&server, &admin_address, "board1", "A").await;
    let mut b = desk(&server, &admin_address, "board1", "B").await;
    // C was added to the team but its PC never joined: never seen.
    admin::add_desk(&admin_address, "C").await.expect("add C");

    call_back(&mut a.desk, "Maija", Duration::hours(3));
    call_back(&mut b.desk, "Matti", Duration::hours(5));
    for desk in [&mut a.desk, &mut b.desk, &mut l.desk] {
        sync_desk(desk).await.expect("sync");
    }
    let board = l.desk.team_board(24).expect("board");
    let desks: Vec<_> = board.desks.iter().map(|d| (d.desk_code.as_str(), d.last_sync_at.is_some(), d.stale)).collect();
    assert_eq!(desks, [("A", true, false), ("B", true, false), ("C", false, true), ("L", true, false)]);
    assert!(board.desks.iter().any(|d| d.desk_code == "L" && d.this_desk));
    let by_desk: Vec<_> = board.by_desk.iter().map(|g| (g.key.as_str(), g.due_soon)).collect();
    assert_eq!(by_desk, [("A", 1), ("B", 1)], "each promise under the desk its case was opened on");
    assert_eq!(board.by_person.len(), 1);
    assert_eq!((board.by_person[0].key.as_str(), board.by_person[0].due_soon), ("Aino", 2));

    // A desk's role may stamp only its own row: another desk's is neither changed nor added.
    let a_address = ServerAddress::parse(&server.desk_url("board1")).expect("address");
    let client = a_address.connect_desk("A", &a.secret).await.expect("A logs in");
    let changed = client
        .execute("UPDATE lupaus_desk_sync SET synced_at = now() WHERE desk_code = 'B'", &[])
        .await
        .expect("an update that row-level security narrows to nothing");
    assert_eq!(changed, 0, "A cannot touch B's row");
    let refused = client.execute("INSERT INTO lupaus_desk_sync (desk_code) VALUES ('C')", &[]).await;
    assert!(refused.is_err(), "A cannot claim C's sync");
    let refused = client.execute("DELETE FROM lupaus_desk_sync WHERE desk_code = 'A'", &[]).await;
    assert!(refused.is_err(), "no desk deletes the record");
}

/// Switches the desk to `name` (no PINs in these tests).
fn sign_in(desk: &mut Desk, name: &str) {
    let started = desk.start_switch(name).expect("listed");
    let checked = started.check_pin(None, desk.now());
    desk.finish_switch(checked).expect("signed in");
}

#[tokio::test]
async fn a_lead_resolves_a_conflict_and_every_desk_shows_the_same_result() {
    let server = TestServer::start();
    let admin_address = team(&server, "review1").await;
    let mut l = desk(&server, &admin_address, "review1", "L").await;
    let mut a = desk(&server, &admin_address, "review1", "A").await;
    let mut b = desk(&server, &admin_address, "review1", "B").await;
    sign_in(&mut l.desk, "Leena");
    l.desk.save_person("Leena", Role::Lead).expect("the first lead");
    l.desk.save_person("Pekka", Role::Lead).expect("a second lead");
    for name in ["Aino", "Ville"] {
        l.desk.save_person(name, Role::Agent).expect("agents");
    }
    let reference = call_back(&mut a.desk, "Maija", Duration::hours(3));
    for desk in [&mut l.desk, &mut a.desk, &mut b.desk] {
        sync_desk(desk).await.expect("sync");
    }
    sign_in(&mut b.desk, "Ville");
    let shared = format!("{reference}/A");
    let case_on = |desk: &Desk| desk.case_id_by_reference(&shared).expect("found");

    // Offline on both desks: both start solving and both keep the call-back.
    for desk in [&mut a.desk, &mut b.desk] {
        let case_id = case_on(desk);
        desk.act_on_case(case_id, CaseCommand::StartSolving).expect("start");
        let promise = desk.case_detail(case_id).expect("detail").promises[0].promise.id;
        desk.keep_promise(promise, "Soitettu", None).expect("kept");
    }
    for desk in [&mut a.desk, &mut b.desk] {
        sync_desk(desk).await.expect("sync");
    }
    for desk in [&mut a.desk, &mut l.desk] {
        sync_desk(desk).await.expect("sync");
    }
    let waiting = l.desk.conflicts(false).expect("the lead's list");
    assert_eq!(waiting.len(), 2, "B's start and B's keeping lost: {waiting:?}");
    assert!(waiting.iter().all(|conflict| conflict.actor == "Ville"));

    // Leena resolves the case conflict on L; Pekka, offline on B, resolves the same one and the
    // promise conflict. L's review reaches the server first: it is the one every desk shows.
    sign_in(&mut b.desk, "Pekka");
    l.desk.resolve_conflict(&waiting[0].event_id, "A:n kirjaus jää voimaan").expect("Leena resolves");
    for conflict in &waiting {
        b.desk.resolve_conflict(&conflict.event_id, "Tarkistettu").expect("Pekka resolves offline");
    }
    for desk in [&mut l.desk, &mut b.desk, &mut a.desk] {
        sync_desk(desk).await.expect("sync");
    }
    sync_desk(&mut l.desk).await.expect("sync");
    let mut shown = Vec::new();
    for desk in [&l.desk, &a.desk, &b.desk] {
        assert_eq!(desk.sync_status().expect("status").flagged, 0, "no flag left on any desk");
        let detail = desk.case_detail(case_on(desk)).expect("detail");
        let case_review = detail.conflict_reviews.iter().map(|review| review.by.clone()).collect::<Vec<_>>();
        let promise_review =
            detail.promise_conflicts.iter().map(|c| c.review.as_ref().map(|r| r.by.clone())).collect::<Vec<_>>();
        shown.push((detail.state.stage, case_review, promise_review));
    }
    assert_eq!(shown[0], shown[1]);
    assert_eq!(shown[1], shown[2]);
    assert_eq!(shown[0].1, ["Leena"], "the first review in the team's order stands");
    assert_eq!(shown[0].2, [Some("Pekka".to_owned())]);
    let digests = [&l, &a, &b].map(|desk| desk.desk.team_digest().expect("digest"));
    assert_eq!(digests[0], digests[1]);
    assert_eq!(digests[1], digests[2]);
}

#[tokio::test]
async fn figures_per_team_desk_and_agent_are_identical_on_three_desks_after_sync() {
    let server = TestServer::start();
    let admin_address = team(&server, "figures1").await;
    let mut l = desk(&server, &admin_address, "figures1", "L").await;
    let mut a = desk(&server, &admin_address, "figures1", "A").await;
    let mut b = desk(&server, &admin_address, "figures1", "B").await;
    let on_a = call_back(&mut a.desk, "Maija", Duration::hours(3));
    call_back(&mut b.desk, "Matti", Duration::hours(5));
    for desk in [&mut a.desk, &mut b.desk, &mut l.desk] {
        sync_desk(desk).await.expect("sync");
    }
    // Offline, A and B both hand Maija's case on and both keep its call-back: B's lose.
    let shared = format!("{on_a}/A");
    for (desk, to) in [(&mut a.desk, "Ville"), (&mut b.desk, "Kaisa")] {
        let case_id = desk.case_id_by_reference(&shared).expect("case");
        let hand_off = CaseCommand::HandOff {
            to: to.into(),
            note: "Jatka".into(),
            customer_told: format!("{to} soittaa"),
            callback: None,
        };
        desk.act_on_case(case_id, hand_off).expect("handed off");
        let promise = desk.case_detail(case_id).expect("detail").promises[0].promise.id;
        desk.keep_promise(promise, "Soitettu", None).expect("kept");
    }
    for desk in [&mut a.desk, &mut b.desk, &mut l.desk] {
        sync_desk(desk).await.expect("sync");
    }
    sync_desk(&mut a.desk).await.expect("sync");

    let (from, to) =
        (NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"), NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"));
    let scopes = [
        FiguresScope::default(),
        FiguresScope { desk: Some("a".into()), agent: None },
        FiguresScope { desk: Some("B".into()), agent: None },
        FiguresScope { desk: None, agent: Some("Ville".into()) },
        FiguresScope { desk: None, agent: Some("Aino".into()) },
    ];
    for scope in &scopes {
        let seen = [&l, &a, &b].map(|desk| desk.desk.scoped_figures(from, to, scope).expect("figures"));
        assert_eq!(seen[0], seen[1], "{scope:?}: L and A");
        assert_eq!(seen[1], seen[2], "{scope:?}: A and B");
    }
    let figures = |scope: &FiguresScope| l.desk.scoped_figures(from, to, scope).expect("figures");
    let team = figures(&scopes[0]);
    assert_eq!((team.cases_received, team.promises.due, team.promises.kept_on_time), (2, 2, 1));
    let desk_a = figures(&scopes[1]);
    assert_eq!(desk_a.cases_received, 1, "Maija's case was opened on A");
    assert_eq!(desk_a.hand_offs_per_case, Some(1.0), "B's losing hand-off is not counted");
    assert_eq!((desk_a.promises.due, desk_a.promises.kept_on_time), (1, 1), "kept once, not twice");
    assert_eq!(figures(&scopes[2]).cases_received, 1);
    assert_eq!(figures(&scopes[3]).cases_received, 1, "Ville owns Maija's case on every desk");
    assert_eq!(figures(&scopes[4]).cases_received, 1, "Aino still owns Matti's");
}
