//! The running loop on tokio's paused clock.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use lupaus_core::clock::Clock;
use lupaus_core::reminder::ReminderPlan;
use lupaus_store::Store;
use tokio::sync::mpsc;

use super::{
    Desk, Recorder, Seen, advance, drain, hourly_plan, keys, move_clocks, next_raised, nothing_raised, recorder, start,
    wait_for, wall,
};
use crate::reminders::SchedulerHandle;
use crate::reminders::scheduler::{DELIVERY_TIMEOUT, RECHECK};

#[tokio::test(start_paused = true)]
async fn after_a_restart_what_came_due_while_closed_is_raised_at_once_and_nothing_twice() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("lupaus.db");
    let due = start() + TimeDelta::hours(3);
    let mut before_restart = {
        let desk = Desk::new(Store::open(&path).expect("store"), start());
        desk.plan(hourly_plan());
        desk.promise("Maija Meikäläinen", due);
        let (sink, mut received) = recorder();
        let mut scheduler = desk.scheduler(sink);
        while desk.clock.now() <= start() + TimeDelta::minutes(130) {
            scheduler.tick(desk.clock.now()).await.expect("tick");
            desk.clock.advance(TimeDelta::minutes(1));
        }
        drain(&mut received)
    };
    assert_eq!(before_restart.iter().map(|(_, key, _)| key.as_str()).collect::<Vec<_>>(), ["before:wall:60"]);

    // Closed from 11:10 to 13:20: the 15-minute reminder, at-due and the first overdue reminder
    // came due meanwhile. On start, the latest of them is raised at once.
    let desk = Desk::new(Store::open(&path).expect("reopened"), start() + TimeDelta::minutes(260));
    let (sink, mut received) = recorder();
    let began = tokio::time::Instant::now();
    let running = desk.scheduler(sink).start(&tokio::runtime::Handle::current());
    let raised = next_raised(&mut received).await.expect("raised on start");
    assert_eq!(keys(&raised), ["overdue:1"]);
    assert_eq!(began.elapsed(), Duration::ZERO, "raised at once, without waiting");

    advance(&desk, Duration::from_secs(40 * 60)).await;
    let raised = next_raised(&mut received).await.expect("raised at 14:00");
    assert_eq!(keys(&raised), ["overdue:2", "escalation"]);

    running.stop().await;
    before_restart.extend(drain(&mut received));
    let unique: BTreeSet<_> = before_restart.iter().map(|(id, key, _)| (id, key)).collect();
    assert_eq!(unique.len(), before_restart.len(), "a step was raised twice: {before_restart:?}");
}

/// A running scheduler that has finished its first pass over a desk with no promises yet.
async fn idle_scheduler() -> (Desk, mpsc::UnboundedReceiver<Seen>, SchedulerHandle) {
    let desk = Desk::new(Store::open_in_memory().expect("store"), start());
    desk.plan(ReminderPlan { before_due: vec![wall(1)], overdue_every: None, escalate_after: None });
    let (sink, mut received) = recorder();
    let running = desk.scheduler(sink).start(&tokio::runtime::Handle::current());
    let first_pass = wait_for(&mut received, 2000, |seen| (seen == Seen::Overdue(0)).then_some(())).await;
    assert!(first_pass.is_some(), "the first pass reports the overdue count");
    (desk, received, running)
}

/// A promise due in 90 seconds: its reminder a minute before fires 30 seconds from now, well
/// before the scheduler's periodic look.
fn due_in_90_seconds() -> DateTime<Utc> {
    start() + TimeDelta::seconds(90)
}

#[tokio::test(start_paused = true)]
async fn a_wake_after_a_new_promise_is_honoured_at_its_planned_time() {
    let (desk, mut received, running) = idle_scheduler().await;
    desk.promise("Maija Meikäläinen", due_in_90_seconds());
    advance(&desk, Duration::from_secs(30)).await;
    let raised = next_raised(&mut received).await.expect("raised 30 s after the promise was made");
    assert_eq!(keys(&raised), ["before:wall:1"]);
    running.stop().await;
}

#[tokio::test(start_paused = true)]
async fn without_a_wake_a_new_promise_waits_for_the_periodic_look() {
    let (desk, mut received, running) = idle_scheduler().await;
    desk.promise_without_wake("Maija Meikäläinen", due_in_90_seconds());
    advance(&desk, Duration::from_secs(30)).await;
    assert!(nothing_raised(&mut received).await, "nothing told the scheduler");
    advance(&desk, RECHECK - Duration::from_secs(30)).await;
    let raised = next_raised(&mut received).await.expect("raised at the periodic look, at most a minute late");
    assert_eq!(keys(&raised), ["before:wall:1"]);
    running.stop().await;
}

#[tokio::test(start_paused = true)]
async fn a_sink_that_hangs_does_not_stop_the_loop() {
    let desk = Desk::new(Store::open_in_memory().expect("store"), start());
    desk.plan(ReminderPlan { before_due: vec![wall(1)], overdue_every: None, escalate_after: None });
    desk.promise("Maija Meikäläinen", start() + TimeDelta::minutes(2));
    let (release, gate) = std::sync::mpsc::channel();
    let (seen, mut received) = mpsc::unbounded_channel();
    let sink = Arc::new(Recorder { seen, gate: Mutex::new(Some(gate)) });
    let running = desk.scheduler(sink).start(&tokio::runtime::Handle::current());

    advance(&desk, Duration::from_secs(60)).await; // before:wall:1 is raised; its delivery hangs
    assert!(nothing_raised(&mut received).await, "the first delivery hangs");
    // While the hung thread runs, paused time never moves by itself (so no `settle`): move it
    // by hand past the delivery timeout, give the scheduler a moment of real time, and go on.
    tokio::time::advance(DELIVERY_TIMEOUT).await;
    assert!(nothing_raised(&mut received).await);
    move_clocks(&desk, Duration::from_secs(60)).await;
    let raised = next_raised(&mut received).await.expect("the loop went on after the hung delivery");
    assert_eq!(keys(&raised), ["at_due"]);

    drop(release); // lets the hung thread end, so the runtime can shut down
    running.stop().await;
}
