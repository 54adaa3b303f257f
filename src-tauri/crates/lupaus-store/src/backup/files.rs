//! File-level steps shared by backup and restore: the SQLite backup API, and the names and
//! syncs that make a rename safe.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

use crate::StoreError;

/// Copies the whole database `from` into a new single file at `dest` (rollback journal, no WAL
/// beside it), in one step so the copy is one consistent snapshot.
pub(super) fn copy_database(from: &Connection, dest: &Path) -> Result<(), StoreError> {
    let mut target = Connection::open(dest)?;
    copy_into(from, &mut target)?;
    target.pragma_update(None, "journal_mode", "DELETE")?;
    target.close().map_err(|(_, error)| StoreError::from(error))?;
    Ok(())
}

/// The backup API: `to` ends up a page-for-page copy of `from`, replaced in one transaction.
pub(super) fn copy_into(from: &Connection, to: &mut Connection) -> Result<(), StoreError> {
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

/// `path` with `suffix` appended to its file name.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|name| name.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Flushes a file just written to the disk. It is opened for writing because Windows refuses to
/// flush a file opened read-only ("Access denied", os error 5).
pub(crate) fn sync_file(path: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new().write(true).open(path)?.sync_all()
}

/// Makes a rename durable: sync the folder that holds it (best effort; not every OS allows it).
pub(crate) fn sync_dir(path: &Path) {
    if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty())
        && let Ok(dir) = std::fs::File::open(parent)
    {
        let _ = dir.sync_all();
    }
}
