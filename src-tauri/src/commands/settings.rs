use lupaus_core::calendar::CalendarDay;
use lupaus_core::lifecycle::Role;
use lupaus_core::settings::DeskSettings;
use lupaus_store::people::Person;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::{error::IpcError, state::AppState};

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Result<DeskSettings, IpcError> {
    Ok(state.store()?.desk_settings()?.settings)
}

/// Saves the desk settings (leads only) and moves every open promise's next reminder to the new plan.
#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: DeskSettings) -> Result<DeskSettings, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    let saved = store.save_desk_settings(settings, &actor)?.settings;
    store.reschedule_reminders(state.clock.now())?;
    state.reminders_changed();
    Ok(saved)
}

/// Who is at the keyboard, and in which role.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CurrentPerson {
    pub name: String,
    pub role: Role,
}

#[tauri::command(async)]
pub fn current_person(state: State<'_, AppState>) -> Result<CurrentPerson, IpcError> {
    let store = state.store()?;
    let actor = state.actor(&store)?;
    Ok(CurrentPerson { name: actor.person, role: actor.role })
}

#[tauri::command(async)]
pub fn list_people(state: State<'_, AppState>) -> Result<Vec<Person>, IpcError> {
    Ok(state.store()?.people()?)
}

/// Quick switch of the person at the keyboard on a shared desk PC.
#[tauri::command(async)]
pub fn switch_person(state: State<'_, AppState>, name: String) -> Result<CurrentPerson, IpcError> {
    let store = state.store()?;
    let actor = store.actor(&name)?;
    state.set_person(actor.person.clone());
    tracing::info!(person = %actor.person, "person at the keyboard switched");
    Ok(CurrentPerson { name: actor.person, role: actor.role })
}

/// Business days, holidays and closure days between two dates, for the settings calendar view.
#[tauri::command(async)]
pub fn calendar_days(
    state: State<'_, AppState>,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<CalendarDay>, IpcError> {
    Ok(state.store()?.desk_settings()?.calendar.days(from, to)?)
}
