//! Where a desk keeps the secret of its server login: the OS keyring where one answers (Secret
//! Service on Linux, Credential Manager on Windows, Keychain on macOS), otherwise a file beside
//! the database that only the desk's OS user can read (mode 0600 on Unix; on Windows the user's
//! own data folder). Never in the SQLite file, never on a command line, never in a log line.
//!
//! A keyring that is missing fails at once (no session bus, no service); one that hangs is
//! given [`KEYRING_TIMEOUT`] and then left behind, so a headless machine loses no time. The
//! file is read first: a desk that fell back to it never waits for a keyring again.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::SyncError;

/// How long a keyring call may take before the file is used instead.
pub const KEYRING_TIMEOUT: Duration = Duration::from_secs(3);

/// The keyring's entries are named by this service and the database's path, so two desks of
/// one OS user keep two secrets.
const SERVICE: &str = "lupaus-team";

/// Why a keyring could not be used. It only ever reaches a log line: the desk then keeps the
/// secret in its file, or tells the person to join again.
#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    #[error(transparent)]
    Os(#[from] keyring::Error),
    #[error("no answer in {} s", .0.as_secs())]
    NoAnswer(Duration),
    #[error("the keyring call ended without an answer")]
    EndedWithoutAnswer,
    #[error("no thread could be started to ask it ({0})")]
    NoThread(std::io::Error),
}

/// A place that keeps secrets by name; [`OsKeyring`] in the app and the CLI.
pub trait Keyring: Send + Sync + 'static {
    fn set(&self, name: &str, secret: &str) -> Result<(), KeyringError>;
    fn get(&self, name: &str) -> Result<Option<String>, KeyringError>;
    fn delete(&self, name: &str) -> Result<(), KeyringError>;
}

/// The operating system's keyring, through the `keyring` crate.
pub struct OsKeyring;

impl Keyring for OsKeyring {
    fn set(&self, name: &str, secret: &str) -> Result<(), KeyringError> {
        Ok(entry(name)?.set_password(secret)?)
    }

    fn get(&self, name: &str) -> Result<Option<String>, KeyringError> {
        match entry(name)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    fn delete(&self, name: &str) -> Result<(), KeyringError> {
        match entry(name)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }
}

fn entry(name: &str) -> Result<keyring::Entry, KeyringError> {
    Ok(keyring::Entry::new(SERVICE, name)?)
}

/// Runs `call` on its own thread and waits at most [`KEYRING_TIMEOUT`]: a keyring service that
/// owns its bus name but never answers must not stall a join or a sync.
fn bounded<T: Send + 'static>(
    keyring: &'static dyn Keyring,
    call: impl FnOnce(&dyn Keyring) -> Result<T, KeyringError> + Send + 'static,
) -> Result<T, KeyringError> {
    let (sender, answer) = mpsc::channel();
    std::thread::Builder::new()
        .name("lupaus-keyring".into())
        .spawn(move || {
            let _ = sender.send(call(keyring));
        })
        .map_err(KeyringError::NoThread)?;
    match answer.recv_timeout(KEYRING_TIMEOUT) {
        Ok(answered) => answered,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(KeyringError::NoAnswer(KEYRING_TIMEOUT)),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(KeyringError::EndedWithoutAnswer),
    }
}

fn path_for(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".team-secret");
    db.with_file_name(name)
}

fn keyring_name(db: &Path) -> String {
    std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf()).display().to_string()
}

pub fn save(db: &Path, secret: &str) -> Result<(), SyncError> {
    save_with(&OsKeyring, db, secret).map(|_| ())
}

pub fn load(db: &Path) -> Result<String, SyncError> {
    load_with(&OsKeyring, db)
}

pub fn forget(db: &Path) -> Result<(), SyncError> {
    forget_with(&OsKeyring, db)
}

/// Where [`save_with`] kept the secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    Keyring,
    File,
}

/// Keeps `secret` in `keyring`, or in the file when the keyring does not answer.
pub fn save_with(keyring: &'static dyn Keyring, db: &Path, secret: &str) -> Result<Kept, SyncError> {
    let (name, copy) = (keyring_name(db), secret.to_owned());
    match bounded(keyring, move |keyring| keyring.set(&name, &copy)) {
        Ok(()) => {
            // One place only: an older file copy would be read first.
            remove_file(db)?;
            tracing::info!("the desk's team secret is kept in the OS keyring");
            Ok(Kept::Keyring)
        }
        Err(reason) => {
            tracing::info!(%reason, "no OS keyring answered; the desk's team secret is kept in a file only this user can read");
            save_file(db, secret)?;
            Ok(Kept::File)
        }
    }
}

pub fn load_with(keyring: &'static dyn Keyring, db: &Path) -> Result<String, SyncError> {
    let path = path_for(db);
    match std::fs::read_to_string(&path) {
        Ok(secret) => return Ok(secret.trim().to_owned()),
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            return Err(SyncError::Secret(format!(
                "{} ({error}); join the team again with the desk's secret",
                path.display()
            )));
        }
        Err(_) => {}
    }
    let name = keyring_name(db);
    match bounded(keyring, move |keyring| keyring.get(&name)) {
        Ok(Some(secret)) => Ok(secret),
        Ok(None) => Err(SyncError::Secret(
            "neither the OS keyring nor the secret file holds it; join the team again with the desk's secret".into(),
        )),
        Err(reason) => Err(SyncError::Secret(format!(
            "the OS keyring did not answer ({reason}) and there is no secret file; join the team again with the desk's secret"
        ))),
    }
}

/// Forgets the secret in both places; a keyring that does not answer is logged and left.
pub fn forget_with(keyring: &'static dyn Keyring, db: &Path) -> Result<(), SyncError> {
    remove_file(db)?;
    let name = keyring_name(db);
    if let Err(reason) = bounded(keyring, move |keyring| keyring.delete(&name)) {
        tracing::info!(%reason, "the OS keyring could not be asked to forget the desk's team secret");
    }
    Ok(())
}

fn save_file(db: &Path, secret: &str) -> Result<(), SyncError> {
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

fn remove_file(db: &Path) -> Result<(), SyncError> {
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

#[cfg(test)]
#[path = "secret_tests.rs"]
mod tests;
