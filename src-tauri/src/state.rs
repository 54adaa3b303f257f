//! What the commands share: the store behind a mutex, the clock, and who is at the keyboard.

use std::sync::{Arc, Mutex, MutexGuard};

use lupaus_core::clock::Clock;
use lupaus_core::lifecycle::Actor;
use lupaus_store::{Store, SystemClock};

use crate::error::IpcError;

pub struct AppState {
    store: Mutex<Store>,
    pub clock: Arc<dyn Clock>,
    /// The person at the keyboard; every change is attributed to them.
    person: Mutex<String>,
}

impl AppState {
    pub fn new(store: Store, person: String) -> AppState {
        AppState::with_clock(store, person, Arc::new(SystemClock))
    }

    pub fn with_clock(store: Store, person: String, clock: Arc<dyn Clock>) -> AppState {
        AppState { store: Mutex::new(store), clock, person: Mutex::new(person) }
    }

    /// The store, for one short synchronous piece of work. Never hold it across an `.await`.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        self.store
            .lock()
            .map_err(|_| IpcError::internal("The database lock was poisoned by an earlier failure; restart Lupaus."))
    }

    pub fn person(&self) -> String {
        self.person.lock().map(|name| name.clone()).unwrap_or_default()
    }

    pub fn set_person(&self, name: String) {
        if let Ok(mut person) = self.person.lock() {
            *person = name;
        }
    }

    /// The person at the keyboard with their role, as the core needs it.
    pub fn actor(&self, store: &Store) -> Result<Actor, IpcError> {
        Ok(store.actor(&self.person())?)
    }
}

/// Until someone picks their name in the app, the OS user name names the person at the keyboard.
pub fn os_user() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "agent".to_owned())
}
