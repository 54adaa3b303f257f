//! The conflict review list and a lead's review (issue 17). A conflict is a flagged losing
//! event of a case or promise log (`sync_flags`, reason `conflict`); its review is a
//! `conflict_reviewed` fact in the team log, which travels. Nothing derived is patched: which
//! review stands is read each time, the first in the team's order (lupaus_core::review).

use chrono::{DateTime, Utc};
use lupaus_core::case::CaseRef;
use lupaus_core::lifecycle::{Actor, EventRecord};
use lupaus_core::promise::Promise;
use lupaus_core::review::{self, Target};
use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::shared::{self, About, TeamFact};
use crate::{Store, StoreError, time};

/// Who resolved a conflict, when (their desk's clock) and what they noted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConflictReview {
    pub by: String,
    pub at: DateTime<Utc>,
    pub note: String,
}

/// A conflict's losing side, as the review list and the case's timeline show it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Conflict {
    /// The losing event's global id (32 hex digits): what a review names.
    pub event_id: String,
    pub case_id: i64,
    /// With the desk's code when the case is another desk's, e.g. `R-2026-000001/KASSA2`.
    pub case_reference: String,
    /// `case` or `promise`.
    pub log: String,
    pub kind: String,
    /// When it was recorded, by the recording desk's clock, and by whom.
    pub at: DateTime<Utc>,
    pub actor: String,
    /// The rule's own sentence for why it lost (English, for the log and the CLI).
    pub detail: String,
    /// The case event that lost; `None` for a promise change.
    pub event: Option<EventRecord>,
    /// The promise as the losing change would have left it; `None` for a case event.
    pub promise: Option<Promise>,
    pub review: Option<ConflictReview>,
}

/// A case event's review, by its place in the case's timeline (`CaseDetail::conflict_losers`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PositionReview {
    pub position: u32,
    pub by: String,
}

const CONFLICTS: &str = "SELECT f.event_id, f.case_id, f.log, f.detail, c.ref_year, c.ref_number, c.desk_code,
        (SELECT code FROM desk_identity WHERE id = 1),
        COALESCE(ce.at, pe.at), COALESCE(ce.actor, pe.actor), COALESCE(ce.kind, pe.kind),
        COALESCE(ce.record_json, pe.record_json)
    FROM sync_flags f JOIN cases c ON c.id = f.case_id
    LEFT JOIN case_events ce ON f.log = 'case' AND ce.event_id = f.event_id
    LEFT JOIN promise_events pe ON f.log = 'promise' AND pe.event_id = f.event_id
    WHERE f.reason = 'conflict' AND f.log IN ('case', 'promise') AND (?1 IS NULL OR f.case_id = ?1)
        AND (?2 IS NULL OR f.event_id = ?2)
    ORDER BY COALESCE(ce.at, pe.at), f.event_id";

/// The review that stands for the event `event_hex`: the first in the team's order.
fn review_of(conn: &Connection, event_hex: &str) -> Result<Option<ConflictReview>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT r.actor, r.at, r.record_json FROM team_events r LEFT JOIN sync_canon k ON k.event_id = r.event_id
         WHERE r.log = 'review' AND json_extract(r.record_json, '$.event_id') = ?1
         ORDER BY k.pos IS NULL, k.pos, r.id",
    )?;
    let reviews: Vec<(String, i64, String)> = statement
        .query_map([event_hex], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let Some((by, at, json)) = review::standing(&reviews) else { return Ok(None) };
    let note = match serde_json::from_str::<TeamFact>(json) {
        Ok(TeamFact::ConflictReviewed { note, .. }) => note,
        _ => String::new(),
    };
    Ok(Some(ConflictReview { by: by.clone(), at: time::from_millis(*at)?, note }))
}

fn conflicts(conn: &Connection, case_id: Option<i64>, event: Option<&[u8]>) -> Result<Vec<Conflict>, StoreError> {
    let mut statement = conn.prepare_cached(CONFLICTS)?;
    type Row = (
        Vec<u8>,
        i64,
        String,
        String,
        i32,
        u32,
        String,
        String,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = statement
        .query_map(params![case_id, event], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
                row.get(6)?,
                row.get(7)?,
                row.get(8)?,
                row.get(9)?,
                row.get(10)?,
                row.get(11)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(id, case_id, log, detail, year, number, desk, own, at, actor, kind, json)| {
            let event_id = super::uuid_from(&id)?.simple().to_string();
            let reference = CaseRef { year, number }.to_string();
            let json = json.unwrap_or_default();
            let corrupt = |error: serde_json::Error| StoreError::Corrupt(format!("a flagged event: {error}"));
            let (event, promise) = match log.as_str() {
                "case" => (Some(serde_json::from_str(&json).map_err(corrupt)?), None),
                _ => (None, Some(serde_json::from_str(&json).map_err(corrupt)?)),
            };
            Ok(Conflict {
                review: review_of(conn, &event_id)?,
                event_id,
                case_id,
                case_reference: if desk.is_empty() || desk == own { reference } else { format!("{reference}/{desk}") },
                log,
                kind: kind.unwrap_or_default(),
                at: time::from_millis(at.unwrap_or_default())?,
                actor: actor.unwrap_or_default(),
                detail,
                event,
                promise,
            })
        })
        .collect()
}

impl Store {
    /// Every conflict of the case and promise logs, oldest first; reviewed ones too when `all`.
    pub fn conflicts(&self, all: bool) -> Result<Vec<Conflict>, StoreError> {
        let mut found = conflicts(&self.conn, None, None)?;
        found.retain(|conflict| all || conflict.review.is_none());
        Ok(found)
    }

    /// The conflicts of one case, reviewed or not, for its timeline.
    pub fn case_conflicts(&self, case_id: i64) -> Result<Vec<Conflict>, StoreError> {
        conflicts(&self.conn, Some(case_id), None)
    }

    /// Records `by`'s review of the conflict whose losing event is `event_id` (32 hex digits or a
    /// hyphenated UUID), after the core's check. One transaction; a refused review records nothing.
    pub fn review_conflict(
        &mut self,
        event_id: &str,
        note: &str,
        by: &Actor,
        at: DateTime<Utc>,
    ) -> Result<Conflict, StoreError> {
        let parsed = Uuid::parse_str(event_id.trim()).ok();
        let found = match parsed {
            Some(id) => conflicts(&self.conn, None, Some(id.as_bytes()))?.into_iter().next(),
            None => None,
        };
        let target = match &found {
            None => Target::NotAConflict,
            Some(conflict) => {
                Target::Conflict { reviewed_by: conflict.review.as_ref().map(|review| review.by.clone()) }
            }
        };
        let note = review::check(by, &target, note)?;
        let Some(conflict) = found else {
            return Err(StoreError::Corrupt("a conflict passed the check without being found".into()));
        };
        self.write(|tx| {
            let case_gid: Vec<u8> =
                tx.query_row("SELECT gid FROM cases WHERE id = ?1", [conflict.case_id], |row| row.get(0))?;
            let about = About { case_gid: Some(super::uuid_from(&case_gid)?), promise_gid: None };
            let fact = TeamFact::ConflictReviewed { event_id: conflict.event_id.clone(), note };
            shared::record(tx, &fact, &by.person, at, about)?;
            Ok(())
        })?;
        conflicts(&self.conn, None, parsed.as_ref().map(|id| id.as_bytes().as_slice()))?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::Corrupt("the reviewed conflict cannot be read back".into()))
    }
}

/// The reviews of a case's losing events, by their place in its timeline.
pub(crate) fn position_reviews(
    conn: &Connection,
    losers: &[(u32, Vec<u8>)],
) -> Result<Vec<PositionReview>, StoreError> {
    let mut reviews = Vec::new();
    for (position, id) in losers {
        let hex = super::uuid_from(id)?.simple().to_string();
        if let Some(review) = review_of(conn, &hex)? {
            reviews.push(PositionReview { position: *position, by: review.by });
        }
    }
    Ok(reviews)
}
