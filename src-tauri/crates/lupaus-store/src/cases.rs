//! The `cases` table (the current state of each case) and the case list queries.

use chrono::{DateTime, Utc};
use lupaus_core::case::{CaseRef, ValidNewCase};
use rusqlite::{Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Store, StoreError, customers, time};

/// One row of the case list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseSummary {
    pub id: i64,
    pub reference: String,
    pub received_at: DateTime<Utc>,
    pub customer_name: String,
    pub channel: String,
    pub priority: String,
    pub stage: String,
    pub owner: String,
    /// The start of the customer's description, for the list.
    pub summary: String,
    /// The earliest due time of the case's open promises.
    pub next_promise_due: Option<DateTime<Utc>>,
}

/// Which cases to list: newest first, one page at a time.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct CaseListQuery {
    /// Only cases in this stage.
    pub stage: Option<String>,
    /// Only cases owned by this person.
    pub owner: Option<String>,
    /// Page size; at most 500.
    pub limit: Option<u32>,
    /// Continue after this case (the last id of the previous page).
    pub after_id: Option<i64>,
}

const SUMMARY_CHARS: usize = 140;
const MAX_PAGE: u32 = 500;

impl Store {
    /// Opens a new case from a validated intake, in one transaction: customer, case, first event.
    pub fn create_case(
        &mut self,
        intake: &ValidNewCase,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<CaseSummary, StoreError> {
        let id = self.write(|tx| insert_case(tx, intake, by, at))?;
        self.case_summary(id)
    }

    pub fn case_summary(&self, id: i64) -> Result<CaseSummary, StoreError> {
        let sql = format!("{SUMMARY_SELECT} WHERE c.id = ?1");
        self.conn.query_row(&sql, [id], summary_from_row).map_err(|error| match error {
            rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound(format!("There is no case with id {id}.")),
            other => other.into(),
        })?
    }

    /// One page of the case list, newest first.
    pub fn list_cases(&self, query: &CaseListQuery) -> Result<Vec<CaseSummary>, StoreError> {
        let limit = query.limit.unwrap_or(100).clamp(1, MAX_PAGE);
        let (after_received, after_id) = match query.after_id {
            Some(id) => {
                let received: i64 =
                    self.conn.query_row("SELECT received_at FROM cases WHERE id = ?1", [id], |row| row.get(0))?;
                (received, id)
            }
            None => (i64::MAX, i64::MAX),
        };
        let sql = format!(
            "{SUMMARY_SELECT}
             WHERE (c.received_at, c.id) < (?1, ?2)
               AND (?3 IS NULL OR c.stage = ?3)
               AND (?4 IS NULL OR c.owner = ?4)
             ORDER BY c.received_at DESC, c.id DESC
             LIMIT ?5"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement
            .query_map(params![after_received, after_id, query.stage, query.owner, limit], summary_from_row)?;
        rows.map(|row| row?).collect()
    }
}

const SUMMARY_SELECT: &str = "SELECT c.id, c.ref_year, c.ref_number, c.received_at, cu.name, c.channel, c.priority,
        c.stage, c.owner, c.summary,
        (SELECT MIN(p.due_at) FROM promises p WHERE p.case_id = c.id AND p.state = 'open')
    FROM cases c JOIN customers cu ON cu.id = c.customer_id";

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<Result<CaseSummary, StoreError>> {
    let reference = CaseRef { year: row.get(1)?, number: row.get(2)? }.to_string();
    let received_at: i64 = row.get(3)?;
    let next_due: Option<i64> = row.get(10)?;
    let build = || -> Result<CaseSummary, StoreError> {
        Ok(CaseSummary {
            id: row.get(0)?,
            reference,
            received_at: time::from_millis(received_at)?,
            customer_name: row.get(4)?,
            channel: row.get(5)?,
            priority: row.get(6)?,
            stage: row.get(7)?,
            owner: row.get(8)?,
            summary: row.get(9)?,
            next_promise_due: next_due.map(time::from_millis).transpose()?,
        })
    };
    Ok(build())
}

fn insert_case(tx: &Transaction<'_>, intake: &ValidNewCase, by: &str, at: DateTime<Utc>) -> Result<i64, StoreError> {
    let intake_record = intake.get();
    let customer_id = customers::find_or_create(tx, &intake_record.customer, at)?;
    let year = CaseRef::for_received(at, 0).year;
    let number: u32 =
        tx.query_row("SELECT COALESCE(MAX(ref_number), 0) + 1 FROM cases WHERE ref_year = ?1", [year], |row| {
            row.get(0)
        })?;
    let summary: String = intake_record.description.chars().take(SUMMARY_CHARS).collect();
    let state_json = serde_json::to_string(intake_record).map_err(|error| StoreError::Corrupt(error.to_string()))?;
    tx.execute(
        "INSERT INTO cases (ref_year, ref_number, customer_id, received_at, channel, priority, stage, owner, summary, updated_at, state_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'intake', ?7, ?8, ?4, ?9)",
        params![
            year,
            number,
            customer_id,
            time::to_millis(at),
            intake_record.channel.as_str(),
            intake_record.priority.as_str(),
            by,
            summary,
            state_json
        ],
    )?;
    let case_id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO case_events (case_id, seq, at, actor, kind, record_json) VALUES (?1, 1, ?2, ?3, 'received', ?4)",
        params![case_id, time::to_millis(at), by, state_json],
    )?;
    Ok(case_id)
}
