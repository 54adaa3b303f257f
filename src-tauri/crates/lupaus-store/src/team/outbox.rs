//! The outbox: this desk's events not yet on the server. Event rows are never updated, so
//! "pushed" is a high-water mark per log over local row ids, moved only after the server
//! committed, and past other desks' events once a read found nothing of ours after them.
//! Events pulled from the server (other desks', in `sync_received`, or ours pulled back after
//! a crash lost the mark, in `sync_canon`) never go up again.

use rusqlite::{Connection, params};

use super::{CaseLink, SyncEvent, SyncLog, uuid_from, wire};
use crate::{Store, StoreError};

/// Events to push, oldest first, and the marks to record once the server has them.
#[derive(Debug, Clone, Default)]
pub struct OutboxBatch {
    pub events: Vec<SyncEvent>,
    marks: Vec<(&'static str, i64)>,
}

impl OutboxBatch {
    /// Recording this batch moves a mark: true also for a batch with no events when the logs
    /// received events from other desks since the last mark (worth one small write, so the
    /// next read skips them).
    pub fn moves_marks(&self) -> bool {
        !self.marks.is_empty()
    }
}

const CASE_PENDING: &str = "SELECT e.id, e.event_id, c.gid, c.desk_code, c.ref_year, c.ref_number, e.at, e.actor,
        e.kind, e.record_json, NULL
    FROM case_events e JOIN cases c ON c.id = e.case_id
    WHERE e.id > ?1 AND NOT EXISTS (SELECT 1 FROM sync_canon k WHERE k.event_id = e.event_id)
        AND NOT EXISTS (SELECT 1 FROM sync_received r WHERE r.event_id = e.event_id)
    ORDER BY e.id LIMIT ?2";

// People, settings, lessons and reminder steps; a lesson's or a step's case by its global id.
const TEAM_PENDING: &str = "SELECT e.id, e.event_id, c.gid, c.desk_code, c.ref_year, c.ref_number, e.at, e.actor,
        e.kind, e.record_json, e.promise_gid, e.log
    FROM team_events e LEFT JOIN cases c ON c.gid = e.case_gid
    WHERE e.id > ?1 AND NOT EXISTS (SELECT 1 FROM sync_canon k WHERE k.event_id = e.event_id)
        AND NOT EXISTS (SELECT 1 FROM sync_received r WHERE r.event_id = e.event_id)
    ORDER BY e.id LIMIT ?2";

/// Each outbox: its push mark, its table, and how its pending events are read. Case events go
/// first, then promise events, then the team log, whose lessons and steps name cases and promises.
const OUTBOXES: [(&str, &str, &str); 3] = [
    ("case", "case_events", CASE_PENDING),
    ("promise", "promise_events", PROMISE_PENDING),
    ("team", "team_events", TEAM_PENDING),
];

const PROMISE_PENDING: &str = "SELECT e.id, e.event_id, c.gid, c.desk_code, c.ref_year, c.ref_number, e.at, e.actor,
        e.kind, e.record_json, p.gid
    FROM promise_events e JOIN cases c ON c.id = e.case_id JOIN promises p ON p.id = e.promise_id
    WHERE e.id > ?1 AND NOT EXISTS (SELECT 1 FROM sync_canon k WHERE k.event_id = e.event_id)
        AND NOT EXISTS (SELECT 1 FROM sync_received r WHERE r.event_id = e.event_id)
    ORDER BY e.id LIMIT ?2";

/// An event row `e` that came from this desk and is not on the server yet.
const NOT_ON_SERVER: &str = "NOT EXISTS (SELECT 1 FROM sync_canon k WHERE k.event_id = e.event_id)
    AND NOT EXISTS (SELECT 1 FROM sync_received r WHERE r.event_id = e.event_id)";

/// The newest row id of each outbox's log, in [`OUTBOXES`]' order.
pub(crate) fn log_ends(conn: &Connection) -> Result<[i64; 3], StoreError> {
    let mut ends = [0; 3];
    for (end, (_, table, _)) in ends.iter_mut().zip(OUTBOXES) {
        *end = newest(conn, table)?;
    }
    Ok(ends)
}

/// After a pulled batch is stored (`before`: the [`log_ends`] read before it): a log whose mark
/// had reached its end, so nothing of this desk's was waiting, moves the mark past the rows
/// the batch added when none of them is this desk's own. A desk that keeps up then never reads
/// what it received when it looks for what to push; the outbox read does the same for a desk
/// whose own events were waiting.
pub(crate) fn follow_received(conn: &Connection, before: [i64; 3]) -> Result<(), StoreError> {
    for ((outbox, table, _), end) in OUTBOXES.iter().zip(before) {
        if mark(conn, outbox)? < end {
            continue;
        }
        let newest = newest(conn, table)?;
        let own_among_them: bool = conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} e WHERE e.id > ?1 AND {NOT_ON_SERVER})"),
            [end],
            |row| row.get(0),
        )?;
        if newest > end && !own_among_them {
            set_mark(conn, outbox, newest)?;
        }
    }
    Ok(())
}

fn newest(conn: &Connection, table: &str) -> Result<i64, StoreError> {
    Ok(conn.query_row(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}"), [], |row| row.get(0))?)
}

fn set_mark(conn: &Connection, outbox: &str, up_to: i64) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO sync_push_marks (log, pushed_up_to) VALUES (?1, ?2)
         ON CONFLICT (log) DO UPDATE SET pushed_up_to = MAX(pushed_up_to, excluded.pushed_up_to)",
    )?
    .execute(params![outbox, up_to])?;
    Ok(())
}

fn mark(conn: &Connection, outbox: &str) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached("SELECT COALESCE(MAX(pushed_up_to), 0) FROM sync_push_marks WHERE log = ?1")?
        .query_row([outbox], |row| row.get(0))?)
}

impl Store {
    /// How many of this desk's events the server does not have yet.
    pub fn pending_count(&self) -> Result<i64, StoreError> {
        let mut total = 0;
        for (outbox, table, _) in OUTBOXES {
            let sql = format!("SELECT COUNT(*) FROM {table} e WHERE e.id > ?1 AND {NOT_ON_SERVER}");
            total += self.conn.query_row(&sql, [mark(&self.conn, outbox)?], |row| row.get::<_, i64>(0))?;
        }
        Ok(total)
    }

    /// Up to `limit` pending events, case events before promise events, read in one snapshot so
    /// a promise never goes up before the case it belongs to.
    pub fn outbox(&mut self, limit: usize) -> Result<OutboxBatch, StoreError> {
        let (desk_id, desk) = self.desk_identity()?;
        if desk.is_empty() {
            return Err(lupaus_core::CoreError::invalid(
                "team",
                "This desk is not in a team; join one first (lupaus-cli team join).",
            )
            .into());
        }
        let tx = self.conn.transaction()?;
        let mut batch = OutboxBatch::default();
        for (outbox, table, sql) in OUTBOXES {
            let room = limit - batch.events.len();
            if room == 0 {
                break;
            }
            let from = mark(&tx, outbox)?;
            let mut statement = tx.prepare_cached(sql)?;
            let mut rows = statement.query(params![from, room as i64])?;
            let mut last = None;
            while let Some(row) = rows.next()? {
                last = Some(row.get::<_, i64>(0)?);
                let log = match outbox {
                    "case" => SyncLog::Case,
                    "promise" => SyncLog::Promise,
                    _ => {
                        let log: String = row.get(11)?;
                        SyncLog::parse(&log)
                            .ok_or_else(|| StoreError::Corrupt(format!("a team event of an unknown log '{log}'")))?
                    }
                };
                let record: String = row.get(9)?;
                let record = match log {
                    SyncLog::Promise => wire::promise_to_wire(&tx, &record)?,
                    _ => record,
                };
                let promise_gid: Option<Vec<u8>> = row.get(10)?;
                let case_gid: Option<Vec<u8>> = row.get(2)?;
                let case = match case_gid {
                    Some(gid) => Some(CaseLink {
                        gid: uuid_from(&gid)?,
                        desk: row.get(3)?,
                        year: row.get(4)?,
                        number: row.get(5)?,
                    }),
                    None => None,
                };
                batch.events.push(SyncEvent {
                    event_id: uuid_from(&row.get::<_, Vec<u8>>(1)?)?,
                    log,
                    desk: desk.clone(),
                    desk_id,
                    case,
                    promise_gid: promise_gid.as_deref().map(uuid_from).transpose()?,
                    at_millis: row.get(6)?,
                    actor: row.get(7)?,
                    kind: row.get(8)?,
                    record,
                });
            }
            let exhausted = batch.events.len() < limit;
            // A log read to its end moves its mark past the other desks' events it holds too,
            // so the next read starts after them: without this a desk that mostly receives
            // (a lead's) would read everything received since its own last save, every round.
            let last = if exhausted { Some(newest(&tx, table)?).filter(|newest| *newest > from) } else { last };
            if let Some(last) = last {
                batch.marks.push((outbox, last));
            }
            // Later logs wait while earlier ones are left over: their case may be among them.
            if batch.events.len() == limit {
                break;
            }
        }
        tx.finish()?;
        Ok(batch)
    }

    /// Records that the server committed `batch`. A crash before this only means the batch goes
    /// up again; the server's key on the event id absorbs it.
    pub fn mark_pushed(&mut self, batch: &OutboxBatch) -> Result<(), StoreError> {
        self.write(|tx| {
            for (log, up_to) in &batch.marks {
                set_mark(tx, log, *up_to)?;
            }
            Ok(())
        })
    }
}
