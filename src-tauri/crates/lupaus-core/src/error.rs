//! The one error type of the domain core. Every variant has a stable [`CoreError::code`] that the
//! UI branches on, and a message a person at the desk can act on.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoreError {
    /// A field of the input is missing or malformed; `field` names it so the UI can point at it.
    #[error("{message}")]
    InvalidInput { field: String, message: String },

    /// Root cause, responsibility or liability was written before the customer's remedy.
    #[error("{0}")]
    RemedyFirst(String),

    /// The action is not allowed in the case's (or promise's) current stage.
    #[error("{0}")]
    InvalidTransition(String),

    /// The action needs a team lead.
    #[error("{0}")]
    LeadOnly(String),

    /// Something referred to does not exist.
    #[error("{0}")]
    NotFound(String),
}

impl CoreError {
    /// Stable machine-readable code; never change an existing one, the UI depends on it.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::InvalidInput { .. } => "invalid_input",
            CoreError::RemedyFirst(_) => "remedy_first",
            CoreError::InvalidTransition(_) => "invalid_transition",
            CoreError::LeadOnly(_) => "lead_only",
            CoreError::NotFound(_) => "not_found",
        }
    }

    /// The input field the error is about, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            CoreError::InvalidInput { field, .. } => Some(field),
            _ => None,
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        CoreError::InvalidInput { field: field.to_owned(), message: message.into() }
    }
}
