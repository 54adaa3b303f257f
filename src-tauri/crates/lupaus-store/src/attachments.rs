//! The `attachments` table and the files behind it. A file is copied into the data directory's
//! `attachments/` folder under a generated name (never the customer's file name, so nothing can
//! be made to run or overwrite anything), with its size limited and its SHA-256 recorded.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use lupaus_core::CoreError;
use lupaus_core::lifecycle::Actor;
use lupaus_core::reason::{self as why, Reason};
use rusqlite::params;
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::{Store, StoreError, time};

/// Largest file accepted: photos of a broken product and scanned receipts fit comfortably.
pub const MAX_ATTACHMENT_BYTES: u64 = MAX_ATTACHMENT_MEGABYTES * 1024 * 1024;
const MAX_ATTACHMENT_MEGABYTES: u64 = 25;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Attachment {
    pub id: i64,
    pub case_id: i64,
    /// The name the file had when it was added; shown, never used as a path.
    pub file_name: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub added_by: String,
    pub added_at: DateTime<Utc>,
}

impl Store {
    /// Copies `source` into the attachments folder and records it on the case. The copy is written and synced
    /// before the row is committed; a refused or failed attachment leaves no row behind.
    pub fn attach_file(
        &mut self,
        case_id: i64,
        source: &Path,
        by: &Actor,
        at: DateTime<Utc>,
    ) -> Result<Attachment, StoreError> {
        let file_name = source.file_name().and_then(|name| name.to_str()).map(str::to_owned).ok_or_else(|| {
            CoreError::invalid_because(
                "file",
                Reason::new(why::FILE_NAME_UNREADABLE),
                "Choose a file with a readable name.",
            )
        })?;
        let size = std::fs::metadata(source)
            .map_err(|error| {
                CoreError::invalid_because(
                    "file",
                    Reason::new(why::FILE_UNREADABLE).with("name", &file_name),
                    format!("Cannot read {file_name}: {error}"),
                )
            })?
            .len();
        if size > MAX_ATTACHMENT_BYTES {
            return Err(CoreError::FileTooLarge {
                max_megabytes: MAX_ATTACHMENT_MEGABYTES,
                message: format!(
                    "{file_name} is {} MB; attachments can be at most {MAX_ATTACHMENT_MEGABYTES} MB.",
                    size / (1024 * 1024)
                ),
            }
            .into());
        }
        let dir = self.attachments_dir()?;
        let (stored_name, sha256) = copy_in(source, &dir, at)?;
        let result = self.write(|tx| {
            tx.execute(
                "INSERT INTO attachments (case_id, file_name, stored_name, size_bytes, sha256, added_by, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![case_id, file_name, stored_name, size as i64, sha256, by.person, time::to_millis(at)],
            )?;
            Ok(tx.last_insert_rowid())
        });
        match result {
            Ok(id) => Ok(Attachment {
                id,
                case_id,
                file_name,
                size_bytes: size as i64,
                sha256,
                added_by: by.person.clone(),
                added_at: at,
            }),
            Err(error) => {
                // No row points at the copy; remove it so a failed attachment leaves nothing.
                let _ = std::fs::remove_file(dir.join(&stored_name));
                Err(error)
            }
        }
    }

    /// `attachments/` beside the database file.
    pub fn attachments_dir(&self) -> Result<PathBuf, StoreError> {
        match self.path().parent() {
            Some(parent) if self.path() != Path::new(":memory:") => Ok(parent.join("attachments")),
            _ => Err(StoreError::NotFound("An in-memory database has no folder for attachments.".into())),
        }
    }

    pub fn attachments(&self, case_id: i64) -> Result<Vec<Attachment>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, case_id, file_name, size_bytes, sha256, added_by, added_at FROM attachments
             WHERE case_id = ?1 ORDER BY added_at, id",
        )?;
        let rows = statement.query_map([case_id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get::<_, i64>(6)?))
        })?;
        rows.map(|row| {
            let (id, case_id, file_name, size_bytes, sha256, added_by, added_at) = row?;
            Ok(Attachment {
                id,
                case_id,
                file_name,
                size_bytes,
                sha256,
                added_by,
                added_at: time::from_millis(added_at)?,
            })
        })
        .collect()
    }
}

/// Streams `source` into a new file in `dir` while hashing it; returns the generated name and hash.
fn copy_in(source: &Path, dir: &Path, at: DateTime<Utc>) -> Result<(String, String), StoreError> {
    std::fs::create_dir_all(dir)?;
    let mut input = std::fs::File::open(source)?;
    let temp_name = format!("incoming-{}-{}", at.timestamp_millis(), std::process::id());
    let temp_path: PathBuf = dir.join(&temp_name);
    let mut output = std::fs::File::create_new(&temp_path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut copied: u64 = 0;
    loop {
        let read = input.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        copied += read as u64;
        if copied > MAX_ATTACHMENT_BYTES {
            drop(output);
            let _ = std::fs::remove_file(&temp_path);
            let message = format!("The file grew past {MAX_ATTACHMENT_MEGABYTES} MB while it was copied.");
            return Err(CoreError::FileTooLarge { max_megabytes: MAX_ATTACHMENT_MEGABYTES, message }.into());
        }
        hasher.update(&buffer[..read]);
        output.write_all(&buffer[..read])?;
    }
    output.sync_all()?;
    let sha256: String = hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect();
    // The stored name is ours: hash prefix plus time, with no extension that could be opened.
    let stored_name = format!("{}-{}.bin", &sha256[..16], at.timestamp_millis());
    std::fs::rename(&temp_path, dir.join(&stored_name))?;
    Ok((stored_name, sha256))
}
