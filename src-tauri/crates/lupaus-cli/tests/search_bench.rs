//! `search` and `bench` through the real binary, on temporary databases.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const NOW: &str = "2026-11-23T07:00:00Z";

fn cli(db: &Path, args: &[&str]) -> Result<Value, Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_lupaus-cli"))
        .args(["--db", db.to_str().expect("utf-8 path"), "--json", "--now", NOW, "--person", "Aino"])
        .args(args)
        .output()
        .expect("run lupaus-cli");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.success() {
        Ok(serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("not JSON: {stdout}")))
    } else {
        let last = stderr.lines().last().unwrap_or_default();
        Err(serde_json::from_str(last).unwrap_or_else(|_| panic!("error is not JSON: {stderr}")))
    }
}

fn create(db: &Path, customer: &str, description: &str) {
    cli(
        db,
        &[
            "case",
            "create",
            "--customer",
            customer,
            "--description",
            description,
            "--requested-remedy",
            "Korjaus",
            "--product-ref",
            "Tilaus 88210",
        ],
    )
    .expect("created");
}

#[test]
fn search_finds_inflections_and_compounds_and_never_fails_on_syntax() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    create(&db, "Maija Mäkinen", "Tämä on laatureklamaatio pesukoneesta.");
    create(&db, "Erik Lindqvist", "Laskutusvirhe: toimitusmaksu kahdesti.");

    let found = cli(&db, &["search", "reklamaatio"]).expect("search");
    assert_eq!(found[0]["customer_name"], "Maija Mäkinen");
    let found = cli(&db, &["search", "makinen"]).expect("search");
    assert_eq!(found.as_array().map(Vec::len), Some(1));
    let found = cli(&db, &["search", "laskutus", "--limit", "5"]).expect("search");
    assert_eq!(found[0]["customer_name"], "Erik Lindqvist");
    let reference = found[0]["reference"].as_str().expect("reference").to_owned();
    assert_eq!(cli(&db, &["search", &reference]).expect("search")[0]["reference"], reference.as_str());
    for hostile in ["\"", "*", "(-:", "NOT AND", "\"laskutus* (- OR:"] {
        cli(&db, &["search", hostile]).unwrap_or_else(|error| panic!("{hostile:?}: {error}"));
    }
    assert_eq!(cli(&db, &["search", "   "]).expect("search"), Value::Array(vec![]));
}

#[test]
fn bench_writes_a_report_and_refuses_a_desk_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let out = dir.path().join("BENCHMARKS.md");
    let report = cli(&db, &["bench", "--cases", "120", "--out", out.to_str().expect("utf-8")]).expect("bench");
    let text = std::fs::read_to_string(&out).expect("report written");
    for expected in [
        "# Lupaus benchmarks",
        "Durable intake",
        "Lead view",
        "Full-text search",
        "Search recall and precision, snowball",
        "Search quality over the corpus",
        "measured separately",
    ] {
        assert!(text.contains(expected), "report lacks {expected:?}");
    }
    assert_eq!(report["dataset"]["cases"].as_i64().map(|cases| cases >= 120), Some(true));
    // Run again: the generated database is reused, not filled twice.
    let again = cli(&db, &["bench", "--cases", "120", "--out", out.to_str().expect("utf-8")]).expect("bench again");
    assert_eq!(again["dataset"]["generated_now"], false);

    // A desk's own database is never filled with generated cases.
    let desk = dir.path().join("desk.db");
    create(&desk, "Maija Mäkinen", "Pesukone vuotaa.");
    let refused = cli(&desk, &["bench", "--cases", "120", "--out", out.to_str().expect("utf-8")]).expect_err("refused");
    assert_eq!(refused["field"], "db");
}

#[test]
fn bench_only_search_quality_measures_both_paths_against_their_goals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = cli(&dir.path().join("unused.db"), &["bench", "--only", "search-quality"]).expect("measured");
    let paths = report.as_array().expect("one report per path");
    let snowball = paths.iter().find(|path| path["morphology"] == "snowball").expect("the fallback is always measured");
    assert!(snowball["recall"].as_f64().expect("recall") >= 0.90, "{snowball}");
    assert!(snowball["cases"].as_u64().expect("cases") >= 300);
    if let Some(voikko) = paths.iter().find(|path| path["morphology"] == "voikko") {
        assert!(voikko["recall"].as_f64().expect("recall") >= 0.98, "{voikko}");
        assert!(voikko["precision"].as_f64().expect("precision") >= 0.95, "{voikko}");
    } else {
        assert!(
            std::env::var_os("LUPAUS_REQUIRE_VOIKKO").is_none(),
            "LUPAUS_REQUIRE_VOIKKO is set but Voikko was not used"
        );
    }
}
