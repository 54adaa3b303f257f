//! What the commands share: the store behind a mutex, the clock, who is at the keyboard, and the
//! signal that wakes the reminder scheduler.

use std::sync::{Arc, Mutex, MutexGuard};

use lupaus_core::clock::Clock;
use lupaus_core::lifecycle::Actor;
use lupaus_store::{Store, SystemClock};
use tokio::sync::Notify;

use crate::error::IpcError;

pub struct AppState {
    /// Shared with the reminder scheduler, which locks it only inside `spawn_blocking`.
    store: Arc<Mutex<Store>>,
    pub clock: Arc<dyn Clock>,
    /// The person at the keyboard; every change is attributed to them.
    person: Mutex<String>,
    /// Fired after promises or the reminder plan change, so the scheduler looks again at once.
    reminders_changed: Arc<Notify>,
}

impl AppState {
    pub fn new(store: Store, person: String) -> AppState {
        AppState::with_clock(store, person, Arc::new(SystemClock))
    }

    pub fn with_clock(store: Store, person: String, clock: Arc<dyn Clock>) -> AppState {
        AppState {
            store: Arc::new(Mutex::new(store)),
            clock,
            person: Mutex::new(person),
            reminders_changed: Arc::new(Notify::new()),
        }
    }

    /// The store, for one short synchronous piece of work. Never hold it across an `.await`.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        self.store
            .lock()
            .map_err(|_| IpcError::internal("The database lock was poisoned by an earlier failure; restart Lupaus."))
    }

    /// The store for a background task; the same rule applies: never hold it across an `.await`.
    pub fn shared_store(&self) -> Arc<Mutex<Store>> {
        Arc::clone(&self.store)
    }

    /// Tells the reminder scheduler that promises or the plan changed. A wake sent while the
    /// scheduler is busy is kept until it next waits, so none is lost.
    pub fn reminders_changed(&self) {
        self.reminders_changed.notify_one();
    }

    /// The signal [`AppState::reminders_changed`] fires, for the scheduler to wait on.
    pub fn reminder_wake(&self) -> Arc<Notify> {
        Arc::clone(&self.reminders_changed)
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
