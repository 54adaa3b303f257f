//! Opening, checking and migrating the database file.
//!
//! A file is only ever modified once we know it is ours (or empty): a foreign SQLite file or a
//! database from a newer Lupaus is refused before any pragma that writes is run.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use serde::Serialize;

use crate::StoreError;
use crate::migrations::MIGRATIONS;

/// `PRAGMA application_id` of a Lupaus database: "LUPA" in ASCII.
pub(crate) const APPLICATION_ID: i64 = 0x4C55_5041;
/// The schema version this build writes and understands.
/// Reads a database's identity (see [`Store::database_id`]).
pub(crate) const IDENTITY_SQL: &str = "SELECT lower(hex(desk_id)) FROM desk_identity WHERE id = 1";

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// One open Lupaus database. Not `Sync`: callers share it behind a mutex and never hold that
/// mutex across an `.await`.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// Saves committed since the idle upkeep last ran (see maintenance.rs).
    pub(crate) writes_since_upkeep: u64,
    /// Finnish morphology for search: Voikko where installed (search/morphology.rs).
    pub(crate) morphology: crate::search::Morphology,
}

/// What `check` found; the CLI prints it and the app runs it at start.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub path: String,
    pub integrity: String,
    pub schema_version: i64,
    pub supported_schema_version: i64,
    pub cases: i64,
    pub customers: i64,
    pub promises: i64,
    pub events: i64,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity == "ok" && self.schema_version == self.supported_schema_version
    }
}

impl Store {
    /// Opens (or creates) the Lupaus database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        refuse_foreign_header(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        refuse_unknown_schema(&conn, path)?;

        // Only now, knowing the file is ours or empty, run the pragmas that write.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        crate::maintenance::keep_checkpoints_off_saves(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            writes_since_upkeep: 0,
            morphology: crate::search::Morphology::detect(),
        };
        store.migrate()?;
        // Cases saved after the last indexing (the app stopped or crashed before its upkeep) are
        // indexed now. Search finds them meanwhile, so a failure (a full disk) only waits.
        if let Err(error) = store.index_new_cases() {
            tracing::warn!(%error, "could not index the newest cases for search; the upkeep tries again");
        }
        crate::maintenance::refresh_planner_statistics(&store.conn);
        Ok(store)
    }

    /// An in-memory database, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            writes_since_upkeep: 0,
            morphology: crate::search::Morphology::detect(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// This database's identity as 32 hex digits: the desk id team mode gives every database
    /// (`desk_identity`), carried by every backup of it.
    pub fn database_id(&self) -> Result<String, StoreError> {
        Ok(self.conn.query_row(IDENTITY_SQL, [], |row| row.get(0))?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Applies the pending migrations in one transaction: all of them or none.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let current: i64 = self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if current >= SCHEMA_VERSION {
            return self.migrate_checked();
        }
        // A migration may rebuild a table others refer to (SQLite's documented way to change a
        // constraint): foreign keys are off around the transaction and checked before it commits.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let migrated = self.migrate_checked();
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        migrated
    }

    fn migrate_checked(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        self.write(|tx| {
            let current: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
            if current > SCHEMA_VERSION {
                return Err(StoreError::DatabaseTooNew { path, found: current, supported: SCHEMA_VERSION });
            }
            if current == SCHEMA_VERSION {
                // Up to date: write nothing, so a database on a full disk still opens to be read.
                return Ok(());
            }
            for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
                // The start-up check migrates an in-memory database to learn the expected tables:
                // only a real file's migration is news.
                if path == Path::new(":memory:") {
                    tracing::debug!(version = index + 1, "applying migration in memory");
                } else {
                    tracing::info!(version = index + 1, path = %path.display(), "applying migration");
                }
                tx.execute_batch(sql)?;
            }
            let broken: i64 = tx.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |row| row.get(0))?;
            if broken > 0 {
                return Err(StoreError::Corrupt(format!(
                    "{broken} row(s) refer to rows that do not exist; the file was left as it was"
                )));
            }
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            Ok(())
        })
    }

    /// Runs `work` in a `BEGIN IMMEDIATE` transaction and commits only if it succeeds.
    pub(crate) fn write<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        self.writes_since_upkeep += 1;
        Ok(value)
    }

    /// Like [`Store::write`], for work that is repeated anyway if a power cut undoes it (a part
    /// pulled from the team server, committed with its cursor, is pulled again). It commits
    /// without waiting for the disk, so a pull's many small parts cost no fsync each and do
    /// not queue a person's save behind the disk. The next durable commit syncs the log up to
    /// itself, so nothing saved later can outlive what it was based on.
    pub(crate) fn write_repeatable<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        let written = self.write(work);
        let durable_again = self.conn.pragma_update(None, "synchronous", "FULL");
        let value = written?;
        durable_again?;
        Ok(value)
    }

    /// Integrity and schema check, plus row counts.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let integrity: String = self.conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        let schema_version: i64 = self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let count = |table: &str| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| row.get(0))?)
        };
        Ok(CheckReport {
            path: self.path.display().to_string(),
            integrity,
            schema_version,
            supported_schema_version: SCHEMA_VERSION,
            cases: count("cases")?,
            customers: count("customers")?,
            promises: count("promises")?,
            events: count("case_events")?,
        })
    }
}

/// A non-empty file that does not start with the SQLite header is not ours.
fn refuse_foreign_header(path: &Path) -> Result<(), StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error.into()),
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
    }
    if read == 0 || (read == header.len() && &header == SQLITE_HEADER) {
        Ok(())
    } else {
        Err(StoreError::NotLupausDatabase { path: path.to_path_buf() })
    }
}

/// A SQLite file is ours if it carries our application id, or if it is still empty.
fn refuse_unknown_schema(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let user_version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if application_id == APPLICATION_ID {
        if user_version > SCHEMA_VERSION {
            return Err(StoreError::DatabaseTooNew {
                path: path.to_path_buf(),
                found: user_version,
                supported: SCHEMA_VERSION,
            });
        }
        return Ok(());
    }
    let objects: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_schema", [], |row| row.get(0))?;
    if application_id == 0 && user_version == 0 && objects == 0 {
        return Ok(());
    }
    Err(StoreError::NotLupausDatabase { path: path.to_path_buf() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synchronous(store: &Store) -> i64 {
        store.conn.pragma_query_value(None, "synchronous", |row| row.get(0)).expect("pragma")
    }

    /// A repeatable write relaxes only itself: every save after it is durable again (FULL = 2),
    /// also when the repeatable work failed and rolled back.
    #[test]
    fn a_repeatable_write_leaves_the_desk_durable_after_it_whether_it_worked_or_not() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = Store::open(&dir.path().join("lupaus.db")).expect("open");
        assert_eq!(synchronous(&store), 2);
        let inside = store
            .write_repeatable(|tx| Ok(tx.pragma_query_value(None, "synchronous", |row| row.get::<_, i64>(0))?))
            .expect("write");
        assert_eq!(inside, 1, "NORMAL while the pulled part is written");
        assert_eq!(synchronous(&store), 2);
        let failed: Result<(), StoreError> = store.write_repeatable(|tx| {
            tx.execute("CREATE TABLE scratch (x)", [])?;
            Err(StoreError::NotFound("a pulled part that fails".into()))
        });
        assert!(failed.is_err());
        assert_eq!(synchronous(&store), 2);
        let rolled_back: i64 = store
            .conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'", [], |row| row.get(0))
            .expect("count");
        assert_eq!(rolled_back, 0);
    }
}
