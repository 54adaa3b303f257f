//! The idle upkeep (maintenance.rs) and what it must keep true: saves never checkpoint the WAL
//! themselves, the upkeep copies it all into the file, and the search index stays correct while
//! its segments are merged outside the saves.

mod common;

use chrono::Duration;
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_store::Store;

/// Pages the WAL file holds. It only grows until a checkpoint lets SQLite start it over from
/// the beginning, so more pages than one checkpoint interval means no save checkpointed.
fn wal_file_pages(path: &std::path::Path) -> u64 {
    let bytes = std::fs::metadata(format!("{}-wal", path.display())).map(|meta| meta.len()).unwrap_or(0);
    // A 32-byte header, then frames of a 24-byte header and one 4 KiB page.
    bytes.saturating_sub(32) / (4096 + 24)
}

fn save_intakes(store: &mut Store, count: usize) {
    save_more_intakes(store, 0, count);
}

/// Intakes numbered `from..from + count`, each with a customer of its own.
fn save_more_intakes(store: &mut Store, from: usize, count: usize) {
    let start = common::helsinki(2026, 3, 2, 9, 0);
    for n in from..from + count {
        let at = start + Duration::minutes(n as i64);
        let intake = common::intake(&format!("Asiakas{n} Virtanen")).validate().expect("valid intake");
        let promise = NewPromise {
            text: "Soitamme takaisin".into(),
            channel: PromiseChannel::Call,
            due_at: at + Duration::days(1),
            owner: "Aino Agentti".into(),
            outside_hours_confirmed: false,
        };
        store.create_case_with_promise(intake, promise, &common::agent(), at).expect("saved");
    }
}

#[test]
fn saves_leave_the_checkpoint_to_the_idle_upkeep_which_copies_the_whole_wal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lupaus.db");
    let mut store = Store::open(&path).expect("open");
    store.run_idle_upkeep().expect("upkeep after opening");
    save_intakes(&mut store, 120);
    assert_eq!(store.writes_since_upkeep(), 120);
    // SQLite's default would have checkpointed inside the save that passed 1,000 pages and then
    // started the WAL over, so it would hold little more than 1,000.
    let pages = wal_file_pages(&path);
    assert!(pages > 1_100, "the WAL was checkpointed during the saves: the file holds {pages} pages");

    let upkeep = store.run_idle_upkeep().expect("upkeep");
    assert!(upkeep.wal_pages as u64 >= pages, "{upkeep:?}");
    assert_eq!(upkeep.checkpointed_pages, upkeep.wal_pages, "every page reached the database file");
    assert_eq!(store.writes_since_upkeep(), 0);
    drop(store);

    // Everything saved is in the file and intact.
    let store = Store::open(&path).expect("reopen");
    let report = store.check().expect("check");
    assert_eq!((report.cases, report.promises, report.integrity.as_str()), (120, 120, "ok"));
}

/// A desk pulling a long backlog copies its WAL from a connection of its own while the store's
/// stays open (lupaus-sync's relief), then the few pages left with the store: its next write
/// starts the WAL over. Flushing the WAL from outside is harmless, also where there is none.
#[test]
fn a_checkpoint_beside_the_open_store_copies_its_wal_and_the_next_write_starts_it_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lupaus.db");
    let mut store = Store::open(&path).expect("open");
    save_intakes(&mut store, 40);
    lupaus_store::maintenance::flush_wal_beside(&path).expect("flush beside");
    let (pages, copied) = lupaus_store::maintenance::checkpoint_beside(&path).expect("beside");
    assert!(pages > 40 && copied == pages, "{pages} pages, {copied} copied");
    store.checkpoint_wal().expect("the tail");
    save_more_intakes(&mut store, 40, 1);
    let (after, _) = store.checkpoint_wal().expect("checkpoint");
    assert!(after < pages / 4, "the WAL started over: {after} pages after one save, {pages} before");
    lupaus_store::maintenance::flush_wal_beside(&dir.path().join("none.db")).expect("no WAL, nothing to flush");
    drop(store);
    let report = Store::open(&path).expect("reopen").check().expect("check");
    assert_eq!((report.cases, report.integrity.as_str()), (41, "ok"));
}

#[test]
fn the_search_index_is_merged_by_the_upkeep_and_still_finds_every_case() {
    let mut store = Store::open_in_memory().expect("store");
    // Saves between upkeeps, each upkeep indexing the new cases as one segment of the index.
    for round in 0..6 {
        save_more_intakes(&mut store, round * 4, 4);
        assert_eq!(store.index_new_cases().expect("indexed"), 4);
    }
    let before = store.search_cases("pesukone", 50).expect("search").len();
    assert_eq!(before, 24);

    // Six segments: a merge step is due and finds work.
    let first = store.run_idle_upkeep().expect("upkeep");
    assert!(first.merged_search_segments, "{first:?}");
    let mut runs = 1;
    while store.run_idle_upkeep().expect("upkeep").merged_search_segments {
        runs += 1;
        assert!(runs < 50, "the merge never finishes");
    }
    assert_eq!(store.search_cases("pesukone", 50).expect("search").len(), 24);
    assert_eq!(store.search_cases("Asiakas7", 50).expect("search by name").len(), 1);
    assert!(!store.run_idle_upkeep().expect("upkeep").more_to_do(), "nothing left to merge");
}

/// A crash after saves and before the upkeep loses no indexing: the saves are committed, the
/// watermark still below them, and opening the store catches up. Until then search finds them.
#[test]
fn cases_saved_before_a_crash_are_indexed_when_the_store_opens_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lupaus.db");
    let mut store = Store::open(&path).expect("open");
    save_intakes(&mut store, 10);
    store.run_idle_upkeep().expect("upkeep");
    save_more_intakes(&mut store, 10, 5);
    assert_eq!(store.search_cases("Asiakas12", 5).expect("search").len(), 1, "found before it is indexed");
    // The process dies here: no upkeep, no orderly close.
    std::mem::forget(store);

    let raw = rusqlite::Connection::open(&path).expect("raw");
    let indexed_up_to = |raw: &rusqlite::Connection| -> i64 {
        raw.query_row("SELECT up_to_case FROM search_watermark", [], |row| row.get(0)).expect("watermark")
    };
    assert_eq!(indexed_up_to(&raw), 10, "the five newest cases wait for indexing");
    let indexed = |raw: &rusqlite::Connection| -> i64 {
        raw.query_row("SELECT count(*) FROM case_search WHERE case_search MATCH '1asiakas12'", [], |row| row.get(0))
            .expect("index")
    };
    assert_eq!(indexed(&raw), 0);

    let mut store = Store::open(&path).expect("reopen");
    assert_eq!(indexed_up_to(&raw), 15, "opening caught up");
    assert_eq!(indexed(&raw), 1, "the case is in the index itself");
    assert_eq!(store.search_cases("Asiakas12", 5).expect("search").len(), 1);
    assert_eq!(store.index_new_cases().expect("nothing left"), 0);
}

#[test]
fn customer_look_up_returns_the_first_names_in_order_with_their_own_case_counts() {
    let mut store = Store::open_in_memory().expect("store");
    let at = common::helsinki(2026, 3, 2, 9, 0);
    // Forty customers share the prefix "Vir"; one of them has three cases.
    for n in (0..40).rev() {
        let mut intake = common::intake(&format!("Virtanen {n:02}"));
        intake.customer.customer_number = Some(format!("AS-{n:02}"));
        let repeats = if n == 1 { 3 } else { 1 };
        for _ in 0..repeats {
            store.create_case(intake.clone().validate().expect("valid"), &common::agent(), at).expect("case");
        }
    }
    let mut other = common::intake("Korhonen Kaisa");
    other.customer.email = Some("kaisa@example.fi".into());
    store.create_case(other.validate().expect("valid"), &common::agent(), at).expect("case");

    let found = store.find_customers("vir", 5).expect("look-up");
    let names: Vec<&str> = found.iter().map(|customer| customer.name.as_str()).collect();
    assert_eq!(names, ["Virtanen 00", "Virtanen 01", "Virtanen 02", "Virtanen 03", "Virtanen 04"]);
    let counts: Vec<i64> = found.iter().map(|customer| customer.case_count).collect();
    assert_eq!(counts, [1, 3, 1, 1, 1]);

    let by_email = store.find_customers("KAISA@example.fi", 5).expect("by e-mail");
    assert_eq!(by_email.iter().map(|customer| customer.name.as_str()).collect::<Vec<_>>(), ["Korhonen Kaisa"]);
    let by_number = store.find_customers("AS-39", 5).expect("by customer number");
    assert_eq!(by_number.iter().map(|customer| customer.name.as_str()).collect::<Vec<_>>(), ["Virtanen 39"]);
    assert!(store.find_customers("  ", 5).expect("blank").is_empty());
}
