use chrono::{Duration, TimeZone, Utc};
use lupaus_core::lifecycle::Actor;
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_store::Store;
use std::time::Instant;
mod common;

fn run(label: &str, fts: bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    let mut store = Store::open(&path).unwrap();
    if !fts {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("DROP TABLE case_search; CREATE TABLE case_search(keys, words, stems, tails);").unwrap();
    }
    let agent = Actor::agent("Aino Agentti");
    let base = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
    let mut times = vec![];
    for n in 0..600 {
        let at = base + Duration::minutes(n);
        let intake = common::intake(&format!("Asiakas {n}")).validate().unwrap();
        let p = NewPromise {
            text: "Soitamme".into(),
            channel: PromiseChannel::Call,
            due_at: at + Duration::days(1),
            owner: "Aino Agentti".into(),
        };
        let t = Instant::now();
        store.create_case_with_promise(intake, p, &agent, at).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let t = Instant::now();
    for _ in 0..600 {
        store.desk_settings().unwrap();
    }
    let settings = t.elapsed().as_secs_f64() * 1000.0 / 600.0;
    let t = Instant::now();
    for n in 1..600 {
        store.case_summary(n).unwrap();
    }
    let summary = t.elapsed().as_secs_f64() * 1000.0 / 600.0;
    times.drain(..100);
    times.sort_by(f64::total_cmp);
    println!(
        "{label}: p50 {:.3} p95 {:.3} ms; settings::load {settings:.3} ms; case_summary {summary:.3} ms",
        times[times.len() / 2],
        times[times.len() * 95 / 100]
    );
}

#[test]
fn zz_intake_profile() {
    run("with fts", true);
    run("without fts", false);
    run("with fts", true);
}
