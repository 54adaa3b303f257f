//! What the commands share: the desk (absent while the recovery screen is shown), the clock, and
//! the signals that wake the background tasks. The desk holds the store and the person at the
//! keyboard; commands call its methods and nothing else.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use lupaus_core::clock::Clock;
use lupaus_desk::{Change, Desk, DeskListener};
use lupaus_store::{Store, StoreError, SystemClock};
use serde::Serialize;
use tokio::sync::{Notify, watch};
use ts_rs::TS;

use crate::error::IpcError;
use crate::language::Spoken;
use crate::team::TeamLink;

/// The desk slot, shared by the commands and the background tasks. It is empty while the file
/// cannot be used (the recovery screen is up) and is filled when a backup is restored, in process.
#[derive(Clone)]
pub struct SharedDesk(Arc<Mutex<Option<Desk>>>);

/// The locked desk, for one short synchronous piece of work; it derefs to [`Desk`].
pub struct DeskGuard<'a>(MutexGuard<'a, Option<Desk>>);

/// Why the store cannot be used just now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StoreUnavailable {
    #[error("the database lock was poisoned by an earlier failure")]
    Poisoned,
    #[error("no database is open; the recovery screen says why")]
    NotOpen,
}

impl SharedDesk {
    fn new(desk: Option<Desk>) -> SharedDesk {
        SharedDesk(Arc::new(Mutex::new(desk)))
    }

    /// Locks the open desk. Never hold the guard across an `.await`.
    pub fn lock(&self) -> Result<DeskGuard<'_>, StoreUnavailable> {
        let slot = self.0.lock().map_err(|_| StoreUnavailable::Poisoned)?;
        if slot.is_none() {
            return Err(StoreUnavailable::NotOpen);
        }
        Ok(DeskGuard(slot))
    }

    /// Locks the slot itself, open or not, to take the desk out or put one in.
    pub(crate) fn lock_slot(&self) -> Result<MutexGuard<'_, Option<Desk>>, StoreUnavailable> {
        self.0.lock().map_err(|_| StoreUnavailable::Poisoned)
    }
}

impl Deref for DeskGuard<'_> {
    type Target = Desk;
    fn deref(&self) -> &Desk {
        // `SharedDesk::lock` hands out a guard only over a filled slot.
        self.0.as_ref().expect("a DeskGuard always holds a desk")
    }
}

impl DerefMut for DeskGuard<'_> {
    fn deref_mut(&mut self) -> &mut Desk {
        self.0.as_mut().expect("a DeskGuard always holds a desk")
    }
}

/// What the app does when the desk changes: promises or the reminder plan wake the scheduler, so
/// a new plan takes effect at once instead of at its next periodic look.
struct AppSignals {
    reminders_changed: Arc<Notify>,
    spoken: Spoken,
    /// Wakes the team sync task: a save goes to the server right away (when in a team).
    sync_wake: Arc<Notify>,
}

impl DeskListener for AppSignals {
    fn changed(&self, change: Change) {
        // A sign-in brings the person's reminders and hand-off notices to this desk.
        if matches!(change, Change::Promises | Change::Settings | Change::SignedIn) {
            // A wake sent while the scheduler is busy is kept until it next waits.
            self.reminders_changed.notify_one();
        }
        if let Change::Language(choice) = change {
            self.spoken.follow(choice);
        }
        // Cases, promises, people, settings and lessons all travel in team mode; a language is
        // this computer's own.
        if !matches!(change, Change::Language(_)) {
            self.sync_wake.notify_one();
        }
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
    desk: SharedDesk,
    db_path: PathBuf,
    /// Set while the file cannot be used; the UI shows the recovery screen for it.
    problem: Mutex<Option<DatabaseProblem>>,
    /// Counts the desks put in the slot, so background tasks waiting for one start at once.
    store_opened: watch::Sender<u64>,
    pub clock: Arc<dyn Clock>,
    /// Fired after promises or the reminder plan change, so the scheduler looks again at once.
    reminders_changed: Arc<Notify>,
    /// The language of the notifications and the tray: the person at the keyboard's.
    spoken: Spoken,
    /// The team sync task's signals and health (the task is quiet on a standalone desk).
    pub team: TeamLink,
}

impl AppState {
    /// A desk on `store` with `person` at the keyboard (tests; the app uses [`AppState::for_os_user`]).
    #[cfg(test)]
    pub fn new(store: Store, person: String) -> AppState {
        AppState::with_clock(store, person, Arc::new(SystemClock))
    }

    #[cfg(test)]
    pub fn with_clock(store: Store, person: String, clock: Arc<dyn Clock>) -> AppState {
        AppState::starting_with(store, Some(person), clock)
    }

    /// The app at start: a desk on `store`, acting as the OS user unless they have a PIN.
    pub fn for_os_user(store: Store) -> AppState {
        AppState::starting_with(store, None, Arc::new(SystemClock))
    }

    /// Started without a desk: the file at `db_path` cannot be used for `problem`.
    pub fn needing_recovery(db_path: PathBuf, problem: DatabaseProblem) -> AppState {
        AppState::empty(db_path, Some(problem), Arc::new(SystemClock))
    }

    /// Started with a desk: the background tasks find it at their first look, so nobody is woken.
    fn starting_with(store: Store, person: Option<String>, clock: Arc<dyn Clock>) -> AppState {
        let state = AppState::empty(store.path().to_path_buf(), None, clock);
        let desk = state.desk_on(store, person);
        if let Ok(mut slot) = state.desk.lock_slot() {
            *slot = Some(desk);
        }
        state.store_opened.send_replace(1);
        state
    }

    fn empty(db_path: PathBuf, problem: Option<DatabaseProblem>, clock: Arc<dyn Clock>) -> AppState {
        AppState {
            store_opened: watch::Sender::new(0),
            desk: SharedDesk::new(None),
            db_path,
            problem: Mutex::new(problem),
            clock,
            reminders_changed: Arc::new(Notify::new()),
            spoken: Spoken::new(None),
            team: TeamLink::default(),
        }
    }

    /// A desk on `store` with `person` at the keyboard, or, without one, as at a fresh start: the
    /// OS user unless they have a PIN (a PIN is never skipped). Its changes wake the scheduler.
    pub fn desk_on(&self, store: Store, person: Option<String>) -> Desk {
        let signals = Arc::new(AppSignals {
            reminders_changed: Arc::clone(&self.reminders_changed),
            spoken: self.spoken.clone(),
            sync_wake: Arc::clone(&self.team.signals.wake),
        });
        let mut desk = Desk::new(store, Arc::clone(&self.clock), person.clone().unwrap_or_default(), signals);
        if person.is_none() {
            desk.sign_in_os_user(&os_user());
        }
        self.spoken.follow(desk.language());
        desk
    }

    /// The desk, for one short synchronous piece of work. Never hold it across an `.await`.
    /// Fails with `database_unavailable` while the recovery screen is up.
    pub fn desk(&self) -> Result<DeskGuard<'_>, IpcError> {
        Ok(self.desk.lock()?)
    }

    /// The desk slot for a background task: `lock()` it inside `spawn_blocking`, never across an
    /// `.await`; it fails with [`StoreUnavailable::NotOpen`] until a desk is open.
    pub fn shared_desk(&self) -> SharedDesk {
        self.desk.clone()
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

    /// Tells the background tasks that a desk was put in the slot.
    pub fn store_opened(&self) {
        self.store_opened.send_modify(|count| *count += 1);
        self.reminders_changed.notify_one();
        self.team.kick();
    }

    /// Changes each time a desk is put in the slot; 1 when the app started with one.
    pub fn watch_store_opened(&self) -> watch::Receiver<u64> {
        self.store_opened.subscribe()
    }

    /// The signal the desk fires when promises or the plan change, for the scheduler to wait on.
    pub fn reminder_wake(&self) -> Arc<Notify> {
        Arc::clone(&self.reminders_changed)
    }

    /// The language the notifications and the tray speak.
    pub fn spoken(&self) -> Spoken {
        self.spoken.clone()
    }

    /// Who is at the keyboard; empty while nobody has said, or no desk is open.
    pub fn person(&self) -> String {
        self.desk.lock().map(|desk| desk.person().to_owned()).unwrap_or_default()
    }
}

/// Until someone picks their name in the app, the OS user name names the person at the keyboard.
pub fn os_user() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "agent".to_owned())
}
