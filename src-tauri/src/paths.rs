//! Folders the shell writes to for the user: exported reports go where people look for them.

use std::path::PathBuf;

/// The user's documents folder (e.g. `~/Documents`), or the data folder when there is none.
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(PathBuf::from))
        .unwrap_or_else(|| lupaus_store::paths::data_dir().join("exports"))
}
