//! Durability: the writer is killed with SIGKILL at random moments and every acknowledged save
//! must be in the file afterwards, with nothing half-written. The long run (1000+ kills) is
//! `scripts/crash-test.sh`; this is the short one that runs with every `cargo test`.

use std::process::Command;

use serde_json::Value;

/// The longest a writer runs before it is killed. A Windows program takes far longer to start under
/// Wine on a loaded machine than 80 ms, and every kill then came before the first save.
const MAX_DELAY_MS: &str = if cfg!(windows) { "600" } else { "80" };

fn torture(iterations: &str, extra: &[&str]) -> (bool, Value) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    let output = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
        .args(["torture", "--db", db.to_str().expect("utf-8 path"), "--iterations", iterations, "--seed", "7"])
        .args(["--max-delay-ms", MAX_DELAY_MS])
        .args(extra)
        .output()
        .expect("run crash-writer");
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("report is not JSON: {}", String::from_utf8_lossy(&output.stdout)));
    (output.status.success(), report)
}

#[test]
fn every_acknowledged_save_survives_thirty_kills() {
    let (success, report) = torture("30", &[]);
    assert!(success, "{report:#}");
    assert_eq!(report["ok"], true);
    assert_eq!(report["iterations"], 30);
    assert_eq!(report["lost"].as_array().map(Vec::len), Some(0), "{report:#}");
    assert!(report["acknowledged_saves"].as_u64().unwrap_or(0) > 0, "the writer saved nothing: {report:#}");
}

#[test]
fn a_lost_acknowledgement_is_detected() {
    // The harness is told of a save that never happened: it must report it as lost and fail.
    let (success, report) = torture("2", &["--forge-ack"]);
    assert!(!success, "{report:#}");
    let lost = report["lost"].as_array().expect("lost list");
    assert!(lost.iter().any(|line| line.as_str().unwrap_or("").contains("R-2099-999999")), "{report:#}");
}
