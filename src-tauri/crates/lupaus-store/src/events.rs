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

fn insert(tx: &Transaction<'_>, case_id: i64, seq: i64, record: &EventRecord) -> Result<(), StoreError> {
    insert_encoded(tx, case_id, seq, &EncodedEvent::of(record)?)
}

/// An event as its `case_events` row holds it. Encoding needs no database, so the import does it
/// on a second thread while the first one writes.
#[derive(Debug)]
pub(crate) struct EncodedEvent {
    at_millis: i64,
    actor: String,
    kind: String,
    json: String,
}

impl EncodedEvent {
    pub(crate) fn of(record: &EventRecord) -> Result<EncodedEvent, StoreError> {
        let json = serde_json::to_value(record).map_err(|error| StoreError::Corrupt(error.to_string()))?;
        let kind = json["event"]["kind"].as_str().unwrap_or("unknown").to_owned();
        Ok(EncodedEvent {
            at_millis: time::to_millis(record.at),
            actor: record.actor.person.clone(),
            kind,
            json: json.to_string(),
        })
    }
}

/// Inserts an encoded event as the case's event number `seq`.
pub(crate) fn insert_encoded(
    tx: &Transaction<'_>,
    case_id: i64,
    seq: i64,
    event: &EncodedEvent,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO case_events (case_id, seq, at, actor, kind, record_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![case_id, seq, event.at_millis, event.actor, event.kind, event.json])?;
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
