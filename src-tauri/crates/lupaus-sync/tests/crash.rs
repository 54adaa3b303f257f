//! Crash windows (issue 16, acceptance test 2): the desk dies after the server committed a batch
//! and before it marked the batch pushed, or before the commit; the server dies mid-batch. Each
//! batch is wholly in or out, and after the next round nothing is missing and nothing doubled.
// Each test starts Debian's PostgreSQL server (initdb, pg_ctl, `su postgres`): Unix only.
#![cfg(unix)]

mod common;

use common::{desk, new_case, team};
use lupaus_sync::round;
use lupaus_sync::server::{self, ServerAddress};
use lupaus_sync::test_server::TestServer;

async fn server_count(admin: &ServerAddress) -> i64 {
    let client = admin.connect().await.expect("admin");
    client.query_one("SELECT COUNT(DISTINCT event_id) FROM lupaus_events", &[]).await.expect("count").get(0)
}

/// The desk as a restarted process finds it.
fn reopen(desk: lupaus_desk::Desk) -> lupaus_desk::Desk {
    let path = desk.path().to_path_buf();
    drop(desk);
    common::open_desk(&path)
}

#[tokio::test]
async fn every_crash_window_ends_with_each_event_once_on_the_server() {
    let server = TestServer::start();
    let admin = team(&server, "crash").await;
    let mut a = desk(&server, &admin, "crash", "A").await;
    for n in 0..30 {
        new_case(&mut a.desk, &format!("Asiakas {n}"));
    }
    let desk_address = ServerAddress::parse(&server.desk_url("crash")).expect("address");
    let shown = desk_address.shown().to_owned();
    let mut client = desk_address.connect_desk("A", &a.secret).await.expect("login");

    // 1. The server commits a batch; the desk dies before it marks it.
    let batch = a.desk.outbox(10).expect("outbox");
    assert_eq!(server::push(&mut client, &shown, &batch.events).await.expect("push"), 10);
    a.desk = reopen(a.desk);
    assert_eq!(a.desk.sync_status().expect("pending").pending, 30, "the mark was never written");

    // 2. The desk dies with its next batch inserted but not committed (its connection drops).
    let batch = a.desk.outbox(10).expect("outbox");
    {
        let tx = client.transaction().await.expect("begin");
        server::insert_events(&tx, &shown, &batch.events).await.expect("insert");
    }
    drop(client);
    assert_eq!(server_count(&admin).await, 10, "the uncommitted batch is wholly out");

    // 3. The server dies (pg_ctl stop -m immediate) with a batch inserted and not committed.
    let mut client = desk_address.connect_desk("A", &a.secret).await.expect("login");
    let tx = client.transaction().await.expect("begin");
    server::insert_events(&tx, &shown, &a.desk.outbox(25).expect("outbox").events).await.expect("insert");
    server.crash();
    assert!(tx.commit().await.is_err(), "the commit cannot succeed on a dead server");
    server.restart();
    assert_eq!(server_count(&admin).await, 10, "the batch the server died in is wholly out");

    // The next round: everything, once.
    let report = round::sync_desk(&mut a.desk).await.expect("sync");
    assert_eq!((report.pushed, report.pending), (20, 0), "the 10 already there were absorbed by the key");
    assert_eq!(server_count(&admin).await, 30);
    let again = round::sync_desk(&mut a.desk).await.expect("sync again");
    assert_eq!((again.pushed, again.pulled), (0, 0));
}
