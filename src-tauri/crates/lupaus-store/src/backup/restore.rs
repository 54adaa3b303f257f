//! Restore: a verified backup replaces the live database, and what it replaces is kept beside it.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use super::files::{copy_database, copy_into, same_file, sibling};
use super::{RestoreReport, verify};
use crate::db::APPLICATION_ID;
use crate::{Store, StoreError};

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
