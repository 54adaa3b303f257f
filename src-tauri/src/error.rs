//! Errors as the UI sees them: `{ code, message, field }`, a stable code to branch on and a
//! sentence a person can act on.

use lupaus_core::CoreError;
use lupaus_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    pub code: String,
    pub message: String,
    /// The input field the error is about, so the UI can show it next to that field.
    pub field: Option<String>,
}

impl IpcError {
    /// Bad input the shell itself checks; `field` names what to fix.
    pub fn invalid(field: &str, message: &str) -> IpcError {
        IpcError { code: "invalid_input".into(), message: message.into(), field: Some(field.into()) }
    }

    /// A file or folder the shell could not write.
    pub fn io(path: &std::path::Path, error: &std::io::Error) -> IpcError {
        IpcError {
            code: "storage_error".into(),
            message: format!("Could not write {}: {error}", path.display()),
            field: None,
        }
    }

    pub fn internal(message: &str) -> IpcError {
        IpcError { code: "internal".into(), message: message.into(), field: None }
    }
}

impl From<StoreError> for IpcError {
    fn from(error: StoreError) -> Self {
        if matches!(error, StoreError::Sqlite(_) | StoreError::Io(_) | StoreError::Corrupt(_)) {
            tracing::error!(%error, "storage failure");
        }
        IpcError { code: error.code().into(), message: error.to_string(), field: error.field().map(str::to_owned) }
    }
}

impl From<CoreError> for IpcError {
    fn from(error: CoreError) -> Self {
        IpcError { code: error.code().into(), message: error.to_string(), field: error.field().map(str::to_owned) }
    }
}
