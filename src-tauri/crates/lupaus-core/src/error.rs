//! The one error type of the domain core. Every variant has a stable [`CoreError::code`] that the
//! UI branches on, and a message a person at the desk can act on.

use thiserror::Error;

use crate::reason::{Reason, RefusalCode};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoreError {
    /// A field of the input is missing or malformed; `field` names it so the UI can point at it,
    /// `reason` (when known) says what is wrong in words the UI can translate.
    #[error("{message}")]
    InvalidInput { field: String, message: String, reason: Option<Reason> },

    /// An event log (stored, or about to be) does not fit its case: a damaged or hand-edited
    /// log, never a person's mistake. Nothing is applied.
    #[error("The case's event log does not fit the case: {0}")]
    CorruptLog(String),

    /// Something referred to does not exist.
    #[error("{0}")]
    NotFound(String),

    /// An action refused for a known reason: the code is that of `refusal` (`remedy_first`,
    /// `invalid_transition` or `lead_only`, as the variants above), `reason` says why in a key
    /// the UI words itself, and `message` is the same in English for the CLI and the logs.
    #[error("{message}")]
    Refused { refusal: RefusalCode, reason: Reason, message: String },

    /// A file is over the size limit (`max_megabytes`).
    #[error("{message}")]
    FileTooLarge { max_megabytes: u64, message: String },

    /// Nobody is known to be at the keyboard, so a change could not name its person.
    #[error("{0}")]
    WhoAreYou(String),

    /// The person has a PIN and none was given.
    #[error("{0}")]
    PinRequired(String),

    /// The PIN given is not the person's.
    #[error("{0}")]
    WrongPin(String),

    /// Too many wrong PINs in a row: the next try must wait `seconds`.
    #[error("{message}")]
    PinWait { seconds: u64, message: String },
}

impl CoreError {
    /// Stable machine-readable code; never change an existing one, the UI depends on it.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::InvalidInput { .. } => "invalid_input",
            CoreError::CorruptLog(_) => "corrupt_event_log",
            CoreError::NotFound(_) => "not_found",
            CoreError::Refused { refusal, .. } => refusal.code(),
            CoreError::FileTooLarge { .. } => "file_too_large",
            CoreError::WhoAreYou(_) => "who_are_you",
            CoreError::PinRequired(_) => "pin_required",
            CoreError::WrongPin(_) => "wrong_pin",
            CoreError::PinWait { .. } => "pin_wait",
        }
    }

    /// The input field the error is about, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            CoreError::InvalidInput { field, .. } => Some(field),
            CoreError::FileTooLarge { .. } => Some("file"),
            CoreError::PinRequired(_) | CoreError::WrongPin(_) | CoreError::PinWait { .. } => Some("pin"),
            _ => None,
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        CoreError::InvalidInput { field: field.to_owned(), message: message.into(), reason: None }
    }

    /// Bad input with a reason the UI can put in the person's language.
    pub fn invalid_because(field: &str, reason: Reason, message: impl Into<String>) -> Self {
        CoreError::InvalidInput { field: field.to_owned(), message: message.into(), reason: Some(reason) }
    }

    /// A refusal for a known reason, with the code of `refusal` and an English `message`.
    pub fn refused(refusal: RefusalCode, reason: Reason, message: impl Into<String>) -> Self {
        CoreError::Refused { refusal, reason, message: message.into() }
    }

    /// The machine-readable reason (a key of [`crate::reason::ALL`]), when there is one.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            CoreError::InvalidInput { reason, .. } => reason.as_ref().map(|reason| reason.key),
            CoreError::Refused { reason, .. } => Some(reason.key),
            _ => None,
        }
    }

    /// The values the UI's sentence for this error names, e.g. `max_mb` for `file_too_large`.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            CoreError::InvalidInput { reason: Some(reason), .. } | CoreError::Refused { reason, .. } => {
                reason.params.clone()
            }
            CoreError::FileTooLarge { max_megabytes, .. } => vec![("max_mb", max_megabytes.to_string())],
            CoreError::PinWait { seconds, .. } => vec![("seconds", seconds.to_string())],
            _ => Vec::new(),
        }
    }
}

/// Every code a [`CoreError`] can carry, for the UI's test that each has a sentence in every
/// language (rendered into `bindings.ts` by the shell).
pub const CODES: &[&str] = &[
    "invalid_input",
    "remedy_first",
    "invalid_transition",
    "lead_only",
    "corrupt_event_log",
    "not_found",
    "who_are_you",
    "pin_required",
    "wrong_pin",
    "pin_wait",
    "file_too_large",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed() {
        let examples = [
            CoreError::invalid("field", "message"),
            CoreError::CorruptLog(String::new()),
            CoreError::NotFound(String::new()),
            CoreError::WhoAreYou(String::new()),
            CoreError::PinRequired(String::new()),
            CoreError::WrongPin(String::new()),
            CoreError::PinWait { seconds: 1, message: String::new() },
            CoreError::Refused {
                refusal: RefusalCode::LeadOnly,
                reason: Reason::new(crate::reason::LEAD_REOPENS),
                message: String::new(),
            },
            CoreError::FileTooLarge { max_megabytes: 25, message: String::new() },
        ];
        for example in &examples {
            // Exhaustive on purpose: a new variant stops this compiling until it has an example
            // above, and so a code in CODES and a sentence in the UI.
            match example {
                CoreError::InvalidInput { .. }
                | CoreError::CorruptLog(_)
                | CoreError::NotFound(_)
                | CoreError::WhoAreYou(_)
                | CoreError::PinRequired(_)
                | CoreError::WrongPin(_)
                | CoreError::PinWait { .. }
                | CoreError::Refused { .. }
                | CoreError::FileTooLarge { .. } => {}
            }
            assert!(CODES.contains(&example.code()), "{} is missing from CODES", example.code());
        }
    }
}
