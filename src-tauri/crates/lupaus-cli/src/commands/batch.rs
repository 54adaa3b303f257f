//! `lupaus-cli case act-many`: many lifecycle commands from JSON lines, one process, for scripts
//! that move many cases at once (the notes of a morning's calls, closing a batch after a recall).
//!
//! Nothing is half-written. Every line is read, parsed and its case found before the first one
//! is saved, so a typo on line 37 of 100 saves nothing. Then each line is saved in its own
//! durable transaction, in file order, exactly as `case act` would save it; the first one the
//! case's rules refuse stops the run: the lines before it stay saved (each was acknowledged, as
//! a click in the window is), it and the lines after it are not, and the error names its line so
//! the rest can be run again from there.

use std::collections::HashMap;
use std::path::Path;

use lupaus_core::CoreError;
use lupaus_store::StoreError;
use serde::{Deserialize, Serialize};

use super::Context;
use super::case::{Parsed, apply, parse_value};
use crate::error::CliError;

/// One line as written: the case's reference and a command as `case act` takes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    case: String,
    command: serde_json::Value,
}

/// A line ready to save: its number in the file (from 1, blank lines counted), its case, its command.
struct Action {
    line: usize,
    case_id: i64,
    command: Parsed,
}

#[derive(Debug, Serialize)]
pub struct BatchReport {
    /// Commands saved, one per non-blank line.
    pub saved: usize,
    /// Different cases they were saved on.
    pub cases: usize,
}

pub fn run(context: &mut Context, file: &Path) -> Result<(), CliError> {
    let text = read(file)?;
    let actions = parse(context, &text)?;
    let cases = actions.iter().map(|action| action.case_id).collect::<std::collections::HashSet<_>>().len();
    let total = actions.len();
    for (saved, action) in actions.into_iter().enumerate() {
        apply(context, action.case_id, action.command).map_err(|source| CliError::AtLine {
            line: action.line,
            saved,
            total,
            source,
        })?;
    }
    let report = BatchReport { saved: total, cases };
    Ok(context.print(&report, |report| format!("Saved {} commands on {} cases.", report.saved, report.cases))?)
}

fn read(file: &Path) -> Result<String, StoreError> {
    if file == Path::new("-") {
        return crate::output::read_stdin("file", true);
    }
    let bytes = std::fs::read(file).map_err(|error| {
        CoreError::invalid("file", format!("Cannot read {}: {error}; check the path and try again.", file.display()))
    })?;
    String::from_utf8(bytes).map_err(|_| {
        CoreError::invalid("file", format!("{} is not UTF-8 text; save it as UTF-8 and try again.", file.display()))
            .into()
    })
}

/// Every non-blank line as an action, or the first line that is not one (nothing saved yet).
fn parse(context: &Context, text: &str) -> Result<Vec<Action>, CliError> {
    let mut case_ids: HashMap<String, i64> = HashMap::new();
    let mut actions = Vec::new();
    for (index, text) in text.lines().enumerate() {
        let line = index + 1;
        if text.trim().is_empty() {
            continue;
        }
        let at_line = |source: StoreError| CliError::AtLine { line, saved: 0, total: 0, source };
        let Line { case, command } = serde_json::from_str(text).map_err(|error| {
            at_line(
                CoreError::invalid(
                    "line",
                    format!(
                        "this line is not a case command: write it as {{\"case\": \"R-2026-000001\", \"command\": \
                         {{\"kind\": \"start_solving\"}}}} ({error})"
                    ),
                )
                .into(),
            )
        })?;
        let case_id = match case_ids.get(&case) {
            Some(id) => *id,
            None => {
                let id = context.desk.case_id_by_reference(&case).map_err(at_line)?;
                case_ids.insert(case, id);
                id
            }
        };
        actions.push(Action { line, case_id, command: parse_value(command).map_err(at_line)? });
    }
    Ok(actions)
}
