//! Small validation helpers for text typed by agents.

use crate::CoreError;
use crate::reason::{self, Reason};

/// Trims `value` and requires it to be non-empty and at most `max_chars` characters.
pub fn required(field: &str, value: &str, max_chars: usize) -> Result<String, CoreError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        let message = format!("Fill in {field}: it cannot be empty.");
        return Err(CoreError::invalid_because(field, Reason::new(reason::REQUIRED), message));
    }
    bounded(field, trimmed, max_chars)
}

/// Trims `value`; an empty result becomes `None`.
pub fn optional(field: &str, value: Option<&str>, max_chars: usize) -> Result<Option<String>, CoreError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => bounded(field, text, max_chars).map(Some),
    }
}

fn bounded(field: &str, text: &str, max_chars: usize) -> Result<String, CoreError> {
    let count = text.chars().count();
    if count > max_chars {
        let why = Reason::new(reason::TOO_LONG).with("count", count).with("max", max_chars);
        let message = format!("{field} is {count} characters long; shorten it to at most {max_chars}.");
        return Err(CoreError::invalid_because(field, why, message));
    }
    Ok(text.to_owned())
}
