//! The command line's error: the store's, or team mode's. Both carry stable codes.

use lupaus_store::StoreError;
use lupaus_sync::SyncError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Sync(#[from] SyncError),
}

impl CliError {
    pub fn code(&self) -> &'static str {
        match self {
            CliError::Store(error) => error.code(),
            CliError::Sync(error) => error.code(),
        }
    }

    /// The store's reason key, for scripts as for the window (`lupaus_core::reason`).
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            CliError::Store(error) | CliError::Sync(SyncError::Store(error)) => error.reason(),
            CliError::Sync(_) => None,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            CliError::Store(error) => error.field(),
            CliError::Sync(SyncError::Store(error)) => error.field(),
            CliError::Sync(_) => None,
        }
    }
}
