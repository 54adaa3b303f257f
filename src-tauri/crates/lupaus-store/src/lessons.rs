//! The `lessons` table: debrief requests and lessons learned, and the searchable list agents read.

use chrono::{DateTime, Utc};
use lupaus_core::case::CaseRef;
use lupaus_core::lessons::{Lesson, LessonEntry};
use lupaus_core::lifecycle::Actor;
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use crate::team::shared::{self, TeamFact};
use crate::team::uuid_from;

use crate::{Store, StoreError, time};

impl Store {
    pub fn add_lesson_entry(
        &mut self,
        case_id: i64,
        entry: LessonEntry,
        by: &Actor,
        at: DateTime<Utc>,
    ) -> Result<Lesson, StoreError> {
        let entry = entry.validate(by)?;
        let fact = match &entry {
            LessonEntry::DebriefRequested { reason } => TeamFact::DebriefRequested { text: reason.clone() },
            LessonEntry::LessonRecorded { text } => TeamFact::LessonRecorded { text: text.clone() },
        };
        let id = self.write(|tx| {
            let gid: Option<Vec<u8>> =
                tx.query_row("SELECT gid FROM cases WHERE id = ?1", [case_id], |row| row.get(0)).optional()?;
            let Some(gid) = gid else {
                return Err(StoreError::NotFound(format!("There is no case with id {case_id}.")));
            };
            let about = shared::About { case_gid: Some(uuid_from(&gid)?), promise_gid: None };
            let event_id = shared::record(tx, &fact, &by.person, at, about)?;
            insert_lesson(tx, case_id, &fact, &by.person, time::to_millis(at), event_id)
        })?;
        let case_reference = self.case_summary(case_id)?.reference;
        Ok(Lesson { id, case_id, case_reference, entry, by: by.person.clone(), at })
    }

    /// Lessons and debrief requests, newest first, optionally only those whose text contains
    /// `query` (case-insensitive). The list is short-lived reading, not a hot path.
    pub fn lessons(&self, query: Option<&str>, limit: u32) -> Result<Vec<Lesson>, StoreError> {
        let pattern = query.map(str::trim).filter(|q| !q.is_empty()).map(|q| format!("%{}%", q.replace('%', "")));
        let mut statement = self.conn.prepare_cached(
            "SELECT l.id, l.case_id, c.ref_year, c.ref_number, l.kind, l.text, l.by_person, l.at
             FROM lessons l JOIN cases c ON c.id = l.case_id
             WHERE ?1 IS NULL OR l.text LIKE ?1
             ORDER BY l.at DESC, l.id DESC LIMIT ?2",
        )?;
        let rows = statement.query_map(params![pattern, limit], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                CaseRef { year: row.get(2)?, number: row.get(3)? }.to_string(),
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, String>(6)?,
                row.get::<_, i64>(7)?,
            ))
        })?;
        rows.map(|row| {
            let (id, case_id, case_reference, kind, text, by, at) = row?;
            let entry = match kind.as_str() {
                "lesson_recorded" => LessonEntry::LessonRecorded { text },
                _ => LessonEntry::DebriefRequested { reason: text },
            };
            Ok(Lesson { id, case_id, case_reference, entry, by, at: time::from_millis(at)? })
        })
        .collect()
    }
}

/// The `lessons` row of a lesson event, recorded here or pulled from another desk.
pub(crate) fn insert_lesson(
    tx: &Transaction<'_>,
    case_id: i64,
    fact: &TeamFact,
    by: &str,
    at_millis: i64,
    event_id: Uuid,
) -> Result<i64, StoreError> {
    let (kind, text) = match fact {
        TeamFact::DebriefRequested { text } => ("debrief_requested", text),
        TeamFact::LessonRecorded { text } => ("lesson_recorded", text),
        _ => return Err(StoreError::Corrupt("a lesson event that is not a lesson".into())),
    };
    tx.prepare_cached(
        "INSERT INTO lessons (case_id, kind, text, by_person, at, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![case_id, kind, text, by, at_millis, event_id.as_bytes()])?;
    Ok(tx.last_insert_rowid())
}
