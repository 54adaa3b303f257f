//! The command line is scriptable (issue 19): under `--json` every failure is one
//! `{code, message, field}` object on stderr, the parser's included; input that is not UTF-8 is
//! said to be so; a reader that closes stdout early ends the command quietly.

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn cli(db: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lupaus-cli"));
    command.args([OsStr::new("--db"), db.as_os_str(), OsStr::new("--json"), OsStr::new("--now")]);
    command.arg("2026-11-23T07:00:00Z");
    command
}

/// The one JSON object a failed command wrote on stderr, after checking it exited with 2.
fn failure(output: &std::process::Output) -> Value {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    serde_json::from_str(stderr.trim()).unwrap_or_else(|_| panic!("stderr is not one JSON object: {stderr}"))
}

#[test]
fn argument_errors_from_the_parser_are_json_naming_the_argument() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    for (args, field) in [
        (&["case", "show"][..], "reference"),
        (&["--bogus", "check"][..], "bogus"),
        (&["promise", "make", "R-2026-000001", "--text", "Soitan", "--due", "huomenna"][..], "due"),
    ] {
        let error = failure(&cli(&db).args(args).output().expect("run"));
        assert_eq!(
            (error["code"].as_str(), error["field"].as_str()),
            (Some("invalid_argument"), Some(field)),
            "{args:?}"
        );
        assert!(!error["message"].as_str().unwrap_or_default().is_empty());
    }
    // Help is not an error: it goes to stdout, exit 0, also under --json.
    let help = cli(&db).arg("--help").output().expect("run");
    assert!(help.status.success() && String::from_utf8_lossy(&help.stdout).contains("Usage:"));
}

/// Unix only: Windows passes arguments as UTF-16, so a program cannot be given bytes that are not text.
#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_said_to_be_so() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    let error = failure(&cli(&db).arg("search").arg(OsStr::from_bytes(b"pesukone\xff")).output().expect("run"));
    assert_eq!(error["code"], "invalid_argument");
    assert!(error["message"].as_str().unwrap_or_default().contains("not valid UTF-8"), "{error}");
}

#[test]
fn input_that_is_not_utf8_is_said_to_be_so_never_a_storage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    let created = cli(&db)
        .args(["case", "create", "--customer", "Maija", "--description", "Vuotaa", "--requested-remedy", "Korjaus"])
        .output()
        .expect("run");
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let mut child = cli(&db)
        .args(["case", "act", "R-2026-000001", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run");
    child.stdin.take().expect("stdin").write_all(b"{\"kind\": \"add_note\", \"text\": \"\xff\"}").expect("write");
    let error = failure(&child.wait_with_output().expect("wait"));
    assert_ne!(error["code"], "storage_error");
    assert!(error["message"].as_str().unwrap_or_default().contains("not valid UTF-8"), "{error}");
}

#[test]
fn a_reader_that_closes_stdout_early_ends_the_command_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    // Ten years of days: far more than a pipe holds, so the writer meets the closed end.
    let mut child = cli(&db)
        .args(["calendar", "--from", "2020-01-01", "--to", "2029-12-31"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked") && stderr.trim().is_empty(), "{stderr}");
}

#[test]
fn times_are_told_in_the_desks_zone_and_due_accepts_the_desks_local_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    let text = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_lupaus-cli"))
            .args([OsStr::new("--db"), db.as_os_str(), OsStr::new("--now"), OsStr::new("2026-03-02T08:00:00Z")])
            .args(args)
            .output()
            .expect("run");
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    text(&["case", "create", "--customer", "Maija", "--description", "Vuotaa", "--requested-remedy", "Korjaus"]);
    let made = text(&["promise", "make", "R-2026-000001", "--text", "Soitan", "--due", "2026-03-10 10:00"]);
    assert!(made.contains("due 10.03.2026 10.00 (Europe/Helsinki)"), "{made}");
    let listed = text(&["--json", "promise", "list", "R-2026-000001"]);
    assert!(listed.contains("\"2026-03-10T08:00:00Z\""), "10.00 in Helsinki is 08.00 UTC in March: {listed}");
    assert!(text(&["case", "list"]).contains("02.03.2026 10.00 (Europe/Helsinki)"));
    let moved = text(&["promise", "renegotiate", "1", "--due", "2026-06-10T07:00:00Z"]);
    assert!(moved.contains("10.06.2026 10.00 (Europe/Helsinki)"), "summer time: {moved}");
}
