//! Whether a file is a whole Lupaus database this build can open, read without changing it.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use thiserror::Error;

use crate::SCHEMA_VERSION;
use crate::db::APPLICATION_ID;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What a verified file holds.
pub(super) struct Inspected {
    pub schema_version: i64,
    pub cases: i64,
    pub attachments: super::attachments::Held,
}

/// Why a file is not a usable backup. `Display` is the end of a sentence that starts with the
/// file's name ("… cannot be restored: it is not a SQLite database file."), shown as is in
/// [`super::BackupCheck::problem`].
#[derive(Debug, Error)]
pub(super) enum BackupProblem {
    #[error("it cannot be read ({0}).")]
    Unreadable(std::io::Error),
    #[error("it is not a SQLite database file.")]
    NotSqlite,
    #[error("SQLite cannot read it ({0}).")]
    SqliteCannotRead(#[from] rusqlite::Error),
    #[error("it is not a Lupaus database (another program's SQLite file).")]
    NotLupaus,
    #[error("it was written by a newer Lupaus (schema version {found}; this version knows up to {supported}).")]
    TooNew { found: i64, supported: i64 },
    #[error("it holds no Lupaus schema.")]
    NoSchema,
    #[error("SQLite's integrity check fails: {0}.")]
    IntegrityCheckFails(String),
    #[error("an attachment file in it no longer matches its SHA-256 ({0}).")]
    AttachmentDamaged(String),
}

/// Opens `path` read-only and checks that it is a whole Lupaus database this build can open.
pub(super) fn inspect(path: &Path) -> Result<Inspected, BackupProblem> {
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(BackupProblem::Unreadable)?;
    file.read_exact(&mut header).map_err(|_| BackupProblem::NotSqlite)?;
    if &header != SQLITE_HEADER {
        return Err(BackupProblem::NotSqlite);
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if application_id != APPLICATION_ID {
        return Err(BackupProblem::NotLupaus);
    }
    let schema_version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if schema_version > SCHEMA_VERSION {
        return Err(BackupProblem::TooNew { found: schema_version, supported: SCHEMA_VERSION });
    }
    if schema_version < 1 {
        return Err(BackupProblem::NoSchema);
    }
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    if integrity != "ok" {
        return Err(BackupProblem::IntegrityCheckFails(integrity));
    }
    let cases: i64 = conn.query_row("SELECT COUNT(*) FROM cases", [], |row| row.get(0))?;
    let attachments =
        super::attachments::check(&conn)?.map_err(|damaged| BackupProblem::AttachmentDamaged(damaged.0))?;
    Ok(Inspected { schema_version, cases, attachments })
}
