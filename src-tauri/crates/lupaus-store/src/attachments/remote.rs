//! Attachments in team mode (issue 16). A file added on one desk is listed on the others as soon
//! as its `attachment_added` event arrives, with `on_desk = 0`; its bytes stay on the team
//! server, stored once per SHA-256, until someone opens it here. Then the sync crate fetches
//! them and [`Store::keep_fetched`] checks them against the hash the event carried before it
//! writes them: a short or altered file is refused and nothing is left half-written.

use std::io::Write;
use std::path::Path;

use lupaus_core::CoreError;
use lupaus_core::reason::{self as why, Reason};
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::{StoredFile, sha256_hex, verified_bytes};
use crate::{Store, StoreError};

/// What a desk needs to fetch an attachment's bytes from the team server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFile {
    pub file_name: String,
    pub sha256: String,
    pub size_bytes: i64,
}

/// Lists a file another desk added; its bytes are fetched when it is first opened.
pub(crate) fn insert_remote(
    tx: &Transaction<'_>,
    case_id: i64,
    event_id: Uuid,
    file: &RemoteFile,
    media_type: &str,
    added_by: &str,
    added_at_millis: i64,
) -> Result<(), StoreError> {
    // A placeholder name until the bytes are here: unique, and never a file in the folder.
    let stored_name = format!("remote-{}", event_id.simple());
    tx.prepare_cached(
        "INSERT INTO attachments (case_id, file_name, media_type, stored_name, size_bytes, sha256, added_by, added_at,
             event_id, on_desk)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)",
    )?
    .execute(params![
        case_id,
        file.file_name,
        media_type,
        stored_name,
        file.size_bytes,
        file.sha256,
        added_by,
        added_at_millis,
        event_id.as_bytes()
    ])?;
    Ok(())
}

impl Store {
    /// Where this desk keeps files with hash `sha256` (not deleted by anonymisation), for the
    /// team server. The caller reads them with [`verified_file`], off the desk's lock.
    pub fn attachment_files(&self, sha256: &str) -> Result<Vec<StoredFile>, StoreError> {
        let names: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT stored_name FROM attachments WHERE sha256 = ?1 AND on_desk = 1 AND removed_at IS NULL",
            )?
            .query_map([sha256], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(names.into_iter().map(|stored_name| StoredFile { stored_name, sha256: sha256.to_owned() }).collect())
    }

    /// What to fetch before attachment `id` can be opened; `None` when its bytes are here.
    pub fn attachment_to_fetch(&self, id: i64) -> Result<Option<RemoteFile>, StoreError> {
        let (attachment, _) = self.attachment(id)?;
        if attachment.on_desk || attachment.removed_at.is_some() {
            return Ok(None);
        }
        Ok(Some(RemoteFile {
            file_name: attachment.file_name,
            sha256: attachment.sha256,
            size_bytes: attachment.size_bytes,
        }))
    }

    /// Records that the fetched file `stored_name` ([`write_fetched`]) holds attachment `id`.
    /// If the row cannot say so, the file goes: nothing is left that no row points at.
    pub fn adopt_fetched(&mut self, id: i64, stored_name: &str) -> Result<(), StoreError> {
        let dir = self.attachments_dir()?;
        let updated = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE attachments SET stored_name = ?1, on_desk = 1 WHERE id = ?2 AND on_desk = 0",
                params![stored_name, id],
            )?)
        });
        match updated {
            // Zero rows: another fetch kept the same bytes under the same name meanwhile.
            Ok(_) => Ok(()),
            Err(error) => {
                let _ = std::fs::remove_file(dir.join(stored_name));
                Err(error)
            }
        }
    }
}

/// The first of `files` in `dir` that is there and still matches its hash.
pub fn verified_file(dir: &Path, files: &[StoredFile]) -> Option<Vec<u8>> {
    files.iter().find_map(|stored| verified_bytes(dir, stored).ok())
}

/// Checks fetched bytes against the size and SHA-256 of attachment `id` and writes them into
/// `dir` (the attachments folder) under a temporary name, synced, then renamed; returns the
/// name to adopt ([`Store::adopt_fetched`]). Needs no desk: the slow write holds no lock. A
/// refusal or a failure leaves nothing in the folder.
pub fn write_fetched(dir: &Path, id: i64, file: &RemoteFile, bytes: &[u8]) -> Result<String, StoreError> {
    if bytes.len() as i64 != file.size_bytes || sha256_hex(bytes) != file.sha256 {
        let name = &file.file_name;
        let message = format!(
            "The team server's copy of {name} does not match the file that was added ({} bytes, not {}; or its SHA-256 differs), so it was not kept. Ask the desk that added it to check its copy.",
            bytes.len(),
            file.size_bytes
        );
        let reason = Reason::new(why::ATTACHMENT_FETCHED_DAMAGED).with("name", name);
        return Err(CoreError::invalid_because("attachment", reason, message).into());
    }
    std::fs::create_dir_all(dir)?;
    let stored_name = format!("{}-fetched-{id}.bin", &file.sha256[..16]);
    let partial = dir.join(format!("{stored_name}.partial"));
    let written = (|| -> std::io::Result<()> {
        let mut output = std::fs::File::create(&partial)?;
        output.write_all(bytes)?;
        output.sync_all()?;
        std::fs::rename(&partial, dir.join(&stored_name))
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(error.into());
    }
    Ok(stored_name)
}

/// Whether this desk lists the attachment of event `event_id` already.
pub(crate) fn listed(tx: &Transaction<'_>, event_id: Uuid) -> Result<bool, StoreError> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM attachments WHERE event_id = ?1")?
        .query_row([event_id.as_bytes()], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Another desk anonymised the case: its file with hash `sha256` is deleted here too (the row
/// stays, its name redacted, as a local anonymisation leaves it). The files go inside the
/// transaction: if it rolls back, the tombstone is pulled and applied again.
pub(crate) fn remove_anonymised(
    tx: &Transaction<'_>,
    case_id: i64,
    sha256: &str,
    at_millis: i64,
) -> Result<(), StoreError> {
    let files: Vec<(i64, String, bool)> = tx
        .prepare_cached("SELECT id, stored_name, on_desk FROM attachments WHERE case_id = ?1 AND sha256 = ?2 AND removed_at IS NULL")?
        .query_map(params![case_id, sha256], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    tx.prepare_cached(
        "UPDATE attachments SET file_name = ?3, removed_at = ?4 WHERE case_id = ?1 AND sha256 = ?2 AND removed_at IS NULL",
    )?
    .execute(params![case_id, sha256, crate::privacy::REDACTED, at_millis])?;
    let Some(db_path) = tx.path().filter(|path| !path.is_empty()) else { return Ok(()) };
    let dir = crate::paths::attachments_dir_of(std::path::Path::new(db_path));
    for (id, stored_name, on_desk) in files {
        if on_desk && let Err(error) = std::fs::remove_file(dir.join(&stored_name)) {
            tracing::warn!(file = stored_name, %error, "could not delete an attachment another desk anonymised");
        }
        let _ = std::fs::remove_dir_all(dir.join(super::OPENED_DIR).join(id.to_string()));
    }
    Ok(())
}
