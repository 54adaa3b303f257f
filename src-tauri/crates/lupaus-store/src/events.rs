//! The `case_events` table: the append-only log every case is rebuilt from. Rows are only ever
//! inserted (SQLite triggers abort UPDATE and DELETE).

use lupaus_core::lifecycle::{CaseState, EventRecord};
use rusqlite::{Transaction, params};

use crate::{Store, StoreError, time};

/// Appends `records` after the case's last event, in order.
pub(crate) fn append(tx: &Transaction<'_>, case_id: i64, records: &[EventRecord]) -> Result<(), StoreError> {
    let last_seq: i64 = tx
        .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM case_events WHERE case_id = ?1")?
        .query_row([case_id], |row| row.get(0))?;
    for (offset, record) in records.iter().enumerate() {
        insert(tx, case_id, last_seq + 1 + offset as i64, record)?;
    }
    Ok(())
}

/// Appends the first event of a case just inserted: its log is empty, so no need to look.
pub(crate) fn append_first(tx: &Transaction<'_>, case_id: i64, record: &EventRecord) -> Result<(), StoreError> {
    insert(tx, case_id, 1, record)
}

fn insert(tx: &Transaction<'_>, case_id: i64, seq: i64, record: &EventRecord) -> Result<(), StoreError> {
    let json = serde_json::to_value(record).map_err(|error| StoreError::Corrupt(error.to_string()))?;
    let kind = json["event"]["kind"].as_str().unwrap_or("unknown");
    tx.prepare_cached(
        "INSERT INTO case_events (case_id, seq, at, actor, kind, record_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![case_id, seq, time::to_millis(record.at), record.actor.person, kind, json.to_string()])?;
    Ok(())
}

impl Store {
    /// Every event of a case, oldest first.
    pub fn case_events(&self, case_id: i64) -> Result<Vec<EventRecord>, StoreError> {
        let mut statement =
            self.conn.prepare_cached("SELECT record_json FROM case_events WHERE case_id = ?1 ORDER BY seq")?;
        let rows = statement.query_map([case_id], |row| row.get::<_, String>(0))?;
        rows.map(|json| {
            serde_json::from_str(&json?)
                .map_err(|error| StoreError::Corrupt(format!("case {case_id} has an unreadable event: {error}")))
        })
        .collect()
    }

    /// The case's state rebuilt from its event log alone, ignoring the stored projection.
    pub fn replay_case(&self, case_id: i64) -> Result<CaseState, StoreError> {
        let events = self.case_events(case_id)?;
        if events.is_empty() {
            return Err(StoreError::NotFound(format!("There is no case with id {case_id}.")));
        }
        Ok(CaseState::replay(&events)?)
    }
}
