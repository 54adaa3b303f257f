//! Team mode on the desk's side (issue 16): the desk's identity and membership, the outbox of
//! events not yet on the team's server, applying what was pulled, and the digest two desks
//! compare. No network here: the `lupaus-sync` crate moves [`SyncEvent`]s between this module
//! and the server. Events are facts with global ids; derived tables are rebuilt from them.

mod ahead;
mod apply;
mod board;
pub use board::{DeskLastSync, DeskPromise, DeskSeen};
mod digest;
#[cfg(test)]
mod migration_tests;
pub use digest::TeamDigest;
mod outbox;
mod promise_rebuild;
mod review;
pub(crate) use review::position_reviews;
pub use review::{Conflict, ConflictReview, PositionReview};
pub(crate) mod shared;
pub use shared::TeamFact;
mod settings_log;
pub use settings_log::{FieldChange, SettingsChange};
mod team_log;
mod wire;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use uuid::Uuid;

use crate::{Store, StoreError, time};

pub use apply::{Applied, PulledBatch};
pub use outbox::OutboxBatch;

/// Which append-only log an event belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncLog {
    Case,
    Promise,
    /// People, roles and PIN hashes.
    Person,
    /// The desk-team settings.
    Settings,
    Lesson,
    /// Raised reminder steps.
    Reminder,
    /// A lead's review of a team conflict's losing side.
    Review,
    /// Files added to a case: their name, type, size and SHA-256 (the bytes travel apart).
    Attachment,
}

impl SyncLog {
    pub const ALL: [SyncLog; 8] = [
        SyncLog::Case,
        SyncLog::Promise,
        SyncLog::Person,
        SyncLog::Settings,
        SyncLog::Lesson,
        SyncLog::Reminder,
        SyncLog::Review,
        SyncLog::Attachment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SyncLog::Case => "case",
            SyncLog::Promise => "promise",
            SyncLog::Person => "person",
            SyncLog::Settings => "settings",
            SyncLog::Lesson => "lesson",
            SyncLog::Reminder => "reminder",
            SyncLog::Review => "review",
            SyncLog::Attachment => "attachment",
        }
    }

    pub fn parse(text: &str) -> Option<SyncLog> {
        SyncLog::ALL.into_iter().find(|log| log.as_str() == text)
    }

    /// Whether events of this log belong to a case (all but people and settings).
    pub fn has_case(self) -> bool {
        !matches!(self, SyncLog::Person | SyncLog::Settings)
    }
}

/// The case an event belongs to, by global id and by its reference: the desk code it was opened
/// on, its year and number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLink {
    pub gid: Uuid,
    pub desk: String,
    pub year: i32,
    pub number: i64,
}

/// One event as it travels between a desk and the team's server. Local row ids never travel:
/// a case and a promise are named by their global ids, a case also by its reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncEvent {
    pub event_id: Uuid,
    pub log: SyncLog,
    /// The code of the desk that recorded the event.
    pub desk: String,
    pub desk_id: Uuid,
    /// The case it belongs to; none for people and settings.
    pub case: Option<CaseLink>,
    pub promise_gid: Option<Uuid>,
    /// When the desk recorded it, by the desk's own clock: shown, never used for order.
    pub at_millis: i64,
    pub actor: String,
    pub kind: String,
    /// The event's record as JSON (promise records carry global ids, see wire.rs).
    pub record: String,
}

/// Whether this desk is in a team, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub server_url: String,
    pub desk_name: String,
    pub desk_code: String,
    pub joined_at: DateTime<Utc>,
    pub last_sync_at: Option<DateTime<Utc>>,
    /// The team's own certificate authority (a PEM file) this desk trusts for the server.
    pub ca_file: Option<String>,
}

/// The numbers the app's header and every sync round read: each a look-up in an index, never
/// a count of the whole history (a round reads them after every save).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    pub team: Option<Membership>,
    /// Events recorded here and not yet on the server.
    pub pending: i64,
    /// Events kept but not applied: conflict losers and events this version cannot read.
    pub flagged: i64,
    /// Events pulled ahead of the cursor and not yet placed: a joining desk has its open cases
    /// and the rest of the team's history is still arriving (lupaus-sync's live_first.rs).
    pub ahead: i64,
}

/// Where pulling continues on the server: its epoch and the (tx, seq) of the last event read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub epoch: String,
    pub tx: String,
    pub seq: i64,
}

impl Cursor {
    /// Nothing pulled yet from this server (a new member, or a server restored from a backup).
    pub fn at_start(&self) -> bool {
        self.tx == "0" && self.seq == 0
    }
}

impl Store {
    /// This desk's global id and its reference code ('' while it has never joined a team).
    pub fn desk_identity(&self) -> Result<(Uuid, String), StoreError> {
        let (id, code): (Vec<u8>, String) =
            self.conn.query_row("SELECT desk_id, code FROM desk_identity WHERE id = 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
        Ok((uuid_from(&id)?, code))
    }

    pub fn team(&self) -> Result<Option<Membership>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT m.server_url, m.desk_name, d.code, m.joined_at, m.last_sync_at, m.ca_file
                 FROM team_membership m, desk_identity d WHERE m.id = 1",
                [],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, i64>(3)?,
                        row.get::<_, Option<i64>>(4)?,
                        row.get::<_, Option<String>>(5)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(server_url, desk_name, desk_code, joined, last, ca_file)| {
            Ok(Membership {
                server_url,
                desk_name,
                desk_code,
                joined_at: time::from_millis(joined)?,
                last_sync_at: last.map(time::from_millis).transpose()?,
                ca_file,
            })
        })
        .transpose()
    }

    /// Makes this desk a member of a team: its cases so far take the desk's code into their
    /// references, and everything it holds is pending for the server. One transaction.
    pub fn join_team(
        &mut self,
        server_url: &str,
        desk_name: &str,
        desk_code: &str,
        at: DateTime<Utc>,
    ) -> Result<Membership, StoreError> {
        self.join_team_trusting(server_url, desk_name, desk_code, None, at)
    }

    /// [`Store::join_team`], trusting the team's own certificate authority `ca_file` too.
    pub fn join_team_trusting(
        &mut self,
        server_url: &str,
        desk_name: &str,
        desk_code: &str,
        ca_file: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<Membership, StoreError> {
        if let Some(team) = self.team()? {
            return Err(lupaus_core::CoreError::invalid(
                "team",
                format!(
                    "This desk is already in the team at {} as {}. Leave it first (lupaus-cli team leave).",
                    team.server_url, team.desk_name
                ),
            )
            .into());
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO team_membership (id, server_url, desk_name, joined_at, ca_file) VALUES (1, ?1, ?2, ?3, ?4)",
                params![server_url, desk_name, time::to_millis(at), ca_file],
            )?;
            tx.execute("UPDATE desk_identity SET code = ?1 WHERE id = 1", [desk_code])?;
            tx.execute("INSERT OR IGNORE INTO desk_codes (code) VALUES (?1)", [desk_code])?;
            tx.execute("UPDATE cases SET desk_code = ?1 WHERE desk_code = ''", [desk_code])?;
            tx.execute("UPDATE customers SET desk_code = ?1 WHERE desk_code = ''", [desk_code])?;
            // A new server: its order is learnt from it, and this desk's own events go up to it.
            // Events received from another team's desks stay received: never pushed as ours.
            tx.execute("DELETE FROM sync_push_marks", [])?;
            tx.execute("DELETE FROM sync_canon", [])?;
            tx.execute("DELETE FROM sync_cursor", [])?;
            Ok(())
        })?;
        self.team()?.ok_or_else(|| StoreError::Corrupt("the team membership just saved cannot be read".into()))
    }

    /// Leaves the team: the desk works alone again and keeps everything it holds.
    pub fn leave_team(&mut self) -> Result<bool, StoreError> {
        self.write(|tx| Ok(tx.execute("DELETE FROM team_membership", [])? > 0))
    }

    pub fn sync_status(&self) -> Result<SyncStatus, StoreError> {
        let count = |sql: &str| -> Result<i64, StoreError> { Ok(self.conn.query_row(sql, [], |row| row.get(0))?) };
        Ok(SyncStatus {
            team: self.team()?,
            pending: self.pending_count()?,
            ahead: count("SELECT COUNT(*) FROM sync_canon WHERE ahead = 1")?,
            // A conflict a lead has reviewed no longer waits for anyone.
            flagged: count(
                "SELECT COUNT(*) FROM sync_flags f WHERE NOT EXISTS (SELECT 1 FROM team_events r
                     WHERE r.log = 'review' AND json_extract(r.record_json, '$.event_id') = lower(hex(f.event_id)))",
            )?,
        })
    }

    /// Events known to be on the server (pulled back or from other desks): a count of the
    /// whole team history, for `team status`, not for anything that runs every round.
    pub fn events_on_server(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("SELECT COUNT(*) FROM sync_canon", [], |row| row.get(0))?)
    }

    /// Where the next pull starts; `None` before the first one.
    pub fn sync_cursor(&self) -> Result<Option<Cursor>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT epoch, tx, seq FROM sync_cursor WHERE id = 1", [], |row| {
                Ok(Cursor { epoch: row.get(0)?, tx: row.get(1)?, seq: row.get(2)? })
            })
            .optional()?)
    }

    /// The server holds another history than the one this desk synced with (it was restored
    /// from a backup, its epoch changed): forget the old server's order, pull from the start and
    /// push everything this desk recorded again. Both are idempotent, so nothing is lost and
    /// nothing doubles; the order is learnt again from the restored server.
    pub fn restart_sync(&mut self, epoch: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute("DELETE FROM sync_push_marks", [])?;
            tx.execute("DELETE FROM sync_canon", [])?;
            tx.execute(
                "INSERT INTO sync_cursor (id, epoch, tx, seq) VALUES (1, ?1, '0', 0)
                 ON CONFLICT (id) DO UPDATE SET epoch = excluded.epoch, tx = '0', seq = 0",
                [epoch],
            )?;
            Ok(())
        })
    }

    /// Records that a sync round finished, for the status line.
    pub fn note_synced(&mut self, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute("UPDATE team_membership SET last_sync_at = ?1 WHERE id = 1", [time::to_millis(at)])?;
            Ok(())
        })
    }
}

pub(crate) fn uuid_from(bytes: &[u8]) -> Result<Uuid, StoreError> {
    Uuid::from_slice(bytes).map_err(|_| StoreError::Corrupt(format!("a global id has {} bytes, not 16", bytes.len())))
}
