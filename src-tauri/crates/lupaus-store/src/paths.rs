//! Where Lupaus keeps its files by default: the OS data directory (on Linux
//! `~/.local/share/lupaus/`). `--db PATH` or the `LUPAUS_DB` environment variable override it.

use std::path::PathBuf;

/// Environment variable that points the app and the CLI at another database file.
pub const DB_ENV_VAR: &str = "LUPAUS_DB";

/// The directory for the database, backups, attachments and logs.
pub fn data_dir() -> PathBuf {
    directories::ProjectDirs::from("fi", "Lupaus", "Lupaus")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".lupaus"))
}

/// The database path: an explicit choice wins, then `LUPAUS_DB`, then the data directory.
pub fn resolve_db_path(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| std::env::var_os(DB_ENV_VAR).filter(|value| !value.is_empty()).map(PathBuf::from))
        .unwrap_or_else(|| data_dir().join("lupaus.db"))
}

/// `attachments/` beside a database file: where its attachment files live.
pub fn attachments_dir_of(db_path: &std::path::Path) -> PathBuf {
    db_path.parent().unwrap_or_else(|| std::path::Path::new("")).join("attachments")
}
