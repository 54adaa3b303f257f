//! One data row at a time, inside the import's transaction: a complaint row opens a case (and
//! proposes its compensation through the lifecycle), a customer row finds or creates a customer.
//! Every problem is reported against the row and the column header as written in the file.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use lupaus_core::case::{Channel, CustomerInput, MAX_SHORT_CHARS, NewCase, Priority};
use lupaus_core::lifecycle::{self, Actor, CaseCommand, CompensationBasis, Policy};
use lupaus_core::reason::{self as why, Reason};
use lupaus_core::{CoreError, text};
use rusqlite::{OptionalExtension, Transaction, params};

use super::ImportReport;
use super::columns::Field;
use super::indexer::ToIndex;
use super::sheet::Sheet;
use super::values::{self, CellProblem};
use crate::{StoreError, cases, customers, events, time};

/// What every complaint row needs besides its cells.
pub(super) struct RowContext<'a> {
    pub(super) zone: Tz,
    pub(super) now: DateTime<Utc>,
    pub(super) actor: &'a Actor,
    pub(super) policy: &'a Policy,
    /// Hand each case back for the search index; not in a dry run (indexing finds no problem,
    /// and the rollback would discard it).
    pub(super) index_search: bool,
}

/// One complaint row: parse and validate every cell (reporting each problem), then open the case.
/// Returns the case opened, for the search index, when the context asks for it.
pub(super) fn import_complaint(
    tx: &Transaction<'_>,
    sheet: &Sheet,
    row: usize,
    cells: &[String],
    context: &RowContext<'_>,
    report: &mut ImportReport,
) -> Result<Option<ToIndex>, StoreError> {
    let problems_before = report.problems.len();
    let mut parsed = |field: Field, parse: &dyn Fn(&str) -> Result<(), CellProblem>| {
        if let Some(cell) = sheet.cell(cells, field)
            && let Err(problem) = parse(cell)
        {
            report.problem(row, &sheet.header(field), problem.to_string());
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
    let basis = std::cell::Cell::new(CompensationBasis::Goodwill);
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
            return Ok(None);
        }
    };
    let Some(received_at) = received.get() else { return Ok(None) };
    if report.problems.len() > problems_before {
        return Ok(None);
    }
    if let Some(existing) = duplicate_of(tx, &intake.get().customer.name, &intake.get().description, received_at)? {
        report.problem(row, &sheet.header(Field::Description), format!(
            "This complaint is already in Lupaus as {existing} (same customer, time and description); remove the row so it is not imported twice."
        ));
        return Ok(None);
    }
    let to_index = context.index_search.then(|| intake.get().clone());
    let inserted = cases::insert_case(tx, intake, context.actor, received_at)?;
    let case_id = inserted.id;
    if inserted.new_customer {
        report.customers_created += 1;
    } else {
        report.customers_matched += 1;
    }
    report.cases_created += 1;
    if let Some(cents) = amount.get() {
        let command = CaseCommand::ProposeCompensation {
            amount_cents: Some(cents),
            form: None,
            basis: basis.get(),
            note: Some("Tuotu taulukosta / imported from a spreadsheet".to_owned()),
        };
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
    Ok(to_index.map(|intake| ToIndex { id: case_id, reference: inserted.reference, intake }))
}

/// One customer row: found by customer number or e-mail, else created.
pub(super) fn import_customer(
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
            return Err(CoreError::invalid_because(
                "customer.email",
                Reason::new(why::NOT_AN_EMAIL).with("email", email),
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
            if customers::find_or_create(tx, &input, now)?.1 {
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

/// The reference of a case with the same customer name, time and description, if there is one.
fn duplicate_of(
    tx: &Transaction<'_>,
    customer: &str,
    description: &str,
    received_at: DateTime<Utc>,
) -> Result<Option<String>, StoreError> {
    let found: Option<(i32, u32, String)> = tx
        .prepare_cached(
            "SELECT c.ref_year, c.ref_number, c.state_json FROM cases c JOIN customers cu ON cu.id = c.customer_id
             WHERE c.received_at = ?1 AND cu.name = ?2 LIMIT 1",
        )?
        .query_row(params![time::to_millis(received_at), customer], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?;
    Ok(found.and_then(|(year, number, state_json)| {
        let state: lifecycle::CaseState = serde_json::from_str(&state_json).ok()?;
        (state.intake.description == description).then(|| lupaus_core::case::CaseRef { year, number }.to_string())
    }))
}
