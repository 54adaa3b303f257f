//! The lead's list of escalated misses (issue 17): every promise whose escalation step was
//! raised, on any desk of the team, with who saw it where and what happened to the promise since.
//! Two desks cut off from each other may each have raised it once; the list shows the promise
//! once, with both sightings.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::promises::{PromiseView, VIEW_SELECT, view_from_row};
use crate::{Store, StoreError, time};

/// Who was at the keyboard of the desk that raised an escalation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EscalationSeen {
    /// Empty when nobody was signed in (or the step was raised before this was kept).
    pub by: String,
    /// The raising desk's code, when this desk has seen anyone sign in there.
    pub desk_code: String,
    pub at: DateTime<Utc>,
}

/// One missed promise that was escalated: its state now says what was done (kept late,
/// renegotiated, withdrawn, or still open).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EscalatedMiss {
    pub promise: PromiseView,
    pub escalated_at: DateTime<Utc>,
    pub seen: Vec<EscalationSeen>,
}

impl Store {
    /// Escalated misses, newest escalation first, at most `limit`.
    pub fn escalated_misses(&self, limit: u32, now: DateTime<Utc>) -> Result<Vec<EscalatedMiss>, StoreError> {
        let firsts: Vec<(i64, i64)> = self
            .conn
            .prepare_cached(
                "SELECT promise_id, MIN(raised_at) AS first FROM reminder_log WHERE step = 'escalation'
                 GROUP BY promise_id ORDER BY first DESC, promise_id LIMIT ?1",
            )?
            .query_map([limit], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let view_sql = format!("{VIEW_SELECT} WHERE p.id = ?1");
        firsts
            .into_iter()
            .map(|(promise_id, first)| {
                let promise =
                    self.conn.prepare_cached(&view_sql)?.query_row([promise_id], |row| view_from_row(row, now))??;
                let seen: Vec<(String, String, i64)> = self
                    .conn
                    .prepare_cached(
                        "SELECT COALESCE(e.actor, ''),
                             COALESCE((SELECT desk_code FROM presence s WHERE s.desk_id = r.desk_id LIMIT 1), ''),
                             r.raised_at
                         FROM reminder_log r LEFT JOIN team_events e ON e.event_id = r.event_id
                         WHERE r.promise_id = ?1 AND r.step = 'escalation' ORDER BY r.raised_at",
                    )?
                    .query_map([promise_id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
                    .collect::<Result<_, _>>()?;
                let seen = seen
                    .into_iter()
                    .map(|(by, desk_code, at)| Ok(EscalationSeen { by, desk_code, at: time::from_millis(at)? }))
                    .collect::<Result<_, StoreError>>()?;
                Ok(EscalatedMiss { promise, escalated_at: time::from_millis(first)?, seen })
            })
            .collect()
    }
}
