//! The lead's team board and conflict review over a real PostgreSQL the test starts itself
//! (issue 17): a lead's desk L and agents' desks A and B, each its own SQLite file.
//! Unix only: the test server runs Debian's PostgreSQL binaries (initdb, pg_ctl, `su postgres`).
#![cfg(unix)]

mod common;

use chrono::Duration;
use common::{desk, intake, team};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_desk::{CaseIntake, Desk};
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
