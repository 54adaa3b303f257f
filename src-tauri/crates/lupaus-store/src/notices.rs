//! Hand-off notices (issue 17): the receiver of a hand-off hears of it on the desk where they
//! are, once. When a hand-off is made here or pulled from the team, the core's rule
//! (`presence::notices_here`) says whether this desk keeps a notice for the receiver; the row is
//! keyed by the hand-off's event id, so a re-pull or a restart never makes a second one. The OS
//! notification goes out once, when the receiver is at this keyboard ([`Store::announce_notices`]);
//! the in-app notice stays until they acknowledge it.

use chrono::{DateTime, Utc};
use lupaus_core::lifecycle::{CaseEvent, EventRecord};
use lupaus_core::presence::{self, HandOffSeen};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::{Store, StoreError, events, time};

/// The most notices one list shows.
const MAX_NOTICES: u32 = 100;

/// A hand-off the receiver has not acknowledged yet, with what the sender wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HandOffNotice {
    /// The hand-off's event id: what acknowledging names.
    pub event_id: String,
    pub case_id: i64,
    pub case_reference: String,
    pub customer_name: String,
    pub from: String,
    pub to: String,
    pub note: String,
    pub customer_told: String,
    pub handed_at: DateTime<Utc>,
}

/// Keeps a notice of the case's latest hand-off when the core's rule says this desk should:
/// after a hand-off made here, or after pulled events touched the case. Answers whether a new
/// notice was kept.
pub(crate) fn consider(tx: &Transaction<'_>, case_id: i64, at_keyboard: &str) -> Result<bool, StoreError> {
    let latest = events::in_canonical_order(tx, case_id)?
        .into_iter()
        .rev()
        .find(|event| !event.flagged && matches!(event.record.event, CaseEvent::HandedOff { .. }));
    let Some(event) = latest else { return Ok(false) };
    let CaseEvent::HandedOff { from, to, .. } = &event.record.event else { return Ok(false) };
    let owner_now: String = tx.query_row("SELECT owner FROM cases WHERE id = ?1", [case_id], |row| row.get(0))?;
    let here = crate::presence::this_desk(tx)?;
    let seen = HandOffSeen { receiver: to, owner_now: &owner_now, at_keyboard, here: *here.as_bytes() };
    if !presence::notices_here(seen, &crate::presence::whereabouts(tx)?) {
        return Ok(false);
    }
    let kept = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO hand_off_notices (event_id, case_id, person, from_person, handed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![event.event_id, case_id, to, from, time::to_millis(event.record.at)])?;
    Ok(kept > 0)
}

impl Store {
    /// The notices `person` has not acknowledged on this desk, newest first.
    pub fn open_notices(&self, person: &str) -> Result<Vec<HandOffNotice>, StoreError> {
        let rows: Vec<(Vec<u8>, i64)> = self
            .conn
            .prepare_cached(
                "SELECT event_id, case_id FROM hand_off_notices WHERE person = ?1 AND acknowledged_at IS NULL
                 ORDER BY handed_at DESC LIMIT ?2",
            )?
            .query_map(params![person.trim(), MAX_NOTICES], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter().map(|(event_id, case_id)| self.notice(&event_id, case_id)).collect()
    }

    /// The notices for `person` whose OS notification has not gone out yet; marks them told, so
    /// each goes out once, also across restarts. Call it with the person at the keyboard.
    pub fn announce_notices(&mut self, person: &str, now: DateTime<Utc>) -> Result<Vec<HandOffNotice>, StoreError> {
        let person = person.trim();
        if person.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<(Vec<u8>, i64)> = self.write(|tx| {
            let rows: Vec<(Vec<u8>, i64)> = tx
                .prepare_cached(
                    "SELECT event_id, case_id FROM hand_off_notices
                     WHERE person = ?1 AND announced_at IS NULL AND acknowledged_at IS NULL ORDER BY handed_at LIMIT ?2",
                )?
                .query_map(params![person, MAX_NOTICES], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (event_id, _) in &rows {
                tx.prepare_cached("UPDATE hand_off_notices SET announced_at = ?2 WHERE event_id = ?1")?
                    .execute(params![event_id, time::to_millis(now)])?;
            }
            Ok(rows)
        })?;
        rows.into_iter().map(|(event_id, case_id)| self.notice(&event_id, case_id)).collect()
    }

    /// `person` has read the notice of hand-off `event_id`. Acknowledging twice changes nothing;
    /// someone else's notice, or one this desk does not keep, is not found.
    pub fn acknowledge_notice(&mut self, person: &str, event_id: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let id = Uuid::parse_str(event_id.trim())
            .map_err(|_| StoreError::NotFound(format!("'{event_id}' is not the id of a hand-off notice.")))?;
        self.write(|tx| {
            let owner: Option<String> = tx
                .query_row("SELECT person FROM hand_off_notices WHERE event_id = ?1", [id.as_bytes()], |row| row.get(0))
                .optional()?;
            if owner.as_deref() != Some(person.trim()) {
                return Err(StoreError::NotFound(format!(
                    "{} has no hand-off notice {event_id} on this desk.",
                    person.trim()
                )));
            }
            tx.execute(
                "UPDATE hand_off_notices SET acknowledged_at = ?2 WHERE event_id = ?1 AND acknowledged_at IS NULL",
                params![id.as_bytes(), time::to_millis(now)],
            )?;
            Ok(())
        })
    }

    fn notice(&self, event_id: &[u8], case_id: i64) -> Result<HandOffNotice, StoreError> {
        let json: String = self
            .conn
            .prepare_cached("SELECT record_json FROM case_events WHERE event_id = ?1")?
            .query_row([event_id], |row| row.get(0))?;
        let record: EventRecord =
            serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(format!("a hand-off event: {error}")))?;
        let CaseEvent::HandedOff { from, to, note, customer_told, .. } = record.event else {
            return Err(StoreError::Corrupt("a hand-off notice points at an event that is no hand-off".into()));
        };
        let case = self.case_summary(case_id)?;
        Ok(HandOffNotice {
            event_id: crate::team::uuid_from(event_id)?.to_string(),
            case_id,
            case_reference: case.reference,
            customer_name: case.customer_name,
            from,
            to,
            note,
            customer_told,
            handed_at: record.at,
        })
    }
}
