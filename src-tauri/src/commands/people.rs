//! People at the desk: who is at the keyboard, the quick switch (with a PIN when the person has
//! one), and the list of people a team lead keeps. The rules are the core's
//! (`lupaus_core::people`); these commands only carry them across IPC.

use std::sync::Mutex;

use lupaus_core::lifecycle::Role;
use lupaus_store::Store;
use lupaus_store::people::{Person, PinHash};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::{error::IpcError, state::AppState};

/// Who is at the keyboard, and in which role.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CurrentPerson {
    pub name: String,
    pub role: Role,
}

/// Held while a switch reads, checks and records a person's wrong PINs, so parallel guesses are
/// counted one after another. The counts themselves are stored with the person.
#[derive(Default)]
pub struct PinGuard(Mutex<()>);

/// The person the app acts as at start: the OS user, unless they are listed with a PIN. Then
/// nobody, until someone says who they are (with the PIN): a PIN is never skipped by logging in.
pub fn person_at_start(store: &Store, os_user: String) -> String {
    match store.has_pin(&os_user) {
        Ok(false) => os_user,
        Ok(true) => String::new(),
        Err(error) => {
            tracing::warn!(%error, "could not tell whether the OS user has a PIN; asking who is at the keyboard");
            String::new()
        }
    }
}

/// Who is at the keyboard; `who_are_you` when nobody is yet.
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

/// Quick switch of the person at the keyboard on a shared desk PC. A person with a PIN is never
/// acted as without it. Argon2 is slow by design: the store is locked only to read the hash.
#[tauri::command(async)]
pub fn switch_person(
    state: State<'_, AppState>,
    guard: State<'_, PinGuard>,
    name: String,
    pin: Option<String>,
) -> Result<CurrentPerson, IpcError> {
    let _one_check_at_a_time =
        guard.0.lock().map_err(|_| IpcError::internal("The PIN check failed earlier; restart Lupaus."))?;
    let sign_in = state.store()?.sign_in(&name)?;
    if let Some(hash) = &sign_in.pin {
        let mut wrong_pins = sign_in.wrong_pins;
        let unlocked =
            wrong_pins.unlock(&sign_in.actor.person, pin.as_deref(), state.clock.now(), |given| hash.matches(given));
        if wrong_pins != sign_in.wrong_pins {
            state.store()?.record_pin_tries(&sign_in.actor.person, wrong_pins)?;
        }
        unlocked?;
    }
    let actor = sign_in.actor;
    state.set_person(actor.person.clone());
    tracing::info!(person = %actor.person, "person at the keyboard switched");
    Ok(CurrentPerson { name: actor.person, role: actor.role })
}

/// Adds a person or changes their role (team leads; anyone for a new desk's first lead).
/// Answers with the list as it now is.
#[tauri::command(async)]
pub fn save_person(state: State<'_, AppState>, name: String, role: Role) -> Result<Vec<Person>, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    store.save_person(&name, role, &actor)?;
    Ok(store.people()?)
}

#[tauri::command(async)]
pub fn deactivate_person(state: State<'_, AppState>, name: String) -> Result<Vec<Person>, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    store.deactivate_person(&name, &actor)?;
    Ok(store.people()?)
}

/// Sets the PIN of the person at the keyboard; hashed before the store is locked.
#[tauri::command(async)]
pub fn set_pin(state: State<'_, AppState>, name: String, pin: String) -> Result<Vec<Person>, IpcError> {
    let hash = PinHash::of(&pin)?;
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    store.set_pin(&name, &hash, &actor)?;
    Ok(store.people()?)
}

/// Clears a PIN: one's own, or anyone's by a team lead (a forgotten PIN).
#[tauri::command(async)]
pub fn clear_pin(state: State<'_, AppState>, name: String) -> Result<Vec<Person>, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    store.clear_pin(&name, &actor)?;
    Ok(store.people()?)
}

#[cfg(test)]
#[path = "people_tests.rs"]
mod tests;
