//! What the commands share: the store behind a mutex, the clock, and who is at the keyboard.

use std::sync::{Arc, Mutex, MutexGuard};

use lupaus_core::clock::Clock;
use lupaus_store::{Store, SystemClock};

use crate::error::IpcError;

pub struct AppState {
    store: Mutex<Store>,
    pub clock: Arc<dyn Clock>,
    /// The person at the keyboard; every change is attributed to them.
    pub person: String,
}

impl AppState {
    pub fn new(store: Mutex<Store>, person: String) -> AppState {
        AppState { store, clock: Arc::new(SystemClock), person }
    }

    /// The store, for one short synchronous piece of work. Never hold it across an `.await`.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        self.store
            .lock()
            .map_err(|_| IpcError::internal("The database lock was poisoned by an earlier failure; restart Lupaus."))
    }
}

/// Until people and roles exist, the OS user name names the person at the keyboard.
pub fn current_person() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "agent".to_owned())
}
