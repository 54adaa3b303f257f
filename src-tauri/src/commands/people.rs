//! People at the desk: who is at the keyboard, the quick switch (with a PIN when the person has
//! one), and the list of people a team lead keeps. The rules are the core's
//! (`lupaus_core::people`); these commands only carry them across IPC.

use std::sync::Mutex;

use lupaus_core::language::Language;
use lupaus_core::lifecycle::{Actor, Role};
use lupaus_desk::Desk;
use lupaus_store::people::{Person, PinHash};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::{error::IpcError, state::AppState};

/// Who is at the keyboard, in which role, and the language they chose on this computer.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CurrentPerson {
    pub name: String,
    pub role: Role,
    /// `None`: the computer's locale decides.
    pub language: Option<Language>,
}

impl CurrentPerson {
    fn at(desk: &Desk, actor: Actor) -> CurrentPerson {
        CurrentPerson { name: actor.person, role: actor.role, language: desk.language() }
    }
}

/// Held while a switch reads, checks and records a person's wrong PINs, so parallel guesses are
/// counted one after another. The counts themselves are stored with the person.
#[derive(Default)]
pub struct PinGuard(Mutex<()>);

/// Who is at the keyboard; `who_are_you` when nobody is yet.
#[tauri::command(async)]
pub fn current_person(state: State<'_, AppState>) -> Result<CurrentPerson, IpcError> {
    let desk = state.desk()?;
    Ok(CurrentPerson::at(&desk, desk.actor()?))
}

/// The language of the window, the notifications and the tray for the person at the keyboard
/// (`fi`, `sv`, `en`; none to follow the computer), kept with them on this computer.
#[tauri::command(async)]
pub fn choose_language(state: State<'_, AppState>, language: Option<String>) -> Result<CurrentPerson, IpcError> {
    let language = language.as_deref().map(Language::of_code).transpose()?;
    let mut desk = state.desk()?;
    desk.choose_language(language)?;
    let actor = desk.actor()?;
    Ok(CurrentPerson::at(&desk, actor))
}

#[tauri::command(async)]
pub fn list_people(state: State<'_, AppState>) -> Result<Vec<Person>, IpcError> {
    Ok(state.desk()?.people()?)
}

/// Quick switch of the person at the keyboard on a shared desk PC. A person with a PIN is never
/// acted as without it. Argon2 is slow by design: the desk is held only to read and record.
#[tauri::command(async)]
pub fn switch_person(
    state: State<'_, AppState>,
    guard: State<'_, PinGuard>,
    name: String,
    pin: Option<String>,
) -> Result<CurrentPerson, IpcError> {
    let _one_check_at_a_time =
        guard.0.lock().map_err(|_| IpcError::internal("The PIN check failed earlier; restart Lupaus."))?;
    let started = state.desk()?.start_switch(&name)?;
    let checked = started.check_pin(pin.as_deref(), state.clock.now());
    let mut desk = state.desk()?;
    let actor = desk.finish_switch(checked)?;
    Ok(CurrentPerson::at(&desk, actor))
}

/// Adds a person or changes their role (team leads; anyone for a new desk's first lead).
/// Answers with the list as it now is.
#[tauri::command(async)]
pub fn save_person(state: State<'_, AppState>, name: String, role: Role) -> Result<Vec<Person>, IpcError> {
    let mut desk = state.desk()?;
    desk.save_person(&name, role)?;
    Ok(desk.people()?)
}

#[tauri::command(async)]
pub fn deactivate_person(state: State<'_, AppState>, name: String) -> Result<Vec<Person>, IpcError> {
    let mut desk = state.desk()?;
    desk.deactivate_person(&name)?;
    Ok(desk.people()?)
}

/// Sets the PIN of the person at the keyboard; hashed before the desk is locked.
#[tauri::command(async)]
pub fn set_pin(state: State<'_, AppState>, name: String, pin: String) -> Result<Vec<Person>, IpcError> {
    let hash = PinHash::of(&pin)?;
    let mut desk = state.desk()?;
    desk.set_pin(&name, &hash)?;
    Ok(desk.people()?)
}

/// Clears a PIN: one's own, or anyone's by a team lead (a forgotten PIN).
#[tauri::command(async)]
pub fn clear_pin(state: State<'_, AppState>, name: String) -> Result<Vec<Person>, IpcError> {
    let mut desk = state.desk()?;
    desk.clear_pin(&name)?;
    Ok(desk.people()?)
}

#[cfg(test)]
#[path = "people_tests.rs"]
mod tests;
