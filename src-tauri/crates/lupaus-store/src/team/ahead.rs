//! Events pulled ahead of the cursor (a joining desk's open cases first, lupaus-sync's
//! live_first.rs) are no longer ahead when the cursor's pull meets them
//! again; a case opened by one gets its returning customer then (customers.rs, `settle_ahead`).

use lupaus_core::lifecycle::{CaseState, EventRecord};
use rusqlite::Transaction;

use super::apply::case_by_gid;
use super::{SyncEvent, SyncLog};
use crate::{StoreError, customers};

/// An event pulled ahead that the cursor's pull met again: the case whose customer that changed.
pub(crate) struct Placed {
    pub(crate) customer_changed: Option<i64>,
}

/// The cursor's pull met `event` again, which was pulled ahead of it: it is no longer ahead,
/// and a case opened by it gets its customer as if pulled in order. Its position stays: a case's
/// events came ahead all together and in the server's order, and its events after them come
/// later still, so every case's order already is the server's. (Moving the position to the
/// cursor's end would put a case's opening after its other early events until the cursor met
/// those too.) `None` when the event was not ahead.
pub(crate) fn take_place(tx: &Transaction<'_>, event: &SyncEvent) -> Result<Option<Placed>, StoreError> {
    let moved = tx
        .prepare_cached("UPDATE sync_canon SET ahead = 0 WHERE event_id = ?1 AND ahead = 1")?
        .execute([event.event_id.as_bytes()])?;
    if moved == 0 {
        return Ok(None);
    }
    let mut placed = Placed { customer_changed: None };
    if event.log == SyncLog::Case
        && event.kind == "opened"
        && let Some(link) = &event.case
        && let Some(case_id) = case_by_gid(tx, link.gid)?
        && let Ok(record) = serde_json::from_str::<EventRecord>(&event.record)
        && let Ok(state) = CaseState::replay(std::slice::from_ref(&record))
        && customers::settle_ahead(tx, case_id, &state.intake.customer, state.received_at, &link.desk)?
    {
        placed.customer_changed = Some(case_id);
    }
    Ok(Some(placed))
}
