//! Where Lupaus keeps its files by default: the OS's local data directory (on Linux
//! `~/.local/share/lupaus/`, on Windows `%LOCALAPPDATA%\Lupaus\Lupaus\data`). `--db PATH` or the
//! `LUPAUS_DB` environment variable override it.
//!
//! Never Roaming AppData on Windows: domain PCs redirect it to a network share and copy it at
//! logon and logoff, and a WAL database must not live on either. Builds before this one used
//! Roaming; a database left there is moved to the local folder once (see [`relocate`]).

use std::io;
use std::path::{Path, PathBuf};

/// Environment variable that points the app and the CLI at another database file.
pub const DB_ENV_VAR: &str = "LUPAUS_DB";
/// The database's file name in the data directory.
pub const DB_FILE_NAME: &str = "lupaus.db";

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("fi", "Lupaus", "Lupaus")
}

/// The directory for the database, backups, attachments and logs.
pub fn data_dir() -> PathBuf {
    project_dirs().map(|dirs| dirs.data_local_dir().to_path_buf()).unwrap_or_else(|| PathBuf::from(".lupaus"))
}

/// The database path: an explicit choice wins, then `LUPAUS_DB`, then the data directory (after
/// moving a database that earlier builds left in Roaming AppData, where it can).
pub fn resolve_db_path(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| std::env::var_os(DB_ENV_VAR).filter(|value| !value.is_empty()).map(PathBuf::from))
        .unwrap_or_else(default_db_path)
}

fn default_db_path() -> PathBuf {
    let local = data_dir();
    // Only on Windows do the roaming and the local data directories differ.
    let roaming = project_dirs().map(|dirs| dirs.data_dir().to_path_buf());
    match roaming.map(|roaming| relocate(&roaming, &local)) {
        Some(Relocation::Moved { from }) => {
            tracing::warn!(from = %from.display(), to = %local.display(), "moved the database out of Roaming AppData");
        }
        Some(Relocation::Failed { from, error }) => {
            tracing::error!(
                from = %from.display(), to = %local.display(), %error,
                "could not move the database out of Roaming AppData; using it where it is. \
                 Close Lupaus and move the folder's files by hand, or back up and restore into the local folder"
            );
            return from.join(DB_FILE_NAME);
        }
        Some(Relocation::Nothing) | None => {}
    }
    local.join(DB_FILE_NAME)
}

/// What [`relocate`] did.
#[derive(Debug)]
pub enum Relocation {
    /// No database to move, or the local folder already has one (which then wins).
    Nothing,
    /// The old folder's files are now in the local one.
    Moved { from: PathBuf },
    /// The move failed part-way or not at all; the database is still in `from`, whole.
    Failed { from: PathBuf, error: io::Error },
}

/// Moves the files of the data folder `from` into `to` when `from` holds a database and `to`
/// does not. Each file is renamed (never copied), the database itself last, so an interrupted
/// move is finished by the next start and never leaves a database without its `-wal`. Names
/// that already exist in `to` (the log folder the app has just made) stay in `from`.
pub fn relocate(from: &Path, to: &Path) -> Relocation {
    if from == to || !from.join(DB_FILE_NAME).is_file() || to.join(DB_FILE_NAME).exists() {
        return Relocation::Nothing;
    }
    match move_entries(from, to) {
        Ok(()) => Relocation::Moved { from: from.to_path_buf() },
        Err(error) => Relocation::Failed { from: from.to_path_buf(), error },
    }
}

fn move_entries(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut names: Vec<_> =
        std::fs::read_dir(from)?.map(|entry| entry.map(|entry| entry.file_name())).collect::<Result<_, _>>()?;
    names.retain(|name| name != DB_FILE_NAME);
    for name in names {
        if !to.join(&name).exists() {
            std::fs::rename(from.join(&name), to.join(&name))?;
        }
    }
    let moved = std::fs::rename(from.join(DB_FILE_NAME), to.join(DB_FILE_NAME));
    if moved.is_err() {
        // The database stays where it was: its write-ahead log must stay beside it.
        for suffix in ["-wal", "-shm"] {
            let name = format!("{DB_FILE_NAME}{suffix}");
            if to.join(&name).exists() && !from.join(&name).exists() {
                let _ = std::fs::rename(to.join(&name), from.join(&name));
            }
        }
    }
    moved
}

/// `attachments/` beside a database file: where its attachment files live.
pub fn attachments_dir_of(db_path: &std::path::Path) -> PathBuf {
    db_path.parent().unwrap_or_else(|| std::path::Path::new("")).join("attachments")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(path, text).expect("write");
    }

    #[test]
    fn a_roaming_database_moves_with_its_wal_and_backups_but_not_over_the_new_logs() {
        let home = tempfile::tempdir().expect("dir");
        // A Windows user name with letters outside ASCII, as in C:\Users\Sören.
        let roaming = home.path().join("Sören").join("Roaming").join("data");
        let local = home.path().join("Sören").join("Local").join("data");
        write(&roaming.join(DB_FILE_NAME), "db");
        write(&roaming.join("lupaus.db-wal"), "wal");
        write(&roaming.join("backups").join("lupaus-x.db"), "backup");
        write(&roaming.join("logs").join("old.log"), "old");
        write(&local.join("logs").join("new.log"), "new");

        assert!(matches!(relocate(&roaming, &local), Relocation::Moved { .. }));
        let read = |path: PathBuf| std::fs::read_to_string(path).expect("moved");
        assert_eq!(read(local.join(DB_FILE_NAME)), "db");
        assert_eq!(read(local.join("lupaus.db-wal")), "wal");
        assert_eq!(read(local.join("backups").join("lupaus-x.db")), "backup");
        assert_eq!(read(local.join("logs").join("new.log")), "new");
        assert!(!roaming.join(DB_FILE_NAME).exists());
        assert!(roaming.join("logs").join("old.log").exists(), "left where it was");

        // Done once: the next start finds the local database and moves nothing.
        assert!(matches!(relocate(&roaming, &local), Relocation::Nothing));
    }

    #[test]
    fn a_local_database_wins_and_nothing_is_moved() {
        let home = tempfile::tempdir().expect("dir");
        let (roaming, local) = (home.path().join("roaming"), home.path().join("local"));
        write(&roaming.join(DB_FILE_NAME), "old");
        write(&local.join(DB_FILE_NAME), "current");
        assert!(matches!(relocate(&roaming, &local), Relocation::Nothing));
        assert!(matches!(relocate(&local, &local), Relocation::Nothing));
        assert_eq!(std::fs::read_to_string(roaming.join(DB_FILE_NAME)).expect("kept"), "old");
    }

    #[test]
    fn the_default_data_directory_is_the_local_one() {
        let dirs = project_dirs().expect("a home directory");
        assert_eq!(data_dir(), dirs.data_local_dir());
        if cfg!(windows) {
            assert!(data_dir().to_string_lossy().contains(r"AppData\Local"), "{}", data_dir().display());
        }
    }
}
