//! Search terms for the cases an import opens, made on a second thread while the import thread
//! writes rows: making a case's terms (folding, stemming, beginnings and endings) costs about
//! as much as writing them, and a desk PC has more than one core. Only the import thread touches
//! the database; the worker gets each case's intake and sends back its terms.

use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, channel, sync_channel};
use std::thread::{Scope, ScopedJoinHandle};

use lupaus_core::case::{CaseRef, NewCase};
use rusqlite::Transaction;

use crate::{StoreError, search};

/// Cases waiting for the worker at most: bounds memory when the worker falls behind.
const QUEUE: usize = 1024;

pub(super) struct Indexer<'scope> {
    to_worker: SyncSender<(i64, CaseRef, NewCase)>,
    from_worker: Receiver<(i64, String)>,
    worker: ScopedJoinHandle<'scope, ()>,
}

impl<'scope> Indexer<'scope> {
    pub(super) fn start<'env>(scope: &'scope Scope<'scope, 'env>) -> Indexer<'scope> {
        let (to_worker, jobs) = sync_channel::<(i64, CaseRef, NewCase)>(QUEUE);
        // Unbounded, so the worker never waits on the import thread while it waits on the worker;
        // the import thread takes what is ready after every row, so little piles up.
        let (done, from_worker) = channel();
        let worker = scope.spawn(move || {
            for (id, reference, intake) in jobs {
                if done.send((id, search::Document::of_case(reference, &intake).text())).is_err() {
                    return;
                }
            }
        });
        Indexer { to_worker, from_worker, worker }
    }

    /// Hands a case just inserted to the worker.
    pub(super) fn add(&self, case_id: i64, reference: CaseRef, intake: NewCase) {
        // Fails only if the worker panicked, which `finish` reports.
        let _ = self.to_worker.send((case_id, reference, intake));
    }

    /// Writes the terms the worker has made so far.
    pub(super) fn write_ready(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        loop {
            match self.from_worker.try_recv() {
                Ok((id, text)) => search::index_text(tx, id, &text)?,
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return Ok(()),
            }
        }
    }

    /// Waits for the worker and writes the rest of the terms.
    pub(super) fn finish(self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        drop(self.to_worker);
        for (id, text) in &self.from_worker {
            search::index_text(tx, id, &text)?;
        }
        if let Err(panic) = self.worker.join() {
            std::panic::resume_unwind(panic);
        }
        Ok(())
    }
}
