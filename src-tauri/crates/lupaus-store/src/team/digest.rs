//! A digest of every derived table and of the event ids a desk holds, named by global ids only:
//! two desks of a team that hold the same events show the same digest.

use rusqlite::types::ValueRef;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::wire;
use crate::{Store, StoreError};

/// SHA-256 of each table's rows in global-id order, hex, and how many rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamDigest {
    pub events: String,
    pub event_count: i64,
    pub cases: String,
    pub case_count: i64,
    pub promises: String,
    pub promise_count: i64,
    pub flags: String,
    /// People, roles, whether active and PIN hashes (never the local wrong-PIN count).
    pub people: String,
    pub settings: String,
    /// Lessons and raised reminder steps, by global ids.
    pub lessons: String,
    pub reminders: String,
    pub team_events: String,
    pub team_event_count: i64,
}

const EVENTS: &str =
    "SELECT event_id FROM (SELECT event_id FROM case_events UNION ALL SELECT event_id FROM promise_events)
    ORDER BY event_id";
const CASES: &str =
    "SELECT c.gid, c.desk_code, c.ref_year, c.ref_number, c.received_at, c.channel, c.priority, c.stage,
        c.owner, c.summary, c.updated_at, c.state_json, c.pending_approvals, c.waiting,
        cu.name, cu.email, cu.phone, cu.customer_number
    FROM cases c JOIN customers cu ON cu.id = c.customer_id ORDER BY c.gid";
const PROMISES: &str =
    "SELECT p.gid, c.gid, p.text, p.channel, p.due_at, p.owner, p.made_by, p.made_at, p.state, p.record_json
    FROM promises p JOIN cases c ON c.id = p.case_id ORDER BY p.gid";
const PEOPLE: &str = "SELECT name, role, active, pin_hash FROM people ORDER BY name";
const SETTINGS: &str = "SELECT value_json FROM settings WHERE key = 'desk'";
const LESSONS: &str = "SELECT l.event_id, c.gid, l.kind, l.text, l.by_person, l.at
    FROM lessons l JOIN cases c ON c.id = l.case_id ORDER BY l.event_id";
const REMINDERS: &str = "SELECT r.event_id, p.gid, r.step, r.raised_at, r.desk_id
    FROM reminder_log r JOIN promises p ON p.id = r.promise_id ORDER BY r.event_id";
const TEAM_EVENTS: &str = "SELECT event_id FROM team_events ORDER BY event_id";
const FLAGS: &str = "SELECT event_id, reason FROM sync_flags ORDER BY event_id";

impl Store {
    pub fn team_digest(&self) -> Result<TeamDigest, StoreError> {
        let (events, event_count) = self.digest_rows(EVENTS, None)?;
        let (cases, case_count) = self.digest_rows(CASES, None)?;
        let (promises, promise_count) = self.digest_rows(PROMISES, Some(9))?;
        let (flags, _) = self.digest_rows(FLAGS, None)?;
        let (people, _) = self.digest_rows(PEOPLE, None)?;
        let (settings, _) = self.digest_rows(SETTINGS, None)?;
        let (lessons, _) = self.digest_rows(LESSONS, None)?;
        let (reminders, _) = self.digest_rows(REMINDERS, None)?;
        let (team_events, team_event_count) = self.digest_rows(TEAM_EVENTS, None)?;
        Ok(TeamDigest {
            events,
            event_count,
            cases,
            case_count,
            promises,
            promise_count,
            flags,
            people,
            settings,
            lessons,
            reminders,
            team_events,
            team_event_count,
        })
    }

    /// Hashes each row's columns; column `promise_record` holds a promise record whose local ids
    /// are first replaced by global ones.
    fn digest_rows(&self, sql: &str, promise_record: Option<usize>) -> Result<(String, i64), StoreError> {
        let mut hash = Sha256::new();
        let mut count = 0;
        let mut statement = self.conn.prepare(sql)?;
        let columns = statement.column_count();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            count += 1;
            for index in 0..columns {
                let text = match row.get_ref(index)? {
                    ValueRef::Null => "∅".to_owned(),
                    ValueRef::Integer(value) => value.to_string(),
                    ValueRef::Real(value) => value.to_string(),
                    ValueRef::Text(text) if Some(index) == promise_record => {
                        wire::promise_to_wire(&self.conn, &String::from_utf8_lossy(text))?
                    }
                    ValueRef::Text(text) => String::from_utf8_lossy(text).into_owned(),
                    ValueRef::Blob(bytes) => bytes.iter().map(|byte| format!("{byte:02x}")).collect(),
                };
                hash.update(text.len().to_le_bytes());
                hash.update(text.as_bytes());
            }
        }
        Ok((hash.finalize().iter().map(|byte| format!("{byte:02x}")).collect(), count))
    }
}
