//! Applying events pulled from the server, in the server's order. Each pulled event gets its
//! canonical position; an event new to this desk is stored in its log; then the derived rows
//! (case, promises) of every touched case are rebuilt from the canonical order with this
//! desk's unpushed events on top. All of it, and the cursor, in one transaction: a crash
//! leaves the batch wholly applied or not at all, and pulling it again changes nothing. So the
//! commit need not wait for the disk (`Store::write_repeatable`): a power cut only repeats it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use lupaus_core::lifecycle::{self, CaseEvent, CaseState, EventRecord};
use lupaus_core::settings::ValidDeskSettings;
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::ahead;
use super::promise_rebuild::{rebuild_promise, replacements_of};
use super::{CaseLink, SyncEvent, SyncLog, shared, team_log, wire};
use crate::cases::{SUMMARY_CHARS, save_state, to_json};
use crate::{Store, StoreError, customers, events, promises, settings, time};

/// Events read from the server in its order, and where the read ended.
#[derive(Debug, Clone)]
pub struct PulledBatch {
    pub epoch: String,
    pub events: Vec<SyncEvent>,
    /// The (tx, seq) of the last event: the pull cursor moves there. `None` for events pulled
    /// ahead of the cursor (a joining desk's open cases first): they are applied, their
    /// positions are provisional, and the cursor stays where it is.
    pub cursor: Option<(String, i64)>,
}

/// What applying a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Events this desk did not hold before.
    pub new_events: usize,
    pub touched_cases: usize,
    /// Events flagged now: unreadable ones, and conflict losers among the touched cases.
    pub flagged: usize,
    /// The batch held people or settings events: the people list was derived again.
    pub people_or_settings: bool,
    /// The desk-team settings changed (reminders were rescheduled).
    pub settings_changed: bool,
    /// Hand-off notices this desk kept for their receivers (notices.rs).
    pub notices: usize,
}

impl Store {
    /// Applies a pulled batch; `now` is when, for reminders moved by a pulled settings change.
    pub fn apply_pulled(&mut self, batch: &PulledBatch, now: DateTime<Utc>) -> Result<Applied, StoreError> {
        self.apply_pulled_at(batch, now, "")
    }

    /// Applies a pulled batch with `at_keyboard` signed in here: a pulled hand-off to them (or
    /// to someone last seen here) keeps its notice in the same transaction.
    pub fn apply_pulled_at(
        &mut self,
        batch: &PulledBatch,
        now: DateTime<Utc>,
        at_keyboard: &str,
    ) -> Result<Applied, StoreError> {
        self.write_repeatable(|tx| {
            let mut applied = Applied::default();
            let mut cases = BTreeSet::new();
            let desk = settings::load(tx)?;
            let mut promises = BTreeMap::new();
            let mut reminded = BTreeSet::new();
            let mut handed = BTreeSet::new();
            let mut team_order_moved = false;
            let mut pos: i64 = tx.query_row("SELECT COALESCE(MAX(pos), 0) FROM sync_canon", [], |row| row.get(0))?;
            let ahead = batch.cursor.is_none();
            let log_ends = super::outbox::log_ends(tx)?;
            for event in &batch.events {
                let id = event.event_id.as_bytes();
                let known = tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO sync_canon (event_id, pos, desk, ahead) VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![id, pos + 1, event.desk, ahead])?;
                if known == 0 {
                    if !ahead && let Some(placed) = ahead::take_place(tx, event)? {
                        cases.extend(placed.customer_changed);
                    }
                    continue;
                }
                pos += 1;
                let outcome = match event.log {
                    SyncLog::Case => store_case_event(tx, event, ahead, &mut applied)?.map(|case| {
                        cases.insert(case);
                        if event.kind == "handed_off" {
                            handed.insert(case);
                        }
                    }),
                    SyncLog::Promise => store_promise_event(tx, event, &desk, &mut applied)?.map(|(case, promise)| {
                        cases.insert(case);
                        promises.insert(promise, (case, event.promise_gid.unwrap_or(event.event_id)));
                    }),
                    // A sign-in moves a person's whereabouts; the people list does not change.
                    SyncLog::Person if event.kind == "signed_in" => team_log::store_sign_in(tx, event, &mut applied)?,
                    SyncLog::Person | SyncLog::Settings => {
                        // Positioned now: the fold's order may have changed, also for our own.
                        team_order_moved = true;
                        team_log::store_person_or_settings(tx, event, &mut applied)?
                    }
                    SyncLog::Lesson => team_log::store_lesson(tx, event, &mut applied)?,
                    SyncLog::Attachment => team_log::store_attachment(tx, event, &mut applied)?.map(|case| {
                        cases.insert(case);
                    }),
                    SyncLog::Reminder => team_log::store_reminder(tx, event, &mut applied)?.map(|promise| {
                        reminded.insert(promise);
                    }),
                    SyncLog::Review => team_log::store_review(tx, event, &mut applied)?.map(|case| {
                        cases.insert(case);
                    }),
                };
                if let Err(reason) = outcome {
                    flag(tx, event, None, "unreadable", &reason.0)?;
                    applied.flagged += 1;
                }
            }
            for case_id in &cases {
                applied.flagged += rebuild_case(tx, *case_id)?;
            }
            // Ascending ids: a renegotiated promise is rebuilt before the one replacing it.
            let mut rebuilt = BTreeSet::new();
            for (promise_id, (case_id, gid)) in &promises {
                applied.flagged += rebuild_promise(tx, *case_id, *promise_id, *gid, &desk)?;
                rebuilt.insert(*promise_id);
            }
            // A replacement this batch did not touch may now stand or lose with its predecessor.
            for (promise_id, case_id, gid) in replacements_of(tx, &rebuilt)? {
                applied.flagged += rebuild_promise(tx, case_id, promise_id, gid, &desk)?;
            }
            crate::reminders::reschedule_promises(tx, &reminded, now)?;
            for case_id in &handed {
                applied.notices += usize::from(crate::notices::consider(tx, *case_id, at_keyboard)?);
            }
            if team_order_moved {
                let rebuilt = shared::rebuild_people_and_settings(tx, now)?;
                applied.flagged += rebuilt.flagged;
                applied.people_or_settings = true;
                applied.settings_changed = rebuilt.settings_changed;
            }
            applied.touched_cases = cases.len();
            super::outbox::follow_received(tx, log_ends)?;
            if let Some((cursor_tx, cursor_seq)) = &batch.cursor {
                tx.execute(
                    "INSERT INTO sync_cursor (id, epoch, tx, seq) VALUES (1, ?1, ?2, ?3)
                     ON CONFLICT (id) DO UPDATE SET epoch = excluded.epoch, tx = excluded.tx, seq = excluded.seq",
                    params![batch.epoch, cursor_tx, cursor_seq],
                )?;
            }
            Ok(applied)
        })
    }
}

/// Result of storing one event: the touched case, or why the event cannot be applied here.
/// Why a pulled event cannot be applied on this desk (a newer version's kind, a payload that does
/// not parse): it is kept aside and flagged, and the rest of the batch applies.
#[derive(Debug)]
pub(crate) struct Unreadable(pub(crate) String);

/// A store failure stops the batch; an unreadable event only flags itself.
pub(crate) type Stored<T> = Result<Result<T, Unreadable>, StoreError>;

impl From<String> for Unreadable {
    fn from(reason: String) -> Self {
        Unreadable(reason)
    }
}

impl From<&str> for Unreadable {
    fn from(reason: &str) -> Self {
        Unreadable(reason.to_owned())
    }
}

pub(crate) fn case_by_gid(tx: &Transaction<'_>, gid: Uuid) -> Result<Option<i64>, StoreError> {
    Ok(tx
        .prepare_cached("SELECT id FROM cases WHERE gid = ?1")?
        .query_row([gid.as_bytes()], |row| row.get(0))
        .optional()?)
}

fn store_case_event(tx: &Transaction<'_>, event: &SyncEvent, ahead: bool, applied: &mut Applied) -> Stored<i64> {
    let own: Option<i64> = tx
        .prepare_cached("SELECT case_id FROM case_events WHERE event_id = ?1")?
        .query_row([event.event_id.as_bytes()], |row| row.get(0))
        .optional()?;
    if let Some(case_id) = own {
        return Ok(Ok(case_id));
    }
    let record: EventRecord = match serde_json::from_str(&event.record) {
        Ok(record) => record,
        Err(error) => return Ok(Err(Unreadable::from(format!("a case event this version cannot read: {error}")))),
    };
    let Some(link) = &event.case else { return Ok(Err(Unreadable::from("a case event without its case"))) };
    let encoded = events::EncodedEvent::with_id(&record, event.event_id)?;
    let case_id = match case_by_gid(tx, link.gid)? {
        Some(case_id) => {
            events::append_encoded(tx, case_id, &encoded)?;
            case_id
        }
        None => match open_remote_case(tx, event, link, &record, ahead)? {
            Ok(case_id) => {
                events::insert_encoded(tx, case_id, 1, &encoded)?;
                case_id
            }
            Err(reason) => return Ok(Err(reason)),
        },
    };
    received(tx, event)?;
    applied.new_events += 1;
    Ok(Ok(case_id))
}

/// The `cases` row of a case another desk opened; its state is rebuilt after the batch.
fn open_remote_case(
    tx: &Transaction<'_>,
    event: &SyncEvent,
    link: &CaseLink,
    record: &EventRecord,
    ahead: bool,
) -> Stored<i64> {
    if !matches!(record.event, CaseEvent::Opened { .. }) {
        return Ok(Err(Unreadable::from(format!(
            "'{}' arrived for a case this desk has never seen opened",
            event.kind
        ))));
    }
    let state = match CaseState::replay(std::slice::from_ref(record)) {
        Ok(state) => state,
        Err(error) => return Ok(Err(Unreadable(error.to_string()))),
    };
    let taken: Option<i64> = tx
        .prepare_cached("SELECT id FROM cases WHERE desk_code = ?1 AND ref_year = ?2 AND ref_number = ?3")?
        .query_row(params![link.desk, link.year, link.number], |row| row.get(0))
        .optional()?;
    if taken.is_some() || link.desk.is_empty() {
        return Ok(Err(Unreadable::from(format!(
            "another case already holds the reference {}-{}/{}",
            link.year, link.number, link.desk
        ))));
    }
    let customer_id = if ahead {
        customers::create_ahead(tx, &state.intake.customer, state.received_at, &link.desk)?
    } else {
        customers::find_or_create(tx, &state.intake.customer, state.received_at, &link.desk)?.0
    };
    let summary: String = state.intake.description.chars().take(SUMMARY_CHARS).collect();
    tx.prepare_cached(
        "INSERT INTO cases (ref_year, ref_number, customer_id, received_at, channel, priority, stage, owner, summary,
             updated_at, state_json, gid, desk_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?4, ?10, ?11, ?12)",
    )?
    .execute(params![
        link.year,
        link.number,
        customer_id,
        time::to_millis(state.received_at),
        state.intake.channel.as_str(),
        state.intake.priority.as_str(),
        state.stage.as_str(),
        state.owner,
        summary,
        to_json(&state)?,
        link.gid.as_bytes(),
        link.desk
    ])?;
    tx.prepare_cached("INSERT OR IGNORE INTO desk_codes (code) VALUES (?1)")?.execute([&link.desk])?;
    Ok(Ok(tx.last_insert_rowid()))
}

fn store_promise_event(
    tx: &Transaction<'_>,
    event: &SyncEvent,
    desk: &ValidDeskSettings,
    applied: &mut Applied,
) -> Stored<(i64, i64)> {
    let own: Option<(i64, i64)> = tx
        .prepare_cached("SELECT case_id, promise_id FROM promise_events WHERE event_id = ?1")?
        .query_row([event.event_id.as_bytes()], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if let Some(ids) = own {
        return Ok(Ok(ids));
    }
    let Some(gid) = event.promise_gid else { return Ok(Err(Unreadable::from("a promise event without a promise id"))) };
    let Some(case_id) = event.case.as_ref().map(|link| case_by_gid(tx, link.gid)).transpose()?.flatten() else {
        return Ok(Err(Unreadable::from("a promise event for a case this desk has never seen opened")));
    };
    let next_id = promises::next_id(tx)?;
    let promise_id: i64 = tx
        .prepare_cached("SELECT id FROM promises WHERE gid = ?1")?
        .query_row([gid.as_bytes()], |row| row.get(0))
        .optional()?
        .unwrap_or(next_id);
    let following = if promise_id == next_id { next_id + 1 } else { next_id };
    let (promise, json) = match wire::promise_from_wire(tx, &event.record, promise_id, case_id, following) {
        Ok(stored) => stored,
        Err(reason) => {
            return Ok(Err(Unreadable::from(format!("a promise event this version cannot read: {}", reason.0))));
        }
    };
    // A new promise's row exists before its events refer to it; the rebuild sets its final state.
    if promise_id == next_id {
        promises::save_row(tx, &promise, time::from_millis(event.at_millis)?, desk, gid)?;
    }
    tx.prepare_cached(
        "INSERT INTO promise_events (promise_id, case_id, at, actor, kind, record_json, event_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        promise_id,
        case_id,
        event.at_millis,
        event.actor,
        event.kind,
        json,
        event.event_id.as_bytes()
    ])?;
    received(tx, event)?;
    applied.new_events += 1;
    Ok(Ok((case_id, promise_id)))
}

/// Notes that another desk recorded `event`: it is never pushed from here.
pub(crate) fn received(tx: &Transaction<'_>, event: &SyncEvent) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT OR IGNORE INTO sync_received (event_id) VALUES (?1)")?
        .execute([event.event_id.as_bytes()])?;
    Ok(())
}

fn flag(
    tx: &Transaction<'_>,
    event: &SyncEvent,
    case_id: Option<i64>,
    reason: &str,
    detail: &str,
) -> Result<(), StoreError> {
    tracing::warn!(event = %event.event_id, desk = %event.desk, reason, detail, "event from the team kept but not applied");
    tx.prepare_cached(
        "INSERT OR REPLACE INTO sync_flags (event_id, case_id, log, reason, detail, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![event.event_id.as_bytes(), case_id, event.log.as_str(), reason, detail, event.record])?;
    Ok(())
}

/// Rebuilds a case's row from its events in the canonical order. An event the lifecycle refuses
/// at its place in that order (a close after another desk's close, a second remedy agreed) is
/// the losing side of a conflict: kept in the log and the timeline, flagged, not applied. Every
/// desk holds the same order, so every desk picks the same loser. Returns how many it flagged.
pub(crate) fn rebuild_case(tx: &Transaction<'_>, case_id: i64) -> Result<usize, StoreError> {
    let records: Vec<(Vec<u8>, EventRecord)> =
        events::in_canonical_order(tx, case_id)?.into_iter().map(|event| (event.event_id, event.record)).collect();
    let Some(((_, first), rest)) = records.split_first() else {
        return Err(StoreError::NotFound(format!("There is no case with id {case_id}.")));
    };
    let mut state = CaseState::replay(std::slice::from_ref(first))?;
    tx.prepare_cached("DELETE FROM sync_flags WHERE case_id = ?1 AND log = 'case' AND reason = 'conflict'")?
        .execute([case_id])?;
    let mut flagged = 0;
    for (id, record) in rest {
        // `apply` checks before it changes anything, so a refused event leaves the state as it was.
        if let Err(error) = lifecycle::apply(&mut state, record) {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO sync_flags (event_id, case_id, log, reason, detail) VALUES (?1, ?2, 'case', 'conflict', ?3)",
            )?
            .execute(params![id, case_id, error.to_string()])?;
            flagged += 1;
        }
    }
    save_state(tx, case_id, &state)?;
    Ok(flagged)
}
