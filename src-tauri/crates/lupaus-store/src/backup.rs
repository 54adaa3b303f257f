//! Backups, their rotation, and restore.
//!
//! A backup is made with SQLite's online backup API from the open connection, so it is a
//! consistent snapshot even while the app keeps writing. It is written beside its final name,
//! synced, renamed into place, and verified (opened read-only: SQLite header, our
//! `application_id`, a schema version this build knows, `PRAGMA integrity_check`). A backup that
//! does not verify is deleted and the call fails.
//!
//! Scheduled backups live in `<data dir>/backups/` named `lupaus-YYYY-MM-DD-HHMMSS.db` in the
//! desk's local time. Rotation keeps the newest backup of each of the 7 most recent days that have
//! one, plus the newest of each of the 4 most recent ISO weeks (the two overlap, as with restic's
//! `--keep-daily 7 --keep-weekly 4`, so about a month is covered); counting days that have a backup
//! (not calendar days) means a PC that was off for a month still keeps its last good backups.
//! Files with other names are never touched.
//!
//! Restore refuses anything that does not verify, keeps what it replaces as
//! `lupaus.db.before-restore-<UTC time>`, and copies the backup in with the backup API, which
//! replaces the live file's content in one transaction (WAL-aware, so no stale `-wal` can be
//! replayed over the restored data).

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::db::APPLICATION_ID;
use crate::{SCHEMA_VERSION, Store, StoreError};

/// The folder under the data directory that holds scheduled backups.
pub const BACKUP_DIR_NAME: &str = "backups";
/// How many days (that have a backup) keep their newest backup.
pub const KEEP_DAILY: usize = 7;
/// How many ISO weeks (that have a backup) keep their newest backup.
pub const KEEP_WEEKLY: usize = 4;

const NAME_PREFIX: &str = "lupaus-";
const NAME_SUFFIX: &str = ".db";
const NAME_TIME_FORMAT: &str = "%Y-%m-%d-%H%M%S";
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What verifying one backup file found.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupCheck {
    pub path: String,
    /// Readable, ours, a schema this build knows, and SQLite's integrity check says ok.
    pub verified: bool,
    /// Why it is not verified, as a sentence.
    pub problem: Option<String>,
    /// When it was taken (the desk's local time), from a scheduled backup's name.
    pub taken_local: Option<NaiveDateTime>,
    #[ts(type = "number")]
    pub size_bytes: u64,
    pub schema_version: Option<i64>,
    pub cases: Option<i64>,
}

/// What [`restore`] did.
#[derive(Debug, Clone, Serialize)]
pub struct RestoreReport {
    pub restored_from: String,
    pub database: String,
    /// The copy of what was replaced, if there was a database before.
    pub previous_kept_as: Option<String>,
    pub cases: i64,
    pub schema_version: i64,
}

/// `backups/` beside the database file: the data directory's backup folder.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or_else(|| Path::new(".")).join(BACKUP_DIR_NAME)
}

impl Store {
    /// Writes a verified backup of this database to `dest` (replacing a file already there).
    pub fn backup_to(&self, dest: &Path) -> Result<BackupCheck, StoreError> {
        if same_file(dest, self.path()) {
            return Err(StoreError::BackupInvalid {
                path: dest.to_path_buf(),
                reason: "it is the database itself; a backup must go to another file.".into(),
            });
        }
        if let Some(parent) = dest.parent().filter(|parent| !parent.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let partial = sibling(dest, ".partial");
        let _ = std::fs::remove_file(&partial);
        let copied = copy_database(&self.conn, &partial).and_then(|()| {
            std::fs::File::open(&partial)?.sync_all()?;
            std::fs::rename(&partial, dest)?;
            sync_dir(dest);
            Ok(())
        });
        if let Err(error) = copied {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
        let check = verify(dest);
        if !check.verified {
            let _ = std::fs::remove_file(dest);
            return Err(StoreError::BackupInvalid {
                path: dest.to_path_buf(),
                reason: check.problem.unwrap_or_else(|| "it did not verify.".into()),
            });
        }
        tracing::info!(path = %dest.display(), "backup written and verified");
        Ok(check)
    }

    /// A backup into `dir` named by the desk's local time, then rotation of that folder.
    pub fn backup_into(&self, dir: &Path, now: DateTime<Utc>) -> Result<BackupCheck, StoreError> {
        let zone = self.desk_settings()?.calendar.zone();
        let local = now.with_timezone(&zone).naive_local();
        let dest = dir.join(format!("{NAME_PREFIX}{}{NAME_SUFFIX}", local.format(NAME_TIME_FORMAT)));
        let check = self.backup_to(&dest)?;
        rotate(dir)?;
        Ok(check)
    }
}

/// The app's daily backup: at most one per local day in `<data_dir>/backups/`, then rotation.
/// Returns the new backup's path, or `None` when today's backup already exists. Call it at start
/// and once a day; it is cheap when there is nothing to do.
pub fn run_scheduled(store: &Store, data_dir: &Path, now: DateTime<Utc>) -> Result<Option<PathBuf>, StoreError> {
    let dir = data_dir.join(BACKUP_DIR_NAME);
    let zone = store.desk_settings()?.calendar.zone();
    let today = now.with_timezone(&zone).date_naive();
    if scheduled_backups(&dir)?.iter().any(|(taken, _)| taken.date() == today) {
        return Ok(None);
    }
    let check = store.backup_into(&dir, now)?;
    Ok(Some(PathBuf::from(check.path)))
}

/// Verifies one file as a Lupaus backup. Never fails: what is wrong is in `problem`.
pub fn verify(path: &Path) -> BackupCheck {
    let size_bytes = std::fs::metadata(path).map(|meta| meta.len()).unwrap_or(0);
    let taken_local = path.file_name().and_then(|name| name.to_str()).and_then(parse_name);
    let (verified, problem, schema_version, cases) = match inspect(path) {
        Ok((schema, cases)) => (true, None, Some(schema), Some(cases)),
        Err(problem) => (false, Some(problem), None, None),
    };
    BackupCheck { path: path.display().to_string(), verified, problem, taken_local, size_bytes, schema_version, cases }
}

/// The scheduled backups in `dir`, newest first, each verified.
pub fn list(dir: &Path) -> Result<Vec<BackupCheck>, StoreError> {
    Ok(scheduled_backups(dir)?.iter().rev().map(|(_, path)| verify(path)).collect())
}

/// Deletes the scheduled backups the policy no longer keeps; returns what it deleted.
pub fn rotate(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let backups = scheduled_backups(dir)?;
    let keep = kept(&backups.iter().map(|(taken, _)| *taken).collect::<Vec<_>>());
    let mut removed = Vec::new();
    for (taken, path) in backups {
        if !keep.contains(&taken) {
            std::fs::remove_file(&path)?;
            tracing::info!(path = %path.display(), "old backup rotated out");
            removed.push(path);
        }
    }
    Ok(removed)
}

/// Which backup times the policy keeps: the newest of each of the last [`KEEP_DAILY`] days and of
/// each of the last [`KEEP_WEEKLY`] ISO weeks (days and weeks that have a backup).
fn kept(taken: &[NaiveDateTime]) -> BTreeSet<NaiveDateTime> {
    let mut newest_first = taken.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    let mut keep = BTreeSet::new();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for time in newest_first {
        let day = time.date();
        if !days.contains(&day) && days.len() < KEEP_DAILY {
            days.push(day);
            keep.insert(time);
        }
        let week = day.iso_week();
        let week = (week.year(), week.week());
        if !weeks.contains(&week) && weeks.len() < KEEP_WEEKLY {
            weeks.push(week);
            keep.insert(time);
        }
    }
    keep
}

/// Replaces the database at `db_path` with `backup`, after verifying the backup. What it replaces
/// is kept beside it as `<name>.before-restore-<UTC time>`. Call it with the database closed in
/// this process (the CLI does it before opening the store).
pub fn restore(backup: &Path, db_path: &Path, now: DateTime<Utc>) -> Result<RestoreReport, StoreError> {
    let check = verify(backup);
    if !check.verified {
        return Err(StoreError::BackupInvalid {
            path: backup.to_path_buf(),
            reason: check.problem.unwrap_or_else(|| "it did not verify.".into()),
        });
    }
    if same_file(backup, db_path) {
        return Err(StoreError::BackupInvalid {
            path: backup.to_path_buf(),
            reason: "it is the database itself.".into(),
        });
    }
    if let Some(parent) = db_path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let source = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let kept_as = sibling(db_path, &format!(".before-restore-{}", now.format("%Y%m%dT%H%M%SZ")));
    let previous_kept_as = if db_path.exists() {
        match open_live(db_path) {
            Ok(Some(mut live)) => {
                copy_database(&live, &kept_as)?;
                copy_into(&source, &mut live)?;
                Some(kept_as)
            }
            Ok(None) => {
                return Err(StoreError::NotLupausDatabase { path: db_path.to_path_buf() });
            }
            Err(_) => {
                // Unreadable: move it and its WAL aside untouched, so nothing of it is lost.
                std::fs::rename(db_path, &kept_as)?;
                for suffix in ["-wal", "-shm"] {
                    let from = sibling(db_path, suffix);
                    if from.exists() {
                        std::fs::rename(&from, sibling(&kept_as, suffix))?;
                    }
                }
                let mut live = Connection::open(db_path)?;
                copy_into(&source, &mut live)?;
                Some(kept_as)
            }
        }
    } else {
        let mut live = Connection::open(db_path)?;
        copy_into(&source, &mut live)?;
        None
    };
    drop(source);
    // Open it the way the app does (migrating an older backup) and prove it is whole.
    let store = Store::open(db_path)?;
    let audit = store.audit(0)?;
    if !audit.is_ok() {
        return Err(StoreError::Corrupt(format!("the restored database does not check ok: {audit:?}")));
    }
    let report = store.check()?;
    tracing::info!(from = %backup.display(), "database restored");
    Ok(RestoreReport {
        restored_from: backup.display().to_string(),
        database: db_path.display().to_string(),
        previous_kept_as: previous_kept_as.map(|path| path.display().to_string()),
        cases: report.cases,
        schema_version: report.schema_version,
    })
}

/// Opens the live database for restore: `Ok(None)` if it is someone else's SQLite file, `Err`
/// if it cannot be read at all.
fn open_live(db_path: &Path) -> Result<Option<Connection>, StoreError> {
    let conn = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let objects: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_schema", [], |row| row.get(0))?;
    let quick: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if quick != "ok" {
        return Err(StoreError::Corrupt(quick));
    }
    Ok((application_id == APPLICATION_ID || objects == 0).then_some(conn))
}

/// Copies the whole database `from` into a new single file at `dest` (rollback journal, no WAL
/// beside it), in one step so the copy is one consistent snapshot.
fn copy_database(from: &Connection, dest: &Path) -> Result<(), StoreError> {
    let mut target = Connection::open(dest)?;
    copy_into(from, &mut target)?;
    target.pragma_update(None, "journal_mode", "DELETE")?;
    target.close().map_err(|(_, error)| StoreError::from(error))?;
    Ok(())
}

/// The backup API: `to` ends up a page-for-page copy of `from`, replaced in one transaction.
fn copy_into(from: &Connection, to: &mut Connection) -> Result<(), StoreError> {
    use rusqlite::backup::StepResult;
    let backup = Backup::new(from, to)?;
    // -1: all pages in one step, so the copy is one snapshot even if another process writes.
    for _ in 0..100 {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked => std::thread::sleep(Duration::from_millis(50)),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    Err(StoreError::Busy)
}

/// Opens `path` read-only and checks that it is a whole Lupaus database this build can open.
fn inspect(path: &Path) -> Result<(i64, i64), String> {
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|error| format!("it cannot be read ({error})."))?;
    file.read_exact(&mut header).map_err(|_| "it is not a SQLite database file.".to_owned())?;
    if &header != SQLITE_HEADER {
        return Err("it is not a SQLite database file.".into());
    }
    let sql_error = |error: rusqlite::Error| format!("SQLite cannot read it ({error}).");
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sql_error)?;
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0)).map_err(sql_error)?;
    if application_id != APPLICATION_ID {
        return Err("it is not a Lupaus database (another program's SQLite file).".into());
    }
    let schema: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(sql_error)?;
    if schema > SCHEMA_VERSION {
        return Err(format!(
            "it was written by a newer Lupaus (schema version {schema}; this version knows up to {SCHEMA_VERSION})."
        ));
    }
    if schema < 1 {
        return Err("it holds no Lupaus schema.".into());
    }
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).map_err(sql_error)?;
    if integrity != "ok" {
        return Err(format!("SQLite's integrity check fails: {integrity}."));
    }
    let cases: i64 = conn.query_row("SELECT COUNT(*) FROM cases", [], |row| row.get(0)).map_err(sql_error)?;
    Ok((schema, cases))
}

/// Scheduled backups in `dir` (by name), oldest first. A missing folder has none.
fn scheduled_backups(dir: &Path) -> Result<Vec<(NaiveDateTime, PathBuf)>, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error.into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        if let Some(taken) = entry.file_name().to_str().and_then(parse_name)
            && entry.file_type()?.is_file()
        {
            found.push((taken, entry.path()));
        }
    }
    found.sort();
    Ok(found)
}

fn parse_name(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(NAME_PREFIX)?.strip_suffix(NAME_SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, NAME_TIME_FORMAT).ok()
}

/// `path` with `suffix` appended to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|name| name.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Makes a rename durable: sync the folder that holds it (best effort; not every OS allows it).
fn sync_dir(path: &Path) {
    if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty())
        && let Ok(dir) = std::fs::File::open(parent)
    {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("time")
    }

    #[test]
    fn rotation_keeps_seven_days_and_four_weeks() {
        // One backup a day (two on the newest day) for 60 days, ending Monday 2026-11-23.
        let mut taken: Vec<NaiveDateTime> =
            (0..60).map(|back| at("2026-11-23 09:00") - chrono::TimeDelta::days(back)).collect();
        taken.push(at("2026-11-23 15:00"));
        let keep = kept(&taken);
        let days: BTreeSet<_> = keep.iter().map(|time| time.date()).collect();
        // The newest 7 days (17.–23.11.) plus the newest of the ISO weeks before them (Sundays).
        let expected: BTreeSet<_> =
            ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]
                .iter()
                .chain(["2026-11-15", "2026-11-08"].iter())
                .map(|day| day.parse().expect("date"))
                .collect();
        assert_eq!(days, expected);
        assert!(keep.contains(&at("2026-11-23 15:00")) && !keep.contains(&at("2026-11-23 09:00")), "newest of a day");
    }

    #[test]
    fn a_long_pause_keeps_the_last_backups() {
        let taken = vec![at("2026-01-05 09:00"), at("2026-01-06 09:00"), at("2026-11-23 09:00")];
        assert_eq!(kept(&taken).len(), 3);
    }

    #[test]
    fn only_scheduled_names_are_recognised() {
        assert_eq!(parse_name("lupaus-2026-11-23-090000.db"), Some(at("2026-11-23 09:00")));
        assert_eq!(parse_name("lupaus.db"), None);
        assert_eq!(parse_name("lupaus-2026-11-23-090000.db.partial"), None);
        assert_eq!(parse_name("notes-2026-11-23-090000.db"), None);
    }
}
