//! The scheduler inside the running app: reminders go to the window (`reminders-raised`), to the
//! OS as notifications, and to the tray's overdue count. A click on a notification opens the
//! case (`open-case`).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use super::notification::Notifier;
use super::{Raised, ReminderSink, Scheduler, SchedulerHandle};
use crate::language::Spoken;
use crate::state::AppState;
use crate::tray;

/// Payload: the `Vec<RaisedReminder>` raised in one pass, in firing order.
pub const REMINDERS_RAISED: &str = "reminders-raised";
/// Payload: the `Vec<HandOffNotice>` told now to the person at the keyboard.
pub const HAND_OFF_NOTICES: &str = "hand-off-notices";
/// Payload: the id of the case whose notification was clicked.
pub const OPEN_CASE: &str = "open-case";

pub struct DesktopSink<R: Runtime> {
    app: AppHandle<R>,
    spoken: Spoken,
    notifier: Notifier,
}

impl<R: Runtime> DesktopSink<R> {
    pub fn new(app: &AppHandle<R>, spoken: Spoken) -> DesktopSink<R> {
        let on_click = app.clone();
        let open_case = Arc::new(move |case_id: i64| {
            tracing::info!(case_id, "notification clicked; opening the case");
            // The window first, so it is there to receive the event.
            tray::show_main_window(&on_click);
            if let Err(error) = on_click.emit(OPEN_CASE, case_id) {
                tracing::warn!(%error, case_id, "could not ask the window to open the case");
            }
        });
        DesktopSink { app: app.clone(), notifier: Notifier::new(spoken.clone(), open_case), spoken }
    }
}

impl<R: Runtime> ReminderSink for DesktopSink<R> {
    fn deliver(&self, raised: &Raised) {
        // The in-app reminder first: it cannot hang, a notification can.
        if !raised.reminders.is_empty()
            && let Err(error) = self.app.emit(REMINDERS_RAISED, &raised.reminders)
        {
            tracing::warn!(%error, "could not send the reminders to the window");
        }
        if !raised.notices.is_empty()
            && let Err(error) = self.app.emit(HAND_OFF_NOTICES, &raised.notices)
        {
            tracing::warn!(%error, "could not send the hand-off notices to the window");
        }
        self.notifier.show_all(raised);
    }

    fn overdue_changed(&self, count: u64) {
        tray::show_overdue(&self.app, self.spoken.texts(), count);
    }
}

/// How long exiting waits for a reminder pass in progress.
const STOP_TIMEOUT: Duration = Duration::from_secs(2);

/// The running scheduler, kept so it can be stopped when the app exits.
struct RunningScheduler(Mutex<Option<SchedulerHandle>>);

/// Starts the scheduler on Tauri's tokio runtime; its first pass raises what came due while
/// Lupaus was closed.
pub fn start<R: Runtime>(app: &AppHandle<R>, spoken: Spoken) {
    let sink = Arc::new(DesktopSink::new(app, spoken));
    let scheduler = Scheduler::new(&app.state::<AppState>(), sink);
    let handle = scheduler.start(tauri::async_runtime::handle().inner());
    app.manage(RunningScheduler(Mutex::new(Some(handle))));
}

/// Stops the scheduler as the app exits, letting a pass in progress finish (briefly).
pub fn stop<R: Runtime>(app: &AppHandle<R>) {
    let Some(running) = app.try_state::<RunningScheduler>() else { return };
    let Some(handle) = running.0.lock().ok().and_then(|mut slot| slot.take()) else { return };
    // The timeout is made inside the runtime: the exit callback runs on the main thread, outside it.
    let stopped = tauri::async_runtime::block_on(async { tokio::time::timeout(STOP_TIMEOUT, handle.stop()).await });
    if stopped.is_err() {
        tracing::warn!("the reminder scheduler did not stop in time; exiting anyway");
    }
}
