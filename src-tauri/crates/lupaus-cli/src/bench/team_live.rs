//! `bench --only team`, the live part: desks with their background sync task running as in the
//! app (`lupaus_sync::live`, a save wakes it, the server's NOTIFY wakes the others).
//!
//! - **A to B**: a case saved on desk A until desk B finds it by its reference, both online.
//! - **Intake while pulling**: desk C joins the team whose server holds the whole history and its
//!   task pulls that backlog; meanwhile C's intake (`Desk::create_case`, durable) is timed against
//!   a bare one-row durable commit on a file of its own, alternating, in the same run; then, once
//!   C has caught up, as many saves again with the task idle ("at rest"), so the pull's own cost
//!   is the difference between the two on the same desk in the same run.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::clock::FixedClock;
use lupaus_desk::{CaseIntake, Change, Desk, DeskListener};
use lupaus_store::{Store, StoreError};
use lupaus_sync::live::{Health, Link, LiveConfig, LiveHandle, LiveSink, LiveSync, Signals};
use lupaus_sync::server::ServerAddress;
use lupaus_sync::{SyncError, secret};
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;
use tokio::sync::{mpsc, watch};

use super::measure::Stats;
use crate::error::CliError;

/// Saves on A timed until B lists them.
const A_TO_B: usize = 40;
/// The longest one save may take to reach B before the bench gives up.
const REACH_LIMIT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Serialize)]
pub struct LiveMeasurement {
    /// Saved on desk A until desk B finds it by its reference (goal p95 < 2 s).
    pub a_to_b: Stats,
    /// Events on the server when desk C joined: the backlog its task pulled.
    pub backlog_events: i64,
    /// How long C's task took to pull and rebuild the backlog.
    pub backlog_pull_seconds: f64,
    /// C's durable intake while the pull ran.
    pub intake_while_pulling: Stats,
    /// A bare durable one-row commit, alternating with the intake (goal: intake p99 within
    /// 1 ms of this p99).
    pub bare_commit: Stats,
    /// C's intake once caught up, its task idle: what a save costs without a pull.
    pub intake_at_rest: Stats,
    /// The bare commit alternating with those saves.
    pub bare_commit_at_rest: Stats,
}

/// What [`intake_while_pulling`] measured.
pub struct PullingIntake {
    pub pull_seconds: f64,
    pub while_pulling: (Stats, Stats),
    pub at_rest: (Stats, Stats),
}

/// The app's wiring: a save wakes the desk's task.
struct WakeOnSave(Signals);

impl DeskListener for WakeOnSave {
    fn changed(&self, change: Change) {
        if matches!(change, Change::Cases | Change::Promises) {
            self.0.wake.notify_one();
        }
    }
}

/// What the window would hear: B's lists reload on every pulled change.
struct Heard(mpsc::UnboundedSender<()>);

impl LiveSink for Heard {
    fn status_changed(&self, _health: &Health) {}
    fn cases_changed(&self) {
        let _ = self.0.send(());
    }
}

struct Running {
    desk: Arc<Mutex<Desk>>,
    cases: mpsc::UnboundedReceiver<()>,
    health: watch::Receiver<Health>,
    handle: LiveHandle,
}

/// Opens the desk at `path` (already a member) with its secret kept, and starts its task.
fn start(path: &Path, secret_text: &str, now: DateTime<Utc>) -> Result<Running, CliError> {
    secret::save(path, secret_text)?;
    let signals = Signals::default();
    let listener = Arc::new(WakeOnSave(signals.clone()));
    let desk = Desk::new(Store::open(path)?, Arc::new(FixedClock::new(now)), "bench".into(), listener);
    let desk = Arc::new(Mutex::new(desk));
    let (sender, cases) = mpsc::unbounded_channel();
    let (publish, health) = watch::channel(Health::default());
    let live = LiveSync::new(Arc::clone(&desk), signals, Arc::new(Heard(sender)), LiveConfig::default(), publish);
    let handle = live.start(&tokio::runtime::Handle::current());
    Ok(Running { desk, cases, health, handle })
}

fn intake(n: usize) -> CaseIntake {
    let case = NewCase {
        channel: Channel::Phone,
        customer: CustomerInput { name: format!("Mittari {n}"), email: None, phone: None, customer_number: None },
        product_ref: None,
        description: "Pesukone vuotaa ensimmäisellä pesukerralla".into(),
        requested_remedy: "Uusi kone".into(),
        priority: Priority::Normal,
        category: None,
        tags: vec![],
        acknowledged: true,
        former_ref: None,
    };
    CaseIntake { case, callback: None }
}

fn locked(desk: &Arc<Mutex<Desk>>) -> Result<std::sync::MutexGuard<'_, Desk>, CliError> {
    desk.lock().map_err(|_| SyncError::DeskUnavailable("the bench desk's lock was poisoned".into()).into())
}

/// A to B: A and B are members of the team at `address`, caught up.
pub async fn a_to_b(a: (&Path, &str), b: (&Path, &str), now: DateTime<Utc>) -> Result<Stats, CliError> {
    let mut desk_a = start(a.0, a.1, now)?;
    let mut desk_b = start(b.0, b.1, now)?;
    for running in [&mut desk_a, &mut desk_b] {
        let online = running.health.wait_for(|health| health.link == Link::Online);
        tokio::time::timeout(REACH_LIMIT, online)
            .await
            .map_err(|_| SyncError::Server("a bench desk did not come online".into()))?
            .map_err(|_| SyncError::Server("a bench desk's task ended".into()))?;
    }
    let mut samples = Vec::with_capacity(A_TO_B);
    for n in 0..A_TO_B {
        let started = Instant::now();
        let reference = locked(&desk_a.desk)?.create_case(intake(n))?.case.reference;
        let on_b = format!("{reference}/A");
        loop {
            tokio::time::timeout(REACH_LIMIT, desk_b.cases.recv())
                .await
                .map_err(|_| SyncError::Server(format!("{reference} did not reach desk B in {REACH_LIMIT:?}")))?;
            if locked(&desk_b.desk)?.case_id_by_reference(&on_b).is_ok() {
                break;
            }
        }
        samples.push(started.elapsed().as_secs_f64() * 1000.0);
        // Saves a person apart, not a burst.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for running in [desk_a, desk_b] {
        running.handle.stop().await;
        secret::forget(locked(&running.desk)?.path())?;
    }
    Ok(Stats::of(samples))
}

/// Desk C (a member of the team, nothing pulled yet) starts its task and pulls the backlog
/// while its intake is timed against a bare durable commit.
pub async fn intake_while_pulling(
    c: (&Path, &str),
    dir: &Path,
    backlog_events: i64,
    now: DateTime<Utc>,
) -> Result<PullingIntake, CliError> {
    let bare_path = dir.join("team-bench-bare.db");
    let bare = bare_commit(&bare_path)?;
    let started = Instant::now();
    let mut desk_c = start(c.0, c.1, now)?;
    let desk = Arc::clone(&desk_c.desk);
    let pulling = desk_c.health.clone();
    // Synchronous saves, off the runtime, so the task's network side runs meanwhile.
    let timed = tokio::task::spawn_blocking(move || -> Result<_, CliError> {
        let mut timed = TimedSaves { desk, bare, n: 0, saves: Vec::new(), commits: Vec::new() };
        while pulling.borrow().link != Link::Online {
            timed.one()?;
        }
        Ok(timed)
    });
    let online = desk_c.health.wait_for(|health| health.link == Link::Online);
    tokio::time::timeout(Duration::from_secs(3600), online)
        .await
        .map_err(|_| SyncError::Server("desk C did not catch up within an hour".into()))?
        .map_err(|_| SyncError::Server("desk C's task ended".into()))?;
    let pull_seconds = started.elapsed().as_secs_f64();
    let mut timed = timed.await.map_err(|error| SyncError::Server(error.to_string()))??;
    let while_pulling = timed.stats();
    // As many saves again on the caught-up desk, its task running but idle.
    let count = while_pulling.0.samples;
    let mut timed = tokio::task::spawn_blocking(move || -> Result<_, CliError> {
        for _ in 0..count {
            timed.one()?;
        }
        Ok(timed)
    })
    .await
    .map_err(|error| SyncError::Server(error.to_string()))??;
    let at_rest = timed.stats();
    desk_c.handle.stop().await;
    secret::forget(c.0)?;
    tracing::debug!(backlog_events, saves = count, "intake timed while pulling and at rest");
    super::remove_database(&bare_path);
    Ok(PullingIntake { pull_seconds, while_pulling, at_rest })
}

/// Saves on a desk, each followed by a bare commit, timed in pairs.
struct TimedSaves<B> {
    desk: Arc<Mutex<Desk>>,
    bare: B,
    n: usize,
    saves: Vec<f64>,
    commits: Vec<f64>,
}

impl<B: FnMut(usize) -> Result<(), CliError>> TimedSaves<B> {
    fn one(&mut self) -> Result<(), CliError> {
        let at = Instant::now();
        locked(&self.desk)?.create_case(intake(self.n))?;
        self.saves.push(at.elapsed().as_secs_f64() * 1000.0);
        let at = Instant::now();
        (self.bare)(self.n)?;
        self.commits.push(at.elapsed().as_secs_f64() * 1000.0);
        self.n += 1;
        std::thread::sleep(Duration::from_millis(5));
        Ok(())
    }

    /// The saves and commits timed since the last call.
    fn stats(&mut self) -> (Stats, Stats) {
        (Stats::of(std::mem::take(&mut self.saves)), Stats::of(std::mem::take(&mut self.commits)))
    }
}

/// A one-row table in a WAL file committed with `synchronous=FULL`, as the store commits.
fn bare_commit(path: &Path) -> Result<impl FnMut(usize) -> Result<(), CliError> + Send + use<>, CliError> {
    super::remove_database(path);
    let mut connection = Connection::open(path).map_err(StoreError::from)?;
    connection
        .execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
             CREATE TABLE bare (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);",
        )
        .map_err(StoreError::from)?;
    let payload = "x".repeat(300);
    Ok(move |_n: usize| -> Result<(), CliError> {
        let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        tx.execute("INSERT INTO bare (payload) VALUES (?1)", [&payload]).map_err(StoreError::from)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(())
    })
}

/// The address desks are told (no admin password in it).
pub fn desk_url(address: &ServerAddress) -> String {
    format!("postgres://{}", address.shown())
}
