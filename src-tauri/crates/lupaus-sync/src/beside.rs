//! Work on a shared desk's WAL done beside the desk, without its lock, while a pull applies
//! its parts: a pulled part commits without waiting for the disk, so without this a person's
//! save would flush the pull's pages, and SQLite's backstop checkpoint would land in a save or
//! a part (`bench --only team`, intake while pulling). An owned desk (the command line) has
//! nobody waiting for it and leaves both to SQLite.

use std::path::{Path, PathBuf};

use lupaus_store::maintenance;

use crate::SyncError;
use crate::access::{DeskAccess, blocking};

/// The database file of a desk shared with a window, whose WAL this module works on; `None`
/// for an owned desk.
pub(crate) async fn shared_database(desk: &mut impl DeskAccess) -> Result<Option<PathBuf>, SyncError> {
    match desk.apply_budget() {
        Some(_) => Ok(Some(desk.with(|desk| Ok(desk.path().to_owned())).await?)),
        None => Ok(None),
    }
}

/// Makes the pages of the part just applied durable, so the next save's flush carries only
/// its own. Only speed depends on it: a failure is logged and the next save flushes them.
pub(crate) async fn flush_part(database: &Path) {
    let path = database.to_owned();
    let flushed = blocking(move || maintenance::flush_wal_beside(&path).map_err(SyncError::from)).await;
    if let Err(error) = flushed {
        tracing::debug!(%error, "could not flush a pulled part beside the desk; the next save will");
    }
}

/// After a long stretch of pulled parts: copies the bulk of the WAL into the database file
/// beside the desk, then the few pages written meanwhile with it held, so the next write
/// starts the WAL over instead of growing it to SQLite's backstop. A checkpoint that cannot run
/// now (another one is running, the disk is full) leaves the pull as it was.
pub(crate) async fn checkpoint(desk: &mut impl DeskAccess, database: &Path) -> Result<(), SyncError> {
    let path = database.to_owned();
    match blocking(move || maintenance::checkpoint_beside(&path).map_err(SyncError::from)).await {
        Ok(bulk) => {
            let tail = desk.with(|desk| desk.checkpoint_wal()).await?;
            tracing::debug!(?bulk, ?tail, "checkpointed the WAL beside the desk during a pull");
        }
        Err(error) => {
            tracing::warn!(%error, "could not checkpoint the WAL beside the desk; SQLite's own checkpoint will")
        }
    }
    Ok(())
}
