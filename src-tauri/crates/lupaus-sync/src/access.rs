//! How a sync round reaches the desk. The command line owns its [`Desk`] outright; the app and
//! the background task share one behind a `std::sync::Mutex`, and a round must never hold that
//! lock while it waits for the network (a save would wait for the server). So a round asks for
//! the desk once per short, synchronous step, and the shared kinds run each step on a blocking
//! thread with the lock held only there.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lupaus_desk::Desk;
use lupaus_store::StoreError;

use crate::SyncError;

pub trait DeskAccess: Send {
    /// About how long one step that applies pulled events may hold the desk. A shared desk
    /// keeps it short, so a save waits at most about that long for the lock; an owned one
    /// (`None`) applies a whole pulled batch at once, which is faster.
    fn apply_budget(&self) -> Option<Duration> {
        None
    }

    /// Runs `step` on the desk and returns its answer.
    fn with<R, F>(&mut self, step: F) -> impl Future<Output = Result<R, SyncError>> + Send
    where
        R: Send + 'static,
        F: FnOnce(&mut Desk) -> Result<R, StoreError> + Send + 'static;
}

/// A desk owned by the caller: each step runs at once, nothing else can want it meanwhile.
impl DeskAccess for Desk {
    fn with<R, F>(&mut self, step: F) -> impl Future<Output = Result<R, SyncError>> + Send
    where
        R: Send + 'static,
        F: FnOnce(&mut Desk) -> Result<R, StoreError> + Send + 'static,
    {
        std::future::ready(step(self).map_err(SyncError::from))
    }
}

/// How long a shared desk's step of applying pulled events should take (`bench --only team`:
/// intake while pulling): a save that arrives meanwhile waits about this long at most. Measured
/// side by side on an idle 2-core machine (BENCHMARKS.md): 5 ms parts left the intake's p99
/// 2–4 ms above a bare commit's and 2 ms parts 1.3–2.4 ms, for a quarter less pull speed; 1 ms
/// parts pulled at half or a third of the speed and made the p99 worse, with or without each
/// part flushed beside the desk.
pub const SHARED_APPLY_BUDGET: Duration = Duration::from_millis(2);

/// A desk shared with other tasks: locked on a blocking thread for one step at a time.
impl DeskAccess for Arc<Mutex<Desk>> {
    fn apply_budget(&self) -> Option<Duration> {
        Some(SHARED_APPLY_BUDGET)
    }

    fn with<R, F>(&mut self, step: F) -> impl Future<Output = Result<R, SyncError>> + Send
    where
        R: Send + 'static,
        F: FnOnce(&mut Desk) -> Result<R, StoreError> + Send + 'static,
    {
        let desk = Arc::clone(self);
        blocking(move || {
            let mut desk = desk.lock().map_err(|_| SyncError::DeskUnavailable("its lock was poisoned".into()))?;
            step(&mut desk).map_err(SyncError::from)
        })
    }
}

/// Runs `work` on tokio's blocking pool, for hosts that implement [`DeskAccess`] over their own
/// shared slot.
pub async fn blocking<R: Send + 'static>(
    work: impl FnOnce() -> Result<R, SyncError> + Send + 'static,
) -> Result<R, SyncError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| SyncError::DeskUnavailable(format!("a desk step did not finish: {error}")))?
}
