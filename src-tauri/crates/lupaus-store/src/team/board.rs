//! What the lead's team board reads from the store (issue 17): when each desk of the team last
//! synced, as the server last said, and the open promises and cases of every desk, with the desk
//! each case was opened on. The grouping and the judging live in the desk layer.

use chrono::{DateTime, Duration, Utc};
use rusqlite::params;

use crate::promises::{PromiseView, view_from_row};
use crate::{Store, StoreError, time};

/// One desk's row of the server's `lupaus_desk_sync`, read by a sync round: both times are the
/// server's clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskSeen {
    pub desk_code: String,
    /// When the desk last finished a round; `None` for a desk that never has.
    pub synced_at_millis: Option<i64>,
    /// The server's clock when this list was read.
    pub server_now_millis: i64,
}

/// A desk of the team as this desk last heard of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskLastSync {
    pub desk_code: String,
    /// How long before this desk read the list the desk had synced; `None`: never.
    pub age_when_read: Option<Duration>,
    /// When this desk read the list, by its own clock.
    pub read_at: DateTime<Utc>,
}

/// An open promise with the code of the desk its case was opened on ('' on a standalone desk).
#[derive(Debug, Clone)]
pub struct DeskPromise {
    pub desk_code: String,
    pub view: PromiseView,
}

impl Store {
    /// Replaces what this desk knows of the team's desks with the server's list, read at `read_at`
    /// (this desk's clock). A desk the list no longer names (removed) is forgotten.
    pub fn record_desks_seen(&mut self, desks: &[DeskSeen], read_at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute("DELETE FROM team_desk_sync", [])?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO team_desk_sync (desk_code, synced_at, server_now, read_at) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for desk in desks {
                insert.execute(params![
                    desk.desk_code,
                    desk.synced_at_millis,
                    desk.server_now_millis,
                    time::to_millis(read_at)
                ])?;
            }
            Ok(())
        })
    }

    /// The team's desks as last read from the server, by code.
    pub fn desks_last_sync(&self) -> Result<Vec<DeskLastSync>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT desk_code, synced_at, server_now, read_at FROM team_desk_sync ORDER BY desk_code",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, Option<i64>>(1)?, row.get::<_, i64>(2)?, row.get::<_, i64>(3)?))
        })?;
        rows.map(|row| {
            let (desk_code, synced, server_now, read_at) = row?;
            Ok(DeskLastSync {
                desk_code,
                // A clock that went backwards on the server would give a negative age: none is older.
                age_when_read: synced.map(|synced| Duration::milliseconds((server_now - synced).max(0))),
                read_at: time::from_millis(read_at)?,
            })
        })
        .collect()
    }

    /// Every open promise due before `until`, of every desk, soonest first, at most `limit`.
    pub fn team_promises_due_before(
        &self,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<DeskPromise>, StoreError> {
        // view_from_row reads the first four columns; the desk code comes fifth.
        let mut statement = self.conn.prepare_cached(
            "SELECT p.record_json, c.ref_year, c.ref_number, cu.name, c.desk_code
             FROM promises p JOIN cases c ON c.id = p.case_id JOIN customers cu ON cu.id = c.customer_id
             WHERE p.state = 'open' AND p.due_at <= ?1 ORDER BY p.due_at, p.id LIMIT ?2",
        )?;
        let rows = statement.query_map(params![time::to_millis(until), limit], |row| {
            let desk_code: String = row.get(4)?;
            Ok(view_from_row(row, now)?.map(|view| DeskPromise { desk_code, view }))
        })?;
        rows.map(|row| row?).collect()
    }

    /// How many cases each person has open (not closed), across every desk of the team.
    pub fn open_cases_by_owner(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT owner, COUNT(*) FROM cases WHERE stage <> 'closed' AND owner <> '' GROUP BY owner ORDER BY owner",
        )?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
