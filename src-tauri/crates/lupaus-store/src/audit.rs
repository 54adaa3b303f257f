//! A consistency audit of the whole database: what the crash test, backups and restore rely on.
//!
//! "Nothing half-written" is made concrete here: SQLite's own integrity and foreign-key checks
//! pass, every case starts with its `opened` event, and the stored state of every case equals a
//! replay of its event log.

use std::collections::HashMap;

use lupaus_core::case::CaseRef;
use serde::Serialize;

use crate::{Store, StoreError, cases};

/// What [`Store::audit`] found.
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    /// `PRAGMA integrity_check`: "ok" or the first problem found.
    pub integrity: String,
    /// Rows that point at a row that does not exist (`PRAGMA foreign_key_check`).
    pub foreign_key_violations: i64,
    /// How many cases had their log replayed.
    pub cases_checked: i64,
    /// Cases whose first event is missing or is not `opened`.
    pub cases_without_opening: Vec<i64>,
    /// Cases whose stored state differs from a replay of the log, or whose log does not replay.
    pub replay_mismatches: Vec<i64>,
    /// The highest case id in the file; pass it as `after_case_id` next time to audit only new cases.
    pub max_case_id: i64,
}

impl AuditReport {
    pub fn is_ok(&self) -> bool {
        self.integrity == "ok"
            && self.foreign_key_violations == 0
            && self.cases_without_opening.is_empty()
            && self.replay_mismatches.is_empty()
    }
}

impl Store {
    /// Audits the file. The SQLite checks always cover everything; the per-case checks cover the
    /// cases with an id above `after_case_id` (0 for all), so a loop can audit only what is new.
    pub fn audit(&self, after_case_id: i64) -> Result<AuditReport, StoreError> {
        let integrity: String = self.conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        let foreign_key_violations = {
            let mut statement = self.conn.prepare("PRAGMA foreign_key_check")?;
            let mut rows = statement.query([])?;
            let mut count = 0;
            while rows.next()?.is_some() {
                count += 1;
            }
            count
        };
        let mut statement = self.conn.prepare(
            "SELECT c.id FROM cases c WHERE c.id > ?1 AND NOT EXISTS
                 (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.seq = 1 AND e.kind = 'opened')
             ORDER BY c.id",
        )?;
        let cases_without_opening =
            statement.query_map([after_case_id], |row| row.get(0))?.collect::<Result<Vec<i64>, _>>()?;

        let mut statement = self.conn.prepare("SELECT id FROM cases WHERE id > ?1 ORDER BY id")?;
        let ids = statement.query_map([after_case_id], |row| row.get(0))?.collect::<Result<Vec<i64>, _>>()?;
        let mut replay_mismatches = Vec::new();
        for &id in &ids {
            let matches = match (self.replay_case(id), cases::load_state(&self.conn, id)) {
                (Ok(replayed), Ok(stored)) => replayed == stored,
                _ => false,
            };
            if !matches {
                replay_mismatches.push(id);
            }
        }
        let max_case_id: i64 = self.conn.query_row("SELECT COALESCE(MAX(id), 0) FROM cases", [], |row| row.get(0))?;
        Ok(AuditReport {
            integrity,
            foreign_key_violations,
            cases_checked: ids.len() as i64,
            cases_without_opening,
            replay_mismatches,
            max_case_id: max_case_id.max(after_case_id),
        })
    }

    /// Every case reference with the number of events its log holds, in one scan: lets a
    /// durability test check thousands of acknowledged saves after each restart.
    pub fn event_counts(&self) -> Result<HashMap<String, i64>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT c.ref_year, c.ref_number, (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id)
             FROM cases c",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((CaseRef { year: row.get(0)?, number: row.get(1)? }.to_string(), row.get::<_, i64>(2)?))
        })?;
        Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
    }
}
