//! Importing complaints or customers from a spreadsheet: CSV as Finnish Excel writes it, or the
//! first sheet of an Excel workbook.
//!
//! The import is all or nothing: every row is checked and written inside one `BEGIN IMMEDIATE`
//! transaction, which commits only if no row has a problem. A dry run does exactly the same work
//! (so it finds the same problems, duplicates included) and always rolls back; only the search
//! index is left out of it, since indexing finds no problem. A real import indexes its cases in
//! the same transaction, so a committed import is searchable in full. Problems are
//! reported by row (as Excel numbers them, the header being row 1) and column (the header as
//! written in the file), with a sentence that says what to fix.
//!
//! A file with a description column is a complaint file: each row opens a case, received at the
//! row's date (local time of the desk's calendar, stored as UTC), with its customer found or
//! created as at intake. Without one it is a customer file. An amount column becomes a proposed
//! compensation on the case, decided by the same lifecycle rules as in the app.

mod columns;
mod indexer;
pub mod phone;
pub mod problems;
mod rows;
mod sheet;
mod table;
pub mod values;
mod xlsx;

use std::path::Path;

use chrono::{DateTime, Utc};
use lupaus_core::lifecycle::Actor;
use lupaus_core::reason::Reason;
use lupaus_core::settings::ValidDeskSettings;
use rusqlite::TransactionBehavior;
use serde::Serialize;
use ts_rs::TS;

use self::rows::{RowContext, import_complaints, import_customer};
use self::sheet::Sheet;
use self::table::Table;
use crate::{Store, StoreError, search};

pub use self::problems::Problem;
pub use self::table::{MAX_FILE_BYTES, MAX_ROWS};

/// SQLite's page cache while an import runs, in KiB.
const IMPORT_CACHE_KIB: i64 = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Complaints,
    Customers,
}

/// What an import found and did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportReport {
    pub file: String,
    pub kind: Option<ImportKind>,
    /// The text encoding the file was read in.
    pub encoding: String,
    pub rows: usize,
    /// Cases opened; in a dry run or a refused import, the rows that passed and would have been.
    pub cases_created: usize,
    pub customers_created: usize,
    /// Rows whose customer was already known (same customer number or e-mail).
    pub customers_matched: usize,
    /// Headers Lupaus does not know; their cells were not read.
    pub ignored_columns: Vec<String>,
    pub problems: Vec<Problem>,
    /// Where the cases start, and why: each distinct reason once, with its rows.
    pub starting_stages: Vec<StartingStage>,
    pub dry_run: bool,
    /// True only when the rows were written: not a dry run and no problems.
    pub saved: bool,
}

/// The stage some imported cases start in, and why; `rows` as numbered in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StartingStage {
    pub stage: String,
    pub why: String,
    pub rows: Vec<usize>,
}

/// How to import: who is recorded as opening the cases, and when the import runs.
pub struct ImportOptions<'a> {
    pub dry_run: bool,
    pub actor: &'a Actor,
    pub now: DateTime<Utc>,
}

impl Store {
    /// Imports a CSV file or an Excel workbook (its first sheet); see the module documentation. Problems are in the report (and then
    /// nothing was written); an `Err` means the database itself failed (disk full, say).
    pub fn import_file(&mut self, path: &Path, options: &ImportOptions<'_>) -> Result<ImportReport, StoreError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path)?;
        let workbook_name = path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| ["xlsx", "xlsm", "xls", "ods"].iter().any(|known| ext.eq_ignore_ascii_case(known)));
        if workbook_name {
            let table = xlsx::read_workbook(&bytes);
            return self.import_table(&name, table, options);
        }
        self.import_bytes(&name, &bytes, options)
    }

    /// Imports CSV or workbook bytes; `name` is only used in the report.
    pub fn import_bytes(
        &mut self,
        name: &str,
        bytes: &[u8],
        options: &ImportOptions<'_>,
    ) -> Result<ImportReport, StoreError> {
        // The content decides, not the name: a workbook saved as .csv is still read as a workbook.
        let table = if xlsx::is_workbook(bytes) { xlsx::read_workbook(bytes) } else { table::read_csv(bytes) };
        self.import_table(name, table, options)
    }

    fn import_table(
        &mut self,
        name: &str,
        table: Result<Table, Problem>,
        options: &ImportOptions<'_>,
    ) -> Result<ImportReport, StoreError> {
        let table = match table {
            Ok(table) => table,
            Err(problem) => return Ok(ImportReport::refused(name, options, problem)),
        };
        let desk = self.desk_settings()?;
        let mut report = ImportReport::empty(name, options);
        report.encoding = table.encoding.clone();
        report.rows = table.rows.len();
        let undecodable = table.undecodable_cells();
        if !undecodable.is_empty() {
            for (row, column, cell) in undecodable {
                let message = format!(
                    "This cell holds bytes that are not {} text, though the file says it is (its byte order mark): \
                     '{cell}'. Fix the cell, or save the file again as CSV UTF-8.",
                    table.encoding
                );
                let reason =
                    Reason::new(problems::UNDECODABLE_CELL).with("encoding", &table.encoding).with("value", cell);
                report.problems.push(Problem::new(row, column, reason, message));
            }
            return Ok(report);
        }
        let Some(sheet) = Sheet::new(&table, &mut report) else {
            return Ok(report);
        };
        // A large page cache while the import runs: its rows go into every index of a growing
        // file, and with the desk's 2 MiB SQLite spends its time writing pages out and reading
        // them back.
        let cache_size: i64 = self.conn.pragma_query_value(None, "cache_size", |row| row.get(0))?;
        self.conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        let result = self.import_rows(name, &table, &sheet, &desk, options, &mut report);
        self.conn.pragma_update(None, "cache_size", cache_size)?;
        result?;
        Ok(report)
    }

    /// Writes the rows in one transaction, committed only if no row has a problem.
    fn import_rows(
        &mut self,
        name: &str,
        table: &Table,
        sheet: &Sheet,
        desk: &ValidDeskSettings,
        options: &ImportOptions<'_>,
        report: &mut ImportReport,
    ) -> Result<(), StoreError> {
        let morphology = self.morphology;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        match sheet.kind {
            ImportKind::Complaints => {
                let context = RowContext {
                    zone: desk.calendar.zone(),
                    now: options.now,
                    actor: options.actor,
                    index_search: !options.dry_run,
                };
                if context.index_search {
                    // Cases saved before are indexed first, so that every case up to the last
                    // one imported is in the index when the watermark moves past them.
                    search::index_pending(&tx, morphology)?;
                }
                let to_index = import_complaints(&tx, table, sheet, &context, report)?;
                if context.index_search && report.problems.is_empty() {
                    indexer::index_all(&tx, to_index, morphology)?;
                    let newest: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) FROM cases", [], |row| row.get(0))?;
                    search::set_watermark(&tx, newest, morphology)?;
                }
            }
            ImportKind::Customers => {
                for (row, cells) in &table.rows {
                    import_customer(&tx, sheet, *row, cells, options.now, report)?;
                }
            }
        }
        report.problems.sort_by_key(|problem| problem.row);
        if options.dry_run || !report.problems.is_empty() {
            tx.rollback()?;
        } else {
            tx.commit()?;
            report.saved = true;
            tracing::info!(file = name, cases = report.cases_created, "import saved");
        }
        Ok(())
    }
}

impl ImportReport {
    fn refused(name: &str, options: &ImportOptions<'_>, problem: Problem) -> ImportReport {
        ImportReport { problems: vec![problem], ..ImportReport::empty(name, options) }
    }

    fn empty(name: &str, options: &ImportOptions<'_>) -> ImportReport {
        ImportReport {
            file: name.to_owned(),
            kind: None,
            encoding: String::new(),
            rows: 0,
            cases_created: 0,
            customers_created: 0,
            customers_matched: 0,
            ignored_columns: Vec::new(),
            problems: Vec::new(),
            starting_stages: Vec::new(),
            dry_run: options.dry_run,
            saved: false,
        }
    }

    fn starts_in(&mut self, row: usize, stage: lupaus_core::lifecycle::Stage, why: String) {
        let stage = stage.as_str().to_owned();
        match self.starting_stages.iter_mut().find(|start| start.stage == stage && start.why == why) {
            Some(start) => start.rows.push(row),
            None => self.starting_stages.push(StartingStage { stage, why, rows: vec![row] }),
        }
    }
}
