//! One data row at a time, inside the import's transaction: a complaint row opens a case (and
//! proposes its compensation through the lifecycle), a customer row finds or creates a customer.
//! Every problem is reported against the row and the column header as written in the file.
//!
//! A complaint row is worked in two halves: everything that needs no database (reading and
//! checking the cells, the case's state and first event encoded as JSON, the compensation
//! decided) on a second thread, a few hundred rows ahead of the import thread, which does only
//! what needs the database (the duplicate check, the customer, the reference, the inserts). The
//! import thread is the one the whole import waits for; the second core was idle while it wrote
//! rows (docs/measurements.md has the numbers).

use std::sync::mpsc::sync_channel;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use lupaus_core::case::{Channel, CustomerInput, MAX_SHORT_CHARS, NewCase, Priority};
use lupaus_core::lifecycle::{self, Actor, CaseCommand, CaseState, CompensationBasis, Policy, Role};
use lupaus_core::reason::{self as why, Reason};
use lupaus_core::{CoreError, text};
use rusqlite::{OptionalExtension, Transaction, params};

use super::ImportReport;
use super::columns::Field;
use super::indexer::ToIndex;
use super::problems::{self, Problem};
use super::sheet::Sheet;
use super::table::Table;
use super::values::{self, CellProblem};
use crate::cases::NewCaseRow;
use crate::events::EncodedEvent;
use crate::{StoreError, cases, customers, events, time};

/// What every complaint row needs besides its cells.
pub(super) struct RowContext<'a> {
    pub(super) zone: Tz,
    pub(super) now: DateTime<Utc>,
    pub(super) actor: &'a Actor,
    /// Hand each case back for the search index; not in a dry run (indexing finds no problem,
    /// and the rollback would discard it).
    pub(super) index_search: bool,
}

/// Complaint rows handed from the second thread to the import thread at a time: one hand-over
/// per row made each thread wait on the other's wake-up (measured: the rows phase of 100,000
/// rows once took 11.6 s instead of 3.5 on a busy machine).
const BATCH: usize = 64;
/// Batches made ahead of the import thread at most: bounds memory.
const BATCHES_AHEAD: usize = 4;

/// Imports every complaint row of `table` in `tx`: prepared on a second thread, written on this
/// one, in the file's order. Returns the cases opened, for the search index, when the context
/// asks for them.
pub(super) fn import_complaints(
    tx: &Transaction<'_>,
    table: &Table,
    sheet: &Sheet,
    context: &RowContext<'_>,
    report: &mut ImportReport,
) -> Result<Vec<ToIndex>, StoreError> {
    std::thread::scope(|scope| {
        let (send, prepared) = sync_channel(BATCHES_AHEAD);
        let worker = scope.spawn(move || {
            for rows in table.rows.chunks(BATCH) {
                let batch: Result<Vec<PreparedComplaint>, StoreError> =
                    rows.iter().map(|(row, cells)| prepare_complaint(sheet, *row, cells, context)).collect();
                let failed = batch.is_err();
                // Stop when the import thread stopped taking rows (a database error) or after
                // handing it an error of our own.
                if send.send(batch).is_err() || failed {
                    return;
                }
            }
        });
        let mut to_index = Vec::new();
        let written = prepared.iter().try_for_each(|batch| {
            for complaint in batch? {
                to_index.extend(write_complaint(tx, sheet, complaint, report)?);
            }
            Ok::<(), StoreError>(())
        });
        // Unblocks the worker if this thread stopped early.
        drop(prepared);
        if let Err(panic) = worker.join() {
            std::panic::resume_unwind(panic);
        }
        written.map(|()| to_index)
    })
}

/// A complaint row made ready without the database (see [`prepare_complaint`]): its problems so
/// far, and the case it opens if it has none.
pub(super) struct PreparedComplaint {
    row: usize,
    problems: Vec<Problem>,
    case: Option<ReadyCase>,
}

struct ReadyCase {
    new_case: NewCaseRow,
    /// The intake again, for the search index, when the context asks for it.
    for_index: Option<NewCase>,
    /// The row's amount proposed as compensation: the events and state it leads to, or why the
    /// lifecycle refused it.
    compensation: Option<Result<Compensated, Problem>>,
}

struct Compensated {
    events: Vec<EncodedEvent>,
    state: CaseState,
    state_json: String,
}

/// One complaint row, every step that needs no database: parse and validate every cell
/// (collecting each problem), make the case's state and first event, and decide the proposed
/// compensation on it. The import runs this on a second thread, ahead of [`write_complaint`].
pub(super) fn prepare_complaint(
    sheet: &Sheet,
    row: usize,
    cells: &[String],
    context: &RowContext<'_>,
) -> Result<PreparedComplaint, StoreError> {
    let mut problems = Vec::new();
    let mut parsed = |field: Field, parse: &dyn Fn(&str) -> Result<(), CellProblem>| {
        if let Some(cell) = sheet.cell(cells, field)
            && let Err(problem) = parse(cell)
        {
            problems.push(problem.at(row, sheet.header(field)));
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
    let claimed = std::cell::Cell::new(None);
    parsed(Field::Claimed, &|cell| values::euros_to_cents(cell).map(|cents| claimed.set(Some(cents))));
    // Stored as E.164, whatever the spreadsheet made of it (import/phone.rs).
    let phone = std::cell::RefCell::new(None);
    parsed(Field::Phone, &|cell| super::phone::phone(cell).map(|number| *phone.borrow_mut() = Some(number)));
    let basis = std::cell::Cell::new(CompensationBasis::Goodwill);
    parsed(Field::Basis, &|cell| values::compensation_basis(cell).map(|value| basis.set(value)));
    if sheet.cell(cells, Field::Received).is_none() {
        problems.push(Problem::new(
            row,
            sheet.header(Field::Received),
            Reason::new(problems::RECEIVED_EMPTY),
            "The date received is empty; fill it in, e.g. 24.12.2025.",
        ));
    }
    let mut prepared = PreparedComplaint { row, problems, case: None };

    let text = |field: Field| sheet.cell(cells, field).unwrap_or("").to_owned();
    let optional = |field: Field| sheet.cell(cells, field).map(str::to_owned);
    let intake = NewCase {
        channel: channel.get(),
        customer: CustomerInput {
            name: text(Field::Customer),
            email: optional(Field::Email),
            phone: phone.into_inner(),
            customer_number: optional(Field::CustomerNumber),
        },
        product_ref: optional(Field::Product),
        description: text(Field::Description),
        requested_remedy: requested_remedy(&text(Field::RequestedRemedy), claimed.get()),
        priority: priority.get(),
        category: optional(Field::Category),
        tags: sheet
            .cell(cells, Field::Tags)
            .map(|tags| tags.split([',', '|']).map(|tag| tag.trim().to_owned()).collect())
            .unwrap_or_default(),
        acknowledged: acknowledged.get(),
        former_ref: optional(Field::FormerRef),
    };
    let intake = match intake.validate() {
        Ok(intake) => intake,
        Err(error) => {
            prepared.problems.push(core_problem(sheet, row, &error));
            return Ok(prepared);
        }
    };
    let Some(received_at) = received.get() else { return Ok(prepared) };
    if !prepared.problems.is_empty() {
        return Ok(prepared);
    }
    let for_index = context.index_search.then(|| intake.get().clone());
    let new_case = NewCaseRow::new(intake, context.actor, received_at)?;
    let compensation = match amount.get() {
        Some(cents) => Some(
            propose_compensation(&new_case.state, cents, basis.get(), received_at, context)?
                .map_err(|refused| Problem::from_core(row, sheet.header(Field::Amount), &refused, refused.to_string())),
        ),
        None => None,
    };
    prepared.case = Some(ReadyCase { new_case, for_index, compensation });
    Ok(prepared)
}

/// The customer's request as the file gave it: a claimed amount is what the customer asks for,
/// so it is kept there in words, never as a compensation anyone granted.
fn requested_remedy(text: &str, claimed_cents: Option<u64>) -> String {
    match claimed_cents {
        None => text.to_owned(),
        Some(cents) if text.trim().is_empty() => format!("Vaadittu summa {}", values::cents_to_euros(cents)),
        Some(cents) => format!("{text} (vaadittu summa {})", values::cents_to_euros(cents)),
    }
}

/// The lifecycle's decision on proposing `cents` as compensation on a case just opened: the
/// events and state it leads to, or the lifecycle's refusal (a problem with the row, not a failure).
/// The file's amount is what someone once wrote down, not a decision anyone makes now: it is
/// proposed with no authority to grant it (an agent's role, a limit of nothing), so it always
/// waits for a lead, whoever runs the import.
fn propose_compensation(
    opened: &CaseState,
    cents: u64,
    basis: CompensationBasis,
    at: DateTime<Utc>,
    context: &RowContext<'_>,
) -> Result<Result<Compensated, CoreError>, StoreError> {
    let command = CaseCommand::ProposeCompensation {
        amount_cents: Some(cents),
        form: None,
        basis,
        note: Some("Tuotu taulukosta / imported from a spreadsheet".to_owned()),
    };
    let proposer = Actor { person: context.actor.person.clone(), role: Role::Agent };
    let no_authority = Policy { compensation_lead_limit_cents: 0 };
    let records = match lifecycle::decide(opened, command, &proposer, at, &no_authority) {
        Ok(records) => records,
        Err(refused) => return Ok(Err(refused)),
    };
    let mut state = opened.clone();
    for record in &records {
        lifecycle::apply(&mut state, record)?;
    }
    let events = records.iter().map(EncodedEvent::of).collect::<Result<Vec<_>, _>>()?;
    Ok(Ok(Compensated { events, state_json: cases::to_json(&state)?, state }))
}

/// Writes a prepared complaint row in the import's transaction: reports its problems, or checks
/// that it is not in Lupaus already and opens its case. Returns the case opened, for the search
/// index, when the context asked for it.
pub(super) fn write_complaint(
    tx: &Transaction<'_>,
    sheet: &Sheet,
    prepared: PreparedComplaint,
    report: &mut ImportReport,
) -> Result<Option<ToIndex>, StoreError> {
    let PreparedComplaint { row, problems, case } = prepared;
    report.problems.extend(problems);
    let Some(ReadyCase { new_case, for_index, compensation }) = case else { return Ok(None) };
    let intake = &new_case.state.intake;
    if let Some(existing) = duplicate_of(tx, &intake.customer.name, &intake.description, new_case.state.received_at)? {
        let message = format!(
            "This complaint is already in Lupaus as {existing} (same customer, time and description); remove the row so it is not imported twice."
        );
        let reason = Reason::new(problems::ALREADY_IMPORTED).with("reference", &existing);
        report.problems.push(Problem::new(row, sheet.header(Field::Description), reason, message));
        return Ok(None);
    }
    let opened_in = new_case.state.stage;
    let inserted = cases::insert_new_case(tx, &new_case)?;
    let case_id = inserted.id;
    if inserted.new_customer {
        report.customers_created += 1;
    } else {
        report.customers_matched += 1;
    }
    report.cases_created += 1;
    match compensation {
        Some(Ok(compensated)) => {
            // The case's log holds its first event only: these follow it.
            for (offset, event) in compensated.events.iter().enumerate() {
                events::insert_encoded(tx, case_id, 2 + offset as i64, event)?;
            }
            cases::save_encoded_state(tx, case_id, &compensated.state, &compensated.state_json)?;
            report.starts_in(
                row,
                compensated.state.stage,
                format!(
                    "its amount in column {} is proposed as compensation and waits for a lead's decision",
                    sheet.header(Field::Amount)
                ),
            );
        }
        Some(Err(problem)) => report.problems.push(problem),
        None => report.starts_in(row, opened_in, "a new complaint: nobody has started on the remedy yet".to_owned()),
    }
    Ok(for_index.map(|intake| ToIndex { id: case_id, reference: inserted.reference, intake }))
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
    let field = |field: Field, core: &str, required: bool| -> Result<Option<String>, Problem> {
        let cell = sheet.cell(cells, field);
        if required {
            text::required(core, cell.unwrap_or(""), MAX_SHORT_CHARS).map(Some)
        } else {
            text::optional(core, cell, MAX_SHORT_CHARS)
        }
        .map_err(|error| core_problem(sheet, row, &error))
    };
    let input = (|| -> Result<CustomerInput, Problem> {
        let email = field(Field::Email, "customer.email", false)?;
        if let Some(email) = &email
            && !(email.contains('@') && email.contains('.') && !email.contains(char::is_whitespace))
        {
            return Err(core_problem(
                sheet,
                row,
                &CoreError::invalid_because(
                    "customer.email",
                    Reason::new(why::NOT_AN_EMAIL).with("email", email),
                    format!("'{email}' is not an e-mail address; check it or leave the cell empty."),
                ),
            ));
        }
        Ok(CustomerInput {
            name: field(Field::Customer, "customer.name", true)?.unwrap_or_default(),
            email,
            phone: field(Field::Phone, "customer.phone", false)?
                .map(|cell| super::phone::phone(&cell))
                .transpose()
                .map_err(|problem| problem.at(row, sheet.header(Field::Phone)))?,
            customer_number: field(Field::CustomerNumber, "customer.customer_number", false)?,
        })
    })();
    match input {
        Ok(input) => {
            if customers::find_or_create(tx, &input, now, &customers::own_desk_code(tx)?)?.1 {
                report.customers_created += 1;
            } else {
                report.customers_matched += 1;
            }
        }
        Err(problem) => report.problems.push(problem),
    }
    Ok(())
}

/// A validation error from the core, pointed at the column it is about.
fn core_problem(sheet: &Sheet, row: usize, error: &CoreError) -> Problem {
    let column = error.field().and_then(Field::from_core_field).map(|field| sheet.header(field)).unwrap_or_default();
    let message = error
        .to_string()
        .replace("customer.name", "the customer's name")
        .replace("requested_remedy", "the requested remedy");
    Problem::from_core(row, column, error, message)
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
