//! Backups, their rotation, and restore.
//!
//! A backup is made with SQLite's online backup API from the open connection, so it is a
//! consistent snapshot even while the app keeps writing. It is written beside its final name,
//! synced, renamed into place, and verified (opened read-only: SQLite header, our
//! `application_id`, a schema version this build knows, `PRAGMA integrity_check`). A backup that
//! does not verify is deleted and the call fails. Before copying, the disk must have room for
//! every page plus 64 MiB for the desk's own saves (room.rs), or nothing is written.
//!
//! Scheduled backups live in `<data dir>/backups/` named `lupaus-<tag>-YYYY-MM-DD-HHMMSS.db` in
//! the desk's local time, where the tag is the end of the database's identity
//! ([`Store::database_id`]): several databases may share a folder, and each one's schedule and
//! rotation see only its own backups. Rotation keeps the newest backup of each of the 7 most recent days that have
//! one, plus the newest of each of the 4 most recent ISO weeks (the two overlap, as with restic's
//! `--keep-daily 7 --keep-weekly 4`, so about a month is covered); counting days that have a backup
//! (not calendar days) means a PC that was off for a month still keeps its last good backups.
//! Files with other names are never touched.
//!
//! The attachment files go into the backup file too (attachments.rs), each checked by its
//! SHA-256 when added and again whenever the backup is verified.
//!
//! Restore (restore.rs) refuses anything that does not verify and sets what it replaces aside
//! untouched.

mod attachments;
mod files;
mod inspect;
mod restore;
mod room;
mod rotation;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;

use self::files::{copy_database, same_file, sibling, sync_dir, sync_file};
use self::rotation::parse_name;
pub(crate) use self::rotation::scheduled_backups;
use crate::{Store, StoreError};

pub use self::restore::{RestoreReport, restore};
pub use self::rotation::rotate;

/// The folder under the data directory that holds scheduled backups.
pub const BACKUP_DIR_NAME: &str = "backups";
/// How many days (that have a backup) keep their newest backup.
pub const KEEP_DAILY: usize = 7;
/// How many ISO weeks (that have a backup) keep their newest backup.
pub const KEEP_WEEKLY: usize = 4;

const NAME_PREFIX: &str = "lupaus-";
const NAME_SUFFIX: &str = ".db";
const NAME_TIME_FORMAT: &str = "%Y-%m-%d-%H%M%S";
/// Hex digits of the database's identity in a backup's name.
const TAG_LEN: usize = 12;

/// The tag a database's backups are named with: the identity's last, random, digits (a UUIDv7
/// starts with its creation time).
pub fn tag_of(database_id: &str) -> &str {
    database_id.get(database_id.len().saturating_sub(TAG_LEN)..).unwrap_or(database_id)
}

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
    /// Attachment files it holds, each verified against its SHA-256.
    pub attachments: Option<i64>,
    /// Attachments its database names but it holds no file for (missing when it was taken, or a
    /// backup from before files were included).
    pub attachments_missing: Option<i64>,
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
        let folder = dest.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
        room::check(&self.conn, folder, attachments::bytes_to_pack(&self.conn)?)?;
        std::fs::create_dir_all(folder)?;
        let partial = sibling(dest, ".partial");
        let _ = std::fs::remove_file(&partial);
        let attachments_dir = self.attachments_dir().ok();
        let copied = copy_database(&self.conn, &partial).and_then(|()| {
            attachments::pack(&partial, attachments_dir.as_deref())?;
            sync_file(&partial)?;
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
        let id = self.database_id()?;
        let tag = tag_of(&id);
        let dest = dir.join(format!("{NAME_PREFIX}{tag}-{}{NAME_SUFFIX}", local.format(NAME_TIME_FORMAT)));
        let check = self.backup_to(&dest)?;
        rotate(dir, tag)?;
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
    let id = store.database_id()?;
    if scheduled_backups(&dir, Some(tag_of(&id)))?.iter().any(|(taken, _)| taken.date() == today) {
        return Ok(None);
    }
    let check = store.backup_into(&dir, now)?;
    Ok(Some(PathBuf::from(check.path)))
}

/// Verifies one file as a Lupaus backup. Never fails: what is wrong is in `problem`.
pub fn verify(path: &Path) -> BackupCheck {
    let size_bytes = std::fs::metadata(path).map(|meta| meta.len()).unwrap_or(0);
    let taken_local = path.file_name().and_then(|name| name.to_str()).and_then(parse_name).map(|(_, taken)| taken);
    let (verified, problem, found) = match inspect::inspect(path) {
        Ok(found) => (true, None, Some(found)),
        Err(problem) => (false, Some(problem.to_string()), None),
    };
    BackupCheck {
        path: path.display().to_string(),
        verified,
        problem,
        taken_local,
        size_bytes,
        schema_version: found.as_ref().map(|found| found.schema_version),
        cases: found.as_ref().map(|found| found.cases),
        attachments: found.as_ref().map(|found| found.attachments.files),
        attachments_missing: found.as_ref().map(|found| found.attachments.missing),
    }
}

/// The scheduled backups of the database `tag` names in `dir`, newest first, each verified.
pub fn list(dir: &Path, tag: &str) -> Result<Vec<BackupCheck>, StoreError> {
    Ok(scheduled_backups(dir, Some(tag))?.iter().rev().map(|(_, path)| verify(path)).collect())
}
