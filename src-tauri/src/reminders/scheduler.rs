//! The reminder scheduler: one tokio task that raises due reminders and hands them to a sink.
//!
//! Each pass raises what is due at the clock's `now` (the store records every raised step, so a
//! step never fires twice, also across restarts) and reads when the next one is planned (one
//! index lookup, never a scan). Then it sleeps until that time, a wake from a command, or
//! [`RECHECK`], whichever comes first. The cap is what makes a suspend/resume or a clock jump
//! cost at most a minute: like an interval with `MissedTickBehavior::Skip`, a late wake-up is one
//! pass, never a burst. The first pass runs at start, raising what came due while the app was
//! closed.
//!
//! The store is a `std::sync::Mutex`: it is locked only inside `spawn_blocking`, never across an
//! `.await`. The sink is called off the runtime too, with a timeout.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lupaus_core::clock::Clock;
use lupaus_store::StoreError;
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::{Raised, ReminderSink};
use crate::state::{AppState, SharedDesk, StoreUnavailable};

/// The longest the scheduler sleeps without looking at the store again.
pub const RECHECK: Duration = Duration::from_secs(60);
/// How long the scheduler waits for a sink before it carries on without it.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum TickError {
    #[error(transparent)]
    Unavailable(#[from] StoreUnavailable),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the reminder pass did not finish: {0}")]
    Join(#[from] tokio::task::JoinError),
}

/// What one pass over the store found.
struct Pass {
    raised: Raised,
    overdue: u64,
    next_at: Option<DateTime<Utc>>,
}

/// The scheduler before it is started; [`Scheduler::tick`] drives single passes in tests.
pub struct Scheduler {
    desk: SharedDesk,
    clock: Arc<dyn Clock>,
    wake: Arc<Notify>,
    sink: Arc<dyn ReminderSink>,
    /// The overdue count last told to the sink, so it hears only of changes.
    told_overdue: Option<u64>,
}

/// A running scheduler. Dropping it leaves the task running; call [`SchedulerHandle::stop`].
pub struct SchedulerHandle {
    cancel: CancellationToken,
    task: JoinHandle<()>,
}

impl SchedulerHandle {
    /// Cancels the task and waits for it to end. It ends at its next wait, never half-way
    /// through a pass.
    pub async fn stop(self) {
        self.cancel.cancel();
        if let Err(error) = self.task.await {
            tracing::warn!(%error, "the reminder scheduler ended abnormally");
        }
    }
}

impl Scheduler {
    pub fn new(state: &AppState, sink: Arc<dyn ReminderSink>) -> Scheduler {
        Scheduler {
            desk: state.shared_desk(),
            clock: Arc::clone(&state.clock),
            wake: state.reminder_wake(),
            sink,
            told_overdue: None,
        }
    }

    /// Spawns the loop on `runtime`; its first pass runs at once.
    pub fn start(self, runtime: &tokio::runtime::Handle) -> SchedulerHandle {
        let cancel = CancellationToken::new();
        let task = runtime.spawn(self.run(cancel.clone()));
        SchedulerHandle { cancel, task }
    }

    async fn run(mut self, cancel: CancellationToken) {
        tracing::info!("reminder scheduler started");
        loop {
            let now = self.clock.now();
            let wait = match self.tick(now).await {
                Ok(next_at) => time_to_sleep(now, next_at),
                // The recovery screen is up; a restore wakes the scheduler through `wake`.
                Err(TickError::Unavailable(StoreUnavailable::NotOpen)) => RECHECK,
                Err(error) => {
                    tracing::error!(%error, "reminder pass failed; trying again in a minute");
                    RECHECK
                }
            };
            tokio::select! {
                biased;
                () = cancel.cancelled() => break,
                () = self.wake.notified() => tracing::debug!("reminder scheduler woken"),
                () = tokio::time::sleep(wait) => {}
            }
        }
        tracing::info!("reminder scheduler stopped");
    }

    /// One pass at `now`: raise and deliver what is due, report the overdue count, and say when
    /// the next reminder is planned.
    pub async fn tick(&mut self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, TickError> {
        let desk = self.desk.clone();
        let pass = tokio::task::spawn_blocking(move || raise(&desk, now)).await??;
        if !pass.raised.reminders.is_empty() || !pass.raised.notices.is_empty() {
            let notices = pass.raised.notices.len();
            tracing::info!(count = pass.raised.reminders.len(), notices, "reminders raised");
            self.call_sink("deliver", move |sink| sink.deliver(&pass.raised)).await;
        }
        if self.told_overdue != Some(pass.overdue) {
            self.told_overdue = Some(pass.overdue);
            let overdue = pass.overdue;
            self.call_sink("overdue_changed", move |sink| sink.overdue_changed(overdue)).await;
        }
        Ok(pass.next_at)
    }

    /// Runs `call` on a blocking thread; after [`DELIVERY_TIMEOUT`] the scheduler stops waiting
    /// and the thread finishes (or hangs) on its own.
    async fn call_sink(&self, what: &'static str, call: impl FnOnce(&dyn ReminderSink) + Send + 'static) {
        let sink = Arc::clone(&self.sink);
        let work = tokio::task::spawn_blocking(move || call(sink.as_ref()));
        match tokio::time::timeout(DELIVERY_TIMEOUT, work).await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::error!(%error, what, "the reminder sink failed"),
            Err(_) => {
                tracing::warn!(what, timeout = ?DELIVERY_TIMEOUT, "the reminder sink did not return; carrying on")
            }
        }
    }
}

/// The synchronous part of a pass, holding the desk's lock only here.
fn raise(desk: &SharedDesk, now: DateTime<Utc>) -> Result<Pass, TickError> {
    let mut desk = desk.lock()?;
    let pass = desk.reminder_pass(now)?;
    let notices = desk.announce_hand_off_notices(now)?;
    Ok(Pass {
        raised: Raised { reminders: pass.reminders, team_leads: pass.team_leads, zone: pass.zone, notices },
        overdue: pass.overdue,
        next_at: pass.next_at,
    })
}

/// How long to sleep at `now` before the reminder planned for `next_at`, never beyond [`RECHECK`].
fn time_to_sleep(now: DateTime<Utc>, next_at: Option<DateTime<Utc>>) -> Duration {
    let Some(next_at) = next_at else { return RECHECK };
    // A time already past (the clock moved back, or a promise changed meanwhile) means now.
    (next_at - now).to_std().unwrap_or(Duration::ZERO).min(RECHECK)
}

#[cfg(test)]
mod unit {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn sleeps_until_the_next_reminder_but_never_beyond_the_recheck() {
        let now = DateTime::<Utc>::UNIX_EPOCH;
        assert_eq!(time_to_sleep(now, None), RECHECK);
        assert_eq!(time_to_sleep(now, Some(now + TimeDelta::seconds(20))), Duration::from_secs(20));
        assert_eq!(time_to_sleep(now, Some(now + TimeDelta::hours(3))), RECHECK);
        assert_eq!(time_to_sleep(now, Some(now - TimeDelta::seconds(5))), Duration::ZERO);
    }
}
