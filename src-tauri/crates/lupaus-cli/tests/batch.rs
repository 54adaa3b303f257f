//! `case act-many`: many lifecycle commands from JSON lines in one process. A line that cannot
//! be read or names no case saves nothing; a line the rules refuse stops the run there, the
//! lines before it saved, and the error names the line.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{Value, json};

const NOW: &str = "2026-11-23T07:00:00Z";

struct Desk {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    /// A desk with two cases, R-2026-000001 and R-2026-000002.
    fn new() -> Desk {
        let (_dir, db) = common::temp_db();
        let desk = Desk { _dir, db };
        for customer in ["Maija", "Pekka"] {
            desk.ok(
                &["case", "create", "--customer", customer, "--description", "Vuotaa", "--requested-remedy", "Uusi"],
                "",
            );
        }
        desk
    }

    fn run(&self, args: &[&str], stdin: &str) -> Output {
        common::Cli { db: Some(&self.db), now: Some(NOW), person: "Aino" }.run(args, stdin)
    }

    fn ok(&self, args: &[&str], stdin: &str) -> Value {
        let output = self.run(args, stdin);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout).expect("JSON out")
    }

    fn refused(&self, args: &[&str], stdin: &str) -> Value {
        let output = self.run(args, stdin);
        assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stdout));
        serde_json::from_slice(&output.stderr).expect("JSON error")
    }

    /// The kinds of a case's events, oldest first.
    fn kinds(&self, reference: &str) -> Vec<String> {
        let events = self.ok(&["case", "events", reference], "");
        events
            .as_array()
            .expect("events")
            .iter()
            .map(|e| e["event"]["kind"].as_str().expect("kind").to_owned())
            .collect()
    }
}

fn line(case: &str, command: Value) -> String {
    json!({ "case": case, "command": command }).to_string()
}

fn note(text: &str) -> Value {
    json!({ "kind": "add_note", "visibility": "internal", "text": text })
}

fn close() -> Value {
    json!({ "kind": "close", "closing_gesture": null, "lessons_learned": null, "not_analysed_reason": null })
}

#[test]
fn every_line_is_saved_in_order_from_a_file_or_stdin() {
    let desk = Desk::new();
    let hand_off = json!({ "kind": "hand_off", "to": "Ville", "note": "Varaosa", "customer_told": "Ville soittaa", "callback": null });
    let lines = [
        line("R-2026-000001", json!({ "kind": "start_solving" })),
        String::new(),
        line("R-2026-000002", note("Soitettu")),
        line("R-2026-000001", hand_off),
    ];
    let file = desk.db.with_file_name("actions.jsonl");
    std::fs::write(&file, lines.join("\n")).expect("write file");
    assert_eq!(desk.ok(&["case", "act-many", file.to_str().expect("path")], ""), json!({ "saved": 3, "cases": 2 }));
    assert_eq!(desk.kinds("R-2026-000001"), ["opened", "solving_started", "handed_off"]);
    assert_eq!(desk.ok(&["case", "show", "R-2026-000001"], "")["state"]["owner"], "Ville");

    let notes: Vec<String> = (0..50).map(|n| line("R-2026-000002", note(&format!("Muistiinpano {n}")))).collect();
    assert_eq!(desk.ok(&["case", "act-many", "-"], &notes.join("\n"))["saved"], 50);
    assert_eq!(desk.kinds("R-2026-000002").len(), 52, "created, the first note and fifty more");
}

#[test]
fn a_line_that_cannot_be_read_saves_nothing_and_is_named() {
    let desk = Desk::new();
    let good = line("R-2026-000001", note("Ensin"));
    for (bad, code) in [
        ("{\"case\": \"R-2026-000001\", \"comand\": {}}".to_owned(), "invalid_input"),
        ("not json".to_owned(), "invalid_input"),
        (line("R-2026-000001", json!({ "kind": "fly_away" })), "invalid_input"),
        (line("R-2026-999999", note("Kenelle?")), "not_found"),
    ] {
        let text = [good.clone(), good.clone(), String::new(), bad].join("\n");
        let error = desk.refused(&["case", "act-many", "-"], &text);
        assert_eq!(
            (error["code"].as_str(), error["line"].as_u64(), error["saved"].as_u64()),
            (Some(code), Some(4), Some(0))
        );
        let message = error["message"].as_str().expect("message");
        assert!(message.starts_with("Line 4: ") && message.contains("Nothing was saved"), "{message}");
    }
    assert_eq!(desk.kinds("R-2026-000001"), ["opened"], "no line of a refused file was saved");
}

#[test]
fn a_command_the_rules_refuse_stops_the_run_there_with_the_lines_before_it_saved() {
    let desk = Desk::new();
    let lines = [
        line("R-2026-000001", json!({ "kind": "start_solving" })),
        line("R-2026-000002", note("Soitettu")),
        // Closing before any remedy is refused by the case's rules, not by the file's form.
        line("R-2026-000001", close()),
        line("R-2026-000002", json!({ "kind": "start_solving" })),
    ];
    let error = desk.refused(&["case", "act-many", "-"], &lines.join("\n"));
    assert_eq!(error["code"], "invalid_transition", "{error}");
    assert_eq!((error["line"].as_u64(), error["saved"].as_u64()), (Some(3), Some(2)));
    let message = error["message"].as_str().expect("message");
    assert!(message.starts_with("Line 3: "), "{message}");
    assert!(message.contains("The 2 commands before it are saved; it and the 1 after it are not"), "{message}");
    assert_eq!(desk.kinds("R-2026-000001"), ["opened", "solving_started"]);
    assert_eq!(desk.kinds("R-2026-000002"), ["opened", "note_added"], "line 4 was not run");

    // Fixed, the rest runs from line 3 on, as the message says.
    let rest = [line("R-2026-000001", note("Ei vielä suljeta")), lines[3].clone()];
    assert_eq!(desk.ok(&["case", "act-many", "-"], &rest.join("\n"))["saved"], 2);
    assert_eq!(desk.kinds("R-2026-000002"), ["opened", "note_added", "solving_started"]);
}

#[test]
fn an_unreadable_file_is_said_to_be_so() {
    let desk = Desk::new();
    let error = desk.refused(&["case", "act-many", "no-such-file.jsonl"], "");
    assert_eq!((error["code"].as_str(), error["field"].as_str()), (Some("invalid_input"), Some("file")));
    let latin1 = desk.db.with_file_name("latin1.jsonl");
    std::fs::write(
        &latin1,
        b"{\"case\": \"R-2026-000001\", \"command\": {\"kind\": \"add_note\", \"text\": \"p\xe4\xe4\"}}",
    )
    .expect("write");
    let error = desk.refused(&["case", "act-many", Path::new(&latin1).to_str().expect("path")], "");
    assert!(error["message"].as_str().expect("message").contains("not UTF-8"), "{error}");
    assert_eq!(desk.kinds("R-2026-000001"), ["opened"]);
}
