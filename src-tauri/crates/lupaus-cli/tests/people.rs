//! `lupaus-cli person`: the desk's people with the core's rules, and PINs set and cleared from
//! the command line so an administrator can recover a desk whose lead forgot their PIN.

mod common;

use std::path::PathBuf;

use serde_json::{Value, json};

struct Desk {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    fn new() -> Desk {
        let (_dir, db) = common::temp_db();
        Desk { _dir, db }
    }

    /// Runs `lupaus-cli --db <db> --json --person <person> args...` with `stdin` as its input.
    fn run_with_input(&self, person: &str, args: &[&str], stdin: &str) -> Result<Value, Value> {
        let output = common::Cli { db: Some(&self.db), now: None, person }.run(args, stdin);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.success() {
            Ok(serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("output is not JSON: {stdout}")))
        } else {
            assert_eq!(output.status.code(), Some(2), "errors exit with 2: {stderr}");
            Err(serde_json::from_str(stderr.trim()).unwrap_or_else(|_| panic!("error is not JSON: {stderr}")))
        }
    }

    fn run(&self, person: &str, args: &[&str]) -> Result<Value, Value> {
        self.run_with_input(person, args, "")
    }

    fn ok(&self, person: &str, args: &[&str]) -> Value {
        self.run(person, args).unwrap_or_else(|error| panic!("{args:?} failed: {error}"))
    }

    fn people(&self) -> Value {
        self.ok("Leena", &["person", "list"])
    }
}

#[test]
fn the_first_lead_is_added_by_anyone_and_then_only_leads_change_people() {
    let desk = Desk::new();
    let refused = desk.run("cli", &["person", "add", "Aino"]).expect_err("an agent before any lead");
    assert_eq!(refused["code"], "lead_only");
    assert!(refused["message"].as_str().expect("message").contains("no team lead yet"), "{refused}");
    desk.ok("cli", &["person", "add", "Leena", "--role", "lead"]);
    let refused = desk.run("cli", &["person", "add", "Mallory", "--role", "lead"]).expect_err("not a lead");
    assert_eq!(refused["code"], "lead_only");
    desk.ok("Leena", &["person", "add", "Aino"]);
    let refused = desk.run("Leena", &["person", "deactivate", "Leena"]).expect_err("last lead");
    assert_eq!(refused["code"], "invalid_input");
    desk.ok("Leena", &["person", "deactivate", "Aino"]);
    assert_eq!(desk.people(), json!([{ "name": "Leena", "role": "lead", "has_pin": false }]));
}

#[test]
fn a_pin_is_read_from_standard_input_and_a_forgotten_one_can_be_cleared() {
    let desk = Desk::new();
    desk.ok("Leena", &["person", "add", "Leena", "--role", "lead"]);
    let bad = desk.run_with_input("Leena", &["person", "set-pin", "Leena"], "24a8\n").expect_err("letters");
    assert_eq!((&bad["code"], &bad["field"]), (&json!("invalid_input"), &json!("pin")));
    desk.run_with_input("Leena", &["person", "set-pin", "Leena"], "2468\n").expect("own pin");
    assert_eq!(desk.people()[0]["has_pin"], true);
    let mut stored = std::fs::read(&desk.db).expect("database file");
    stored.extend(std::fs::read(desk.db.with_extension("db-wal")).unwrap_or_default());
    assert!(String::from_utf8_lossy(&stored).contains("$argon2id$"), "the hash is stored");
    assert!(!String::from_utf8_lossy(&stored).contains("2468"), "the PIN itself is never stored");

    // Recovery: whoever runs the CLI on the desk PC may act as the lead and clear the PIN.
    desk.ok("Leena", &["person", "clear-pin", "Leena"]);
    assert_eq!(desk.people()[0]["has_pin"], false);
}

#[test]
fn nobody_sets_another_persons_pin() {
    let desk = Desk::new();
    desk.ok("Leena", &["person", "add", "Leena", "--role", "lead"]);
    desk.ok("Leena", &["person", "add", "Aino"]);
    let refused = desk.run_with_input("Leena", &["person", "set-pin", "Aino"], "1357\n").expect_err("not hers");
    assert_eq!(refused["field"], "person");
    let refused = desk.run("Aino", &["person", "clear-pin", "Leena"]).expect_err("agent");
    assert_eq!(refused["code"], "lead_only");
}

#[test]
fn a_hand_off_names_a_person_of_the_team_and_a_lead_reads_the_settings_trail() {
    let desk = Desk::new();
    desk.ok("Leena", &["person", "add", "Leena", "--role", "lead"]);
    desk.ok("Leena", &["person", "add", "Ville"]);
    desk.ok("Leena", &["person", "add", "Kaisa"]);
    desk.ok("Leena", &["person", "deactivate", "Kaisa"]);
    let case = desk.ok(
        "Leena",
        &["case", "create", "--customer", "Maija", "--description", "Vuotaa", "--requested-remedy", "Uusi"],
    );
    let reference = case["reference"].as_str().expect("reference").to_owned();
    let hand_off = |to: &str, confirmed: bool| {
        json!({"kind": "hand_off", "to": to, "note": "Varaosa", "customer_told": "Soitamme", "callback": null,
            "away_confirmed": confirmed})
        .to_string()
    };
    let refused = desk.run("Leena", &["case", "act", &reference, &hand_off("Ville V", false)]).expect_err("unknown");
    assert_eq!((&refused["reason"], &refused["field"]), (&json!("hand_off_unknown_person"), &json!("to")));
    let warned = desk.run("Leena", &["case", "act", &reference, &hand_off("Kaisa", false)]).expect_err("away");
    assert_eq!(warned["reason"], "hand_off_person_away");
    let handed = desk.ok("Leena", &["case", "act", &reference, &hand_off("Ville", false)]);
    assert_eq!(handed["state"]["owner"], "Ville");
    let handed = desk.ok("Ville", &["case", "act", &reference, &hand_off("Kaisa", true)]);
    assert_eq!(handed["state"]["owner"], "Kaisa", "confirmed: handed to a deactivated person");

    let settings = desk.ok("Leena", &["settings", "show"]);
    let mut changed = settings.clone();
    changed["promise_buffer_minutes"] = json!(30);
    let file = desk.db.with_file_name("settings.json");
    std::fs::write(&file, changed.to_string()).expect("settings file");
    desk.ok("Leena", &["settings", "set", file.to_str().expect("path")]);
    let refused = desk.run("Ville", &["settings", "history"]).expect_err("an agent");
    assert_eq!(refused["code"], "lead_only");
    let trail = desk.ok("Leena", &["settings", "history"]);
    assert_eq!(trail[0]["by"], "Leena");
    assert_eq!(trail[0]["changes"], json!([{"field": "promise_buffer_minutes", "before": "60", "after": "30"}]));
}
