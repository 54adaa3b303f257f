//! The attachment files inside a backup. A backup stays one file, so it can be copied to a USB
//! stick or another PC and restored there whole: after the database's pages are copied, every
//! file its `attachments` rows name (and anonymisation has not deleted) is added to the backup
//! in the table `backup_attachments`, keyed by its SHA-256 and checked against it on the way in.
//! Verifying a backup hashes every file it holds again; restoring writes back each file the
//! attachments folder lacks, then drops the table from the restored database.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::StoreError;
use crate::attachments::{StoredFile, sha256_hex, verified_bytes};

const TABLE: &str = "backup_attachments";

/// How many files a backup holds, and how many of its rows have no file in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Held {
    pub files: i64,
    pub missing: i64,
}

/// Adds the files the backup at `backup` names, from `dir`, checked against their hashes. A file
/// missing or changed in `dir` is left out and counted: the database matters more than one file.
pub(super) fn pack(backup: &Path, dir: Option<&Path>) -> Result<Held, StoreError> {
    let mut conn = Connection::open(backup)?;
    let wanted = wanted(&conn)?;
    let tx = conn.transaction()?;
    tx.execute_batch(&format!("CREATE TABLE {TABLE} (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL) STRICT"))?;
    let mut held = Held::default();
    for stored in &wanted {
        let present: bool = tx.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {TABLE} WHERE sha256 = ?1)"),
            [&stored.sha256],
            |row| row.get(0),
        )?;
        if present {
            continue;
        }
        match dir.map(|dir| verified_bytes(dir, stored)) {
            Some(Ok(bytes)) => {
                tx.execute(
                    &format!("INSERT INTO {TABLE} (sha256, bytes) VALUES (?1, ?2)"),
                    params![stored.sha256, bytes],
                )?;
                held.files += 1;
            }
            problem => {
                tracing::warn!(file = stored.stored_name, ?problem, "attachment left out of the backup");
                held.missing += 1;
            }
        }
    }
    tx.commit()?;
    conn.close().map_err(|(_, error)| StoreError::from(error))?;
    Ok(held)
}

/// A file packed into a backup whose bytes no longer match its SHA-256 (named by it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DamagedFile(pub String);

/// Checks every file a backup holds against its hash; counts the rows it holds no file for.
/// A backup from before attachments were packed holds none (all its rows count as missing).
pub(super) fn check(conn: &Connection) -> Result<Result<Held, DamagedFile>, rusqlite::Error> {
    let wanted = wanted(conn)?;
    if !has_table(conn)? {
        return Ok(Ok(Held { files: 0, missing: wanted.len() as i64 }));
    }
    let mut held = Held::default();
    let mut statement = conn.prepare(&format!("SELECT sha256, bytes FROM {TABLE}"))?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let (sha256, bytes): (String, Vec<u8>) = (row.get(0)?, row.get(1)?);
        if sha256_hex(&bytes) != sha256 {
            return Ok(Err(DamagedFile(sha256)));
        }
        held.files += 1;
    }
    for stored in &wanted {
        let present: Option<i64> = conn
            .query_row(&format!("SELECT 1 FROM {TABLE} WHERE sha256 = ?1"), [&stored.sha256], |row| row.get(0))
            .optional()?;
        if present.is_none() {
            held.missing += 1;
        }
    }
    Ok(Ok(held))
}

/// Writes into `dir` each file the backup names that `dir` lacks (or holds changed), from the
/// backup, each synced and renamed into place. Returns how many were written and how many the
/// backup could not supply.
pub(super) fn unpack(backup: &Path, dir: &Path) -> Result<(i64, i64), StoreError> {
    let conn = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let wanted = wanted(&conn)?;
    let packed = has_table(&conn)?;
    let (mut restored, mut missing) = (0, 0);
    for stored in &wanted {
        if verified_bytes(dir, stored).is_ok() {
            continue;
        }
        let bytes: Option<Vec<u8>> = if packed {
            conn.query_row(&format!("SELECT bytes FROM {TABLE} WHERE sha256 = ?1"), [&stored.sha256], |row| row.get(0))
                .optional()?
        } else {
            None
        };
        match bytes.filter(|bytes| sha256_hex(bytes) == stored.sha256) {
            Some(bytes) => {
                write_synced(dir, &stored.stored_name, &bytes)?;
                restored += 1;
            }
            None => missing += 1,
        }
    }
    Ok((restored, missing))
}

/// Removes the packed files from a restored database, and the space they took.
pub(super) fn drop_packed(db_path: &Path) -> Result<(), StoreError> {
    let conn = Connection::open(db_path)?;
    if has_table(&conn)? {
        conn.execute_batch(&format!("DROP TABLE {TABLE}; VACUUM;"))?;
    }
    Ok(())
}

/// What the files of a backup's live rows add to its size.
pub(super) fn bytes_to_pack(conn: &Connection) -> Result<u64, StoreError> {
    let bytes: i64 =
        conn.query_row("SELECT COALESCE(SUM(size_bytes), 0) FROM attachments WHERE removed_at IS NULL", [], |row| {
            row.get(0)
        })?;
    Ok(u64::try_from(bytes).unwrap_or(0))
}

/// The rows whose files a backup should hold: all but those anonymisation deleted (a backup
/// from before migration 7 has no `removed_at`; its anonymised rows name files long gone).
fn wanted(conn: &Connection) -> Result<Vec<StoredFile>, rusqlite::Error> {
    let has_removed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('attachments') WHERE name = 'removed_at')",
        [],
        |row| row.get(0),
    )?;
    let filter = if has_removed { "WHERE removed_at IS NULL" } else { "" };
    let mut statement = conn.prepare(&format!("SELECT stored_name, sha256 FROM attachments {filter} ORDER BY id"))?;
    let rows = statement.query_map([], |row| Ok(StoredFile { stored_name: row.get(0)?, sha256: row.get(1)? }))?;
    rows.collect()
}

fn has_table(conn: &Connection) -> Result<bool, rusqlite::Error> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)", [TABLE], |row| {
        row.get(0)
    })
}

fn write_synced(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let partial = dir.join(format!("{name}.restoring"));
    let written = std::fs::File::create(&partial)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&partial, dir.join(name)));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(error.into());
    }
    super::files::sync_dir(&dir.join(name));
    Ok(())
}
