//! Restore, the one the app's recovery screen, its settings and `lupaus-cli restore` share: a
//! verified backup takes the database's place, and what it replaces is kept beside it as
//! `<name>.set-aside-<UTC time>`. How it is kept depends on what it is, looked at read-only first:
//!
//! - A whole Lupaus database this build can open is copied aside with SQLite's backup API (every
//!   committed change, its `-wal` included, in one file), and the backup is copied into it the same
//!   way: one transaction through SQLite's locks, so another Lupaus that has the file open (the app
//!   while a lead restores from the command line) sees the restored data, never a renamed file.
//! - Anything else (damaged, someone else's, from a newer Lupaus, unreadable) is never opened for
//!   writing: it is renamed aside with its `-wal` and `-shm`, byte for byte as it was, and the
//!   backup is copied beside the database, synced and renamed into place; if that fails, the old
//!   file is renamed back, so a failed restore leaves things as they were.
//!
//! The backup's attachment files are written into the attachments folder first (only those it
//! lacks or holds changed; files the restored database does not name are left, since the copy
//! set aside may name them), then the database is replaced and the packed files dropped from it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::files::{copy_database, copy_into, same_file, sibling, sync_dir, sync_file};
use super::{attachments, verify};
use crate::recovery::{self, CheckedAtOpen};
use crate::{Store, StoreError};

const SET_ASIDE_INFIX: &str = ".set-aside-";

/// What [`restore`] did.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RestoreReport {
    pub restored_from: String,
    pub database: String,
    /// Where what was replaced is kept (a copy of a whole database, or the unusable file itself
    /// with its `-wal`, untouched); `None` if there was none.
    pub set_aside_as: Option<String>,
    pub cases: i64,
    /// Attachment files written back from the backup (the folder lacked them or held them changed).
    pub attachments_restored: i64,
    /// Attachments the restored database names whose file neither the folder nor the backup has.
    pub attachments_missing: i64,
}

/// Puts the verified `backup` in place of the database at `db_path` and opens it; what was there is
/// kept beside it (see the module documentation).
pub fn restore(backup: &Path, db_path: &Path, now: DateTime<Utc>) -> Result<(Store, RestoreReport), StoreError> {
    let check = verify(backup);
    if !check.verified {
        let reason = check.problem.unwrap_or_else(|| "it did not verify.".into());
        return Err(StoreError::BackupInvalid { path: backup.to_path_buf(), reason });
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
    let attachments_dir = crate::paths::attachments_dir_of(db_path);
    let (attachments_restored, attachments_missing) = attachments::unpack(backup, &attachments_dir)?;
    let set_aside = if !db_path.exists() {
        copy_into_place(backup, db_path)?;
        None
    } else if is_whole_lupaus_database(db_path) {
        Some(copy_aside_and_replace(backup, db_path, now)?)
    } else {
        let kept = free_aside_name(db_path, now);
        move_with_companions(db_path, &kept)?;
        if let Err(error) = copy_into_place(backup, db_path) {
            move_with_companions(&kept, db_path)?;
            return Err(error);
        }
        Some(kept)
    };
    attachments::drop_packed(db_path)?;
    let store = Store::open(db_path)?;
    let cases: i64 = store.conn.query_row("SELECT COUNT(*) FROM cases", [], |row| row.get(0))?;
    tracing::info!(from = %backup.display(), set_aside = ?set_aside, "database restored");
    let report = RestoreReport {
        restored_from: backup.display().to_string(),
        database: db_path.display().to_string(),
        set_aside_as: set_aside.map(|path| path.display().to_string()),
        cases,
        attachments_restored,
        attachments_missing,
    };
    Ok((store, report))
}

/// Whether `db_path` is a Lupaus database this build can open whole, by read-only checks (the
/// same as at start-up), so nothing is written to a file that is about to be kept aside.
fn is_whole_lupaus_database(db_path: &Path) -> bool {
    match recovery::structural_check(db_path) {
        Ok(CheckedAtOpen::StructureOnly) => recovery::quick_check_file(db_path).is_ok(),
        Ok(_) => true,
        Err(_) => false,
    }
}

/// A whole database: a copy of it aside, then the backup copied into it, both through SQLite.
fn copy_aside_and_replace(backup: &Path, db_path: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let kept = free_aside_name(db_path, now);
    let mut live = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    live.busy_timeout(Duration::from_secs(5))?;
    copy_database(&live, &kept)?;
    let source = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    copy_into(&source, &mut live)?;
    Ok(kept)
}

/// A free `<name>.set-aside-<UTC time>[-n]` beside the database.
fn free_aside_name(db_path: &Path, now: DateTime<Utc>) -> PathBuf {
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut kept = sibling(db_path, &format!("{SET_ASIDE_INFIX}{stamp}"));
    let mut attempt = 1;
    while kept.exists() || sibling(&kept, "-wal").exists() {
        attempt += 1;
        kept = sibling(db_path, &format!("{SET_ASIDE_INFIX}{stamp}-{attempt}"));
    }
    kept
}

/// Renames a database file with its `-wal` and `-shm`: the pair keeps every committed change.
fn move_with_companions(from: &Path, to: &Path) -> Result<(), StoreError> {
    std::fs::rename(from, to)?;
    for suffix in ["-wal", "-shm"] {
        let companion = sibling(from, suffix);
        if companion.exists() {
            std::fs::rename(&companion, sibling(to, suffix))?;
        }
    }
    sync_dir(to);
    Ok(())
}

/// Copies the backup (one self-contained file) beside the database, syncs it and renames it in.
fn copy_into_place(backup: &Path, db_path: &Path) -> Result<(), StoreError> {
    let partial = sibling(db_path, ".restoring");
    let copied = std::fs::copy(backup, &partial)
        .and_then(|_| sync_file(&partial))
        .and_then(|()| std::fs::rename(&partial, db_path));
    if let Err(error) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(error.into());
    }
    sync_dir(db_path);
    Ok(())
}
