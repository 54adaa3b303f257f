//! Upkeep that must not land on a save: indexing the cases saved since the last run for search
//! (search.rs), copying the WAL into the database file (a checkpoint) and merging the search
//! index's segments. Left to SQLite, both run inside whichever save
//! crosses a threshold; on a million cases about one save in 34 paid 20–70 ms for them (issue 8).
//! The app calls [`Store::run_idle_upkeep`] when the desk is idle instead.
//!
//! Durability is unchanged: a save is still one `BEGIN IMMEDIATE` transaction committed to the
//! WAL with `synchronous=FULL`. A checkpoint only copies pages the WAL already holds durably, and
//! a merge is a transaction of its own.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use serde::Serialize;

use crate::{Store, StoreError};

/// If the idle upkeep never runs (a command-line import, a desk that never pauses), SQLite still
/// checkpoints inside the save that takes the WAL past this many pages (about 40 MiB): now and
/// then one slow save, never a WAL that grows without bound. The upkeep runs long before that.
const BACKSTOP_CHECKPOINT_PAGES: i64 = 10_000;
/// A WAL file larger than this is truncated once it has been checkpointed; otherwise SQLite
/// reuses it from the start and it keeps its largest size on disk.
const WAL_KEEP_BYTES: i64 = 16 * 1024 * 1024;
/// Search-index pages one upkeep merges at most, so it never holds the store for long.
const MERGE_PAGES_PER_UPKEEP: i64 = 500;

/// What one run of the idle upkeep did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Upkeep {
    /// Cases saved since the last run, now added to the search index.
    pub indexed_cases: u64,
    /// The search index merged some of its segments; more may be left for the next run.
    pub merged_search_segments: bool,
    /// Pages in the WAL when the checkpoint ran, and how many of them it copied into the file.
    pub wal_pages: i64,
    pub checkpointed_pages: i64,
    /// The WAL file had grown past its limit and was cut back to nothing.
    pub wal_truncated: bool,
}

impl Upkeep {
    /// Worth running again soon: the merge has more to do or a reader held the checkpoint back.
    pub fn more_to_do(&self) -> bool {
        self.merged_search_segments || self.checkpointed_pages < self.wal_pages
    }
}

impl Store {
    /// Saves committed since the idle upkeep last ran: the app runs the upkeep once saves have
    /// paused, or after many of them.
    pub fn writes_since_upkeep(&self) -> u64 {
        self.writes_since_upkeep
    }

    /// Indexes the cases saved since the last run, merges a bounded step of the search index, checkpoints the WAL into the database file
    /// (truncating it when it has grown large) and refreshes the query planner's statistics.
    /// Meant for when nobody is saving: it holds the store for a few milliseconds, up to about
    /// 150 ms while the search index has merging left (measured on a freshly generated million-case
    /// index, where every merge step does its full 500 pages).
    pub fn run_idle_upkeep(&mut self) -> Result<Upkeep, StoreError> {
        let indexed_cases = self.index_new_cases()?;
        let merged_search_segments = self.merge_search_segments()?;
        let (wal_pages, checkpointed_pages) = checkpoint(&self.conn, "PASSIVE")?;
        let mut wal_truncated = false;
        if checkpointed_pages == wal_pages && self.wal_file_bytes() > WAL_KEEP_BYTES as u64 {
            let (left, _) = checkpoint(&self.conn, "TRUNCATE")?;
            wal_truncated = left == 0;
        }
        refresh_planner_statistics(&self.conn);
        self.writes_since_upkeep = 0;
        Ok(Upkeep { indexed_cases, merged_search_segments, wal_pages, checkpointed_pages, wal_truncated })
    }

    /// One FTS5 `merge` step in a transaction of its own. FTS5 runs it only when a level of the
    /// index holds enough segments to be worth merging; the rows it writes tell whether it did.
    fn merge_search_segments(&mut self) -> Result<bool, StoreError> {
        let before = self.conn.total_changes();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("INSERT INTO case_search (case_search, rank) VALUES ('merge', ?1)", [MERGE_PAGES_PER_UPKEEP])?;
        tx.commit()?;
        // The command itself counts as one change; any row FTS5 wrote on top is merge work.
        Ok(self.conn.total_changes() > before + 1)
    }

    /// Copies what the WAL holds into the database file, on the store's own connection, so the
    /// next write starts the WAL over from its beginning. Quick after [`checkpoint_beside`] has
    /// copied the bulk: only the pages written since are left. Returns the WAL's pages and how
    /// many are now copied.
    pub fn checkpoint_wal(&self) -> Result<(i64, i64), StoreError> {
        checkpoint(&self.conn, "PASSIVE")
    }

    fn wal_file_bytes(&self) -> u64 {
        let wal = format!("{}-wal", self.path().display());
        std::fs::metadata(wal).map(|meta| meta.len()).unwrap_or(0)
    }
}

/// Copies the WAL of the database at `path` into the file from a connection of its own, so the
/// desk's connection (and a person's save on it) carries on meanwhile: a passive checkpoint
/// waits for no writer. A desk applying a long pull calls it now and then; otherwise SQLite's
/// backstop checkpoint would run inside whichever commit passed it, a save's or a pulled part's,
/// while the desk is held (`bench --only team`: one 20–30 ms part per 22,000 pulled events).
/// Returns the WAL's pages and how many were copied.
pub fn checkpoint_beside(path: &Path) -> Result<(i64, i64), StoreError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(std::time::Duration::from_secs(1))?;
    checkpoint(&conn, "PASSIVE")
}

/// Makes the WAL of the database at `path` durable from outside the desk. A pulled part commits
/// without waiting for the disk; flushed here, off the desk's lock, its pages are no longer in
/// the next save's own flush, which then carries only that save's pages.
pub fn flush_wal_beside(path: &Path) -> Result<(), StoreError> {
    let wal = format!("{}-wal", path.display());
    // Write access: Windows flushes no file opened read-only. SQLite holds no lock on this file.
    match std::fs::OpenOptions::new().write(true).open(wal) {
        Ok(file) => Ok(file.sync_data()?),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error.into()),
    }
}

/// Moves checkpoints off the save path: see [`BACKSTOP_CHECKPOINT_PAGES`] and [`WAL_KEEP_BYTES`].
pub(crate) fn keep_checkpoints_off_saves(conn: &Connection) -> Result<(), StoreError> {
    conn.pragma_update(None, "wal_autocheckpoint", BACKSTOP_CHECKPOINT_PAGES)?;
    conn.pragma_update(None, "journal_size_limit", WAL_KEEP_BYTES)?;
    Ok(())
}

/// `PRAGMA optimize`: analyses the tables whose statistics have gone stale (or were never
/// gathered), reading at most a few hundred rows of each index. Only the query plans depend on
/// it, so a failure (a full disk, say) is logged and the store carries on.
pub(crate) fn refresh_planner_statistics(conn: &Connection) {
    if let Err(error) = conn.execute_batch("PRAGMA analysis_limit = 400; PRAGMA optimize = 0x10002;") {
        tracing::warn!(%error, "could not refresh the query planner's statistics");
    }
}

/// Runs `PRAGMA wal_checkpoint(mode)`; returns the WAL's pages and how many were copied. Outside
/// WAL mode (an in-memory store) both are -1, reported as 0.
fn checkpoint(conn: &Connection, mode: &str) -> Result<(i64, i64), StoreError> {
    let (busy, log, copied): (i64, i64, i64) =
        conn.query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?;
    if busy != 0 {
        tracing::debug!(mode, "checkpoint held back by a reader; the next upkeep finishes it");
    }
    Ok((log.max(0), copied.max(0)))
}
