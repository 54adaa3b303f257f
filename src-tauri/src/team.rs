//! Team mode in the running app: the live sync task (`lupaus_sync::live`) on Tauri's runtime,
//! started for every desk and quiet until the desk is in a team. It reaches the desk slot one
//! short step at a time on a blocking thread, never across a network wait, so a save never
//! waits for the server. The window hears `team-status` when the link or the counts change and
//! `desk-changed` when a pull rebuilt cases (one per round: lists reload once, not per event).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use lupaus_desk::Desk;
use lupaus_store::StoreError;
use lupaus_sync::SyncError;
use lupaus_sync::access::{DeskAccess, blocking};
use lupaus_sync::live::{Health, LiveConfig, LiveHandle, LiveSink, LiveSync, Signals};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tokio::sync::watch;

use crate::state::{AppState, SharedDesk, StoreUnavailable};

/// No payload: read `team_status` again.
pub const TEAM_STATUS: &str = "team-status";
/// No payload: something on the desk changed under the window (a pull): lists load again.
pub const DESK_CHANGED: &str = "desk-changed";

/// The live task's side of the app state: its signals and the link's health.
pub struct TeamLink {
    pub signals: Signals,
    health: watch::Receiver<Health>,
    /// Handed to the task when it starts.
    publish: Mutex<Option<watch::Sender<Health>>>,
}

impl Default for TeamLink {
    fn default() -> TeamLink {
        let (publish, health) = watch::channel(Health::default());
        TeamLink { signals: Signals::default(), health, publish: Mutex::new(Some(publish)) }
    }
}

impl TeamLink {
    pub fn health(&self) -> Health {
        self.health.borrow().clone()
    }

    /// Joined, left, or a desk was put in the slot: the task looks again now.
    pub fn kick(&self) {
        self.signals.kick.notify_one();
    }
}

/// The app's desk slot as the sync round sees it.
pub struct SlotAccess(pub SharedDesk);

impl DeskAccess for SlotAccess {
    fn apply_budget(&self) -> Option<std::time::Duration> {
        Some(lupaus_sync::access::SHARED_APPLY_BUDGET)
    }

    fn with<R, F>(&mut self, step: F) -> impl Future<Output = Result<R, SyncError>> + Send
    where
        R: Send + 'static,
        F: FnOnce(&mut Desk) -> Result<R, StoreError> + Send + 'static,
    {
        let slot = self.0.clone();
        blocking(move || {
            let mut desk = slot
                .lock()
                .map_err(|unavailable: StoreUnavailable| SyncError::DeskUnavailable(unavailable.to_string()))?;
            step(&mut desk).map_err(SyncError::from)
        })
    }
}

struct WindowSink<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> LiveSink for WindowSink<R> {
    fn status_changed(&self, _health: &Health) {
        if let Err(error) = self.app.emit(TEAM_STATUS, ()) {
            tracing::debug!(%error, "could not tell the window about the team link");
        }
    }

    fn cases_changed(&self) {
        if let Err(error) = self.app.emit(DESK_CHANGED, ()) {
            tracing::debug!(%error, "could not tell the window that cases changed");
        }
    }
}

/// How long exiting waits for a round in progress.
const STOP_TIMEOUT: Duration = Duration::from_secs(2);

struct RunningSync(Mutex<Option<LiveHandle>>);

/// Starts the live task on Tauri's runtime. A standalone desk's task only waits for a join.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let Some(publish) = state.team.publish.lock().ok().and_then(|mut slot| slot.take()) else { return };
    let sink = Arc::new(WindowSink { app: app.clone() });
    let access = SlotAccess(state.shared_desk());
    let live = LiveSync::new(access, state.team.signals.clone(), sink, LiveConfig::default(), publish);
    let handle = live.start(tauri::async_runtime::handle().inner());
    app.manage(RunningSync(Mutex::new(Some(handle))));
}

/// Stops the task as the app exits; a round cut short is safe to repeat at the next start.
pub fn stop<R: Runtime>(app: &AppHandle<R>) {
    let Some(running) = app.try_state::<RunningSync>() else { return };
    let Some(handle) = running.0.lock().ok().and_then(|mut slot| slot.take()) else { return };
    let stopped = tauri::async_runtime::block_on(async { tokio::time::timeout(STOP_TIMEOUT, handle.stop()).await });
    if stopped.is_err() {
        tracing::warn!("the team sync task did not stop in time; exiting anyway");
    }
}
