//! Raising reminders: find the promises whose next reminder time has come (through the
//! `promises_by_next_reminder` index, never a scan), let the core say which steps are due,
//! record each raised step in `reminder_log` so none fires twice, and move the promise's next
//! reminder time on. All in one transaction.

use chrono::{DateTime, Utc};
use lupaus_core::promise::Promise;
use lupaus_core::reminder::{ReminderKey, ReminderKind, Reminders};
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::promises::{PromiseView, VIEW_SELECT, parse_key, view_from_row};
use crate::{Store, StoreError, settings, time};

/// How many promises one pass handles; the scheduler loops until nothing is due.
const BATCH: u32 = 200;

/// One reminder step raised now, with what a notification needs to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RaisedReminder {
    pub promise: PromiseView,
    pub key: String,
    pub kind: ReminderKind,
    pub fire_at: DateTime<Utc>,
}

pub(crate) fn raised_keys(conn: &Connection, promise_id: i64) -> Result<Vec<ReminderKey>, StoreError> {
    let mut statement = conn.prepare_cached("SELECT step FROM reminder_log WHERE promise_id = ?1")?;
    let rows = statement.query_map([promise_id], |row| row.get::<_, String>(0))?;
    rows.map(|step| parse_key(&step?)).collect()
}

impl Store {
    /// The earliest time any promise needs the scheduler: one index lookup.
    pub fn next_reminder_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let millis: Option<i64> = self.conn.query_row(
            "SELECT next_reminder_at FROM promises WHERE next_reminder_at IS NOT NULL ORDER BY next_reminder_at LIMIT 1",
            [],
            |row| row.get(0),
        ).or_else(|error| match error {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            other => Err(other),
        })?;
        millis.map(time::from_millis).transpose()
    }

    /// Raises every reminder step due at `now` and records it. Steps raised earlier, also before
    /// a restart, are never raised again; after downtime the core collapses missed repeats.
    pub fn raise_due_reminders(&mut self, now: DateTime<Utc>) -> Result<Vec<RaisedReminder>, StoreError> {
        let mut all = Vec::new();
        loop {
            let batch = self.write(|tx| {
                let desk = settings::load(tx)?;
                let reminders = Reminders::new(&desk.settings.reminder_plan, &desk.calendar);
                let sql = format!(
                    "{VIEW_SELECT} WHERE p.next_reminder_at IS NOT NULL AND p.next_reminder_at <= ?1
                     ORDER BY p.next_reminder_at LIMIT ?2"
                );
                let due: Vec<PromiseView> = {
                    let mut statement = tx.prepare_cached(&sql)?;
                    let rows =
                        statement.query_map(params![time::to_millis(now), BATCH], |row| view_from_row(row, now))?;
                    rows.map(|row| row?).collect::<Result<_, StoreError>>()?
                };
                let mut raised_now = Vec::new();
                for view in &due {
                    let promise: &Promise = &view.promise;
                    let mut raised = raised_keys(tx, promise.id)?;
                    for step in reminders.due_steps(promise, &raised, now) {
                        tx.execute(
                            "INSERT INTO reminder_log (promise_id, step, raised_at) VALUES (?1, ?2, ?3)",
                            params![promise.id, step.key.to_string(), time::to_millis(now)],
                        )?;
                        raised.push(step.key);
                        raised_now.push(RaisedReminder {
                            promise: view.clone(),
                            key: step.key.to_string(),
                            kind: step.kind,
                            fire_at: step.fire_at,
                        });
                    }
                    // Move on past `now`; a step still due at `now` would make the loop spin.
                    let next = reminders.next_fire_at(promise, &raised, now).filter(|next| *next > now);
                    tx.execute(
                        "UPDATE promises SET next_reminder_at = ?2 WHERE id = ?1",
                        params![promise.id, next.map(time::to_millis)],
                    )?;
                }
                Ok((due.len(), raised_now))
            })?;
            let (handled, raised) = batch;
            all.extend(raised);
            if handled < BATCH as usize {
                return Ok(all);
            }
        }
    }

    /// The steps raised so far for a promise, oldest first.
    pub fn raised_reminders(&self, promise_id: i64) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT step, raised_at FROM reminder_log WHERE promise_id = ?1 ORDER BY raised_at, step",
        )?;
        let rows = statement.query_map([promise_id], |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)))?;
        rows.map(|row| {
            let (step, at) = row?;
            Ok((step, time::from_millis(at)?))
        })
        .collect()
    }
}

impl Store {
    /// Recomputes every open promise's next reminder time, e.g. after the reminder plan or the
    /// calendar changed. Walks the open promises through their partial index.
    pub fn reschedule_reminders(&mut self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        self.write(|tx| reschedule(tx, now))
    }
}

/// Inside a write: every open promise's next reminder from the stored plan and calendar.
/// Answers how many open promises there were.
pub(crate) fn reschedule(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<usize, StoreError> {
    let desk = settings::load(tx)?;
    let reminders = Reminders::new(&desk.settings.reminder_plan, &desk.calendar);
    let open: Vec<(i64, String)> = {
        let mut statement = tx.prepare("SELECT id, record_json FROM promises WHERE state = 'open'")?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (id, json) in &open {
        let promise: Promise =
            serde_json::from_str(json).map_err(|error| StoreError::Corrupt(format!("promise {id}: {error}")))?;
        let raised = raised_keys(tx, *id)?;
        let next = reminders.next_fire_at(&promise, &raised, now);
        tx.execute("UPDATE promises SET next_reminder_at = ?2 WHERE id = ?1", params![id, next.map(time::to_millis)])?;
    }
    Ok(open.len())
}

impl Store {
    /// How many open promises are past their due time: the count the tray shows. One range count
    /// on the open-promises index.
    pub fn overdue_promise_count(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let count: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM promises WHERE state = 'open' AND due_at < ?1",
            [time::to_millis(now)],
            |row| row.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or_default())
    }
}
