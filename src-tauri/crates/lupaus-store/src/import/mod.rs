//! Importing complaints or customers from a spreadsheet: CSV as Finnish Excel writes it, or the
//! first sheet of an Excel workbook.
//!
//! The import is all or nothing: every row is checked and written inside one `BEGIN IMMEDIATE`
//! transaction, which commits only if no row has a problem. A dry run does exactly the same work
//! (so it finds the same problems, duplicates included) and always rolls back. Problems are
//! reported by row (as Excel numbers them, the header being row 1) and column (the header as
//! written in the file), with a sentence that says what to fix.
//!
//! A file with a description column is a complaint file: each row opens a case, received at the
//! row's date (local time of the desk's calendar, stored as UTC), with its customer found or
//! created as at intake. Without one it is a customer file. An amount column becomes a proposed
//! compensation on the case, decided by the same lifecycle rules as in the app.

mod columns;
mod table;
mod values;
mod xlsx;

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use lupaus_core::case::{Channel, CustomerInput, MAX_SHORT_CHARS, NewCase, Priority};
use lupaus_core::lifecycle::{self, Actor, CaseCommand, Policy};
use lupaus_core::{CoreError, text};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;

use self::columns::{Field, field_for};
use self::table::Table;
use crate::{Store, StoreError, cases, customers, events, time};

pub use self::table::{MAX_FILE_BYTES, MAX_ROWS};

/// One thing wrong with the file. `row` 0 is the file as a whole, 1 the header row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub row: usize,
    pub column: String,
    pub message: String,
}

impl Problem {
    fn file(message: impl Into<String>) -> Problem {
        Problem { row: 0, column: String::new(), message: message.into() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Complaints,
    Customers,
}

/// What an import found and did.
#[derive(Debug, Clone, Serialize)]
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
    pub dry_run: bool,
    /// True only when the rows were written: not a dry run and no problems.
    pub saved: bool,
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
        let mut report = ImportReport::refused(name, options, Problem::file(""));
        report.problems.clear();
        report.encoding = table.encoding.clone();
        report.rows = table.rows.len();
        let Some(sheet) = Sheet::new(&table, &mut report) else {
            return Ok(report);
        };
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        match sheet.kind {
            ImportKind::Complaints => {
                let context = RowContext {
                    zone: desk.calendar.zone(),
                    now: options.now,
                    actor: options.actor,
                    policy: &desk.settings.policy,
                };
                for (row, cells) in &table.rows {
                    import_complaint(&tx, &sheet, *row, cells, &context, &mut report)?;
                }
            }
            ImportKind::Customers => {
                for (row, cells) in &table.rows {
                    import_customer(&tx, &sheet, *row, cells, options.now, &mut report)?;
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
        Ok(report)
    }
}

impl ImportReport {
    fn refused(name: &str, options: &ImportOptions<'_>, problem: Problem) -> ImportReport {
        ImportReport {
            file: name.to_owned(),
            kind: None,
            encoding: String::new(),
            rows: 0,
            cases_created: 0,
            customers_created: 0,
            customers_matched: 0,
            ignored_columns: Vec::new(),
            problems: vec![problem],
            dry_run: options.dry_run,
            saved: false,
        }
    }

    fn problem(&mut self, row: usize, column: &str, message: impl Into<String>) {
        self.problems.push(Problem { row, column: column.to_owned(), message: message.into() });
    }
}

/// The header row understood: which cell holds which field, and what kind of file this is.
struct Sheet {
    kind: ImportKind,
    columns: HashMap<Field, (usize, String)>,
}

impl Sheet {
    fn new(table: &Table, report: &mut ImportReport) -> Option<Sheet> {
        let mut columns: HashMap<Field, (usize, String)> = HashMap::new();
        for (index, header) in table.headers.iter().enumerate() {
            match field_for(header) {
                Some(field) => {
                    if let Some((_, first)) = columns.get(&field) {
                        report.problem(
                            1,
                            header,
                            format!("Columns '{first}' and '{header}' both give {}; keep one of them.", field.label()),
                        );
                    } else {
                        columns.insert(field, (index, header.clone()));
                    }
                }
                None if header.is_empty() => {}
                None => report.ignored_columns.push(header.clone()),
            }
        }
        let complaint_only = [Field::Description, Field::RequestedRemedy, Field::Received, Field::Channel];
        let kind = if complaint_only.iter().any(|field| columns.contains_key(field)) {
            ImportKind::Complaints
        } else {
            ImportKind::Customers
        };
        report.kind = Some(kind);
        let required: &[Field] = match kind {
            ImportKind::Complaints => &[Field::Customer, Field::Description, Field::RequestedRemedy, Field::Received],
            ImportKind::Customers => &[Field::Customer],
        };
        for field in required {
            if !columns.contains_key(field) {
                report.problem(
                    1,
                    field.label(),
                    format!(
                        "The file has no {} column, which is required; add it (the header can be Finnish or English).",
                        field.label()
                    ),
                );
            }
        }
        report.problems.is_empty().then_some(Sheet { kind, columns })
    }

    /// The trimmed cell for `field`, `None` when the column is absent or the cell empty.
    fn cell<'a>(&self, cells: &'a [String], field: Field) -> Option<&'a str> {
        let (index, _) = self.columns.get(&field)?;
        cells.get(*index).map(String::as_str).filter(|cell| !cell.is_empty())
    }

    /// The header of `field` as written in the file, for problems.
    fn header(&self, field: Field) -> String {
        self.columns.get(&field).map_or_else(|| field.label().to_owned(), |(_, header)| header.clone())
    }
}

struct RowContext<'a> {
    zone: Tz,
    now: DateTime<Utc>,
    actor: &'a Actor,
    policy: &'a Policy,
}

/// One complaint row: parse and validate every cell (reporting each problem), then open the case.
fn import_complaint(
    tx: &Transaction<'_>,
    sheet: &Sheet,
    row: usize,
    cells: &[String],
    context: &RowContext<'_>,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    let problems_before = report.problems.len();
    let mut parsed = |field: Field, parse: &dyn Fn(&str) -> Result<(), String>| {
        if let Some(cell) = sheet.cell(cells, field)
            && let Err(message) = parse(cell)
        {
            report.problem(row, &sheet.header(field), message);
        }
    };
    let received = std::cell::Cell::new(None);
    parsed(Field::Received, &|cell| {
        values::received_at(cell, context.zone, context.now).map(|at| received.set(Some(at)))
    });
    let channel = std::cell::Cell::new(Channel::Phone);
    parsed(Field::Channel, &|cell| values::channel(cell).map(|value| channel.set(value)));
    let priority = std::cell::Cell::new(Priority::Normal);
    parsed(Field::Priority, &|cell| values::priority(cell).map(|value| priority.set(value)));
    let acknowledged = std::cell::Cell::new(false);
    parsed(Field::Acknowledged, &|cell| values::yes_no(cell).map(|value| acknowledged.set(value)));
    let amount = std::cell::Cell::new(None);
    parsed(Field::Amount, &|cell| values::euros_to_cents(cell).map(|cents| amount.set(Some(cents))));
    let basis = std::cell::Cell::new("goodwill");
    parsed(Field::Basis, &|cell| values::compensation_basis(cell).map(|value| basis.set(value)));
    if sheet.cell(cells, Field::Received).is_none() {
        report.problem(row, &sheet.header(Field::Received), "The date received is empty; fill it in, e.g. 24.12.2025.");
    }

    let text = |field: Field| sheet.cell(cells, field).unwrap_or("").to_owned();
    let optional = |field: Field| sheet.cell(cells, field).map(str::to_owned);
    let intake = NewCase {
        channel: channel.get(),
        customer: CustomerInput {
            name: text(Field::Customer),
            email: optional(Field::Email),
            phone: optional(Field::Phone),
            customer_number: optional(Field::CustomerNumber),
        },
        product_ref: optional(Field::Product),
        description: text(Field::Description),
        requested_remedy: text(Field::RequestedRemedy),
        priority: priority.get(),
        category: optional(Field::Category),
        tags: sheet
            .cell(cells, Field::Tags)
            .map(|tags| tags.split([',', '|']).map(|tag| tag.trim().to_owned()).collect())
            .unwrap_or_default(),
        acknowledged: acknowledged.get(),
    };
    let intake = match intake.validate() {
        Ok(intake) => intake,
        Err(error) => {
            core_problem(sheet, row, &error, report);
            return Ok(());
        }
    };
    let Some(received_at) = received.get() else { return Ok(()) };
    if report.problems.len() > problems_before {
        return Ok(());
    }
    if let Some(existing) = duplicate_of(tx, &intake.get().customer.name, &intake.get().description, received_at)? {
        report.problem(row, &sheet.header(Field::Description), format!(
            "This complaint is already in Lupaus as {existing} (same customer, time and description); remove the row so it is not imported twice."
        ));
        return Ok(());
    }
    let customers_before = max_customer_id(tx)?;
    let case_id = cases::insert_case(tx, intake, context.actor, received_at)?;
    let customer_id: i64 = tx.query_row("SELECT customer_id FROM cases WHERE id = ?1", [case_id], |r| r.get(0))?;
    if customer_id > customers_before {
        report.customers_created += 1;
    } else {
        report.customers_matched += 1;
    }
    report.cases_created += 1;
    if let Some(cents) = amount.get() {
        let command = serde_json::json!({
            "kind": "propose_compensation", "amount_cents": cents, "form": null, "basis": basis.get(),
            "note": "Tuotu taulukosta / imported from a spreadsheet",
        });
        let command: CaseCommand =
            serde_json::from_value(command).map_err(|error| StoreError::Corrupt(format!("import command: {error}")))?;
        let mut state = cases::load_state(tx, case_id)?;
        match lifecycle::decide(&state, command, context.actor, received_at, context.policy) {
            Ok(records) => {
                for record in &records {
                    lifecycle::apply(&mut state, record)?;
                }
                events::append(tx, case_id, &records)?;
                cases::save_state(tx, case_id, &state)?;
            }
            Err(error) => report.problem(row, &sheet.header(Field::Amount), error.to_string()),
        }
    }
    Ok(())
}

/// One customer row: found by customer number or e-mail, else created.
fn import_customer(
    tx: &Transaction<'_>,
    sheet: &Sheet,
    row: usize,
    cells: &[String],
    now: DateTime<Utc>,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    let field = |field: Field, core: &str, required: bool| -> Result<Option<String>, CoreError> {
        let cell = sheet.cell(cells, field);
        if required {
            text::required(core, cell.unwrap_or(""), MAX_SHORT_CHARS).map(Some)
        } else {
            text::optional(core, cell, MAX_SHORT_CHARS)
        }
    };
    let input = (|| -> Result<CustomerInput, CoreError> {
        let email = field(Field::Email, "customer.email", false)?;
        if let Some(email) = &email
            && !(email.contains('@') && email.contains('.') && !email.contains(char::is_whitespace))
        {
            return Err(CoreError::invalid(
                "customer.email",
                format!("'{email}' is not an e-mail address; check it or leave the cell empty."),
            ));
        }
        Ok(CustomerInput {
            name: field(Field::Customer, "customer.name", true)?.unwrap_or_default(),
            email,
            phone: field(Field::Phone, "customer.phone", false)?,
            customer_number: field(Field::CustomerNumber, "customer.customer_number", false)?,
        })
    })();
    match input {
        Ok(input) => {
            let before = max_customer_id(tx)?;
            if customers::find_or_create(tx, &input, now)? > before {
                report.customers_created += 1;
            } else {
                report.customers_matched += 1;
            }
        }
        Err(error) => core_problem(sheet, row, &error, report),
    }
    Ok(())
}

/// A validation error from the core, pointed at the column it is about.
fn core_problem(sheet: &Sheet, row: usize, error: &CoreError, report: &mut ImportReport) {
    let column = error.field().and_then(Field::from_core_field).map(|field| sheet.header(field)).unwrap_or_default();
    let message = error
        .to_string()
        .replace("customer.name", "the customer's name")
        .replace("requested_remedy", "the requested remedy");
    report.problem(row, &column, message);
}

fn max_customer_id(tx: &Transaction<'_>) -> Result<i64, StoreError> {
    Ok(tx.query_row("SELECT COALESCE(MAX(id), 0) FROM customers", [], |row| row.get(0))?)
}

/// The reference of a case with the same customer name, time and description, if there is one.
fn duplicate_of(
    tx: &Transaction<'_>,
    customer: &str,
    description: &str,
    received_at: DateTime<Utc>,
) -> Result<Option<String>, StoreError> {
    let found: Option<(i32, u32, String)> = tx
        .query_row(
            "SELECT c.ref_year, c.ref_number, c.state_json FROM cases c JOIN customers cu ON cu.id = c.customer_id
             WHERE c.received_at = ?1 AND cu.name = ?2 LIMIT 1",
            params![time::to_millis(received_at), customer],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    Ok(found.and_then(|(year, number, state_json)| {
        let state: lifecycle::CaseState = serde_json::from_str(&state_json).ok()?;
        (state.intake.description == description).then(|| lupaus_core::case::CaseRef { year, number }.to_string())
    }))
}
