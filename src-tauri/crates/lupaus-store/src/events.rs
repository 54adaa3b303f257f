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

/// Appends one encoded event after the case's last one.
pub(crate) fn append_encoded(tx: &Transaction<'_>, case_id: i64, event: &EncodedEvent) -> Result<(), StoreError> {
    let last_seq: i64 = tx
        .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM case_events WHERE case_id = ?1")?
        .query_row([case_id], |row| row.get(0))?;
    insert_encoded(tx, case_id, last_seq + 1, event)
}

fn insert(tx: &Transaction<'_>, case_id: i64, seq: i64, record: &EventRecord) -> Result<(), StoreError> {
    insert_encoded(tx, case_id, seq, &EncodedEvent::of(record)?)
}

/// An event as its `case_events` row holds it. Encoding needs no database, so the import does it
/// on a second thread while the first one writes.
#[derive(Debug)]
pub(crate) struct EncodedEvent {
    /// The event's global id (UUIDv7), the same on every desk and on the team's server.
    event_id: uuid::Uuid,
    at_millis: i64,
    actor: String,
    kind: String,
    json: String,
}

impl EncodedEvent {
    pub(crate) fn of(record: &EventRecord) -> Result<EncodedEvent, StoreError> {
        Self::with_id(record, uuid::Uuid::now_v7())
    }

    /// An event that already has its global id (one pulled from the team's server).
    pub(crate) fn with_id(record: &EventRecord, event_id: uuid::Uuid) -> Result<EncodedEvent, StoreError> {
        let json = serde_json::to_value(record).map_err(|error| StoreError::Corrupt(error.to_string()))?;
        let kind = json["event"]["kind"].as_str().unwrap_or("unknown").to_owned();
        Ok(EncodedEvent {
            event_id,
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
        "INSERT INTO case_events (case_id, seq, at, actor, kind, record_json, event_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        case_id,
        seq,
        event.at_millis,
        event.actor,
        event.kind,
        event.json,
        event.event_id.as_bytes()
    ])?;
    Ok(())
}

impl Store {
    /// Every event of a case, oldest first: in the team server's order, then this desk's own
    /// events not yet back from the server, in the order they were recorded (see team/).
    pub fn case_events(&self, case_id: i64) -> Result<Vec<EventRecord>, StoreError> {
        Ok(in_canonical_order(&self.conn, case_id)?.into_iter().map(|event| event.record).collect())
    }

    /// The case's state rebuilt from its event log alone, ignoring the stored projection. Events
    /// flagged as the losing side of a team conflict are kept in the log but not applied.
    pub fn replay_case(&self, case_id: i64) -> Result<CaseState, StoreError> {
        let events: Vec<EventRecord> = in_canonical_order(&self.conn, case_id)?
            .into_iter()
            .filter(|event| !event.flagged)
            .map(|event| event.record)
            .collect();
        if events.is_empty() {
            return Err(StoreError::NotFound(format!("There is no case with id {case_id}.")));
        }
        Ok(CaseState::replay(&events)?)
    }
}

/// One event of a case as [`in_canonical_order`] reads it.
pub(crate) struct OrderedEvent {
    pub(crate) event_id: Vec<u8>,
    pub(crate) record: EventRecord,
    /// Kept as the losing side of a team conflict (team/apply.rs): shown, not applied.
    pub(crate) flagged: bool,
    /// The code of the desk that recorded it; '' on a desk that never joined a team.
    pub(crate) desk: String,
}

/// A case's events in the order every desk of a team agrees on: the server's order, then this
/// desk's own events not yet back from the server, in the order they were recorded.
pub(crate) fn in_canonical_order(conn: &rusqlite::Connection, case_id: i64) -> Result<Vec<OrderedEvent>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT e.event_id, e.record_json, EXISTS (SELECT 1 FROM sync_flags f WHERE f.event_id = e.event_id),
             COALESCE(k.desk, CASE WHEN EXISTS (SELECT 1 FROM sync_received r WHERE r.event_id = e.event_id) THEN ''
                 ELSE (SELECT code FROM desk_identity WHERE id = 1) END, '')
         FROM case_events e LEFT JOIN sync_canon k ON k.event_id = e.event_id
         WHERE e.case_id = ?1 ORDER BY k.pos IS NULL, k.pos, e.seq",
    )?;
    let rows = statement.query_map([case_id], |row| {
        Ok((row.get::<_, Vec<u8>>(0)?, row.get::<_, String>(1)?, row.get::<_, bool>(2)?, row.get::<_, String>(3)?))
    })?;
    rows.map(|row| {
        let (event_id, json, flagged, desk) = row?;
        let record = serde_json::from_str(&json)
            .map_err(|error| StoreError::Corrupt(format!("case {case_id} has an unreadable event: {error}")))?;
        Ok(OrderedEvent { event_id, record, flagged, desk })
    })
    .collect()
}
