//! The `promises` table and its append-only `promise_events`. The core decides every change
//! ([`Promise::keep`], [`Promise::renegotiate`]); this module stores the result together with
//! the promise's next reminder time, so the scheduler finds it through an index.

use chrono::{DateTime, Utc};
use lupaus_core::case::CaseRef;
use lupaus_core::lifecycle::{Actor, CaseEvent, EventRecord};
use lupaus_core::promise::{
    NewPromise, Promise, PromiseOrigin, PromiseState, PromiseStatus, Renegotiated, Renegotiation,
};
use lupaus_core::reminder::{ReminderKey, Reminders};
use lupaus_core::settings::ValidDeskSettings;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::{Store, StoreError, settings, time};

/// A promise with what a list needs to show it: its case and customer, and where it stands now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PromiseView {
    pub promise: Promise,
    pub status: PromiseStatus,
    pub case_reference: String,
    pub customer_name: String,
}

fn state_name(state: &PromiseState) -> &'static str {
    match state {
        PromiseState::Open => "open",
        PromiseState::Kept { .. } => "kept",
        PromiseState::Renegotiated { .. } => "renegotiated",
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|error| StoreError::Corrupt(error.to_string()))
}

pub(crate) fn next_id(tx: &Transaction<'_>) -> Result<i64, StoreError> {
    Ok(tx.prepare_cached("SELECT COALESCE(MAX(id), 0) + 1 FROM promises")?.query_row([], |row| row.get(0))?)
}

/// Writes `promise` (new or changed) with its next reminder time, and logs the change.
pub(crate) fn save(
    tx: &Transaction<'_>,
    promise: &Promise,
    change: &str,
    by: &str,
    at: DateTime<Utc>,
    desk: &ValidDeskSettings,
) -> Result<(), StoreError> {
    let record_json = save_row(tx, promise, at, desk, uuid::Uuid::now_v7())?;
    tx.prepare_cached(
        "INSERT INTO promise_events (promise_id, case_id, at, actor, kind, record_json, event_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        promise.id,
        promise.case_id,
        time::to_millis(at),
        by,
        change,
        record_json,
        uuid::Uuid::now_v7().as_bytes()
    ])?;
    Ok(())
}

/// Writes the `promises` row of `promise` (a new one gets `gid`) with its next reminder time
/// from `at`; returns the record as stored.
pub(crate) fn save_row(
    tx: &Transaction<'_>,
    promise: &Promise,
    at: DateTime<Utc>,
    desk: &ValidDeskSettings,
    gid: uuid::Uuid,
) -> Result<String, StoreError> {
    let raised = crate::reminders::raised_keys(tx, promise.id)?;
    let next = Reminders::new(&desk.settings.reminder_plan, &desk.calendar).next_fire_at(promise, &raised, at);
    let record_json = to_json(promise)?;
    tx.prepare_cached(
        "INSERT INTO promises (id, case_id, text, channel, due_at, owner, made_by, made_at, state, record_json, next_reminder_at, gid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, state = excluded.state,
             record_json = excluded.record_json, next_reminder_at = excluded.next_reminder_at",
    )?
    .execute(params![
            promise.id,
            promise.case_id,
            promise.text,
            to_json(&promise.channel)?.trim_matches('"'),
            time::to_millis(promise.due_at),
            promise.owner,
            promise.made_by,
            time::to_millis(promise.made_at),
            state_name(&promise.state),
            record_json,
            next.map(time::to_millis),
            gid.as_bytes()
        ])?;
    Ok(record_json)
}

pub(crate) fn make(
    tx: &Transaction<'_>,
    case_id: i64,
    new: NewPromise,
    made_by: &str,
    at: DateTime<Utc>,
    desk: &ValidDeskSettings,
) -> Result<Promise, StoreError> {
    let exists: Option<i64> =
        tx.prepare_cached("SELECT id FROM cases WHERE id = ?1")?.query_row([case_id], |row| row.get(0)).optional()?;
    if exists.is_none() {
        return Err(StoreError::NotFound(format!("There is no case with id {case_id}.")));
    }
    let origin = PromiseOrigin { id: next_id(tx)?, case_id, made_by: made_by.to_owned(), made_at: at };
    let promise = new.validate(origin)?;
    save(tx, &promise, "made", made_by, at, desk)?;
    Ok(promise)
}

/// A hand-off that says "we will call you back" creates that promise, in the same transaction.
pub(crate) fn insert_hand_off_callbacks(
    tx: &Transaction<'_>,
    case_id: i64,
    records: &[EventRecord],
) -> Result<(), StoreError> {
    let callbacks: Vec<(&NewPromise, &EventRecord)> = records
        .iter()
        .filter_map(|record| match &record.event {
            CaseEvent::HandedOff { callback: Some(callback), .. } => Some((callback, record)),
            _ => None,
        })
        .collect();
    if callbacks.is_empty() {
        return Ok(());
    }
    let desk = settings::load(tx)?;
    for (callback, record) in callbacks {
        make(tx, case_id, callback.clone(), &record.actor.person, record.at, &desk)?;
    }
    Ok(())
}

fn load(conn: &Connection, promise_id: i64) -> Result<Promise, StoreError> {
    let json: String = conn
        .query_row("SELECT record_json FROM promises WHERE id = ?1", [promise_id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("There is no promise #{promise_id}.")))?;
    serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(format!("promise {promise_id}: {error}")))
}

pub(crate) fn view_from_row(
    row: &rusqlite::Row<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<Result<PromiseView, StoreError>> {
    let json: String = row.get(0)?;
    let reference = CaseRef { year: row.get(1)?, number: row.get(2)? }.to_string();
    let customer_name: String = row.get(3)?;
    Ok(serde_json::from_str::<Promise>(&json).map_err(|error| StoreError::Corrupt(format!("promise: {error}"))).map(
        |promise| PromiseView {
            status: promise.effective_state(now),
            promise,
            case_reference: reference,
            customer_name,
        },
    ))
}

pub(crate) const VIEW_SELECT: &str = "SELECT p.record_json, c.ref_year, c.ref_number, cu.name
    FROM promises p JOIN cases c ON c.id = p.case_id JOIN customers cu ON cu.id = c.customer_id";

impl Store {
    /// Records a promise made to the customer of `case_id`.
    pub fn make_promise(
        &mut self,
        case_id: i64,
        new: NewPromise,
        by: &Actor,
        at: DateTime<Utc>,
    ) -> Result<Promise, StoreError> {
        self.write(|tx| {
            let desk = settings::load(tx)?;
            make(tx, case_id, new, &by.person, at, &desk)
        })
    }

    /// Records that the promise was kept: the contact happened at `kept_at` with `outcome`.
    pub fn keep_promise(
        &mut self,
        promise_id: i64,
        outcome: &str,
        kept_at: DateTime<Utc>,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Promise, StoreError> {
        self.write(|tx| {
            let desk = settings::load(tx)?;
            let kept = load(tx, promise_id)?.keep(outcome, kept_at)?;
            save(tx, &kept, "kept", &by.person, now, &desk)?;
            Ok(kept)
        })
    }

    /// Moves a promise to a new due time the customer agreed to before the old one passed.
    pub fn renegotiate_promise(
        &mut self,
        promise_id: i64,
        new_due_at: DateTime<Utc>,
        customer_told_at: DateTime<Utc>,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Renegotiated, StoreError> {
        self.write(|tx| {
            let desk = settings::load(tx)?;
            let change =
                Renegotiation { new_id: next_id(tx)?, new_due_at, customer_told_at, by: by.person.clone(), at: now };
            let outcome = load(tx, promise_id)?.renegotiate(change)?;
            save(tx, &outcome.new, "made", &by.person, now, &desk)?;
            save(tx, &outcome.old, "renegotiated", &by.person, now, &desk)?;
            Ok(outcome)
        })
    }

    /// Gives an open promise to another owner (a lead reassigning from the promise board).
    pub fn reassign_promise(
        &mut self,
        promise_id: i64,
        owner: &str,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Promise, StoreError> {
        let owner = lupaus_core::text::required("owner", owner, lupaus_core::case::MAX_SHORT_CHARS)?;
        self.write(|tx| {
            let desk = settings::load(tx)?;
            let promise = load(tx, promise_id)?;
            if promise.state != PromiseState::Open {
                return Err(lupaus_core::CoreError::refused(
                    lupaus_core::reason::RefusalCode::InvalidTransition,
                    lupaus_core::reason::Reason::new(lupaus_core::reason::PROMISE_NOT_OPEN),
                    "Only an open promise can be given to someone else.",
                )
                .into());
            }
            let promise = Promise { owner, ..promise };
            save(tx, &promise, "reassigned", &by.person, now, &desk)?;
            Ok(promise)
        })
    }

    pub fn promise(&self, promise_id: i64) -> Result<Promise, StoreError> {
        load(&self.conn, promise_id)
    }

    /// All promises of a case, by due time.
    pub fn case_promises(&self, case_id: i64, now: DateTime<Utc>) -> Result<Vec<PromiseView>, StoreError> {
        let sql = format!("{VIEW_SELECT} WHERE p.case_id = ?1 ORDER BY p.due_at, p.id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([case_id], |row| view_from_row(row, now))?;
        rows.map(|row| row?).collect()
    }

    /// Open promises due before `until` (overdue ones included), soonest first, for every owner or one.
    pub fn open_promises_due_before(
        &self,
        until: DateTime<Utc>,
        owner: Option<&str>,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<PromiseView>, StoreError> {
        let sql = format!(
            "{VIEW_SELECT} WHERE p.state = 'open' AND p.due_at <= ?1 AND (?2 IS NULL OR p.owner = ?2)
             ORDER BY p.due_at, p.id LIMIT ?3"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params![time::to_millis(until), owner, limit], |row| view_from_row(row, now))?;
        rows.map(|row| row?).collect()
    }

    /// Every open promise of one owner (or all), for the calendar export.
    pub fn open_promises(&self, owner: Option<&str>, now: DateTime<Utc>) -> Result<Vec<PromiseView>, StoreError> {
        self.open_promises_due_before(DateTime::<Utc>::MAX_UTC, owner, now, u32::MAX)
    }
}

/// Keys already raised for a promise, exposed for tests of the exactly-once rule.
pub fn parse_key(text: &str) -> Result<ReminderKey, StoreError> {
    text.parse().map_err(|_| StoreError::Corrupt(format!("unknown reminder step '{text}'")))
}
