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

/// Another desk's file through IPC: listed with its name and size, not on this desk; opening
/// it while the server is down is `server_unreachable` and fetches nothing; once the server is
/// back, opening fetches and keeps it (a type the desk does not hand to another program, so
/// the test opens nothing on the machine it runs on).
#[test]
fn another_desks_file_is_fetched_when_opened_and_offline_says_so() {
    let server = lupaus_sync::test_server::TestServer::start();
    let admin_url = server.create_database("files");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("mittaukset.bin");
    std::fs::write(&file, vec![7u8; 50_000]).expect("a file");
    let secret = runtime.block_on(async {
        let admin = lupaus_sync::server::ServerAddress::parse(&admin_url).expect("admin");
        lupaus_sync::admin::server_init(&admin).await.expect("server-init");
        let a_secret = lupaus_sync::admin::add_desk(&admin, "A").await.expect("add A").secret;
        let clock = std::sync::Arc::new(lupaus_store::SystemClock);
        let mut a = lupaus_desk::Desk::open(&dir.path().join("a.db"), clock, "Aino".into()).expect("desk A");
        let address = lupaus_sync::server::ServerAddress::parse(&server.desk_url("files")).expect("address");
        lupaus_sync::round::join(&mut a, &address, "A", &a_secret).await.expect("A joins");
        let case = a
            .create_case(lupaus_desk::CaseIntake {
                case: serde_json::from_value(crate::wiring_tests::intake("Maija")["intake"]["case"].clone())
                    .expect("intake"),
                callback: None,
            })
            .expect("case");
        a.attach_file(case.case.id, &file).expect("attach on A");
        lupaus_sync::round::sync_desk(&mut a).await.expect("A syncs");
        lupaus_sync::admin::add_desk(&admin, "B").await.expect("add B").secret
    });
    let (_app, window) = app_on(&dir.path().join("b.db"));
    invoke(&window, "join_team", json!({ "server": server.desk_url("files"), "desk": "B", "secret": secret }))
        .expect("B joins and pulls");
    let cases = invoke(&window, "browse_cases", json!({ "filter": {} })).expect("list");
    let detail = invoke(&window, "get_case", json!({ "caseId": cases[0]["id"] })).expect("case");
    let attachment = &detail["attachments"][0];
    assert_eq!(
        (attachment["file_name"].as_str(), attachment["size_bytes"].as_i64()),
        (Some("mittaukset.bin"), Some(50_000))
    );
    assert_eq!(attachment["on_desk"], false);

    server.crash();
    let offline = invoke(&window, "open_attachment", json!({ "attachmentId": attachment["id"] })).expect_err("offline");
    assert_eq!(offline["code"], "server_unreachable", "{offline}");
    let detail = invoke(&window, "get_case", json!({ "caseId": cases[0]["id"] })).expect("case");
    assert_eq!(detail["attachments"][0]["on_desk"], false, "nothing kept");

    server.restart();
    let opened =
        invoke(&window, "open_attachment", json!({ "attachmentId": attachment["id"] })).expect_err("not handed on");
    assert_eq!(opened["reason"], "attachment_not_openable", "fetched, then refused by type: {opened}");
    let detail = invoke(&window, "get_case", json!({ "caseId": cases[0]["id"] })).expect("case");
    assert_eq!(detail["attachments"][0]["on_desk"], true, "fetched and kept");
}
