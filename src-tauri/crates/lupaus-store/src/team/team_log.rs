//! Storing pulled events of the team log (people, settings, lessons, reminder steps,
//! attachments): each is kept in `team_events` once; a lesson also becomes its `lessons` row, a
//! step its `reminder_log` row and an attachment its `attachments` row (bytes fetched later). People and settings are derived after the batch (shared.rs).

use rusqlite::{OptionalExtension, Transaction};

use super::SyncEvent;
use super::apply::{Applied, Stored, Unreadable, case_by_gid, received};
use super::shared::{self, About, TeamFact};
use crate::StoreError;

/// The fact an event carries, if this version can read it and it belongs to the event's log.
fn fact_of(event: &SyncEvent) -> Result<TeamFact, Unreadable> {
    let fact: TeamFact = serde_json::from_str(&event.record).map_err(|error| {
        format!("a {} event this version cannot read ({}): {error}", event.log.as_str(), event.kind)
    })?;
    if fact.log() != event.log.as_str() {
        return Err(Unreadable(format!("a '{}' record in the {} log", fact.kind(), event.log.as_str())));
    }
    Ok(fact)
}

/// Whether this desk holds the event already (its own, pulled back).
fn held(tx: &Transaction<'_>, event: &SyncEvent) -> Result<bool, StoreError> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM team_events WHERE event_id = ?1")?
        .query_row([event.event_id.as_bytes()], |_| Ok(()))
        .optional()?
        .is_some())
}

fn keep(tx: &Transaction<'_>, event: &SyncEvent, fact: &TeamFact, applied: &mut Applied) -> Result<(), StoreError> {
    let about = About { case_gid: event.case.as_ref().map(|link| link.gid), promise_gid: event.promise_gid };
    shared::insert(tx, event.event_id, fact, &event.actor, event.at_millis, about)?;
    received(tx, event)?;
    applied.new_events += 1;
    Ok(())
}

pub(crate) fn store_person_or_settings(tx: &Transaction<'_>, event: &SyncEvent, applied: &mut Applied) -> Stored<()> {
    if held(tx, event)? {
        return Ok(Ok(()));
    }
    let fact = match fact_of(event) {
        Ok(fact) => fact,
        Err(reason) => return Ok(Err(reason)),
    };
    keep(tx, event, &fact, applied)?;
    Ok(Ok(()))
}

/// Someone signed in on another desk: kept in the log, and their whereabouts move.
pub(crate) fn store_sign_in(tx: &Transaction<'_>, event: &SyncEvent, applied: &mut Applied) -> Stored<()> {
    if held(tx, event)? {
        return Ok(Ok(()));
    }
    let fact = match fact_of(event) {
        Ok(fact) => fact,
        Err(reason) => return Ok(Err(reason)),
    };
    let TeamFact::SignedIn { desk_id, desk_code, desk_name } = &fact else {
        return Ok(Err(Unreadable(format!("a '{}' record under the kind signed_in", fact.kind()))));
    };
    keep(tx, event, &fact, applied)?;
    crate::presence::note(tx, &event.actor, *desk_id, desk_code, desk_name, event.at_millis)?;
    Ok(Ok(()))
}

pub(crate) fn store_lesson(tx: &Transaction<'_>, event: &SyncEvent, applied: &mut Applied) -> Stored<()> {
    if held(tx, event)? {
        return Ok(Ok(()));
    }
    let fact = match fact_of(event) {
        Ok(fact) => fact,
        Err(reason) => return Ok(Err(reason)),
    };
    let Some(case_id) = event.case.as_ref().map(|link| case_by_gid(tx, link.gid)).transpose()?.flatten() else {
        return Ok(Err(Unreadable::from("a lesson for a case this desk has never seen opened")));
    };
    keep(tx, event, &fact, applied)?;
    crate::lessons::insert_lesson(tx, case_id, &fact, &event.actor, event.at_millis, event.event_id)?;
    Ok(Ok(()))
}

/// A step another desk raised: recorded with that desk, so this desk does not raise it again.
/// Answers the promise, whose next reminder moves on.
pub(crate) fn store_reminder(tx: &Transaction<'_>, event: &SyncEvent, applied: &mut Applied) -> Stored<i64> {
    let promise_id: Option<i64> = match event.promise_gid {
        Some(gid) => tx
            .prepare_cached("SELECT id FROM promises WHERE gid = ?1")?
            .query_row([gid.as_bytes()], |row| row.get(0))
            .optional()?,
        None => None,
    };
    if held(tx, event)? {
        return Ok(promise_id.ok_or_else(|| Unreadable::from("a reminder step of an unknown promise")));
    }
    let fact = match fact_of(event) {
        Ok(fact) => fact,
        Err(reason) => return Ok(Err(reason)),
    };
    let (Some(promise_id), TeamFact::ReminderRaised { step }) = (promise_id, &fact) else {
        return Ok(Err(Unreadable::from("a reminder step of a promise this desk has never seen")));
    };
    if crate::promises::parse_key(step).is_err() {
        return Ok(Err(Unreadable(format!("a reminder step this version cannot read: {step}"))));
    }
    keep(tx, event, &fact, applied)?;
    crate::reminders::insert_raised(tx, promise_id, step, event.at_millis, event.desk_id.as_bytes(), event.event_id)?;
    Ok(Ok(promise_id))
}

/// A lead's review of a conflict: kept in the team log; it names the case so the case's lists
/// and timeline load again. The review itself is read where it is shown (review.rs).
pub(crate) fn store_review(tx: &Transaction<'_>, event: &SyncEvent, applied: &mut Applied) -> Stored<i64> {
    let case_id = event.case.as_ref().map(|link| case_by_gid(tx, link.gid)).transpose()?.flatten();
    if held(tx, event)? {
        return Ok(case_id.ok_or_else(|| Unreadable::from("a review of a case this desk has never seen")));
    }
    let fact = match fact_of(event) {
        Ok(fact) => fact,
        Err(reason) => return Ok(Err(reason)),
    };
    let Some(case_id) = case_id else {
        return Ok(Err(Unreadable::from("a review of a case this desk has never seen opened")));
    };
    keep(tx, event, &fact, applied)?;
    Ok(Ok(case_id))
}

/// Another desk's file: listed on its case, its bytes fetched from the server when opened; or
/// its tombstone: the case was anonymised there, so the copy here goes too. Answers the case,
/// whose view shows it (the case counts as touched, so lists reload).
pub(crate) fn store_attachment(tx: &Transaction<'_>, event: &SyncEvent, applied: &mut Applied) -> Stored<i64> {
    let case_id = event.case.as_ref().map(|link| case_by_gid(tx, link.gid)).transpose()?.flatten();
    let fact = match fact_of(event) {
        Ok(fact) => fact,
        Err(reason) => return Ok(Err(reason)),
    };
    let held = held(tx, event)?;
    match &fact {
        TeamFact::AttachmentAdded { .. } if held && crate::attachments::listed(tx, event.event_id)? => {
            Ok(case_id.ok_or_else(|| Unreadable::from("an attachment of an unknown case")))
        }
        TeamFact::AttachmentAdded { file_name, media_type, size_bytes, sha256 } => {
            let well_formed = sha256.len() == 64 && sha256.bytes().all(|byte| byte.is_ascii_hexdigit());
            if !well_formed || *size_bytes < 0 || *size_bytes as u64 > crate::attachments::MAX_ATTACHMENT_BYTES {
                let reason = format!("an attachment this desk cannot keep ({size_bytes} bytes, hash '{sha256}')");
                return Ok(Err(Unreadable(reason)));
            }
            let Some(case_id) = case_id else {
                return Ok(Err(Unreadable::from("an attachment for a case this desk has never seen opened")));
            };
            if !held {
                keep(tx, event, &fact, applied)?;
            }
            let file = crate::attachments::RemoteFile {
                file_name: file_name.clone(),
                sha256: sha256.to_lowercase(),
                size_bytes: *size_bytes,
            };
            let (actor, at) = (&event.actor, event.at_millis);
            crate::attachments::insert_remote(tx, case_id, event.event_id, &file, media_type, actor, at)?;
            Ok(Ok(case_id))
        }
        TeamFact::AttachmentRemoved { sha256 } => {
            let Some(case_id) = case_id else {
                return Ok(Err(Unreadable::from("a deleted attachment of a case this desk has never seen opened")));
            };
            if !held {
                keep(tx, event, &fact, applied)?;
                crate::attachments::remove_anonymised(tx, case_id, sha256, event.at_millis)?;
            }
            Ok(Ok(case_id))
        }
        _ => Ok(Err(Unreadable::from("an attachment event without its file"))),
    }
}
