use chrono::{DateTime, Duration, Utc};
use lupaus_core::calendar::{BusinessSpan, DueReading};
use lupaus_core::promise::{NewPromise, Promise, Renegotiated};
use lupaus_store::promises::PromiseView;
use tauri::State;

use crate::{error::IpcError, state::AppState};

// Every command that changes a promise wakes the reminder scheduler, so a new plan takes effect
// at once instead of at its next periodic look.

#[tauri::command(async)]
pub fn make_promise(state: State<'_, AppState>, case_id: i64, promise: NewPromise) -> Result<Promise, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    let made = store.make_promise(case_id, promise, &actor, state.clock.now())?;
    state.reminders_changed();
    Ok(made)
}

/// `kept_at` is when the contact happened; it defaults to now.
#[tauri::command(async)]
pub fn keep_promise(
    state: State<'_, AppState>,
    promise_id: i64,
    outcome: String,
    kept_at: Option<DateTime<Utc>>,
) -> Result<Promise, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    let now = state.clock.now();
    let kept = store.keep_promise(promise_id, &outcome, kept_at.unwrap_or(now), &actor, now)?;
    state.reminders_changed();
    Ok(kept)
}

#[tauri::command(async)]
pub fn renegotiate_promise(
    state: State<'_, AppState>,
    promise_id: i64,
    new_due_at: DateTime<Utc>,
    customer_told_at: Option<DateTime<Utc>>,
) -> Result<Renegotiated, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    let now = state.clock.now();
    let renegotiated =
        store.renegotiate_promise(promise_id, new_due_at, customer_told_at.unwrap_or(now), &actor, now)?;
    state.reminders_changed();
    Ok(renegotiated)
}

#[tauri::command(async)]
pub fn reassign_promise(state: State<'_, AppState>, promise_id: i64, owner: String) -> Result<Promise, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    let reassigned = store.reassign_promise(promise_id, &owner, &actor, state.clock.now())?;
    state.reminders_changed();
    Ok(reassigned)
}

/// Withdraws an open promise with a reason the lead sees (before closing or declining a case).
#[tauri::command(async)]
pub fn withdraw_promise(state: State<'_, AppState>, promise_id: i64, reason: String) -> Result<Promise, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    let withdrawn = store.withdraw_promise(promise_id, &reason, &actor, state.clock.now())?;
    state.reminders_changed();
    Ok(withdrawn)
}

/// The in-app reminder list: open promises overdue or due within `within_hours`, soonest first,
/// at most `limit` of them (the banner asks only for the few it shows) and never more than 200.
#[tauri::command(async)]
pub fn due_promises(
    state: State<'_, AppState>,
    within_hours: u32,
    mine_only: bool,
    limit: Option<u32>,
) -> Result<Vec<PromiseView>, IpcError> {
    const MAX_DUE: u32 = 200;
    let store = state.store()?;
    let now = state.clock.now();
    let owner = mine_only.then(|| state.person());
    let until = now + Duration::hours(i64::from(within_hours.min(24 * 30)));
    let limit = limit.unwrap_or(MAX_DUE).min(MAX_DUE);
    Ok(store.open_promises_due_before(until, owner.as_deref(), now, limit)?)
}

/// What the agent typed in the due field ("pe", "11.12. 14"), read on the desk's calendar, with
/// the next opening time when it falls outside opening hours.
#[tauri::command(async)]
pub fn read_due(state: State<'_, AppState>, text: String) -> Result<DueReading, IpcError> {
    let desk = state.store()?.desk_settings()?;
    Ok(lupaus_core::calendar::read_due(&text, state.clock.now(), &desk.calendar)?)
}

/// The closing times of the business days left this week and next: the weekday buttons.
#[tauri::command(async)]
pub fn due_weekdays(state: State<'_, AppState>) -> Result<Vec<DateTime<Utc>>, IpcError> {
    let desk = state.store()?.desk_settings()?;
    Ok(lupaus_core::calendar::weekday_choices(state.clock.now(), &desk.calendar))
}

/// A due time to promise: `within` business time from now plus the desk's buffer, inside opening hours.
#[tauri::command(async)]
pub fn suggest_due(state: State<'_, AppState>, within: BusinessSpan) -> Result<DateTime<Utc>, IpcError> {
    let desk = state.store()?.desk_settings()?;
    let buffer = BusinessSpan::Minutes(desk.settings.promise_buffer_minutes);
    Ok(desk.calendar.suggest_due(state.clock.now(), within, buffer))
}
