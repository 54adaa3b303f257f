//! The data-care commands end to end: backup, backups, restore, import, export, customer
//! export/anonymise and retention, with `--json` on a temporary database.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

const NOW: &str = "2026-11-23T07:00:00Z";

struct Desk {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Desk {
    fn new() -> Desk {
        let (dir, db) = common::temp_db();
        Desk { dir, db }
    }

    fn raw(&self, args: &[&str]) -> Output {
        common::Cli { db: Some(&self.db), now: Some(NOW), person: "Leena" }.run(args, "")
    }

    fn ok(&self, args: &[&str]) -> Value {
        let output = self.raw(args);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&output.stdout).into()))
    }

    /// A refused command: exit code 2, `{code, message}` on stderr, and whatever it printed.
    fn refused(&self, args: &[&str]) -> (Value, Value) {
        let output = self.raw(args);
        assert_eq!(output.status.code(), Some(2), "{args:?} should fail");
        let error = serde_json::from_slice(&output.stderr).expect("error JSON");
        let printed = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
        (error, printed)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let file = self.dir.path().join(name);
        std::fs::write(&file, bytes).expect("write");
        file
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn create(desk: &Desk, customer: &str) -> String {
    let created = desk.ok(&[
        "case",
        "create",
        "--customer",
        customer,
        "--customer-number",
        "AS-5",
        "--description",
        "Takki repesi",
        "--requested-remedy",
        "Uusi takki",
    ]);
    created["reference"].as_str().expect("reference").to_owned()
}

#[test]
fn backup_list_and_restore_from_the_command_line() {
    let desk = Desk::new();
    create(&desk, "Åsa Öhman");
    let made = desk.ok(&["backup"]);
    assert_eq!(made["verified"], true);
    // Named by the start of the database's identity, then the desk's local time.
    let made_path = std::path::Path::new(made["path"].as_str().expect("path"));
    let name = made_path.file_name().expect("name").to_string_lossy().into_owned();
    let tag = name.strip_prefix("lupaus-").and_then(|rest| rest.strip_suffix("-2026-11-23-090000.db")).expect("named");
    assert!(tag.len() == 12 && tag.bytes().all(|b| b.is_ascii_hexdigit()), "{made}");
    let listed = desk.ok(&["backups"]);
    assert_eq!(listed.as_array().expect("list").len(), 1);
    assert_eq!(listed[0]["verified"], true);
    let copy = desk.dir.path().join("kopio.db");
    desk.ok(&["backup", "--to", path(&copy)]);

    create(&desk, "Toinen Asiakas");
    assert_eq!(desk.ok(&["check"])["cases"], 2);
    let restored = desk.ok(&["restore", path(&copy)]);
    assert_eq!(restored["cases"], 1);
    let kept = restored["set_aside_as"].as_str().expect("kept");
    assert!(kept.contains("lupaus.db.set-aside-20261123T070000Z"), "{kept}");
    assert!(std::path::Path::new(kept).exists(), "what was replaced is kept beside it");
    assert_eq!(desk.ok(&["check"])["cases"], 1);

    let bogus = desk.file("bogus.db", b"not a database");
    let (error, _) = desk.refused(&["restore", path(&bogus)]);
    assert_eq!(error["code"], "backup_invalid");
    assert_eq!(desk.ok(&["check"])["cases"], 1, "a refused restore changes nothing");
}

#[test]
fn import_reports_problems_and_saves_all_or_nothing() {
    let desk = Desk::new();
    let mut bad = vec![0xEF, 0xBB, 0xBF];
    bad.extend_from_slice(
        "asiakas;vastaanotettu;kuvaus;toive\nÄijälä;24.12.2025 14.30;Vuotaa;Uusi\nÖljy;32.12.2025;Vuotaa;Uusi\n"
            .as_bytes(),
    );
    let bad = desk.file("reklamaatiot.csv", &bad);
    let (error, report) = desk.refused(&["import", path(&bad), "--dry-run"]);
    assert_eq!(error["code"], "import_rejected");
    assert_eq!(report["problems"][0]["row"], 3);
    assert_eq!(report["problems"][0]["column"], "vastaanotettu");
    let (_, report) = desk.refused(&["import", path(&bad)]);
    assert_eq!(report["saved"], false);
    assert_eq!(desk.ok(&["check"])["cases"], 0);

    let good =
        desk.file("ok.csv", "asiakas;vastaanotettu;kuvaus;toive\nÄijälä;24.12.2025 14.30;Vuotaa;Uusi\n".as_bytes());
    assert_eq!(desk.ok(&["import", path(&good), "--dry-run"])["saved"], false);
    assert_eq!(desk.ok(&["import", path(&good)])["cases_created"], 1);
    assert_eq!(desk.ok(&["check"])["cases"], 1);
    let xlsx = desk.file("taulukko.xlsx", b"PK");
    let (_, report) = desk.refused(&["import", path(&xlsx)]);
    assert!(report["problems"][0]["message"].as_str().expect("message").contains("cannot be read"), "{report}");
}

#[test]
fn export_writes_csv_for_excel_and_json() {
    let desk = Desk::new();
    let reference = create(&desk, "Åsa Öhman");
    let out = desk.dir.path().join("tapaukset.csv");
    let written = desk.ok(&["export", "--what", "cases", "--format", "csv", "--out", path(&out)]);
    assert_eq!(written["rows"], 1);
    let bytes = std::fs::read(&out).expect("read");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    assert!(String::from_utf8(bytes).expect("utf-8").contains("Åsa Öhman"));
    let events = desk.ok(&["export", "--what", "events", "--format", "json"]);
    assert_eq!(events[0]["reference"], reference.as_str());
    let workbook = desk.dir.path().join("tapaukset.xlsx");
    desk.ok(&["export", "--what", "cases", "--format", "xlsx", "--out", path(&workbook)]);
    assert!(std::fs::read(&workbook).expect("read").starts_with(b"PK\x03\x04"), "an xlsx is a zip");
    for what in ["customers", "promises"] {
        desk.ok(&["export", "--what", what, "--format", "json"]);
    }
}

/// A customer's data is a lead's to export or anonymise, on the command line as in the window:
/// anyone else is refused with `lead_only`, and nothing is written or changed.
#[test]
fn only_a_lead_exports_or_anonymises_a_customer() {
    let desk = Desk::new();
    desk.ok(&["person", "add", "Leena", "--role", "lead"]);
    desk.ok(&["person", "add", "Aino", "--role", "agent"]);
    create(&desk, "Åsa Öhman");
    // A customer with no open case, whom a lead may anonymise.
    let customers = desk.file("asiakkaat.csv", "asiakas;asiakasnumero\nBertta Berg;AS-6\n".as_bytes());
    desk.ok(&["import", path(&customers)]);
    let as_agent = |args: &[&str]| common::Cli { db: Some(&desk.db), now: Some(NOW), person: "Aino" }.run(args, "");
    let out = desk.dir.path().join("asiakas.json");
    for args in [
        &["customer", "export", "AS-5"][..],
        &["customer", "export", "AS-5", "--out", path(&out)],
        &["customer", "anonymise", "AS-6"],
        &["retention", "--older-than-days", "0"],
    ] {
        let refused = as_agent(args);
        assert_eq!(refused.status.code(), Some(2), "{args:?}");
        let error: Value = serde_json::from_slice(&refused.stderr).expect("error JSON");
        assert_eq!(error["code"], "lead_only", "{args:?}: {error}");
        assert!(refused.stdout.is_empty(), "{args:?} printed nothing about the customer");
    }
    assert!(!out.exists(), "no file for an agent");
    let kept = desk.ok(&["customer", "export", "AS-6"]);
    assert_eq!(kept["customer"]["name"], "Bertta Berg", "the agent's refusal changed nothing");
    assert!(kept["anonymisations"].as_array().is_some_and(Vec::is_empty), "{kept}");

    let saved = desk.ok(&["customer", "export", "AS-5", "--out", path(&out)]);
    assert_eq!(saved["cases"], 1);
    assert!(std::fs::read_to_string(&out).expect("the lead's file").contains("Åsa Öhman"));
    let anonymised = desk.ok(&["customer", "anonymise", "AS-6"]);
    assert_eq!(anonymised["already_anonymised"], false, "{anonymised}");
}

#[test]
fn customer_export_anonymise_and_retention() {
    let desk = Desk::new();
    desk.ok(&["person", "add", "Leena", "--role", "lead"]);
    let reference = create(&desk, "Åsa Öhman");
    let dossier = desk.ok(&["customer", "export", "AS-5"]);
    assert_eq!(dossier["customer"]["name"], "Åsa Öhman");
    assert_eq!(dossier["cases"][0]["reference"], reference.as_str());
    let (error, _) = desk.refused(&["customer", "anonymise", "AS-5"]);
    assert_eq!(error["code"], "invalid_transition", "{error}");
    let (error, _) = desk.refused(&["customer", "export", "AS-404"]);
    assert_eq!(error["code"], "not_found");
    let retention = desk.ok(&["retention", "--older-than-days", "0", "--dry-run"]);
    assert_eq!(retention["dry_run"], true);
    assert_eq!(retention["cases"].as_array().expect("cases").len(), 0, "an open case is never due");
}
