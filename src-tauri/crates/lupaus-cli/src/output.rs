//! Printing results: JSON for scripts, plain lines for people.

use lupaus_store::StoreError;
use serde::Serialize;

pub fn print_json<T: Serialize>(value: &T) -> Result<(), StoreError> {
    let text = serde_json::to_string_pretty(value).map_err(|error| StoreError::Corrupt(error.to_string()))?;
    println!("{text}");
    Ok(())
}

/// Prints `value` as JSON, or `text` for people.
pub fn print<T: Serialize>(json: bool, value: &T, text: impl FnOnce(&T) -> String) -> Result<(), StoreError> {
    if json {
        print_json(value)
    } else {
        println!("{}", text(value));
        Ok(())
    }
}

pub fn print_error(error: &StoreError, json: bool) {
    if json {
        let mut body =
            serde_json::json!({ "code": error.code(), "message": error.to_string(), "field": error.field() });
        // The same reason key the app's window gets, so scripts can branch on it too.
        if let Some(reason) = error.reason() {
            body["reason"] = serde_json::Value::from(reason);
        }
        eprintln!("{body}");
    } else {
        eprintln!("error [{}]: {error}", error.code());
    }
}
