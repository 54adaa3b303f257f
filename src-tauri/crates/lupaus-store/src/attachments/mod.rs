//! The `attachments` table and the files behind it. A file is copied into the data directory's
//! `attachments/` folder under a generated name (never the customer's file name, so nothing can
//! be made to run or overwrite anything), with its size limited and its SHA-256 recorded. Its
//! original name and media type are kept in the row; open.rs makes a copy the OS can open.

mod open;
mod remote;

pub(crate) use self::open::{FileProblem, OPENED_DIR, verified_bytes};
pub use self::remote::{RemoteFile, verified_file, write_fetched};
pub(crate) use self::remote::{insert_remote, listed, remove_anonymised};

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

use crate::team::TeamFact;
use crate::team::shared::{self, About};
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
    /// From the file's first bytes, else its name (`lupaus_core::attachment::media_type`).
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub added_by: String,
    pub added_at: DateTime<Utc>,
    /// When anonymisation deleted the file (the row stays, its name redacted).
    pub removed_at: Option<DateTime<Utc>>,
    /// Whether its bytes are on this desk. In team mode another desk's file is listed at once
    /// and fetched from the team server when it is first opened.
    pub on_desk: bool,
}

/// One attachment's file as stored, for backup, restore, open, export and the team server.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub stored_name: String,
    pub sha256: String,
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
        let (stored_name, sha256, first_bytes) = copy_in(source, &dir, at)?;
        let media_type = lupaus_core::attachment::media_type(&file_name, &first_bytes).to_owned();
        let fact = TeamFact::AttachmentAdded {
            file_name: file_name.clone(),
            media_type: media_type.clone(),
            size_bytes: size as i64,
            sha256: sha256.clone(),
        };
        let result = self.write(|tx| {
            // The event that makes the file travel is written with its row, or neither is.
            let case_gid: Vec<u8> = tx.query_row("SELECT gid FROM cases WHERE id = ?1", [case_id], |row| row.get(0))?;
            let about = About { case_gid: Some(crate::team::uuid_from(&case_gid)?), promise_gid: None };
            let event_id = shared::record(tx, &fact, &by.person, at, about)?;
            tx.execute(
                "INSERT INTO attachments (case_id, file_name, media_type, stored_name, size_bytes, sha256, added_by, added_at,
                     event_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    case_id,
                    file_name,
                    media_type,
                    stored_name,
                    size as i64,
                    sha256,
                    by.person,
                    time::to_millis(at),
                    event_id.as_bytes()
                ],
            )?;
            Ok(tx.last_insert_rowid())
        });
        match result {
            Ok(id) => Ok(Attachment {
                id,
                case_id,
                file_name,
                media_type,
                size_bytes: size as i64,
                sha256,
                added_by: by.person.clone(),
                added_at: at,
                removed_at: None,
                on_desk: true,
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
        if self.path() == Path::new(":memory:") {
            return Err(StoreError::NotFound("An in-memory database has no folder for attachments.".into()));
        }
        Ok(crate::paths::attachments_dir_of(self.path()))
    }

    pub fn attachments(&self, case_id: i64) -> Result<Vec<Attachment>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!("{SELECT} WHERE case_id = ?1 ORDER BY added_at, id"))?;
        let rows = statement.query_map([case_id], read_row)?;
        rows.map(|row| row?.0).collect()
    }

    /// One attachment with its stored file's name and hash.
    pub(crate) fn attachment(&self, id: i64) -> Result<(Attachment, StoredFile), StoreError> {
        let mut statement = self.conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?;
        let mut rows = statement.query_map([id], read_row)?;
        let (attachment, stored) =
            rows.next().ok_or_else(|| StoreError::NotFound(format!("There is no attachment with id {id}.")))??;
        Ok((attachment?, stored))
    }
}

const SELECT: &str =
    "SELECT id, case_id, file_name, media_type, size_bytes, sha256, added_by, added_at, removed_at, stored_name, on_desk
     FROM attachments";

type Row = (Result<Attachment, StoreError>, StoredFile);

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    let file_name: String = row.get(2)?;
    let sha256: String = row.get(5)?;
    // Rows from before migration 7 have no type: the name tells it.
    let media_type = row
        .get::<_, Option<String>>(3)?
        .unwrap_or_else(|| lupaus_core::attachment::media_type(&file_name, &[]).to_owned());
    let added_at = row.get::<_, i64>(7)?;
    let removed_at = row.get::<_, Option<i64>>(8)?;
    let stored = StoredFile { stored_name: row.get(9)?, sha256: sha256.clone() };
    let attachment = (|| {
        Ok(Attachment {
            id: row.get(0)?,
            case_id: row.get(1)?,
            file_name,
            media_type,
            size_bytes: row.get(4)?,
            sha256,
            added_by: row.get(6)?,
            added_at: time::from_millis(added_at)?,
            removed_at: removed_at.map(time::from_millis).transpose()?,
            on_desk: row.get(10)?,
        })
    })();
    Ok((attachment, stored))
}

/// The SHA-256 of a file's bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Streams `source` into a new file in `dir` while hashing it; returns the generated name, the
/// hash and the file's first bytes (its type's signature).
fn copy_in(source: &Path, dir: &Path, at: DateTime<Utc>) -> Result<(String, String, Vec<u8>), StoreError> {
    std::fs::create_dir_all(dir)?;
    let mut input = std::fs::File::open(source)?;
    let temp_name = format!("incoming-{}-{}", at.timestamp_millis(), std::process::id());
    let temp_path: PathBuf = dir.join(&temp_name);
    let mut output = std::fs::File::create_new(&temp_path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut copied: u64 = 0;
    let mut first_bytes = Vec::new();
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
        if first_bytes.len() < 16 {
            first_bytes.extend_from_slice(&buffer[..read.min(16 - first_bytes.len())]);
        }
        hasher.update(&buffer[..read]);
        output.write_all(&buffer[..read])?;
    }
    output.sync_all()?;
    let sha256: String = hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect();
    // The stored name is ours: hash prefix, time and a random part (the same file attached
    // twice in one millisecond must not share a name), with no extension that could be opened.
    let unique = uuid::Uuid::new_v4().simple().to_string();
    let stored_name = format!("{}-{}-{}.bin", &sha256[..16], at.timestamp_millis(), &unique[..8]);
    std::fs::rename(&temp_path, dir.join(&stored_name))?;
    Ok((stored_name, sha256, first_bytes))
}
