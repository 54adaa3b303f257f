//! The scheduler on a `FixedClock`, a real store and a recording sink. `passes` drives single
//! passes with `tick(now)`; `running` runs the loop on tokio's paused clock, moved only by
//! `advance`, so a simulated day takes milliseconds.

mod passes;
mod running;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use lupaus_core::clock::{Clock, FixedClock};
use lupaus_core::lifecycle::{Actor, Role};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_core::reminder::{ReminderDelay, ReminderPlan};
use lupaus_core::settings::DeskSettings;
use lupaus_fixtures::intake;
use lupaus_store::Store;
use tokio::sync::mpsc;

use super::{Raised, ReminderSink, Scheduler};
use crate::state::AppState;

/// Monday 23 November 2026, 09:00 in Helsinki.
fn start() -> DateTime<Utc> {
    "2026-11-23T07:00:00Z".parse().expect("time")
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Seen {
    Raised(Raised),
    Overdue(u64),
}

/// Records what the scheduler hands over. If given a gate, its first delivery blocks until the
/// gate's sender is dropped, like a notification service that never answers.
struct Recorder {
    seen: mpsc::UnboundedSender<Seen>,
    gate: Mutex<Option<std::sync::mpsc::Receiver<()>>>,
}

impl ReminderSink for Recorder {
    fn deliver(&self, raised: &Raised) {
        let gate = self.gate.lock().expect("gate").take();
        if let Some(gate) = gate {
            let _ = gate.recv();
        }
        let _ = self.seen.send(Seen::Raised(raised.clone()));
    }

    fn overdue_changed(&self, count: u64) {
        let _ = self.seen.send(Seen::Overdue(count));
    }
}

struct Desk {
    state: AppState,
    clock: Arc<FixedClock>,
}

impl Desk {
    fn new(store: Store, now: DateTime<Utc>) -> Desk {
        let clock = Arc::new(FixedClock::new(now));
        Desk { state: AppState::with_clock(store, "Aino Agentti".into(), clock.clone()), clock }
    }

    /// Sets a plan counted on the wall clock, so expected times are easy to read.
    fn plan(&self, plan: ReminderPlan) {
        let mut desk = self.state.desk().expect("desk");
        let store = desk.store_mut();
        store.upsert_person("Leena Lead", Role::Lead).expect("lead");
        let settings = DeskSettings { reminder_plan: plan, ..DeskSettings::default() };
        store.save_desk_settings(settings, &Actor::lead("Leena Lead"), self.clock.now()).expect("settings");
    }

    /// Logs a case for `customer` and promises a call back by `due`, waking the scheduler as
    /// the commands do.
    fn promise(&self, customer: &str, due: DateTime<Utc>) -> i64 {
        let id = self.promise_without_wake(customer, due);
        self.state.reminder_wake().notify_one();
        id
    }

    /// As if a command had forgotten to wake the scheduler.
    fn promise_without_wake(&self, customer: &str, due: DateTime<Utc>) -> i64 {
        let now = self.clock.now();
        let mut desk = self.state.desk().expect("desk");
        let store = desk.store_mut();
        let actor = lupaus_fixtures::agent();
        let case = store.create_case(intake(customer).validate().expect("intake"), &actor, now).expect("case");
        let promise = NewPromise {
            text: "Soitamme takaisin <b>ja</b> kerromme korjauksesta".into(),
            channel: PromiseChannel::Call,
            due_at: due,
            owner: "Aino Agentti".into(),
        };
        store.make_promise(case.id, promise, &actor, now).expect("promise").id
    }

    fn scheduler(&self, sink: Arc<Recorder>) -> Scheduler {
        Scheduler::new(&self.state, sink)
    }
}

fn recorder() -> (Arc<Recorder>, mpsc::UnboundedReceiver<Seen>) {
    let (seen, received) = mpsc::unbounded_channel();
    (Arc::new(Recorder { seen, gate: Mutex::new(None) }), received)
}

fn wall(minutes: u32) -> ReminderDelay {
    ReminderDelay::WallMinutes(minutes)
}

/// Before at 60 and 15 minutes, at due, hourly while overdue, escalation after two hours.
fn hourly_plan() -> ReminderPlan {
    ReminderPlan {
        before_due: vec![wall(60), wall(15)],
        overdue_every: Some(wall(60)),
        escalate_after: Some(wall(120)),
    }
}

/// (promise id, key, fire_at) of every reminder seen so far, draining the channel.
fn drain(received: &mut mpsc::UnboundedReceiver<Seen>) -> Vec<(i64, String, DateTime<Utc>)> {
    let mut out = Vec::new();
    while let Ok(seen) = received.try_recv() {
        if let Seen::Raised(raised) = seen {
            out.extend(raised.reminders.into_iter().map(|r| (r.promise.promise.id, r.key, r.fire_at)));
        }
    }
    out
}

/// Waits up to about two seconds of real time for the next delivery, without moving the paused
/// clock: only `advance` moves it, so what the scheduler does depends on the test alone.
async fn next_raised(received: &mut mpsc::UnboundedReceiver<Seen>) -> Option<Raised> {
    wait_for(received, 2000, |seen| if let Seen::Raised(raised) = seen { Some(raised) } else { None }).await
}

/// Checks for about 50 ms of real time that nothing is delivered.
async fn nothing_raised(received: &mut mpsc::UnboundedReceiver<Seen>) -> bool {
    wait_for(received, 50, |seen| if let Seen::Raised(raised) = seen { Some(raised) } else { None }).await.is_none()
}

async fn wait_for<T>(
    received: &mut mpsc::UnboundedReceiver<Seen>,
    rounds: u32,
    wanted: impl Fn(Seen) -> Option<T>,
) -> Option<T> {
    for _ in 0..rounds {
        match received.try_recv() {
            Ok(seen) => {
                if let Some(found) = wanted(seen) {
                    return Some(found);
                }
            }
            Err(_) => {
                // Lets the scheduler task and its blocking work run; yielding never moves the clock.
                tokio::task::yield_now().await;
                std::thread::sleep(Duration::from_millis(1));
            }
        }
    }
    None
}

/// Lets the scheduler finish what it is doing and wait again. Paused time moves on by itself
/// only once every task waits and no blocking work runs, so this 1 ms sleep returns just then.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(1)).await;
}

/// Once the scheduler waits, moves the desk's clock and tokio's paused clock forward together.
async fn advance(desk: &Desk, by: Duration) {
    settle().await;
    move_clocks(desk, by).await;
}

async fn move_clocks(desk: &Desk, by: Duration) {
    desk.clock.advance(TimeDelta::from_std(by).expect("duration"));
    tokio::time::advance(by).await;
}

fn keys(raised: &Raised) -> Vec<&str> {
    raised.reminders.iter().map(|r| r.key.as_str()).collect()
}
