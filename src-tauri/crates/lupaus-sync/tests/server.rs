//! The team server with a real PostgreSQL the test starts itself: schema, desks, push and pull.
// Each test starts Debian's PostgreSQL server (initdb, pg_ctl, `su postgres`): Unix only.
#![cfg(unix)]

mod common;

use common::{desk, new_case, team};
use lupaus_sync::server::{self, ServerAddress};
use lupaus_sync::test_server::TestServer;
use lupaus_sync::{SyncError, admin, round, schema};

#[tokio::test]
async fn desks_push_and_pull_through_the_server_and_converge() {
    let server = TestServer::start();
    let admin_address = team(&server, "team1").await;
    // Running it again is harmless.
    let version = schema::SERVER_SCHEMA_VERSION;
    assert_eq!(admin::server_init(&admin_address).await.expect("again"), (version, version));
    let mut a = desk(&server, &admin_address, "team1", "A").await;
    let mut b = desk(&server, &admin_address, "team1", "B").await;
    new_case(&mut a.desk, "Maija");
    new_case(&mut b.desk, "Pekka");
    let report_a = round::sync_desk(&mut a.desk).await.expect("sync a");
    let report_b = round::sync_desk(&mut b.desk).await.expect("sync b");
    assert_eq!((report_a.pushed, report_a.pending), (1, 0));
    assert_eq!((report_b.pushed, report_b.pulled), (1, 1));
    // Joining again while in a team is refused before anything changes; the kept secret stays.
    let desk_address = ServerAddress::parse(&server.desk_url("team1")).expect("address");
    let twice = round::join(&mut a.desk, &desk_address, "A", "another").await.expect_err("already in a team");
    assert_eq!(twice.code(), "invalid_input", "{twice}");
    let again = round::sync_desk(&mut a.desk).await.expect("sync a again");
    assert_eq!((again.pushed, again.pulled), (0, 1));
    assert_eq!(a.desk.team_digest().expect("a"), b.desk.team_digest().expect("b"));
    assert_eq!(a.desk.team_digest().expect("a").case_count, 2);
}

#[tokio::test]
async fn the_server_refuses_what_a_desk_may_not_do() {
    let server = TestServer::start();
    let admin_address = team(&server, "team2").await;
    let mut a = desk(&server, &admin_address, "team2", "A").await;
    let _b = desk(&server, &admin_address, "team2", "B").await;
    new_case(&mut a.desk, "Maija");
    let desk_address = ServerAddress::parse(&server.desk_url("team2")).expect("address");
    let mut client = desk_address.connect_desk("A", &a.secret).await.expect("login");
    let batch = a.desk.outbox(10).expect("outbox");
    let shown = desk_address.shown();

    // An event that claims to come from desk B.
    let mut forged = batch.events.clone();
    forged[0].desk = "B".into();
    let refused = server::push(&mut client, shown, &forged).await.expect_err("forged desk");
    assert!(
        matches!(&refused, SyncError::Refused(message) if message.contains("claims to come from desk B")),
        "{refused}"
    );
    // A payload that is not a JSON object.
    let mut malformed = batch.events.clone();
    malformed[0].record = "{not json".into();
    let refused = server::push(&mut client, shown, &malformed).await.expect_err("malformed");
    assert!(matches!(refused, SyncError::Refused(_)), "{refused}");
    // Editing or deleting events, and anything outside the events.
    server::push(&mut client, shown, &batch.events).await.expect("the real one goes in");
    for sql in
        ["UPDATE lupaus_events SET actor = 'x'", "DELETE FROM lupaus_events", "UPDATE lupaus_desks SET desk_code = 'Z'"]
    {
        let error = client.execute(sql, &[]).await.expect_err(sql);
        assert!(error.as_db_error().is_some(), "{sql}: {error}");
    }
    // A wrong secret, and a removed desk, cannot log in.
    let wrong = desk_address.connect_desk("A", "not-the-secret").await.expect_err("wrong secret");
    assert_eq!(wrong.code(), "login_refused", "{wrong}");
    admin::remove_desk(&admin_address, "A").await.expect("remove");
    let removed = desk_address.connect_desk("A", &a.secret).await.expect_err("removed desk");
    assert_eq!(removed.code(), "login_refused", "{removed}");
    // Nothing the desk holds was lost: its event is still there, pushed.
    assert_eq!(a.desk.check().expect("check").events, 1);
}

#[tokio::test]
async fn a_newer_server_schema_is_refused_and_nothing_changes() {
    let server = TestServer::start();
    let admin_address = team(&server, "team3").await;
    let mut a = desk(&server, &admin_address, "team3", "A").await;
    new_case(&mut a.desk, "Maija");
    let client = admin_address.connect().await.expect("admin");
    client.execute("UPDATE lupaus_schema SET version = version + 1", &[]).await.expect("bump");
    let error = round::sync_desk(&mut a.desk).await.expect_err("newer schema");
    assert_eq!(error.code(), "server_schema_too_new", "{error}");
    let error = admin::server_init(&admin_address).await.expect_err("server-init refuses too");
    assert_eq!(error.code(), "server_schema_too_new");
    assert_eq!(a.desk.sync_status().expect("pending").pending, 1, "nothing was marked pushed");
    assert_eq!(schema::SERVER_SCHEMA_VERSION, 6);
}

#[tokio::test]
async fn an_unreachable_server_is_a_clear_error_and_changes_nothing() {
    let server = TestServer::start();
    let admin_address = team(&server, "team4").await;
    let mut a = desk(&server, &admin_address, "team4", "A").await;
    new_case(&mut a.desk, "Maija");
    let before = a.desk.team_digest().expect("digest");
    server.crash();
    let error = round::sync_desk(&mut a.desk).await.expect_err("server down");
    assert_eq!(error.code(), "server_unreachable", "{error}");
    assert!(!error.to_string().contains("postgres:"), "no password in the message: {error}");
    assert_eq!(a.desk.team_digest().expect("digest"), before);
    assert_eq!(a.desk.sync_status().expect("pending").pending, 1);
    // Back online, the desk catches up.
    server.restart();
    let report = round::sync_desk(&mut a.desk).await.expect("sync");
    assert_eq!((report.pushed, report.pending), (1, 0));
}

#[test]
fn a_server_off_this_machine_is_reached_only_over_tls_and_this_machine_in_plain_text() {
    for (url, tls) in [
        ("postgres://lupaus.example.fi/team", true),
        // The URL cannot turn TLS off for a server elsewhere.
        ("postgres://10.0.0.5:5432/team?sslmode=disable", true),
        ("host=db.example.fi dbname=team", true),
        ("postgres://127.0.0.1:5432/team", false),
        ("postgres://localhost/team", false),
        ("postgres://[::1]:5432/team", false),
        // On this machine, TLS when the URL asks for it.
        ("postgres://localhost/team?sslmode=require", true),
    ] {
        assert_eq!(ServerAddress::parse(url).expect(url).uses_tls(), tls, "{url}");
    }
}

#[tokio::test]
async fn a_tls_connection_is_attempted_when_asked_and_refused_clearly_without_it() {
    let server = TestServer::start();
    let admin_address = team(&server, "team5").await;
    // The test server speaks plain text only: the TLS connector asks for TLS and is told no.
    let with_tls = ServerAddress::parse(&format!("{}?sslmode=require", server.admin_url("team5"))).expect("address");
    assert!(with_tls.uses_tls());
    let refused = with_tls.connect().await.expect_err("the server has no TLS");
    assert_eq!(refused.code(), "server_unreachable", "{refused}");
    // rustls sent the TLS request and the server said no (without a connector the error is "no
    // TLS implementation configured").
    assert!(refused.to_string().contains("server does not support TLS"), "{refused}");
    // The same server on loopback in plain text works.
    let plain = admin_address.connect().await.expect("plain loopback");
    let ssl: bool =
        plain.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[]).await.expect("ssl").get(0);
    assert!(!ssl);
}
