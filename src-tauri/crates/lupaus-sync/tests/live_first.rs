//! A desk joining a team takes the open cases first (issue 16: "a new desk joins a team whose
//! server holds 1,000,000 cases: its lists and due promises usable in under a minute"), over a
//! real PostgreSQL the test starts itself. Between that first step and the rest of its first
//! round the desk shows every open case with its promises and none of the closed ones; after
//! the round it holds exactly what a desk that pulled in the server's order holds, the
//! returning customer included.
//! Unix only: the test server runs Debian's PostgreSQL binaries (initdb, pg_ctl, `su postgres`).
#![cfg(unix)]

mod common;

use common::{close_case, desk, intake, open_desk, reopen_case, team};
use lupaus_desk::Desk;
use lupaus_store::case_views::{CaseFilter, CaseView};
use lupaus_sync::admin;
use lupaus_sync::round::{open_cases_first, sync_desk, sync_round};
use lupaus_sync::server::ServerAddress;
use lupaus_sync::test_server::TestServer;

/// A case for customer number `number` named `name`, with a call-back promise when `callback`.
fn case_of(desk: &mut Desk, name: &str, number: Option<&str>, callback: bool) -> i64 {
    let mut case = intake(name);
    case.customer.customer_number = number.map(str::to_owned);
    common::create_with_callback(desk, case, callback).case.id
}

/// (reference, customer name) of every case in `view`, sorted.
fn listed(desk: &Desk, view: CaseView) -> Vec<(String, String)> {
    let filter = CaseFilter { view, ..Default::default() };
    let mut rows: Vec<_> = desk
        .browse_cases(&filter)
        .expect("list")
        .into_iter()
        .map(|case| (case.reference, case.customer_name))
        .collect();
    rows.sort();
    rows
}

#[tokio::test]
async fn a_joining_desk_shows_the_open_cases_first_and_ends_like_a_desk_that_pulled_in_order() {
    let server = TestServer::start();
    let admin_address = team(&server, "live1").await;
    let mut a = desk(&server, &admin_address, "live1", "A").await;

    // Maija (customer number 1001) complained first as "Maija Virtanen"; that case is closed.
    // Now she is "Maija V." on an open case with a call-back promise: desk A's customer row for
    // both keeps the first case's name, and so must a desk that learns the open case first.
    let first_maija = case_of(&mut a.desk, "Maija Virtanen", Some("1001"), false);
    close_case(&mut a.desk, first_maija);
    let pekka = case_of(&mut a.desk, "Pekka", None, false);
    close_case(&mut a.desk, pekka);
    let liisa = case_of(&mut a.desk, "Liisa", None, false);
    close_case(&mut a.desk, liisa);
    reopen_case(&mut a.desk, liisa);
    case_of(&mut a.desk, "Maija V.", Some("1001"), true);
    case_of(&mut a.desk, "Kalle", None, false);
    sync_desk(&mut a.desk).await.expect("A syncs");
    let open_on_a = listed(&a.desk, CaseView::Open);
    assert_eq!(open_on_a.len(), 3, "{open_on_a:?}");
    assert!(open_on_a.iter().any(|(_, name)| name == "Maija Virtanen"), "A shows the first name: {open_on_a:?}");

    // B joins and takes only the first step of its first round.
    let added = admin::add_desk(&admin_address, "B").await.expect("add-desk");
    let dir = tempfile::tempdir().expect("dir");
    let mut b = open_desk(&dir.path().join("lupaus.db"));
    let address = ServerAddress::parse(&server.desk_url("live1")).expect("address");
    b.join_team(&format!("postgres://{}", address.shown()), "B", "B").expect("membership");
    let mut client = address.connect_desk("B", &added.secret).await.expect("B logs in");
    let first = open_cases_first(&mut b, &client, &address).await.expect("open cases first").expect("at the start");
    assert_eq!(first.cases, 3, "Maija's new case, Kalle's and Liisa's reopened one");
    let open_on_b: Vec<String> = listed(&b, CaseView::Open).into_iter().map(|(reference, _)| reference).collect();
    let open_refs: Vec<String> = open_on_a.iter().map(|(reference, _)| reference.clone()).collect();
    assert_eq!(open_on_b, open_refs, "every open case is usable");
    assert_eq!(listed(&b, CaseView::Closed), vec![], "the closed ones come later");
    let promises = b.open_promises(None).expect("promises");
    assert_eq!(promises.len(), 1, "Maija's call-back is due on B too: {promises:?}");
    assert!(b.sync_cursor().expect("cursor").expect("set").at_start(), "the cursor has not moved");
    assert!(b.sync_status().expect("status").ahead > 0, "the header says the older history is still arriving");
    // Repeating the step (a crash before the rest) brings nothing twice.
    let again = open_cases_first(&mut b, &client, &address).await.expect("again").expect("still at the start");
    assert_eq!(again.cases, 3);
    assert_eq!(listed(&b, CaseView::Open).len(), 3);

    // The rest of the round: the history follows, the early events take their places, and
    // Maija's open case now belongs to the customer row her first case made.
    let report = sync_round(&mut b, &mut client, &address).await.expect("B's round");
    assert_eq!((report.pending, b.sync_status().expect("status").ahead), (0, 0), "every early event has its place");
    assert_eq!(listed(&b, CaseView::All), listed(&a.desk, CaseView::All));
    assert_eq!(b.team_digest().expect("B"), a.desk.team_digest().expect("A"));
    let maija = b.find_customers("1001").expect("look-up");
    assert_eq!(maija.len(), 1, "one customer row for number 1001, no provisional one left: {maija:?}");
    assert_eq!((maija[0].name.as_str(), maija[0].case_count), ("Maija Virtanen", 2));
}

/// A desk whose pull is past the beginning never takes the open cases first again.
#[tokio::test]
async fn a_desk_past_the_beginning_pulls_in_order_only() {
    let server = TestServer::start();
    let admin_address = team(&server, "live2").await;
    let mut a = desk(&server, &admin_address, "live2", "A").await;
    case_of(&mut a.desk, "Maija", None, true);
    sync_desk(&mut a.desk).await.expect("A syncs");
    let mut b = desk(&server, &admin_address, "live2", "B").await;
    assert_eq!(listed(&b.desk, CaseView::Open).len(), 1);
    let address = ServerAddress::parse(&server.desk_url("live2")).expect("address");
    let client = address.connect_desk("B", &b.secret).await.expect("B logs in");
    assert_eq!(open_cases_first(&mut b.desk, &client, &address).await.expect("step"), None);
    let report = sync_desk(&mut b.desk).await.expect("B syncs again");
    assert_eq!((report.pulled, report.live_first), (0, None));
}
