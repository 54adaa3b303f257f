//! Printing results: JSON for scripts, plain lines for people.

use lupaus_store::StoreError;
use serde::Serialize;

use crate::error::CliError;

pub fn print_json<T: Serialize>(value: &T) -> Result<(), StoreError> {
    let text = serde_json::to_string_pretty(value).map_err(|error| StoreError::Corrupt(error.to_string()))?;
    println!("{text}");
    Ok(())
}

pub fn print_error(error: &CliError, json: bool) {
    if json {
        let body = serde_json::json!({ "code": error.code(), "message": error.to_string(), "field": error.field() });
        eprintln!("{body}");
    } else {
        eprintln!("error [{}]: {error}", error.code());
    }
}
