//! What the commands share: the store (absent while the recovery screen is shown), the clock, who
//! is at the keyboard, and the signals that wake the background tasks.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use lupaus_core::clock::Clock;
use lupaus_core::lifecycle::Actor;
use lupaus_store::{Store, StoreError, SystemClock};
use serde::Serialize;
use tokio::sync::{Notify, watch};
use ts_rs::TS;

use crate::error::IpcError;

/// The store slot, shared by the commands and the background tasks. It is empty while the file
/// cannot be used (the recovery screen is up) and is filled when a backup is restored, in process.
#[derive(Clone)]
pub struct SharedStore(Arc<Mutex<Option<Store>>>);

/// The locked store, for one short synchronous piece of work; it derefs to [`Store`].
pub struct StoreGuard<'a>(MutexGuard<'a, Option<Store>>);

/// Why the store cannot be used just now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StoreUnavailable {
    #[error("the database lock was poisoned by an earlier failure")]
    Poisoned,
    #[error("no database is open; the recovery screen says why")]
    NotOpen,
}

impl SharedStore {
    fn new(store: Option<Store>) -> SharedStore {
        SharedStore(Arc::new(Mutex::new(store)))
    }

    /// Locks the open store. Never hold the guard across an `.await`.
    pub fn lock(&self) -> Result<StoreGuard<'_>, StoreUnavailable> {
        let slot = self.0.lock().map_err(|_| StoreUnavailable::Poisoned)?;
        if slot.is_none() {
            return Err(StoreUnavailable::NotOpen);
        }
        Ok(StoreGuard(slot))
    }

    /// Locks the slot itself, open or not, to take the store out or put one in.
    pub(crate) fn lock_slot(&self) -> Result<MutexGuard<'_, Option<Store>>, StoreUnavailable> {
        self.0.lock().map_err(|_| StoreUnavailable::Poisoned)
    }
}

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        // `SharedStore::lock` hands out a guard only over a filled slot.
        self.0.as_ref().expect("a StoreGuard always holds a store")
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0.as_mut().expect("a StoreGuard always holds a store")
    }
}

impl From<StoreUnavailable> for IpcError {
    fn from(unavailable: StoreUnavailable) -> IpcError {
        match unavailable {
            StoreUnavailable::Poisoned => {
                IpcError::internal("The database lock was poisoned by an earlier failure; restart Lupaus.")
            }
            StoreUnavailable::NotOpen => IpcError::new(
                "database_unavailable",
                "No database is open. Restore a backup on the recovery screen, or quit Lupaus.",
            ),
        }
    }
}

/// Why the database file is not in use: a stable code and the store's sentence about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DatabaseProblem {
    /// `database_corrupt`, `not_lupaus_database` or `database_too_new`.
    pub code: String,
    pub message: String,
    /// Found by the check after start (the desk was in use) rather than when opening.
    pub found_while_running: bool,
}

impl DatabaseProblem {
    pub fn at_open(error: &StoreError) -> DatabaseProblem {
        DatabaseProblem { code: error.code().into(), message: error.to_string(), found_while_running: false }
    }

    pub fn while_running(error: &StoreError) -> DatabaseProblem {
        DatabaseProblem { found_while_running: true, ..DatabaseProblem::at_open(error) }
    }
}

pub struct AppState {
    /// Shared with the background tasks, which lock it only inside `spawn_blocking`.
    store: SharedStore,
    db_path: PathBuf,
    /// Set while the file cannot be used; the UI shows the recovery screen for it.
    problem: Mutex<Option<DatabaseProblem>>,
    /// Counts the stores put in the slot, so background tasks waiting for one start at once.
    store_opened: watch::Sender<u64>,
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
        let db_path = store.path().to_path_buf();
        AppState::with_slot(Some(store), db_path, None, person, clock)
    }

    /// Started without a store: the file at `db_path` cannot be used for `problem`.
    pub fn needing_recovery(db_path: PathBuf, problem: DatabaseProblem, person: String) -> AppState {
        AppState::with_slot(None, db_path, Some(problem), person, Arc::new(SystemClock))
    }

    fn with_slot(
        store: Option<Store>,
        db_path: PathBuf,
        problem: Option<DatabaseProblem>,
        person: String,
        clock: Arc<dyn Clock>,
    ) -> AppState {
        AppState {
            store_opened: watch::Sender::new(u64::from(store.is_some())),
            store: SharedStore::new(store),
            db_path,
            problem: Mutex::new(problem),
            clock,
            person: Mutex::new(person),
            reminders_changed: Arc::new(Notify::new()),
        }
    }

    /// The store, for one short synchronous piece of work. Never hold it across an `.await`.
    /// Fails with `database_unavailable` while the recovery screen is up.
    pub fn store(&self) -> Result<StoreGuard<'_>, IpcError> {
        Ok(self.store.lock()?)
    }

    /// The store slot for a background task: `lock()` it inside `spawn_blocking`, never across an
    /// `.await`; it fails with [`StoreUnavailable::NotOpen`] until a store is open.
    pub fn shared_store(&self) -> SharedStore {
        self.store.clone()
    }

    /// The database file, also when it could not be opened.
    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// Why the database is not in use, if it is not.
    pub fn problem(&self) -> Option<DatabaseProblem> {
        self.problem.lock().ok().and_then(|problem| problem.clone())
    }

    pub fn set_problem(&self, problem: Option<DatabaseProblem>) {
        if let Ok(mut slot) = self.problem.lock() {
            *slot = problem;
        }
    }

    /// Tells the background tasks that a store was put in the slot.
    pub fn store_opened(&self) {
        self.store_opened.send_modify(|count| *count += 1);
        self.reminders_changed();
    }

    /// Changes each time a store is put in the slot; starts at 1 when the app started with one.
    pub fn watch_store_opened(&self) -> watch::Receiver<u64> {
        self.store_opened.subscribe()
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
