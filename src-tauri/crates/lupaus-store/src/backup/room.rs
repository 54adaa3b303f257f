//! Is there room for a backup? A backup copies every page of the database, so a large desk's
//! backup can fill the disk the live database shares; while it does, the desk's own saves fail.
//! So the room is checked before copying, with headroom left for the desk to keep saving.

use std::path::Path;

use rusqlite::Connection;

use crate::StoreError;

/// Left free after a backup, so saves (and their write-ahead log) still fit while it is written.
const HEADROOM_BYTES: u64 = 64 * 1024 * 1024;

/// Refuses the backup when the disk holding `dir` has less free space than the database's pages,
/// the attachment files it will hold (`attachment_bytes`) and the headroom. Where the free space
/// cannot be read (a network share that does not say), the copy is tried (and, if the disk fills,
/// removed again: see `backup_to`).
pub(super) fn check(conn: &Connection, dir: &Path, attachment_bytes: u64) -> Result<(), StoreError> {
    let Some(free) = free_bytes(dir) else { return Ok(()) };
    fits(database_bytes(conn)?.saturating_add(attachment_bytes), free, dir)
}

/// What the backup API will write: every page, free pages included.
fn database_bytes(conn: &Connection) -> Result<u64, StoreError> {
    let bytes: i64 =
        conn.query_row("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", [], |row| {
            row.get(0)
        })?;
    Ok(u64::try_from(bytes).unwrap_or(0))
}

fn fits(needed: u64, free: u64, dir: &Path) -> Result<(), StoreError> {
    if needed.saturating_add(HEADROOM_BYTES) <= free {
        return Ok(());
    }
    const MIB: u64 = 1024 * 1024;
    Err(StoreError::NoRoomForBackup {
        dir: dir.to_path_buf(),
        needed_mib: (needed + HEADROOM_BYTES).div_ceil(MIB),
        free_mib: free / MIB,
    })
}

/// The bytes this user may still write on the disk holding `dir` (quotas honoured on Windows).
fn free_bytes(dir: &Path) -> Option<u64> {
    // The folder may not exist yet; its nearest existing ancestor is on the same disk.
    let existing = dir.ancestors().find(|path| path.exists())?;
    fs4::available_space(existing).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u64 = 1024 * 1024;

    #[test]
    fn a_backup_needs_its_pages_plus_the_headroom() {
        let dir = Path::new("/data/backups");
        assert!(fits(100 * MIB, 164 * MIB, dir).is_ok(), "exactly enough");
        let refused = fits(100 * MIB, 164 * MIB - 1, dir).expect_err("one byte short");
        assert_eq!(refused.code(), "no_room_for_backup");
        assert_eq!(
            refused.to_string(),
            "There is not enough free space in /data/backups for a backup: it needs 164 MB and 163 MB is free. \
             Nothing was written. Free some space, or back up to another disk (lupaus-cli backup --to PATH)."
        );
    }

    #[test]
    fn the_free_space_of_a_folder_not_made_yet_is_that_of_its_disk() {
        let dir = tempfile::tempdir().expect("dir");
        let free = free_bytes(&dir.path().join("backups").join("not-yet")).expect("free space readable");
        assert!(free > 0);
    }
}
