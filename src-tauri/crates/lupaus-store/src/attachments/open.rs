//! A copy of an attachment the OS can open: checked against its hash, named with its original
//! name's stem and its type's own extension, in `attachments/opened/<id>/`. Only types on the
//! core's list are copied; the caller hands the returned path, always inside the attachments
//! folder, to the OS's default program.

use std::path::{Path, PathBuf};

use lupaus_core::CoreError;
use lupaus_core::attachment::{open_extension, open_name};
use lupaus_core::reason::{self as why, Reason};

use super::{StoredFile, sha256_hex};
use crate::{Store, StoreError};

/// The folder under `attachments/` that holds opened copies; anonymisation empties a case's.
pub(crate) const OPENED_DIR: &str = "opened";

/// Why a stored file cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileProblem {
    Missing,
    Damaged,
}

/// The stored file's bytes, if it is there and still matches its hash.
pub(crate) fn verified_bytes(dir: &Path, stored: &StoredFile) -> Result<Vec<u8>, FileProblem> {
    let bytes = std::fs::read(dir.join(&stored.stored_name)).map_err(|_| FileProblem::Missing)?;
    if sha256_hex(&bytes) == stored.sha256 { Ok(bytes) } else { Err(FileProblem::Damaged) }
}

impl Store {
    /// Writes an openable copy of attachment `id` and returns its path. Refused when the file was
    /// deleted by anonymisation, its type is not one the desk opens, or the stored file is gone
    /// or no longer matches its hash.
    pub fn attachment_for_opening(&self, id: i64) -> Result<PathBuf, StoreError> {
        let (attachment, stored) = self.attachment(id)?;
        let name = attachment.file_name.clone();
        if attachment.removed_at.is_some() {
            let message = format!("{name} was deleted when the customer's data was anonymised.");
            return Err(CoreError::invalid_because("attachment", Reason::new(why::ATTACHMENT_REMOVED), message).into());
        }
        if !attachment.on_desk {
            let message = format!(
                "{name} is on the team server and has not been fetched to this desk yet; open it while the server can be reached."
            );
            let reason = Reason::new(why::ATTACHMENT_NOT_FETCHED).with("name", &name);
            return Err(CoreError::invalid_because("attachment", reason, message).into());
        }
        let Some(extension) = open_extension(&attachment.media_type) else {
            let reason = Reason::new(why::ATTACHMENT_NOT_OPENABLE)
                .with("name", &name)
                .with("media_type", &attachment.media_type);
            let message = format!(
                "{name} ({}) is not a photo, document or recording Lupaus opens, so it is not handed to another program.",
                attachment.media_type
            );
            return Err(CoreError::invalid_because("attachment", reason, message).into());
        };
        let dir = self.attachments_dir()?;
        let bytes = verified_bytes(&dir, &stored).map_err(|problem| file_problem(problem, &name))?;
        let folder = dir.join(OPENED_DIR).join(id.to_string());
        std::fs::create_dir_all(&folder)?;
        let path = folder.join(open_name(&name, extension));
        let partial = folder.join(".partial");
        std::fs::write(&partial, &bytes)?;
        std::fs::rename(&partial, &path)?;
        Ok(path)
    }
}

/// The error a person sees for a missing or damaged stored file.
fn file_problem(problem: FileProblem, name: &str) -> StoreError {
    let (key, message) = match problem {
        FileProblem::Missing => (
            why::ATTACHMENT_FILE_MISSING,
            format!("The file of {name} is missing from the attachments folder; restore a backup that holds it."),
        ),
        FileProblem::Damaged => (
            why::ATTACHMENT_FILE_DAMAGED,
            format!(
                "The file of {name} has changed since it was added (its SHA-256 differs); restore a backup that holds it."
            ),
        ),
    };
    CoreError::invalid_because("attachment", Reason::new(key).with("name", name), message).into()
}
