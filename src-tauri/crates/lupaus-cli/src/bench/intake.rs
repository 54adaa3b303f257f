//! Durable intake: the desk's real save, through `Desk::create_case` as the app's intake form
//! calls it (case, first event, call-back promise; one transaction committed with
//! `synchronous=FULL`), against a bare one-row INSERT committed the same way on another
//! connection, in alternating blocks of ten so both see the same disk (one block after the
//! other, not save by save: a commit on one connection empties the other's page cache). The same intake with
//! `synchronous=OFF` shows what the save costs before the flush. Between saves the bench runs
//! the store's idle upkeep as the app does when the desk pauses, timed apart from the saves: first
//! its search indexing of the cases saved since (`Store::index_new_cases`, moved out of the save
//! and timed on a row of its own), then the rest (merge step, checkpoint).

use std::path::{Path, PathBuf};

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use lupaus_core::clock::FixedClock;
use lupaus_core::lifecycle::Actor;
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_desk::{CallbackPromise, CaseIntake, Desk};
use lupaus_store::{Store, StoreError};
use rusqlite::{Connection, TransactionBehavior, params};
use serde::Serialize;

use super::corpus;
use super::measure::{Stats, time};
use super::rng::Rng;

/// Saves timed of each kind, after the warm-up.
const SAVES: usize = 300;
const WARM_UP: usize = 20;
/// Saves of one kind in a row. After each block of every kind the idle upkeep runs, as the app
/// runs it when saves pause for 20 s (or after 48 saves without a pause): a block of durable
/// and a block of unflushed saves, each after an untimed one, are 22 cases.
pub const BLOCK: usize = 10;
/// Commits whose WAL pages are counted, before the timed blocks.
const PAGE_COUNTS: usize = 11;

#[derive(Debug, Clone, Serialize)]
pub struct IntakeMeasurement {
    pub saves: Stats,
    pub bare_insert: Stats,
    /// The same intake committed with `synchronous=OFF`: everything but waiting for the disk.
    pub unflushed: Stats,
    /// WAL pages one commit writes: every B-tree page the save touches, plus the commit record.
    pub saves_wal_pages: u64,
    pub bare_insert_wal_pages: u64,
    /// The idle upkeep (search-index merge step and WAL checkpoint), run between saves.
    pub upkeep: Stats,
    /// The upkeep's first step, timed alone: indexing the cases saved since the last upkeep.
    pub indexing: Stats,
    /// Cases each indexing step added (the durable and the unflushed saves since the last one).
    pub indexed_per_run: u64,
}

pub fn measure(store: &mut Store, path: &Path, seed: u64, now: DateTime<Utc>) -> Result<IntakeMeasurement, StoreError> {
    let mut baseline = Connection::open(path)?;
    baseline.pragma_update(None, "synchronous", "FULL")?;
    // Checkpoints are left to the upkeep on both connections, so neither save pays for one.
    baseline.pragma_update(None, "wal_autocheckpoint", 0)?;
    let payload = "x".repeat(300);
    let mut rng = Rng::new(seed ^ 0x1A7A);
    let agent = Actor::agent("Aino Agentti");
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let wal_pages = |baseline: &Connection| -> Result<u64, StoreError> {
        let bytes = std::fs::metadata(&wal).map(|meta| meta.len()).unwrap_or(0);
        let page: u64 = baseline.query_row("PRAGMA page_size", [], |row| row.get(0))?;
        // A WAL file is a 32-byte header, then frames of a 24-byte header and one page.
        Ok(bytes.saturating_sub(32) / (page + 24))
    };
    store.run_idle_upkeep()?;
    // The app's save path: the desk, on its own connection, its clock set to each save's time.
    let clock = Arc::new(FixedClock::new(now));
    let mut desk = Desk::open(path, clock.clone(), agent.person.clone())?;
    let promise = |at: DateTime<Utc>| NewPromise {
        text: "Soitamme takaisin huomenna".into(),
        channel: PromiseChannel::Call,
        due_at: at + Duration::days(1),
        owner: agent.person.clone(),
    };
    let mut number = 0u64;
    let mut next = || {
        number += 1;
        (number, now + Duration::seconds(number as i64))
    };
    let durable = |desk: &mut Desk, rng: &mut Rng, (n, at): (u64, DateTime<Utc>)| {
        clock.set(at);
        let made = promise(at);
        let callback = CallbackPromise { text: made.text, channel: made.channel, due_at: made.due_at, owner: None };
        let intake = CaseIntake { case: corpus::intake(rng, 1_000_000 + n, 2026), callback: Some(callback) };
        desk.create_case(intake).map(|_| ())
    };
    let unflushed_save = |store: &mut Store, rng: &mut Rng, (n, at): (u64, DateTime<Utc>)| {
        let intake = corpus::intake(rng, 2_000_000 + n, 2026).validate()?;
        store.bulk_batch(|batch| {
            let case_id = batch.create_case(intake, &agent, at)?;
            batch.make_promise(case_id, promise(at), &agent, at).map(|_| ())
        })
    };
    let bare_insert = |baseline: &mut Connection, at: DateTime<Utc>| -> Result<(), StoreError> {
        let tx = baseline.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO bench_baseline (at, payload) VALUES (?1, ?2)",
            params![at.timestamp_millis(), payload],
        )?;
        tx.commit()?;
        Ok(())
    };

    // Pages per commit, with the WAL emptied before each (the median, in case a merge now and
    // then writes more). Not timed.
    let (mut save_pages, mut bare_pages) = (Vec::new(), Vec::new());
    for _ in 0..PAGE_COUNTS {
        baseline.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        durable(&mut desk, &mut rng, next())?;
        save_pages.push(wal_pages(&baseline)?);
        baseline.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        bare_insert(&mut baseline, next().1)?;
        bare_pages.push(wal_pages(&baseline)?);
    }

    let (mut saves, mut bare, mut unflushed, mut upkeep) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut indexing, mut indexed_per_run) = (Vec::new(), 0);
    for block in 0..(WARM_UP + SAVES) / BLOCK {
        let timed = block * BLOCK >= WARM_UP;
        // A commit on one connection empties the other's page cache (SQLite drops it when
        // another connection has written), so each kind runs in a block of its own, after one
        // save that is not timed. In the app no other connection writes between saves.
        durable(&mut desk, &mut rng, next())?;
        for _ in 0..BLOCK {
            let (ms, ()) = time(|| durable(&mut desk, &mut rng, next()))?;
            if timed {
                saves.push(ms);
            }
        }
        bare_insert(&mut baseline, next().1)?;
        for _ in 0..BLOCK {
            let at = next().1;
            let (ms, ()) = time(|| bare_insert(&mut baseline, at))?;
            if timed {
                bare.push(ms);
            }
        }
        unflushed_save(store, &mut rng, next())?;
        for _ in 0..BLOCK {
            let (ms, ()) = time(|| unflushed_save(store, &mut rng, next()))?;
            if timed {
                unflushed.push(ms);
            }
        }
        // The desk pauses: the app's idle upkeep, timed apart from the saves.
        let (indexing_ms, indexed) = time(|| store.index_new_cases())?;
        indexing.push(indexing_ms);
        indexed_per_run = indexed;
        upkeep.push(time(|| store.run_idle_upkeep())?.0);
    }
    store.run_idle_upkeep()?;
    let median = |mut pages: Vec<u64>| {
        pages.sort_unstable();
        pages.get(pages.len() / 2).copied().unwrap_or(0)
    };
    Ok(IntakeMeasurement {
        saves: Stats::of(saves),
        bare_insert: Stats::of(bare),
        unflushed: Stats::of(unflushed),
        saves_wal_pages: median(save_pages),
        bare_insert_wal_pages: median(bare_pages),
        upkeep: Stats::of(upkeep),
        indexing: Stats::of(indexing),
        indexed_per_run,
    })
}
