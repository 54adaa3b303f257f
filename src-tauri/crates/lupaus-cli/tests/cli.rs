//! The CLI end to end: every operation with `--json`, on a temporary database, at fixed times.

mod common;

use std::path::{Path, PathBuf};

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

    /// Runs `lupaus-cli --db <db> --json --now <now> --person <person> args...`.
    fn run(&self, person: &str, now: &str, args: &[&str]) -> Result<Value, Value> {
        let output = common::Cli { db: Some(&self.db), now: Some(now), person }.run(args, "");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.success() {
            Ok(serde_json::from_str(&stdout).unwrap_or_else(|_| Value::String(stdout.into_owned())))
        } else {
            assert_eq!(output.status.code(), Some(2), "errors exit with 2: {stderr}");
            Err(serde_json::from_str(stderr.trim()).unwrap_or_else(|_| panic!("error is not JSON: {stderr}")))
        }
    }

    fn ok(&self, person: &str, now: &str, args: &[&str]) -> Value {
        self.run(person, now, args).unwrap_or_else(|error| panic!("{args:?} failed: {error}"))
    }

    fn act(&self, person: &str, now: &str, reference: &str, command: Value) -> Result<Value, Value> {
        self.run(person, now, &["case", "act", reference, &command.to_string()])
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

const MONDAY_9: &str = "2026-11-23T07:00:00Z"; // 09:00 in Helsinki

fn create(desk: &Desk) -> String {
    let created = desk.ok(
        "Aino",
        MONDAY_9,
        &[
            "case",
            "create",
            "--customer",
            "Maija Meikäläinen",
            "--phone",
            "040 123 4567",
            "--channel",
            "counter",
            "--description",
            "Pesukone vuotaa",
            "--requested-remedy",
            "Uusi kone",
            "--acknowledged",
        ],
    );
    created["reference"].as_str().expect("reference").to_owned()
}

#[test]
fn a_complaint_goes_through_every_stage_from_the_command_line() {
    let desk = Desk::new();
    desk.ok("Leena", MONDAY_9, &["person", "add", "Leena", "--role", "lead"]);
    let reference = create(&desk);
    assert_eq!(reference, "R-2026-000001");

    let remedy = json!({ "forms": ["replacement"], "description": "Uusi kone perjantaina" });
    let steps = [
        json!({ "kind": "start_solving" }),
        json!({ "kind": "propose_remedy_option", "remedy": remedy }),
        json!({ "kind": "wait_for", "on": "supplier", "reason": "Varaosa tilattu", "until": null }),
        json!({ "kind": "resume", "note": "Varaosa tuli" }),
        json!({ "kind": "record_contact", "direction": "outbound", "channel": "phone", "summary": "Kerrottu aikataulu" }),
        json!({ "kind": "add_note", "visibility": "internal", "text": "Toimittaja myöhässä" }),
        json!({ "kind": "propose_compensation", "amount_cents": 2000, "form": null, "basis": "goodwill", "note": null }),
        json!({ "kind": "agree_remedy", "remedy": remedy, "option_id": null }),
        json!({ "kind": "deliver_remedy", "summary": "Kone vaihdettu", "informed_via": "phone" }),
        json!({ "kind": "record_root_cause", "category": "partner", "description": "Maahantuojan laatuvirhe" }),
        json!({ "kind": "assign_responsibility", "party": "supplier", "party_name": "Tuonti Oy", "note": null }),
        json!({ "kind": "record_cost", "amount_cents": 45000, "borne_by": "supplier", "description": "Kone" }),
        json!({ "kind": "add_corrective_action", "measure": "preventive", "description": "Tarkastus vastaanotossa", "owner": "Leena", "due": null }),
        json!({ "kind": "close", "closing_gesture": "Kahvilahjakortti", "lessons_learned": "Tarkista erä", "not_analysed_reason": null }),
    ];
    for (index, step) in steps.iter().enumerate() {
        let now = format!("2026-11-23T{:02}:00:00Z", 8 + index / 2);
        desk.act("Aino", &now, &reference, step.clone()).unwrap_or_else(|error| panic!("{step}: {error}"));
    }
    let shown = desk.ok("Aino", "2026-11-23T15:00:00Z", &["case", "show", &reference]);
    assert_eq!(shown["state"]["stage"], "closed");
    let events = desk.ok("Aino", "2026-11-23T15:00:00Z", &["case", "events", &reference]);
    assert_eq!(events.as_array().expect("events").len(), steps.len() + 1);
    let receipt = desk.db.with_file_name("kuitti.pdf");
    std::fs::write(&receipt, b"%PDF-1.4 kuitti").expect("write receipt");
    let attached = desk.ok("Aino", "2026-11-23T15:00:00Z", &["case", "attach", &reference, path(&receipt)]);
    assert_eq!(attached["file_name"], "kuitti.pdf");
    assert_eq!(attached["size_bytes"], 15);
    let verified = desk.ok("Aino", "2026-11-23T15:00:00Z", &["case", "verify", &reference]);
    assert_eq!(verified["replay_matches"], true);

    let refused = desk.act(
        "Aino",
        "2026-11-23T15:00:00Z",
        &reference,
        json!({ "kind": "reopen", "reason": "x", "to": "remedy" }),
    );
    assert_eq!(refused.expect_err("agents cannot reopen")["code"], "lead_only");
    desk.act(
        "Leena",
        "2026-11-23T15:00:00Z",
        &reference,
        json!({ "kind": "reopen", "reason": "Kone vuotaa taas", "to": "remedy" }),
    )
    .expect("a lead reopens");
}

#[test]
fn blame_before_the_remedy_is_refused_with_remedy_first() {
    let desk = Desk::new();
    let reference = create(&desk);
    let error = desk
        .act(
            "Aino",
            MONDAY_9,
            &reference,
            json!({ "kind": "record_root_cause", "category": "billing", "description": "?" }),
        )
        .expect_err("refused");
    assert_eq!(error["code"], "remedy_first");
    assert!(error["message"].as_str().expect("message").to_lowercase().contains("remedy"));
}

#[test]
fn bad_input_names_the_field_and_stores_nothing() {
    let desk = Desk::new();
    let error = desk
        .run("Aino", MONDAY_9, &["case", "create", "--customer", " ", "--description", "x", "--requested-remedy", "y"])
        .expect_err("refused");
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(error["field"], "customer.name");
    let bad_json = desk.act("Aino", MONDAY_9, "R-2026-000001", json!("not a command"));
    assert_eq!(bad_json.expect_err("no such case")["code"], "not_found");
    let reference = create(&desk);
    let error =
        desk.run("Aino", MONDAY_9, &["case", "act", &reference, "{\"kind\":\"fly\"}"]).expect_err("unknown kind");
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(desk.ok("Aino", MONDAY_9, &["check"])["cases"], 1);
}

#[test]
fn promises_are_made_kept_renegotiated_reminded_and_exported() {
    let desk = Desk::new();
    let reference = create(&desk);
    let made =
        desk.ok("Aino", MONDAY_9, &["promise", "make", &reference, "--text", "Soitamme huomenna", "--within", "1d"]);
    // One business day is Tuesday's closing time (16:00 Helsinki); the desk's one-business-hour
    // buffer carries it to Wednesday 09:00.
    assert_eq!(made["due_at"], "2026-11-25T07:00:00Z");
    let id = made["id"].as_i64().expect("id").to_string();

    let due = desk.ok("Aino", MONDAY_9, &["due", "--at", "2026-11-25T08:00:00Z"]);
    assert_eq!(due.as_array().expect("list").len(), 1);
    assert_eq!(due[0]["status"], "broken", "past due and not kept");
    assert_eq!(desk.ok("Aino", MONDAY_9, &["due", "--at", MONDAY_9]).as_array().expect("list").len(), 0);

    let raised = desk.ok("Aino", "2026-11-25T07:00:00Z", &["remind"]);
    let keys: Vec<&str> = raised.as_array().expect("raised").iter().filter_map(|r| r["key"].as_str()).collect();
    assert!(keys.contains(&"at_due"), "{keys:?}");
    let again = desk.ok("Aino", "2026-11-25T07:00:00Z", &["remind"]);
    assert_eq!(again.as_array().expect("raised").len(), 0, "never twice");

    let ics = desk.ok("Aino", MONDAY_9, &["ics", "--owner", "Aino"]);
    let ics = ics.as_str().expect("ics text");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("DTEND:20261125T070000Z"), "{ics}");

    let moved =
        desk.ok("Aino", "2026-11-24T08:00:00Z", &["promise", "renegotiate", &id, "--due", "2026-11-25T12:00:00Z"]);
    let new_id = moved["new"]["id"].as_i64().expect("new id").to_string();
    // Only the desk's active people own promises: someone nobody listed would never be reminded.
    let refused = desk
        .run("Aino", "2026-11-25T09:00:00Z", &["promise", "reassign", &new_id, "--owner", "Ville"])
        .expect_err("unknown");
    assert_eq!((refused["code"].as_str(), refused["field"].as_str()), (Some("invalid_input"), Some("owner")));
    desk.ok("Leena", MONDAY_9, &["person", "add", "Leena", "--role", "lead"]);
    desk.ok("Leena", MONDAY_9, &["person", "add", "Ville"]);
    desk.ok("Aino", "2026-11-25T09:00:00Z", &["promise", "reassign", &new_id, "--owner", "Ville"]);
    let kept = desk.ok("Ville", "2026-11-25T10:00:00Z", &["promise", "keep", &new_id, "--outcome", "Soitettu"]);
    assert_eq!(kept["state"]["kind"], "kept");
    let listed = desk.ok("Aino", "2026-11-25T10:00:00Z", &["promise", "list", &reference]);
    let statuses: Vec<&str> = listed.as_array().expect("list").iter().filter_map(|v| v["status"].as_str()).collect();
    assert_eq!(statuses, vec!["renegotiated", "kept"]);
}

#[test]
fn the_calendar_names_finnish_holidays_in_finnish_and_english() {
    let desk = Desk::new();
    let days = desk.ok("Aino", MONDAY_9, &["calendar", "--from", "2026-12-05", "--to", "2026-12-07"]);
    let days = days.as_array().expect("days");
    assert_eq!(days.len(), 3);
    assert_eq!(days[1]["date"], "2026-12-06");
    assert_eq!(days[1]["business_day"], false);
    assert_eq!(days[1]["holiday"]["fi"], "Itsenäisyyspäivä");
    assert_eq!(days[1]["holiday"]["en"], "Independence Day");
    assert_eq!(days[2]["business_day"], true);
}

#[test]
fn only_a_lead_changes_desk_settings() {
    let desk = Desk::new();
    desk.ok("Leena", MONDAY_9, &["person", "add", "Leena", "--role", "lead"]);
    let mut settings = desk.ok("Aino", MONDAY_9, &["settings", "show"]);
    settings["policy"]["compensation_lead_limit_cents"] = json!(25_000);
    let file = desk.db.with_file_name("settings.json");
    std::fs::write(&file, settings.to_string()).expect("write settings");
    let refused = desk.run("Aino", MONDAY_9, &["settings", "set", path(&file)]).expect_err("agent refused");
    assert_eq!(refused["code"], "lead_only");
    desk.ok("Leena", MONDAY_9, &["settings", "set", path(&file)]);
    assert_eq!(desk.ok("Aino", MONDAY_9, &["settings", "show"])["policy"]["compensation_lead_limit_cents"], 25_000);
}

#[test]
fn demo_data_fills_a_database_that_checks_ok() {
    let desk = Desk::new();
    let made = desk.ok("Aino", MONDAY_9, &["demo", "--cases", "25"]);
    assert_eq!(made["cases"], 25);
    // The events it says it wrote are every event the desk holds (all of them unsynced).
    let events = made["events"].as_i64().expect("events");
    assert!(events > 25, "a case and its steps: {made}");
    assert_eq!(desk.ok("Aino", MONDAY_9, &["team", "status"])["pending"], events);
    let more = desk.ok("Aino", MONDAY_9, &["demo", "--cases", "3", "--seed", "7"])["events"].as_i64().expect("events");
    assert_eq!(desk.ok("Aino", MONDAY_9, &["team", "status"])["pending"], events + more, "counted per run");
    let report = desk.ok("Aino", MONDAY_9, &["check"]);
    assert_eq!(report["integrity"], "ok");
    assert_eq!(report["cases"], 28);
    let listed = desk.ok("Aino", MONDAY_9, &["case", "list", "--limit", "10"]);
    assert_eq!(listed.as_array().expect("list").len(), 10);
}

#[test]
fn figures_for_a_period_as_json_and_csv() {
    let desk = Desk::new();
    let reference = create(&desk);
    let remedy = json!({ "forms": ["refund"], "description": "Hyvitys" });
    desk.act(
        "Aino",
        "2026-11-23T08:00:00Z",
        &reference,
        json!({ "kind": "agree_remedy", "remedy": remedy, "option_id": null }),
    )
    .expect("agreed");
    desk.act(
        "Aino",
        "2026-11-23T09:00:00Z",
        &reference,
        json!({ "kind": "deliver_remedy", "summary": "Hyvitetty", "informed_via": "phone" }),
    )
    .expect("delivered");
    let csv = desk.db.with_file_name("luvut.csv");
    let figures = desk.ok(
        "Aino",
        "2026-11-30T09:00:00Z",
        &["figures", "--from", "2026-11-01", "--to", "2026-11-30", "--csv", path(&csv)],
    );
    assert_eq!(figures["cases_received"], 1);
    // Received 09:00 Helsinki, delivered 11:00 the same day: 120 business minutes.
    assert_eq!(figures["time_to_remedy"]["median"], 120);
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(text.starts_with("\u{feff}measure;value\r\ndesk;all desks\r\nperson;everyone\r\n"), "{text}");
    assert!(text.contains("time to remedy median (business min);120\r\n"), "{text}");
    // One person's figures are exported as the screen shows them, and the file says whose they are.
    let mine = desk.db.with_file_name("luvut-leena.csv");
    let scoped = desk.ok(
        "Aino",
        "2026-11-30T09:00:00Z",
        &["figures", "--from", "2026-11-01", "--to", "2026-11-30", "--agent", "Leena", "--csv", path(&mine)],
    );
    assert_eq!(scoped["cases_received"], 0, "Aino's case is not Leena's");
    let text = std::fs::read_to_string(&mine).expect("csv");
    assert!(text.starts_with("\u{feff}measure;value\r\ndesk;all desks\r\nperson;Leena\r\n"), "{text}");
    assert!(text.contains("cases received;0\r\n"), "{text}");
    let workbook = desk.db.with_file_name("luvut.xlsx");
    desk.ok(
        "Aino",
        "2026-11-30T09:00:00Z",
        &["figures", "--from", "2026-11-01", "--to", "2026-11-30", "--out", path(&workbook)],
    );
    let bytes = std::fs::read(&workbook).expect("xlsx");
    assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
    let swapped = desk.run("Aino", MONDAY_9, &["figures", "--from", "2026-11-30", "--to", "2026-11-01"]);
    let swapped = swapped.expect_err("refused");
    assert_eq!(swapped["field"], "to");
    assert_eq!(swapped["reason"], "end_before_start", "the same reason key as the app's window gets");
}

#[test]
fn a_promise_due_by_friday_is_typed_as_agents_say_it() {
    let desk = Desk::new();
    let reference = create(&desk);
    // Monday 23 November 2026 09:00: "pe" is Friday 27 November at closing time, 16:00 Helsinki.
    let made = desk.ok("Aino", MONDAY_9, &["promise", "make", &reference, "--text", "Soitamme", "--by", "pe"]);
    assert_eq!(made["due_at"], "2026-11-27T14:00:00Z");
    let made = desk.ok("Aino", MONDAY_9, &["promise", "make", &reference, "--text", "Soitamme", "--by", "fre 10.30"]);
    assert_eq!(made["due_at"], "2026-11-27T08:30:00Z");
    let refused =
        desk.run("Aino", MONDAY_9, &["promise", "make", &reference, "--text", "Soitamme", "--by", "ensi kuussa"]);
    assert_eq!(refused.expect_err("unreadable")["field"], "due_text");
    // Sunday 04:15 is outside opening hours: refused unless the customer agreed to it.
    let sunday = ["promise", "make", &reference, "--text", "Soitamme", "--by", "su 4.15"];
    assert_eq!(desk.run("Aino", MONDAY_9, &sunday).expect_err("outside hours")["field"], "due_at");
    let agreed = desk.ok("Aino", MONDAY_9, &[&sunday[..], &["--outside-hours"]].concat());
    assert_eq!(agreed["due_at"], "2026-11-29T02:15:00Z");
}
