//! Printing results: JSON for scripts, plain lines for people. A reader that goes away
//! (`lupaus-cli --json case list | head -1`) ends the output quietly, as Unix tools do; every
//! failure under `--json` is one `{code, message, field}` object on stderr, argument errors
//! from the parser included.

use std::io::Write;

use lupaus_core::CoreError;
use lupaus_store::StoreError;
use serde::Serialize;

use crate::error::CliError;

/// Writes `text` to standard output. A closed pipe is not an error: whoever read it has what
/// they wanted, and nothing was half-done on their account.
pub fn write_stdout(text: &str) -> Result<(), StoreError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

pub fn print_json<T: Serialize>(value: &T) -> Result<(), StoreError> {
    let text = serde_json::to_string_pretty(value).map_err(|error| StoreError::Corrupt(error.to_string()))?;
    write_stdout(&format!("{text}\n"))
}

/// Prints `value` as JSON, or `text` for people.
pub fn print<T: Serialize>(json: bool, value: &T, text: impl FnOnce(&T) -> String) -> Result<(), StoreError> {
    if json { print_json(value) } else { write_stdout(&format!("{}\n", text(value))) }
}

pub fn print_error(error: &CliError, json: bool) {
    if json {
        let mut body =
            serde_json::json!({ "code": error.code(), "message": error.to_string(), "field": error.field() });
        // The same reason key the app's window gets, so scripts can branch on it too.
        if let Some(reason) = error.reason() {
            body["reason"] = serde_json::Value::from(reason);
        }
        // `case act-many`: which line to fix, and how many before it are saved.
        if let Some((line, saved)) = error.line() {
            body["line"] = serde_json::Value::from(line);
            body["saved"] = serde_json::Value::from(saved);
        }
        eprintln!("{body}");
    } else {
        eprintln!("error [{}]: {error}", error.code());
    }
}

/// A time as the desk reads it, saying whose clock: `10.03.2026 10.00 (Europe/Helsinki)`. JSON
/// keeps RFC 3339 in UTC, which says so itself.
pub fn desk_time(at: chrono::DateTime<chrono::Utc>, zone: chrono_tz::Tz) -> String {
    format!("{} ({})", at.with_timezone(&zone).format("%d.%m.%Y %H.%M"), zone.name())
}

/// Whether `--json` was asked for, read before the parser, whose own errors must honour it too.
pub fn json_requested() -> bool {
    std::env::args_os().any(|arg| arg == "--json")
}

/// What the parser refused (an unknown flag, a missing or unreadable value, an argument that is
/// not UTF-8), as `{code: "invalid_argument", message, field}` under `--json`; otherwise
/// clap's own text. Help and version go to stdout as clap prints them.
pub fn argument_error(error: &clap::Error, json: bool) -> std::process::ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let informational = matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    if informational || !json {
        // Printing can fail only on a closed stream, where there is nobody left to tell.
        let _ = error.print();
        return std::process::ExitCode::from(if error.use_stderr() { 2 } else { 0 });
    }
    // `--due <DUE>` or `<REFERENCE>` → `due`, `reference`: the input to fix.
    let name = |arg: &str| {
        arg.split([' ', '=']).next().unwrap_or_default().trim_start_matches('-').trim_matches(['<', '>']).to_lowercase()
    };
    let field = match error.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) => name(arg),
        Some(ContextValue::Strings(args)) => args.first().map(|arg| name(arg)).unwrap_or_default(),
        _ => String::new(),
    };
    let message = if error.kind() == ErrorKind::InvalidUtf8 {
        "An argument is not valid UTF-8 text; type it again or save the file it came from as UTF-8.".to_owned()
    } else {
        // clap's text up to its usage lines, on one line.
        let rendered = error.render().to_string();
        let lines: Vec<&str> = rendered
            .lines()
            .take_while(|line| !line.starts_with("Usage:") && !line.starts_with("For more information"))
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        lines.join(" ").trim_start_matches("error: ").to_owned()
    };
    let body = serde_json::json!({
        "code": "invalid_argument",
        "message": message,
        "field": if field.is_empty() { serde_json::Value::Null } else { serde_json::Value::from(field) },
    });
    eprintln!("{body}");
    std::process::ExitCode::from(2)
}

/// Standard input as text; bytes that are not UTF-8 are the input's fault, said as such, not a
/// storage error.
pub fn read_stdin(field: &str, whole: bool) -> Result<String, StoreError> {
    use std::io::{BufRead, Read};
    let mut bytes = Vec::new();
    let mut input = std::io::stdin().lock();
    if whole {
        input.read_to_end(&mut bytes)?;
    } else {
        input.read_until(b'\n', &mut bytes)?;
    }
    String::from_utf8(bytes).map_err(|_| {
        CoreError::invalid(field, "Standard input is not valid UTF-8 text; save it as UTF-8 and try again.").into()
    })
}
