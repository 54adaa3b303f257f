//! A promise's derived row, rebuilt from its events in the team's order (apply.rs calls it for
//! every promise a pulled batch touches). The losing sides of promise conflicts are flagged here:
//! a change to a promise already kept, renegotiated or withdrawn, and a replacement made by a
//! renegotiation that lost.

use std::collections::BTreeSet;

use lupaus_core::promise::{Promise, PromiseState};
use lupaus_core::settings::ValidDeskSettings;
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use crate::{StoreError, promises, time};

/// A promise's row is its record after its events in the canonical order (each record is a whole
/// snapshot). Once a promise is kept or renegotiated it is settled: a later change made on
/// another desk that did not know yet (the same promise kept twice) is the losing side, kept
/// and flagged like a case event.
pub(super) fn rebuild_promise(
    tx: &Transaction<'_>,
    case_id: i64,
    promise_id: i64,
    gid: Uuid,
    desk: &ValidDeskSettings,
) -> Result<usize, StoreError> {
    // Through the case (promise_events_by_case): the save path keeps no index by promise.
    let rows: Vec<(Vec<u8>, i64, String, i64)> = tx
        .prepare_cached(
            "SELECT e.event_id, e.case_id, e.record_json, e.at FROM promise_events e
             LEFT JOIN sync_canon k ON k.event_id = e.event_id
             WHERE e.case_id = ?1 AND e.promise_id = ?2 ORDER BY k.pos IS NULL, k.pos, e.id",
        )?
        .query_map([case_id, promise_id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
        .collect::<Result<_, _>>()?;
    tx.prepare_cached(
        "DELETE FROM sync_flags WHERE reason = 'conflict' AND event_id IN
             (SELECT event_id FROM promise_events WHERE case_id = ?1 AND promise_id = ?2)",
    )?
    .execute([case_id, promise_id])?;
    let mut current: Option<(Promise, i64)> = None;
    let mut flagged = 0;
    for (event_id, _, json, at) in &rows {
        let promise: Promise = serde_json::from_str(json)
            .map_err(|error| StoreError::Corrupt(format!("promise {promise_id}: {error}")))?;
        if let Some((settled, _)) = current.as_ref().filter(|(held, _)| held.state != PromiseState::Open) {
            let detail = format!("the promise was already {} when this change arrived", state_word(&settled.state));
            tx.prepare_cached(
                "INSERT OR REPLACE INTO sync_flags (event_id, case_id, log, reason, detail) VALUES (?1, ?2, 'promise', 'conflict', ?3)",
            )?
            .execute(params![event_id, case_id, detail])?;
            flagged += 1;
            continue;
        }
        current = Some((promise, *at));
    }
    if let Some((mut promise, at)) = current {
        if let Some(old) = promise.replaces
            && replaced_by(tx, old)? != Some(promise_id)
        {
            // Made by a renegotiation that lost (another desk renegotiated the old promise
            // first): every change to it loses with it, and it is owed to nobody.
            let detail = "another desk's renegotiation of the promise it replaces came first";
            for (event_id, _, _, _) in &rows {
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO sync_flags (event_id, case_id, log, reason, detail) VALUES (?1, ?2, 'promise', 'conflict', ?3)",
                )?
                .execute(params![event_id, case_id, detail])?;
            }
            flagged = rows.len();
            let by = promise.made_by.clone();
            promise.state =
                PromiseState::Withdrawn { reason: format!("Not applied: {detail}."), by, at: promise.made_at };
        }
        promises::save_row(tx, &promise, time::from_millis(at)?, desk, gid)?;
    }
    Ok(flagged)
}

/// The promise `old` was renegotiated into, as its derived row stands.
fn replaced_by(tx: &Transaction<'_>, old: i64) -> Result<Option<i64>, StoreError> {
    let json: Option<String> = tx
        .prepare_cached("SELECT record_json FROM promises WHERE id = ?1")?
        .query_row([old], |row| row.get(0))
        .optional()?;
    let Some(json) = json else { return Ok(None) };
    let promise: Promise =
        serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(format!("promise {old}: {error}")))?;
    Ok(match promise.state {
        PromiseState::Renegotiated { replaced_by, .. } => Some(replaced_by),
        _ => None,
    })
}

/// Promises made by renegotiating one of `promises` that are not among them: (id, case, gid).
/// The promises that replace promise `?1`, through `promises_by_replaces` (migration 14): the
/// expression must stay the index's, or every rebuilt promise reads every promise's record.
const REPLACING: &str = "SELECT id, case_id, gid FROM promises WHERE json_extract(record_json, '$.replaces') = ?1";

pub(super) fn replacements_of(
    tx: &Transaction<'_>,
    promises: &BTreeSet<i64>,
) -> Result<Vec<(i64, i64, Uuid)>, StoreError> {
    let mut found = Vec::new();
    for old in promises {
        let rows: Vec<(i64, i64, Vec<u8>)> = tx
            .prepare_cached(REPLACING)?
            .query_map([old], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<_, _>>()?;
        for (id, case_id, gid) in rows {
            if !promises.contains(&id) {
                found.push((id, case_id, super::uuid_from(&gid)?));
            }
        }
    }
    Ok(found)
}

fn state_word(state: &PromiseState) -> &'static str {
    match state {
        PromiseState::Open => "open",
        PromiseState::Kept { .. } => "kept",
        PromiseState::Renegotiated { .. } => "renegotiated",
        PromiseState::Withdrawn { .. } => "withdrawn",
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    /// A pulled batch looks replacements up for every promise it rebuilds: by index, never a scan.
    #[test]
    fn replacements_are_found_through_their_index() {
        let store = Store::open_in_memory().expect("store");
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", super::REPLACING))
            .expect("plan")
            .query_map([1], |row| row.get::<_, String>(3))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("plan rows");
        assert!(plan.iter().any(|line| line.contains("USING INDEX promises_by_replaces")), "{plan:?}");
    }
}
