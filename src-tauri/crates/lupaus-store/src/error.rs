//! The store's one error type. Each variant maps to a stable code for the UI and CLI.

use std::path::PathBuf;

use lupaus_core::CoreError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path} is not a Lupaus database; it was left untouched. Choose another file or restore a backup.")]
    NotLupausDatabase { path: PathBuf },

    #[error(
        "{path} was written by a newer Lupaus (schema version {found}; this version knows up to {supported}). Update Lupaus to open it; the file was left untouched."
    )]
    DatabaseTooNew { path: PathBuf, found: i64, supported: i64 },

    #[error("The disk is full, so nothing was saved. Free some space and try again; what was saved before is intact.")]
    DiskFull,

    #[error("The database is busy in another Lupaus window or command. Try again in a moment.")]
    Busy,

    #[error("The database holds data this version cannot read: {0}")]
    Corrupt(String),

    #[error("{0}")]
    NotFound(String),

    #[error("{path} cannot be restored: {reason} Nothing was changed; choose another backup.")]
    BackupInvalid { path: PathBuf, reason: String },

    #[error(
        "There is not enough free space in {dir} for a backup: it needs {needed_mib} MB and {free_mib} MB is free. Nothing was written. Free some space, or back up to another disk (lupaus-cli backup --to PATH)."
    )]
    NoRoomForBackup { dir: PathBuf, needed_mib: u64, free_mib: u64 },

    #[error(
        "The file has {problems} problem(s), so nothing was imported. Fix the rows listed and import again; --dry-run checks without saving."
    )]
    ImportRejected { problems: usize },

    #[error(transparent)]
    Core(#[from] CoreError),

    #[error("Could not use the database file: {0}")]
    Io(#[from] std::io::Error),

    #[error("Database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    /// Stable machine-readable code; never change an existing one.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotLupausDatabase { .. } => "not_lupaus_database",
            StoreError::DatabaseTooNew { .. } => "database_too_new",
            StoreError::DiskFull => "disk_full",
            StoreError::Busy => "database_busy",
            StoreError::Corrupt(_) => "database_corrupt",
            StoreError::NotFound(_) => "not_found",
            StoreError::BackupInvalid { .. } => "backup_invalid",
            StoreError::ImportRejected { .. } => "import_rejected",
            StoreError::NoRoomForBackup { .. } => "no_room_for_backup",
            StoreError::Core(error) => error.code(),
            StoreError::Io(_) | StoreError::Sqlite(_) => "storage_error",
        }
    }

    /// Values the UI's sentence names (the core's, or e.g. `needed_mb` for a backup with no room).
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            StoreError::Core(error) => error.params(),
            StoreError::NoRoomForBackup { dir, needed_mib, free_mib } => vec![
                ("dir", dir.display().to_string()),
                ("needed_mb", needed_mib.to_string()),
                ("free_mb", free_mib.to_string()),
            ],
            _ => Vec::new(),
        }
    }

    /// The input field an error is about, when the core said so.
    pub fn field(&self) -> Option<&str> {
        match self {
            StoreError::Core(error) => error.field(),
            _ => None,
        }
    }

    /// Why the core refused, as a reason key (`lupaus_core::reason`), when it said.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            StoreError::Core(error) => error.reason(),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::NotADatabase) => StoreError::Corrupt("the file is not a SQLite database".into()),
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt("SQLite reports the file as damaged".into()),
            _ => StoreError::Sqlite(error),
        }
    }
}
