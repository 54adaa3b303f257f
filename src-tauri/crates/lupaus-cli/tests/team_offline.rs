//! An offline day (issue 16, acceptance test 1, at a size CI can run in seconds): desks behind
//! a loopback proxy the test cuts, each writing on its own and on shared cases; they reconnect
//! in a shuffled order, two of them SIGKILLed mid-sync and restarted. The server holds every
//! event once, and every desk holds the same event ids and the same derived tables.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use lupaus_sync::test_server::{Proxy, TestServer};
use serde_json::Value;

const NOW: &str = "2026-11-02T09:00:00Z";
const DESKS: usize = 6;

fn cli(db: Option<&PathBuf>, args: &[&str], stdin: &str) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lupaus-cli"));
    if let Some(db) = db {
        command.arg("--db").arg(db);
    }
    let mut child = command
        .args(["--json", "--now", NOW, "--person", "Aino"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lupaus-cli");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), stdin.as_bytes()).expect("stdin");
    child.wait_with_output().expect("wait")
}

fn ok(db: Option<&PathBuf>, args: &[&str]) -> Value {
    let output = cli(db, args, "");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn an_offline_day_converges_with_every_event_once() {
    let server = TestServer::start();
    let admin = server.create_database("day");
    let proxy = Proxy::start(server.port());
    ok(None, &["team", "server-init", "--server", &admin]);
    let dir = tempfile::tempdir().expect("dir");
    let dbs: Vec<PathBuf> = (0..DESKS).map(|n| dir.path().join(format!("d{n}.db"))).collect();
    for (n, db) in dbs.iter().enumerate() {
        let name = format!("D{n}");
        let added = ok(None, &["team", "add-desk", "--server", &admin, "--desk", &name]);
        let joined = cli(
            Some(db),
            &["team", "join", "--server", &proxy.desk_url("day"), "--desk", &name],
            added["secret"].as_str().expect("secret"),
        );
        assert!(joined.status.success(), "{}", String::from_utf8_lossy(&joined.stderr));
    }
    // One shared case everyone holds before the network goes.
    let shared = ok(
        Some(&dbs[0]),
        &["case", "create", "--customer", "Yhteinen", "--description", "Vuotaa", "--requested-remedy", "Uusi"],
    );
    let shared = format!("{}/D0", shared["reference"].as_str().expect("reference"));
    for db in &dbs {
        ok(Some(db), &["team", "sync"]);
    }

    proxy.cut();
    for (n, db) in dbs.iter().enumerate() {
        // Demo data: cases moved along the lifecycle with promises, a few hundred events a desk.
        ok(Some(db), &["demo", "--cases", "40", "--seed", &(100 + n).to_string()]);
        let note = format!(r#"{{"kind":"add_note","visibility":"internal","text":"Desk {n} offline"}}"#);
        ok(Some(db), &["case", "act", &shared, &note]);
        let failed = cli(Some(db), &["team", "sync"], "");
        assert_eq!(failed.status.code(), Some(2), "offline: {}", String::from_utf8_lossy(&failed.stdout));
        let error: Value = serde_json::from_slice(&failed.stderr).expect("JSON error");
        assert_eq!(error["code"], "server_unreachable");
    }
    proxy.restore();

    // Reconnect in a shuffled order; desks 1 and 4 get SIGKILL 70 and 160 ms into a sync round
    // (wherever it is: opening, pushing, pulling) and are started again.
    for n in [3, 1, 5, 0, 4, 2] {
        if n == 1 || n == 4 {
            let mut child = Command::new(env!("CARGO_BIN_EXE_lupaus-cli"))
                .arg("--db")
                .arg(&dbs[n])
                .args(["--json", "team", "sync"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn");
            std::thread::sleep(Duration::from_millis(40 + 30 * n as u64));
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
        }
        ok(Some(&dbs[n]), &["team", "sync"]);
    }
    for db in &dbs {
        assert_eq!(ok(Some(db), &["team", "sync"])["pending"], 0);
    }

    let digests: Vec<Value> = dbs.iter().map(|db| ok(Some(db), &["team", "digest"])).collect();
    for digest in &digests[1..] {
        assert_eq!(digest, &digests[0]);
    }
    let total: i64 = digests[0]["event_count"].as_i64().expect("count");
    let server_events = server_event_count(&admin);
    assert_eq!(server_events, total, "the server holds every event exactly once");
    assert!(total > 1000, "a day's worth of events: {total}");
}

fn server_event_count(admin: &str) -> i64 {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let address = lupaus_sync::server::ServerAddress::parse(admin).expect("address");
        let client = address.connect().await.expect("admin");
        client.query_one("SELECT COUNT(*) FROM lupaus_events", &[]).await.expect("count").get::<_, i64>(0)
    })
}
