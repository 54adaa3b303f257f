//! Settings → Team through IPC on the mock runtime, against a real PostgreSQL the test starts:
//! a standalone desk shows nothing, a join with the admin's secret makes the desk a member
//! (the secret kept beside the database, never in it), a wrong one changes nothing, leave; the
//! lead's board, conflict review and settings trail through IPC.

use serde_json::json;

use crate::wiring_tests::{app_on, invoke};

#[test]
fn a_desk_joins_and_leaves_a_team_from_the_window() {
    let server = lupaus_sync::test_server::TestServer::start();
    let admin_url = server.create_database("wiring");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let secret = runtime.block_on(async {
        let admin = lupaus_sync::server::ServerAddress::parse(&admin_url).expect("admin");
        lupaus_sync::admin::server_init(&admin).await.expect("server-init");
        lupaus_sync::admin::add_desk(&admin, "KASSA2").await.expect("add-desk").secret
    });
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lupaus.db");
    let (_app, window) = app_on(&db);
    assert_eq!(invoke(&window, "team_status", json!({})).expect("status"), json!(null), "standalone shows nothing");
    invoke(&window, "create_case", crate::wiring_tests::intake("Maija")).expect("a case before joining");

    let join = |secret: &str| {
        invoke(&window, "join_team", json!({ "server": server.desk_url("wiring"), "desk": "kassa2", "secret": secret }))
    };
    let empty = join("  ").expect_err("no secret");
    assert_eq!((empty["code"].as_str(), empty["field"].as_str()), (Some("invalid_input"), Some("secret")));
    let wrong = join("not-the-secret").expect_err("wrong secret");
    assert_eq!(wrong["code"], "login_refused", "{wrong}");
    assert_eq!(invoke(&window, "team_status", json!({})).expect("status"), json!(null), "nothing changed");

    let joined = join(&secret).expect("joined");
    assert_eq!(joined["desk_code"], "KASSA2");
    assert_eq!(joined["pending"], 0, "its history went up in the first round: {joined}");
    assert!(joined["last_sync_at"].is_string(), "{joined}");
    assert!(!joined["server"].as_str().expect("server").contains("postgres://"), "{joined}");
    // The secret is kept beside the database, never in it.
    let bytes = std::fs::read(&db).expect("db");
    assert!(!bytes.windows(secret.len()).any(|window| window == secret.as_bytes()), "secret in the SQLite file");
    // The lead's team board lists the desk with the sync the join just made.
    let board = invoke(&window, "team_board", json!({ "withinHours": 24 })).expect("board");
    assert_eq!(board["this_desk"], "KASSA2");
    assert_eq!(
        (board["desks"][0]["desk_code"].as_str(), board["desks"][0]["stale"].as_bool()),
        (Some("KASSA2"), Some(false))
    );
    assert!(board["desks"][0]["last_sync_at"].is_string(), "{board}");

    assert_eq!(invoke(&window, "leave_team", json!({})).expect("left"), json!(null));
    assert_eq!(invoke(&window, "team_status", json!({})).expect("status"), json!(null));
}

#[test]
fn an_unreachable_server_is_refused_with_a_reason_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (_app, window) = app_on(&dir.path().join("lupaus.db"));
    let refused = invoke(
        &window,
        "join_team",
        json!({ "server": "postgres://127.0.0.1:1/team", "desk": "A", "secret": "s3cret" }),
    )
    .expect_err("nobody listens on port 1");
    assert_eq!(refused["code"], "server_unreachable", "{refused}");
    assert!(!refused["message"].as_str().expect("message").contains("s3cret"), "{refused}");
    assert_eq!(invoke(&window, "team_status", json!({})).expect("status"), json!(null));
}

#[test]
fn the_settings_trail_and_the_conflict_list_are_for_leads() {
    let dir = tempfile::tempdir().expect("dir");
    let (_app, window) = app_on(&dir.path().join("lupaus.db"));
    for command in ["settings_history", "conflicts"] {
        let refused = invoke(&window, command, json!({ "all": false })).expect_err("nobody is a lead yet");
        assert_eq!(refused["code"], "lead_only", "{command}: {refused}");
    }
    invoke(&window, "switch_person", json!({ "name": "Leena" })).expect("Leena");
    invoke(&window, "save_person", json!({ "name": "Leena", "role": "lead" })).expect("the first lead");
    let mut settings = invoke(&window, "get_settings", json!({})).expect("settings");
    settings["promise_buffer_minutes"] = json!(90);
    invoke(&window, "save_settings", json!({ "settings": settings })).expect("saved");
    let trail = invoke(&window, "settings_history", json!({})).expect("trail");
    let last = trail.as_array().expect("list").last().cloned().expect("a change");
    assert_eq!((last["by"].as_str(), last["applied"].as_bool()), (Some("Leena"), Some(true)), "{trail}");
    assert_eq!(last["changes"][0]["field"], "promise_buffer_minutes", "{last}");
    assert_eq!(last["changes"][0]["after"], "90");
    assert_eq!(invoke(&window, "conflicts", json!({ "all": true })).expect("none"), json!([]));
    let refused = invoke(&window, "resolve_conflict", json!({ "eventId": "nope", "note": "" })).expect_err("no such");
    assert_eq!(refused["reason"], "not_a_conflict", "{refused}");
}
