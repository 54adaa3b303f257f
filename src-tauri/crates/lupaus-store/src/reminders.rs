//! Raising reminders: find the promises whose next reminder time has come (through the
//! `promises_by_next_reminder` index, never a scan), let the core say which steps are due,
//! record each raised step in `reminder_log` so none fires twice, and move the promise's next
//! reminder time on. All in one transaction.

use chrono::{DateTime, Utc};
use lupaus_core::presence::raises_here;
use lupaus_core::promise::Promise;
use lupaus_core::reminder::{ReminderKey, ReminderKind, Reminders};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::promises::{PromiseView, VIEW_SELECT, parse_key, view_from_row};
use crate::team::shared::{self, TeamFact};
use crate::team::uuid_from;
use crate::{Store, StoreError, settings, time};

/// How many promises one pass handles; the scheduler loops until nothing is due.
const BATCH: u32 = 200;
/// When a step due now belongs to another desk (the owner or the leads are there), this desk
/// looks again after this long: by then that desk raised it and synced, or the person moved here.
pub const ELSEWHERE_RECHECK: chrono::TimeDelta = chrono::TimeDelta::minutes(15);

/// One reminder step raised now, with what a notification needs to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RaisedReminder {
    pub promise: PromiseView,
    pub key: String,
    pub kind: ReminderKind,
    pub fire_at: DateTime<Utc>,
}

pub(crate) fn raised_keys(conn: &Connection, promise_id: i64) -> Result<Vec<ReminderKey>, StoreError> {
    // Two desks cut off from each other may each have raised a step once: it counts once.
    let mut statement = conn.prepare_cached("SELECT DISTINCT step FROM reminder_log WHERE promise_id = ?1")?;
    let rows = statement.query_map([promise_id], |row| row.get::<_, String>(0))?;
    rows.map(|step| parse_key(&step?)).collect()
}

/// Records a raised step in `reminder_log` and in the team log, so other desks know it was
/// raised here and do not raise it again once they have synced.
fn log_raised(
    tx: &Transaction<'_>,
    promise_id: i64,
    step: &str,
    now: DateTime<Utc>,
    seen_by: &str,
) -> Result<(), StoreError> {
    let (promise_gid, case_gid, desk_id): (Vec<u8>, Vec<u8>, Vec<u8>) = tx
        .prepare_cached(
            "SELECT p.gid, c.gid, d.desk_id FROM promises p JOIN cases c ON c.id = p.case_id, desk_identity d
             WHERE p.id = ?1 AND d.id = 1",
        )?
        .query_row([promise_id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    let fact = TeamFact::ReminderRaised { step: step.to_owned() };
    let about = shared::About { case_gid: Some(uuid_from(&case_gid)?), promise_gid: Some(uuid_from(&promise_gid)?) };
    // The actor is who was at the keyboard when it was raised: who saw it (the lead's list).
    let event_id = shared::record(tx, &fact, seen_by, now, about)?;
    insert_raised(tx, promise_id, step, time::to_millis(now), &desk_id, event_id)
}

/// The `reminder_log` row of a raised step, on the desk that raised it or pulled from it.
pub(crate) fn insert_raised(
    tx: &Transaction<'_>,
    promise_id: i64,
    step: &str,
    at_millis: i64,
    desk_id: &[u8],
    event_id: uuid::Uuid,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO reminder_log (promise_id, step, raised_at, desk_id, event_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![promise_id, step, at_millis, desk_id, event_id.as_bytes()])?;
    Ok(())
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
        self.raise_due_reminders_at(now, "")
    }

    /// As [`Store::raise_due_reminders`], with `at_keyboard` signed in here: the team log says who
    /// saw each step. A step goes to the desk the core's routing names (`presence::raises_here`):
    /// where the owner is, or for an escalation where a lead is. A promise whose due step belongs
    /// to another desk is looked at again after [`ELSEWHERE_RECHECK`], so the step is not lost
    /// when that desk is off and the person comes here.
    pub fn raise_due_reminders_at(
        &mut self,
        now: DateTime<Utc>,
        at_keyboard: &str,
    ) -> Result<Vec<RaisedReminder>, StoreError> {
        let mut all = Vec::new();
        loop {
            let batch = self.write(|tx| {
                let desk = settings::load(tx)?;
                let reminders = Reminders::new(&desk.settings.reminder_plan, &desk.calendar);
                let known = crate::presence::whereabouts(tx)?;
                let here = *crate::presence::this_desk(tx)?.as_bytes();
                let leads: Vec<String> = tx
                    .prepare_cached("SELECT name FROM people WHERE role = 'lead' AND active = 1 ORDER BY name")?
                    .query_map([], |row| row.get(0))?
                    .collect::<Result<_, _>>()?;
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
                    let mut elsewhere = false;
                    for step in reminders.due_steps(promise, &raised, now) {
                        if !raises_here(step.kind, &promise.owner, &leads, &known, here) {
                            elsewhere = true;
                            continue;
                        }
                        log_raised(tx, promise.id, &step.key.to_string(), now, at_keyboard)?;
                        raised.push(step.key);
                        raised_now.push(RaisedReminder {
                            promise: view.clone(),
                            key: step.key.to_string(),
                            kind: step.kind,
                            fire_at: step.fire_at,
                        });
                    }
                    // Move on past `now`; a step still due at `now` would make the loop spin.
                    let next = if elsewhere {
                        Some(now + ELSEWHERE_RECHECK)
                    } else {
                        reminders.next_fire_at(promise, &raised, now).filter(|next| *next > now)
                    };
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
            "SELECT step, MIN(raised_at) AS first FROM reminder_log WHERE promise_id = ?1
             GROUP BY step ORDER BY first, step",
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
    let open: Vec<(i64, String)> = {
        let mut statement = tx.prepare("SELECT id, record_json FROM promises WHERE state = 'open'")?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    next_reminders(tx, &open, now)?;
    Ok(open.len())
}

/// Inside a write: the next reminder of the given promises, e.g. after another desk raised a
/// step of theirs. Settled promises get none.
pub(crate) fn reschedule_promises(
    tx: &Transaction<'_>,
    ids: &std::collections::BTreeSet<i64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut open = Vec::new();
    for id in ids {
        let row: Option<String> = tx
            .prepare_cached("SELECT record_json FROM promises WHERE id = ?1 AND state = 'open'")?
            .query_row([id], |row| row.get(0))
            .optional()?;
        open.extend(row.map(|json| (*id, json)));
    }
    next_reminders(tx, &open, now)
}

fn next_reminders(tx: &Transaction<'_>, open: &[(i64, String)], now: DateTime<Utc>) -> Result<(), StoreError> {
    let desk = settings::load(tx)?;
    let reminders = Reminders::new(&desk.settings.reminder_plan, &desk.calendar);
    for (id, json) in open {
        let promise: Promise =
            serde_json::from_str(json).map_err(|error| StoreError::Corrupt(format!("promise {id}: {error}")))?;
        let raised = raised_keys(tx, *id)?;
        let next = reminders.next_fire_at(&promise, &raised, now);
        tx.execute("UPDATE promises SET next_reminder_at = ?2 WHERE id = ?1", params![id, next.map(time::to_millis)])?;
    }
    Ok(())
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
