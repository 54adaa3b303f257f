//! Where a desk keeps the secret of its server login: a file beside the database that only the
//! desk's OS user can read (mode 0600 on Unix; on Windows the user's own data folder). Never in
//! the SQLite file, never on a command line, never in a log line.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::SyncError;

fn path_for(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".team-secret");
    db.with_file_name(name)
}

pub fn save(db: &Path, secret: &str) -> Result<(), SyncError> {
    let path = path_for(db);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path).map_err(|error| SyncError::Secret(format!("{}: {error}", path.display())))?;
    #[cfg(unix)]
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .map_err(|error| SyncError::Secret(format!("{}: {error}", path.display())))?;
    file.write_all(secret.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|error| SyncError::Secret(format!("{}: {error}", path.display())))
}

pub fn load(db: &Path) -> Result<String, SyncError> {
    let path = path_for(db);
    std::fs::read_to_string(&path).map(|secret| secret.trim().to_owned()).map_err(|error| {
        SyncError::Secret(format!("{} ({error}); join the team again with the desk's secret", path.display()))
    })
}

pub fn forget(db: &Path) -> Result<(), SyncError> {
    match std::fs::remove_file(path_for(db)) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(SyncError::Secret(format!("{}: {error}", path_for(db).display())))
        }
        _ => Ok(()),
    }
}

/// Reads a secret from `input` (stdin): the first line, trimmed.
pub fn read_from(mut input: impl std::io::Read) -> Result<String, SyncError> {
    let mut text = String::new();
    input.read_to_string(&mut text).map_err(|error| SyncError::Secret(error.to_string()))?;
    let secret = text.lines().next().unwrap_or_default().trim().to_owned();
    if secret.is_empty() {
        return Err(SyncError::BadInput("No secret on stdin: pipe in the secret team add-desk printed.".into()));
    }
    Ok(secret)
}
