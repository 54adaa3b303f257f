//! Team mode end to end: real `lupaus-cli` processes, each desk its own SQLite file, one real
//! PostgreSQL server the test starts itself (lupaus-sync's test server).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use lupaus_sync::test_server::TestServer;
use serde_json::{Value, json};

const NOW: &str = "2026-11-02T09:00:00Z";

fn cli(db: Option<&PathBuf>, args: &[&str], stdin: Option<&str>) -> Output {
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
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.unwrap_or_default().as_bytes()).expect("write stdin");
    drop(input);
    child.wait_with_output().expect("wait")
}

fn ok(db: Option<&PathBuf>, args: &[&str], stdin: Option<&str>) -> Value {
    let output = cli(db, args, stdin);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON out")
}

struct Desk {
    db: PathBuf,
}

impl Desk {
    fn ok(&self, args: &[&str]) -> Value {
        ok(Some(&self.db), args, None)
    }

    fn create(&self, customer: &str) -> String {
        let made = self.ok(&[
            "case",
            "create",
            "--customer",
            customer,
            "--description",
            "Vuotaa",
            "--requested-remedy",
            "Uusi",
        ]);
        made["reference"].as_str().expect("reference").to_owned()
    }
}

#[test]
fn desks_that_ran_alone_join_one_team_and_converge() {
    let server = TestServer::start();
    let admin = server.create_database("desks");
    let desk_url = server.desk_url("desks");
    assert_eq!(ok(None, &["team", "server-init", "--server", &admin], None)["after"], 1);
    let dir = tempfile::tempdir().expect("dir");
    let desks: Vec<Desk> =
        ["A", "B", "C"].iter().map(|name| Desk { db: dir.path().join(format!("{name}.db")) }).collect();

    // A and B ran alone first: both hold an R-2026-000001.
    let first_a = desks[0].create("Maija");
    let first_b = desks[1].create("Pekka");
    assert_eq!((first_a.as_str(), first_b.as_str()), ("R-2026-000001", "R-2026-000001"));

    let mut secrets = Vec::new();
    for (desk, name) in desks.iter().zip(["A", "B", "C"]) {
        let added = ok(None, &["team", "add-desk", "--server", &admin, "--desk", name], None);
        let secret = added["secret"].as_str().expect("secret").to_owned();
        let joined = ok(Some(&desk.db), &["team", "join", "--server", &desk_url, "--desk", name], Some(&secret));
        assert_eq!(joined["code"], name);
        secrets.push(secret);
    }
    // A wrong secret is refused before anything local changes.
    let stray = dir.path().join("stray.db");
    let refused = cli(Some(&stray), &["team", "join", "--server", &desk_url, "--desk", "A"], Some("wrong"));
    assert_eq!(refused.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&refused.stderr).expect("JSON error");
    assert_eq!(error["code"], "login_refused", "{error}");

    // Offline work: each desk adds cases; A and C both act on A's first case.
    for desk in &desks {
        desk.create("Liisa");
    }
    for desk in &desks {
        desk.ok(&["team", "sync"]);
    }
    let shared = format!("{first_a}/A");
    desks[0].ok(&["case", "act", &shared, r#"{"kind":"start_solving"}"#]);
    desks[2].ok(&["case", "act", &shared, r#"{"kind":"start_solving"}"#]);
    let hand_off = json!({"kind": "hand_off", "to": "Ville", "note": "Varaosa", "customer_told": "Ville soittaa", "callback": null});
    desks[2].ok(&["case", "act", &shared, &hand_off.to_string()]);
    for _ in 0..2 {
        for desk in &desks {
            let report = desk.ok(&["team", "sync"]);
            assert_eq!(report["pending"], 0, "{report}");
        }
    }

    let digests: Vec<Value> = desks.iter().map(|desk| desk.ok(&["team", "digest"])).collect();
    assert_eq!(digests[0], digests[1]);
    assert_eq!(digests[0], digests[2]);
    assert_eq!(digests[0]["case_count"], 5);
    for desk in &desks {
        let case = desk.ok(&["case", "show", &shared]);
        assert_eq!(case["state"]["owner"], "Ville", "the hand-off reached every desk");
        assert_eq!(desk.ok(&["team", "status"])["flagged"], 1, "one start_solving lost, on every desk");
    }
    // The secret is in neither a desk's database file nor a JSON status.
    for (desk, secret) in desks.iter().zip(&secrets) {
        let bytes = std::fs::read(&desk.db).expect("db file");
        assert!(!bytes.windows(secret.len()).any(|window| window == secret.as_bytes()));
    }

    // The server gone: a clear error, exit 2, nothing local changes; back, the desk catches up.
    desks[1].create("Kalle");
    let before = desks[1].ok(&["team", "digest"]);
    server.crash();
    let failed = cli(Some(&desks[1].db), &["team", "sync"], None);
    assert_eq!(failed.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&failed.stderr).expect("JSON error");
    assert_eq!(error["code"], "server_unreachable", "{error}");
    assert_eq!(desks[1].ok(&["team", "digest"]), before);
    assert_eq!(desks[1].ok(&["team", "status"])["pending"], 1);
    server.restart();
    assert_eq!(desks[1].ok(&["team", "sync"])["pushed"], 1);
}
