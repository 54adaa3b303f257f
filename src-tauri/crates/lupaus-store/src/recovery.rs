//! Start-up checks and recovery from a database that cannot be used.
//!
//! At open, [`open_checked`] looks at the file read-only before [`Store::open`] may write to it:
//! the SQLite header (page size, a length that is whole pages), our `application_id`, a schema
//! version this build knows, every table this build expects, and SQLite's `quick_check` when the
//! file is small enough to check within the start-up budget ([`CHECK_AT_OPEN_MAX_BYTES`]). A
//! bigger file gets the same `quick_check` from [`quick_check_file`] on its own read-only
//! connection after the window is up, so a 7 GB desk still starts in well under a second and the
//! desk keeps working while it runs.
//!
//! Restoring one of the backups listed here is [`crate::backup::restore`], the one restore the app
//! and the command line share: it never modifies the file it replaces.

use std::io::Read;
use std::path::Path;

use chrono::NaiveDateTime;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::backup::{self, backups_dir};
use crate::db::APPLICATION_ID;
use crate::{SCHEMA_VERSION, Store, StoreError};

/// Files up to this size get SQLite's `quick_check` before the window opens. It reads every page
/// once; at the roughly 1 GB/s a desk PC's SSD and page cache give it, 64 MiB is about 60 ms of a
/// cold start that must stay under a second. Bigger files are checked in the background.
pub const CHECK_AT_OPEN_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How many of SQLite's problem lines a report names; the first few say enough.
const PROBLEMS_NAMED: usize = 3;
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How far [`structural_check`] looked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckedAtOpen {
    /// No file yet, or an empty one: `Store::open` creates the schema.
    NewFile,
    /// The header, ownership, schema and SQLite's `quick_check`: nothing is left to check.
    Whole,
    /// The header, ownership and schema only; [`quick_check_file`] should run in the background.
    StructureOnly,
}

/// The checks at open, then [`Store::open`]. Returns the store and whether a background
/// `quick_check` is still owed.
pub fn open_checked(path: &Path) -> Result<(Store, CheckedAtOpen), StoreError> {
    let checked = structural_check(path)?;
    Ok((Store::open(path)?, checked))
}

/// Whether a failure to open means the file itself is unusable (damaged, someone else's, or from
/// a newer Lupaus), so the person should be offered a backup rather than a retry.
pub fn needs_recovery(error: &StoreError) -> bool {
    matches!(error, StoreError::Corrupt(_) | StoreError::NotLupausDatabase { .. } | StoreError::DatabaseTooNew { .. })
}

/// Read-only checks of the file at `path`, cheap enough for every start. Never writes to it.
pub fn structural_check(path: &Path) -> Result<CheckedAtOpen, StoreError> {
    let size = match std::fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(CheckedAtOpen::NewFile),
        Err(error) => return Err(error.into()),
    };
    if size == 0 {
        return Ok(CheckedAtOpen::NewFile);
    }
    check_header(path, size)?;
    let conn = open_read_only(path)?;
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let schema: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if application_id != APPLICATION_ID {
        let objects: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_schema", [], |row| row.get(0))?;
        if application_id == 0 && schema == 0 && objects == 0 {
            return Ok(CheckedAtOpen::NewFile);
        }
        return Err(StoreError::NotLupausDatabase { path: path.to_path_buf() });
    }
    if schema > SCHEMA_VERSION {
        return Err(StoreError::DatabaseTooNew { path: path.to_path_buf(), found: schema, supported: SCHEMA_VERSION });
    }
    if schema == SCHEMA_VERSION {
        check_tables(&conn)?;
    }
    if size > CHECK_AT_OPEN_MAX_BYTES {
        return Ok(CheckedAtOpen::StructureOnly);
    }
    quick_check(&conn)?;
    Ok(CheckedAtOpen::Whole)
}

/// SQLite's `quick_check` of the whole file on its own read-only connection, so it can run in
/// the background while the desk keeps using the store. `Corrupt` names what SQLite found.
pub fn quick_check_file(path: &Path) -> Result<(), StoreError> {
    quick_check(&open_read_only(path)?)
}

/// The header must be SQLite's, its page size one SQLite can write, and the file whole pages: a
/// file cut short or overwritten at the start fails here without reading further.
fn check_header(path: &Path, size: u64) -> Result<(), StoreError> {
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path)?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
    }
    if read < SQLITE_HEADER.len() || &header[..16] != SQLITE_HEADER {
        return Err(StoreError::NotLupausDatabase { path: path.to_path_buf() });
    }
    if read < header.len() {
        return Err(StoreError::Corrupt("the file is cut short inside its header".into()));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    if !page_size.is_power_of_two() || !(512..=65_536).contains(&page_size) {
        return Err(StoreError::Corrupt("its header names an impossible page size".into()));
    }
    if !size.is_multiple_of(page_size) {
        return Err(StoreError::Corrupt(format!("its length ({size} bytes) is not a whole number of pages")));
    }
    Ok(())
}

/// Every table a database of this schema version has must be there; it costs one read of the
/// schema table. The expected names come from an in-memory database migrated by this build.
fn check_tables(conn: &Connection) -> Result<(), StoreError> {
    let expected = Store::open_in_memory()?;
    let tables = |conn: &Connection| -> Result<Vec<String>, StoreError> {
        let mut statement = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?;
        let names = statement.query_map([], |row| row.get(0))?.collect::<Result<Vec<String>, _>>()?;
        Ok(names)
    };
    let present = tables(conn)?;
    let missing: Vec<String> = tables(&expected.conn)?.into_iter().filter(|name| !present.contains(name)).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Corrupt(format!("tables are missing from it: {}", missing.join(", "))))
    }
}

fn quick_check(conn: &Connection) -> Result<(), StoreError> {
    let mut statement = conn.prepare("PRAGMA quick_check")?;
    let lines = statement.query_map([], |row| row.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
    if lines.len() == 1 && lines[0] == "ok" {
        return Ok(());
    }
    let named: Vec<&str> = lines.iter().take(PROBLEMS_NAMED).map(String::as_str).collect();
    Err(StoreError::Corrupt(format!("SQLite's check found damage ({})", named.join("; "))))
}

fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

impl Store {
    /// Closes the store without the checkpoint SQLite runs when the last connection closes, so a
    /// damaged file and its `-wal` stay exactly as they were, to be set aside together.
    pub fn close_untouched(self) -> Result<(), StoreError> {
        self.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        self.conn.close().map_err(|(_, error)| StoreError::from(error))
    }
}

/// One backup as the recovery screen lists it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RecoveryBackup {
    pub path: String,
    /// When it was taken, in the desk's local time (from its name).
    pub taken_local: NaiveDateTime,
    #[ts(type = "number")]
    pub size_bytes: u64,
    pub schema_version: Option<i64>,
    /// Counted only for files small enough to count quickly.
    pub cases: Option<i64>,
    /// A Lupaus database this build can open. Every backup was fully verified when it was written,
    /// and a restore verifies the chosen one again before it replaces anything.
    pub usable: bool,
    /// Why it cannot be used, as a sentence.
    pub problem: Option<String>,
}

/// The scheduled backups beside the database at `db_path`, newest first, each looked at cheaply
/// (header, ownership, schema version): listing a month of 7 GB backups must not take minutes.
pub fn backups_for(db_path: &Path) -> Result<Vec<RecoveryBackup>, StoreError> {
    let newest_first = backup::scheduled_backups(&backups_dir(db_path))?.into_iter().rev();
    Ok(newest_first.map(|(taken_local, path)| look_at_backup(&path, taken_local)).collect())
}

fn look_at_backup(path: &Path, taken_local: NaiveDateTime) -> RecoveryBackup {
    let size_bytes = std::fs::metadata(path).map(|meta| meta.len()).unwrap_or(0);
    let looked = (|| -> Result<(i64, Option<i64>), String> {
        check_header(path, size_bytes).map_err(|error| error.to_string())?;
        let conn = open_read_only(path).map_err(|error| error.to_string())?;
        let read = |sql: &str| conn.query_row(sql, [], |row| row.get::<_, i64>(0)).map_err(|error| error.to_string());
        if read("PRAGMA application_id")? != APPLICATION_ID {
            return Err("It is not a Lupaus database.".into());
        }
        let schema = read("PRAGMA user_version")?;
        if !(1..=SCHEMA_VERSION).contains(&schema) {
            return Err(format!("Its schema version {schema} is not one this Lupaus can open."));
        }
        let cases = (size_bytes <= CHECK_AT_OPEN_MAX_BYTES).then(|| read("SELECT COUNT(*) FROM cases")).transpose()?;
        Ok((schema, cases))
    })();
    let (usable, problem, schema_version, cases) = match looked {
        Ok((schema, cases)) => (true, None, Some(schema), cases),
        Err(problem) => (false, Some(problem), None, None),
    };
    RecoveryBackup { path: path.display().to_string(), taken_local, size_bytes, schema_version, cases, usable, problem }
}
