//! A desk's live sync: the background task of a desk in a team, off the save path. It runs a
//! round (push what is pending, pull until caught up) when the desk saves something, when the
//! server's NOTIFY says another desk's events committed, and every few seconds anyway (the
//! NOTIFY is a hint only). When the server is gone it backs off, doubling the wait up to a
//! limit; saves go on locally meanwhile and wait in the outbox.
//!
//! It reaches the desk through [`DeskAccess`], one short step at a time, so the desk's lock is
//! never held while the network is awaited: a save never waits for the server. A standalone
//! desk's task only waits for a kick (a join); nothing touches the network.
//!
//! Hosts (the app, the bench) hear through a [`LiveSink`] and read the link's [`Health`].

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;
use tokio_postgres::Client;
use tokio_util::sync::CancellationToken;

use crate::access::{DeskAccess, blocking};
use crate::round::{self, RoundReport};
use crate::server::ServerAddress;
use crate::{SyncError, secret};

/// How often and how patiently the task talks to the server.
#[derive(Debug, Clone, Copy)]
pub struct LiveConfig {
    /// The longest a desk goes without pulling while the server is reachable.
    pub poll: Duration,
    /// The first wait after a failure; it doubles up to `backoff_max`.
    pub backoff_start: Duration,
    pub backoff_max: Duration,
    /// How often a standalone desk looks whether it joined a team meanwhile (e.g. by the CLI).
    pub standalone_recheck: Duration,
}

impl Default for LiveConfig {
    fn default() -> LiveConfig {
        LiveConfig {
            poll: Duration::from_secs(5),
            backoff_start: Duration::from_secs(1),
            backoff_max: Duration::from_secs(60),
            standalone_recheck: Duration::from_secs(60),
        }
    }
}

/// The state of the desk's link to its team server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// In no team: nothing to show.
    Standalone,
    /// In a team, before the first round finished.
    Connecting,
    /// The last round finished.
    Online,
    /// The last attempt failed; see the problem.
    Offline,
}

/// Why the last attempt failed, as the error's stable code and its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Health {
    pub link: Link,
    pub problem: Option<Problem>,
}

impl Default for Health {
    fn default() -> Health {
        Health { link: Link::Standalone, problem: None }
    }
}

/// What the host hears. Both calls come from the task and must return at once.
pub trait LiveSink: Send + Sync + 'static {
    /// The link changed, or a round moved events: the status shown should be read again.
    fn status_changed(&self, health: &Health);
    /// A pull rebuilt cases: lists showing them should load again.
    fn cases_changed(&self);
}

/// The signals that start a round early. `wake` (a save, the server's NOTIFY) is taken at the
/// next chance but does not cut a back-off short; `kick` (joined, left, "try now") does.
#[derive(Clone, Default)]
pub struct Signals {
    pub wake: Arc<Notify>,
    pub kick: Arc<Notify>,
}

pub struct LiveSync<D> {
    desk: D,
    signals: Signals,
    sink: Arc<dyn LiveSink>,
    config: LiveConfig,
    health: watch::Sender<Health>,
    link: Option<Connected>,
}

/// The open connection and the membership it was made for.
struct Connected {
    client: Client,
    address: ServerAddress,
    server_url: String,
    desk_code: String,
}

/// A running task; call [`LiveHandle::stop`] to end it.
pub struct LiveHandle {
    cancel: CancellationToken,
    task: JoinHandle<()>,
}

impl LiveHandle {
    /// Cancels the task and waits for it to end; a round under way is dropped at its next
    /// `.await`, which every sync step is safe against.
    pub async fn stop(self) {
        self.cancel.cancel();
        if let Err(error) = self.task.await {
            tracing::warn!(%error, "the team sync task ended abnormally");
        }
    }
}

/// What one pass did.
enum Pass {
    Standalone,
    Synced(RoundReport),
}

impl<D: DeskAccess + 'static> LiveSync<D> {
    pub fn new(
        desk: D,
        signals: Signals,
        sink: Arc<dyn LiveSink>,
        config: LiveConfig,
        health: watch::Sender<Health>,
    ) -> LiveSync<D> {
        LiveSync { desk, signals, sink, config, health, link: None }
    }

    /// Spawns the loop on `runtime`; its first pass runs at once.
    pub fn start(self, runtime: &tokio::runtime::Handle) -> LiveHandle {
        let cancel = CancellationToken::new();
        let task = runtime.spawn(self.run(cancel.clone()));
        LiveHandle { cancel, task }
    }

    async fn run(mut self, cancel: CancellationToken) {
        tracing::info!("team sync task started");
        let mut backoff = self.config.backoff_start;
        let mut poll = tokio::time::interval(self.config.poll);
        poll.set_missed_tick_behavior(MissedTickBehavior::Skip);
        loop {
            let outcome = self.pass().await;
            let wake = self.signals.wake.clone();
            let kick = self.signals.kick.clone();
            match outcome {
                Ok(Pass::Standalone) => {
                    self.show(Health::default());
                    tokio::select! {
                        biased;
                        () = cancel.cancelled() => break,
                        () = kick.notified() => {}
                        () = tokio::time::sleep(self.config.standalone_recheck) => {}
                    }
                }
                Ok(Pass::Synced(report)) => {
                    backoff = self.config.backoff_start;
                    if report.touched_cases > 0 {
                        self.sink.cases_changed();
                    }
                    let moved = report.pushed > 0 || report.pulled > 0;
                    if !self.show(Health { link: Link::Online, problem: None }) && moved {
                        self.sink.status_changed(&self.health.borrow());
                    }
                    poll.reset();
                    tokio::select! {
                        biased;
                        () = cancel.cancelled() => break,
                        () = kick.notified() => {}
                        () = wake.notified() => {}
                        _ = poll.tick() => {}
                    }
                }
                Err(error) => {
                    self.link = None;
                    self.failed(&error, backoff);
                    let wait = backoff;
                    backoff = (backoff * 2).min(self.config.backoff_max);
                    tokio::select! {
                        biased;
                        () = cancel.cancelled() => break,
                        () = kick.notified() => {}
                        () = tokio::time::sleep(wait) => {}
                    }
                }
            }
        }
        tracing::info!("team sync task stopped");
    }

    /// Connects when needed and runs one round. A desk that left its team, or joined another,
    /// drops the connection it had.
    async fn pass(&mut self) -> Result<Pass, SyncError> {
        let Some(team) = self.desk.with(|desk| desk.team()).await? else {
            self.link = None;
            return Ok(Pass::Standalone);
        };
        let current = self.link.as_ref().is_some_and(|link| {
            !link.client.is_closed() && link.server_url == team.server_url && link.desk_code == team.desk_code
        });
        if !current {
            self.link = None;
            if self.health.borrow().link == Link::Standalone {
                self.show(Health { link: Link::Connecting, problem: None });
            }
            let address = ServerAddress::parse(&team.server_url)?;
            let path = self.desk.with(|desk| Ok(desk.path().to_owned())).await?;
            let kept = blocking(move || secret::load(&path)).await?;
            let client = address.connect_desk_listening(&team.desk_code, &kept, Arc::clone(&self.signals.wake)).await?;
            tracing::info!(server = %address.shown(), desk = %team.desk_code, "connected to the team server");
            self.link = Some(Connected { client, address, server_url: team.server_url, desk_code: team.desk_code });
        }
        let Some(link) = self.link.as_mut() else { return Err(SyncError::NotInTeam) };
        let report = round::sync_round(&mut self.desk, &mut link.client, &link.address).await?;
        tracing::debug!(?report, "team sync round");
        Ok(Pass::Synced(report))
    }

    /// Records a failed attempt: the log hears each new reason once, with its code.
    fn failed(&mut self, error: &SyncError, retry_in: Duration) {
        let problem = Problem { code: error.code().to_owned(), message: error.to_string() };
        let known = self.health.borrow().problem.as_ref().is_some_and(|known| *known == problem);
        if known {
            tracing::debug!(code = error.code(), retry_in = ?retry_in, "team sync still failing");
        } else {
            tracing::warn!(code = error.code(), %error, retry_in = ?retry_in, "team sync failed; the desk works offline");
        }
        self.show(Health { link: Link::Offline, problem: Some(problem) });
    }

    /// Publishes `health`; tells the sink when it differs. Returns whether it did.
    fn show(&self, health: Health) -> bool {
        let changed = self.health.send_if_modified(|shown| {
            if *shown == health {
                return false;
            }
            *shown = health;
            true
        });
        if changed {
            self.sink.status_changed(&self.health.borrow());
        }
        changed
    }
}
