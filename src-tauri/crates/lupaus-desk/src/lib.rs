//! The desk: every thing a person at a Lupaus desk can do, as one method each.
//!
//! The window (Tauri commands), the command line (`lupaus-cli`) and the team sync loop are hosts:
//! they parse their input, call one [`Desk`] method and format the answer. The small decisions
//! that used to be written once per host live here once: which policy an action is checked
//! against, what "save settings" also reschedules, how a period of figures is read, who is acting.
//!
//! A `Desk` owns the [`Store`], the [`Clock`], the person at the keyboard and a [`DeskListener`]
//! that hears what changed (the app wakes its reminder scheduler with it). It adds no failure of
//! its own: its methods answer [`StoreError`], which carries the core's refusals.

#![forbid(unsafe_code)]

mod board;
mod calendar;
mod cases;
mod data;
mod files;
mod hand_off;
mod lead;
mod notices;
mod people;
mod promises;
mod settings;
mod team;

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use lupaus_core::clock::Clock;
use lupaus_core::language::Language;
use lupaus_core::lifecycle::Actor;
use lupaus_store::{Store, StoreError};

pub use board::{AgentWorkload, BoardPromise, DeskSync, PromiseGroup, STALE_AFTER_MINUTES, TeamBoard};
pub use calendar::{CalendarFile, feed_path, promises_to_ics};
pub use cases::{CallbackPromise, CaseCreated, CaseIntake, CustomerHistory, VerifyReport};
pub use data::{ExportSaved, daily_backup};
pub use hand_off::HandOffTo;
pub use lead::period_of_days;
pub use people::{PinCheck, SwitchStarted};
pub use promises::{DueText, ReminderPass};
pub use settings::SettingsSaved;

/// What changed on the desk, so hosts can react (wake the scheduler, push to the team server).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A case was opened or acted on.
    Cases,
    /// Promises or their reminder plan changed: the next reminder may be sooner.
    Promises,
    /// Desk settings changed (calendar, reminder plan...).
    Settings,
    /// The people directory changed.
    People,
    /// Someone signed in on this desk (a team fact): their reminders and hand-off notices
    /// follow them here.
    SignedIn,
    /// The language the desk speaks changed: another person came to the keyboard, or the person
    /// chose one. `None` follows the computer's locale.
    Language(Option<Language>),
}

/// Hears every accepted change. Called after the change is durable, with the desk still held:
/// it must return at once (signal a task; never block or call back into the desk).
pub trait DeskListener: Send + Sync {
    fn changed(&self, change: Change);
}

/// A listener for hosts with nothing running beside them (the command line).
#[derive(Debug, Default, Clone, Copy)]
pub struct NoListener;

impl DeskListener for NoListener {
    fn changed(&self, _change: Change) {}
}

pub struct Desk {
    store: Store,
    clock: Arc<dyn Clock>,
    /// The person at the keyboard; every change is attributed to them. Empty: nobody yet.
    person: String,
    listener: Arc<dyn DeskListener>,
}

impl Desk {
    pub fn new(store: Store, clock: Arc<dyn Clock>, person: String, listener: Arc<dyn DeskListener>) -> Desk {
        Desk { store, clock, person, listener }
    }

    /// Opens the database at `path` (creating or migrating it) as a desk without listeners.
    pub fn open(path: &Path, clock: Arc<dyn Clock>, person: String) -> Result<Desk, StoreError> {
        Ok(Desk::new(Store::open(path)?, clock, person, Arc::new(NoListener)))
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The name of the person at the keyboard; empty while nobody has said who they are.
    pub fn person(&self) -> &str {
        &self.person
    }

    /// The person at the keyboard with their role, as the core needs it; `who_are_you` when nobody
    /// is, or when they were deactivated.
    pub fn actor(&self) -> Result<Actor, StoreError> {
        self.store.actor(&self.person)
    }

    /// Read-only access for the figures, plans and benchmarks that look at the store itself.
    /// Writes go through the desk's methods.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store to write to directly, for tests that set up state below the use cases.
    #[cfg(feature = "test-access")]
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Closes the desk without the checkpoint SQLite runs at close: a damaged file and its `-wal`
    /// stay exactly as they were, to be set aside together.
    pub fn close_untouched(self) -> Result<(), StoreError> {
        self.store.close_untouched()
    }

    fn tell(&self, change: Change) {
        if change == Change::Promises {
            self.refresh_calendar_feeds();
        }
        self.listener.changed(change);
    }
}

/// Integrity and schema check, plus row counts (`lupaus-cli check`).
impl Desk {
    pub fn check(&self) -> Result<lupaus_store::CheckReport, StoreError> {
        self.store.check()
    }

    /// The store's idle upkeep (search indexing, merging, checkpoints) between saves.
    pub fn run_idle_upkeep(&mut self) -> Result<lupaus_store::maintenance::Upkeep, StoreError> {
        self.store.run_idle_upkeep()
    }

    /// The tail of a checkpoint that `lupaus_store::maintenance::checkpoint_beside` began.
    pub fn checkpoint_wal(&self) -> Result<(i64, i64), StoreError> {
        self.store.checkpoint_wal()
    }

    /// Saves since the last upkeep, for the host's idle timer.
    pub fn writes_since_upkeep(&self) -> u64 {
        self.store.writes_since_upkeep()
    }
}
