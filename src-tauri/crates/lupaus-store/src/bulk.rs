//! Writing many cases at once, for generators (`lupaus-cli bench`) and loaders: one transaction
//! per batch through the same insert code as the desk, with `synchronous=OFF` for the batch.
//!
//! Not for the desk's own saves: a power cut during or just after a batch may lose that batch
//! (the file stays consistent; WAL guarantees that). Every other write keeps `synchronous=FULL`,
//! which [`Store::bulk_batch`] restores on success and on failure alike.

use chrono::{DateTime, Utc};
use lupaus_core::case::ValidNewCase;
use lupaus_core::lifecycle::{self, Actor, CaseCommand, Policy};
use lupaus_core::promise::{NewPromise, Promise};
use lupaus_core::settings::ValidDeskSettings;
use rusqlite::Transaction;

use crate::{Store, StoreError, cases, events, promises, settings};

/// One batch: a write transaction and the desk settings, loaded once for all its promises.
pub struct Batch<'t> {
    tx: &'t Transaction<'t>,
    desk: ValidDeskSettings,
}

impl Store {
    /// Runs `work` in one transaction with `synchronous=OFF`, then restores `synchronous=FULL`.
    pub fn bulk_batch<T>(
        &mut self,
        work: impl FnOnce(&mut Batch<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn.pragma_update(None, "synchronous", "OFF")?;
        let result = self.write(|tx| {
            let desk = settings::load(tx)?;
            work(&mut Batch { tx, desk })
        });
        let restored = self.conn.pragma_update(None, "synchronous", "FULL");
        let value = result?;
        restored?;
        Ok(value)
    }

    /// Sets SQLite's page cache for this connection, in KiB. A loader wants a large one; the desk
    /// runs with SQLite's default (2 MiB) and the operating system's file cache.
    pub fn set_cache_size_kib(&self, kib: u32) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "cache_size", -i64::from(kib))?;
        Ok(())
    }
}

impl Batch<'_> {
    pub fn desk(&self) -> &ValidDeskSettings {
        &self.desk
    }

    /// Opens a case, exactly as [`Store::create_case`] does; like it, leaves the search index to
    /// [`Store::index_new_cases`].
    pub fn create_case(&mut self, intake: ValidNewCase, actor: &Actor, at: DateTime<Utc>) -> Result<i64, StoreError> {
        Ok(cases::insert_case(self.tx, intake, actor, at)?.id)
    }

    /// Runs several lifecycle commands on one case, each through the core's rules as
    /// [`Store::act_on_case`] does, but loading and saving the case once.
    pub fn act_on_case(
        &mut self,
        case_id: i64,
        commands: Vec<(CaseCommand, DateTime<Utc>)>,
        actor: &Actor,
        policy: &Policy,
    ) -> Result<(), StoreError> {
        let mut state = cases::load_state(self.tx, case_id)?;
        let mut all = Vec::new();
        for (command, at) in commands {
            let records = lifecycle::decide(&state, command, actor, at, policy)?;
            for record in &records {
                lifecycle::apply(&mut state, record)?;
            }
            all.extend(records);
        }
        events::append(self.tx, case_id, &all)?;
        cases::save_state(self.tx, case_id, &state)?;
        promises::insert_hand_off_callbacks(self.tx, case_id, &all)
    }

    /// Records a promise, as [`Store::make_promise`] does.
    pub fn make_promise(
        &mut self,
        case_id: i64,
        new: NewPromise,
        by: &Actor,
        at: DateTime<Utc>,
    ) -> Result<Promise, StoreError> {
        promises::make(self.tx, case_id, new, &by.person, at, &self.desk)
    }

    /// Records that `promise` was kept, as [`Store::keep_promise`] does.
    pub fn keep_promise(
        &mut self,
        promise: &Promise,
        outcome: &str,
        kept_at: DateTime<Utc>,
        by: &Actor,
    ) -> Result<Promise, StoreError> {
        let kept = promise.keep(outcome, kept_at)?;
        promises::save(self.tx, &kept, "kept", &by.person, kept_at, &self.desk)?;
        Ok(kept)
    }
}
