//! What an import found wrong, in a form the UI can say in the person's language: each problem
//! carries a stable reason key and the values its sentence names, beside the English sentence the
//! CLI prints. A key never changes once shipped (the UI's dictionaries are keyed by it).
//!
//! Problems that come from the core's own validation (an empty required cell, a text too long, an
//! e-mail address that is not one, a compensation the lifecycle refuses) carry the core's key
//! from `lupaus_core::reason` instead, which the UI already words.

use std::collections::BTreeMap;

use lupaus_core::CoreError;
use lupaus_core::reason::Reason;
use serde::Serialize;
use ts_rs::TS;

/// One thing wrong with the file. `row` 0 is the file as a whole, 1 the header row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Problem {
    pub row: usize,
    pub column: String,
    /// The sentence in English, for the CLI and the log.
    pub message: String,
    /// Why, as a stable key: one of [`ALL`], or a key of `lupaus_core::reason::ALL`.
    pub reason: String,
    /// The values the reason's sentence names, e.g. `value` for the cell as written.
    pub params: BTreeMap<String, String>,
}

impl Problem {
    pub(crate) fn new(row: usize, column: impl Into<String>, reason: Reason, message: impl Into<String>) -> Problem {
        Problem {
            row,
            column: column.into(),
            message: message.into(),
            reason: reason.key.to_owned(),
            params: reason.params.into_iter().map(|(name, value)| (name.to_owned(), value)).collect(),
        }
    }

    /// A problem with the file as a whole (row 0, no column).
    pub(crate) fn file(reason: Reason, message: impl Into<String>) -> Problem {
        Problem::new(0, "", reason, message)
    }

    /// A validation error from the core, with the core's reason key and values; `check_value`
    /// when the core gave none.
    pub(crate) fn from_core(row: usize, column: impl Into<String>, error: &CoreError, message: String) -> Problem {
        Problem {
            row,
            column: column.into(),
            message,
            reason: error.reason().unwrap_or(CHECK_VALUE).to_owned(),
            params: error.params().into_iter().map(|(name, value)| (name.to_owned(), value)).collect(),
        }
    }
}

/// Every column's key, as the `field` param names it, for the UI test that each has a name in
/// every language.
pub fn field_keys() -> Vec<&'static str> {
    super::columns::Field::ALL.iter().map(|field| field.key()).collect()
}

/// Every import reason key, for the UI test that each has a sentence in every language.
pub const ALL: &[&str] = &[
    NOT_A_DATE,
    UNREADABLE_TIME,
    SKIPPED_LOCAL_TIME,
    IN_THE_FUTURE,
    BEFORE_1990,
    NOT_AN_AMOUNT,
    NEGATIVE_AMOUNT,
    UNKNOWN_CHANNEL,
    UNKNOWN_PRIORITY,
    NOT_YES_OR_NO,
    UNKNOWN_BASIS,
    NOT_A_PHONE_NUMBER,
    EXCEL_ERROR,
    NOT_AN_EXCEL_DATE,
    RECEIVED_EMPTY,
    ALREADY_IMPORTED,
    DUPLICATE_COLUMN,
    MISSING_COLUMN,
    FILE_TOO_LARGE,
    BINARY_FILE,
    CSV_ROW_UNREADABLE,
    TOO_MANY_ROWS,
    FILE_EMPTY,
    WORKBOOK_UNREADABLE,
    SHEET_EMPTY,
    UNDECODABLE_CELL,
    CHECK_VALUE,
];

// A cell's value (values.rs, phone.rs, xlsx.rs). Params: `value`, the cell as written.
pub const NOT_A_DATE: &str = "not_a_date";
pub const UNREADABLE_TIME: &str = "unreadable_time";
/// Params: `value`; `zone`, the desk's time zone.
pub const SKIPPED_LOCAL_TIME: &str = "skipped_local_time";
pub const IN_THE_FUTURE: &str = "in_the_future";
pub const BEFORE_1990: &str = "before_1990";
pub const NOT_AN_AMOUNT: &str = "not_an_amount";
pub const NEGATIVE_AMOUNT: &str = "negative_amount";
pub const UNKNOWN_CHANNEL: &str = "unknown_channel";
pub const UNKNOWN_PRIORITY: &str = "unknown_priority";
pub const NOT_YES_OR_NO: &str = "not_yes_or_no";
pub const UNKNOWN_BASIS: &str = "unknown_basis";
pub const NOT_A_PHONE_NUMBER: &str = "not_a_phone_number";
/// Params: `value`, the error Excel shows (`#DIV/0!`).
pub const EXCEL_ERROR: &str = "excel_error";
/// Params: `value`, the date cell's serial number.
pub const NOT_AN_EXCEL_DATE: &str = "not_an_excel_date";
// A row (rows.rs).
/// The date received, which every complaint needs, is empty.
pub const RECEIVED_EMPTY: &str = "received_empty";
/// Params: `reference`, the case already in Lupaus.
pub const ALREADY_IMPORTED: &str = "already_imported";
// The header row (sheet.rs). Params `field`: a column's key (`Field::key`), which the UI names.
/// Params: `first` and `header`, the two headers; `field`.
pub const DUPLICATE_COLUMN: &str = "duplicate_column";
/// Params: `field`.
pub const MISSING_COLUMN: &str = "missing_column";
// The file as a whole (table.rs, xlsx.rs, mod.rs).
/// Params: `size_mb`, the file's size; `max_mb`.
pub const FILE_TOO_LARGE: &str = "file_too_large";
pub const BINARY_FILE: &str = "binary_file";
/// Params: `detail`, the CSV reader's own words (English).
pub const CSV_ROW_UNREADABLE: &str = "csv_row_unreadable";
/// Params: `max`.
pub const TOO_MANY_ROWS: &str = "too_many_rows";
pub const FILE_EMPTY: &str = "file_empty";
/// Params: `detail`, the workbook reader's own words (English).
pub const WORKBOOK_UNREADABLE: &str = "workbook_unreadable";
pub const SHEET_EMPTY: &str = "sheet_empty";
/// Params: `encoding` the byte order mark names; `value`, the cell as far as it could be read.
pub const UNDECODABLE_CELL: &str = "undecodable_cell";
/// A core validation error without a reason key of its own (none is known today).
pub const CHECK_VALUE: &str = "check_value";
