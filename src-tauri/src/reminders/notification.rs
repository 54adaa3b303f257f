//! OS notifications through notify-rust, kept off the async runtime and never waited on for long.
//!
//! A notification service that owns its D-Bus name but never answers makes `show()` block
//! forever (measured on these machines). So each notification is shown from its own thread and
//! the caller waits at most [`SHOW_TIMEOUT`]; while earlier calls are still unanswered no new
//! thread is started, so a stuck service cannot pile threads up. With no session bus or no
//! service, `show()` fails at once: we log a warning and the in-app reminder still arrives.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use super::Raised;
use super::texts::NotificationText;
use crate::language::Spoken;
use lupaus_core::reminder::ReminderKind;

/// How long one notification may take to be accepted by the service.
const SHOW_TIMEOUT: Duration = Duration::from_secs(3);
/// Calls to a service that has not answered yet, beyond which we stop asking it.
const MAX_UNANSWERED: usize = 2;
/// Shown notifications whose click we still wait for; beyond this, new ones are not clickable.
const MAX_LISTENING: usize = 64;

/// What to do when a notification is clicked: open the case with this id.
pub type OpenCase = Arc<dyn Fn(i64) + Send + Sync>;

#[derive(Debug, thiserror::Error)]
enum ShowError {
    #[error("no notification service answered: {0}")]
    Unavailable(#[from] notify_rust::error::Error),
    #[error("the notification service did not answer within {SHOW_TIMEOUT:?}")]
    NoAnswer,
    #[error("earlier notifications are still unanswered; not asking the service again")]
    Stuck,
    #[error("could not start a thread for the notification: {0}")]
    Thread(#[from] std::io::Error),
}

pub struct Notifier {
    /// Read at each notification: the person at the keyboard may have changed.
    spoken: Spoken,
    open_case: OpenCase,
    unanswered: Arc<AtomicUsize>,
    listening: Arc<AtomicUsize>,
}

impl Notifier {
    pub fn new(spoken: Spoken, open_case: OpenCase) -> Notifier {
        Notifier {
            spoken,
            open_case,
            unanswered: Arc::new(AtomicUsize::new(0)),
            listening: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// One notification per reminder and per hand-off notice. Stops at the first failure: the
    /// rest would fail alike.
    pub fn show_all(&self, raised: &Raised) {
        let texts = self.spoken.texts();
        let reminders = raised.reminders.iter().map(|reminder| {
            let text = texts.notification(reminder, &raised.team_leads, raised.zone);
            (text, reminder.promise.promise.case_id, reminder.kind == ReminderKind::Escalation)
        });
        let notices = raised
            .notices
            .iter()
            .map(|notice| (texts.hand_off_notification(notice, raised.zone), notice.case_id, false));
        for (text, case_id, critical) in reminders.chain(notices) {
            if let Err(error) = self.show(&text, case_id, critical, texts.open_case) {
                tracing::warn!(%error, "reminders and hand-off notices are shown in the app only");
                return;
            }
        }
    }

    fn show(&self, text: &NotificationText, case_id: i64, critical: bool, open_case: &str) -> Result<(), ShowError> {
        if self.unanswered.load(Ordering::SeqCst) >= MAX_UNANSWERED {
            return Err(ShowError::Stuck);
        }
        let mut notification = notify_rust::Notification::new();
        notification.appname("Lupaus").icon("lupaus").summary(&text.summary).body(&text.body);
        notification.action("default", open_case);
        // Windows shows the toast under the name and icon the installer registered for Lupaus's
        // app id (scripts/windows/lupaus.nsi), not PowerShell's.
        #[cfg(windows)]
        notification.app_id(crate::app_id::APP_ID);
        if critical {
            stay_on_screen(&mut notification);
        }
        let (answer, answered) = mpsc::sync_channel(1);
        let unanswered = Arc::clone(&self.unanswered);
        let listening = Arc::clone(&self.listening);
        let open_case = Arc::clone(&self.open_case);
        unanswered.fetch_add(1, Ordering::SeqCst);
        let spawned = std::thread::Builder::new().name("lupaus-notification".into()).spawn(move || {
            let shown = notification.show();
            unanswered.fetch_sub(1, Ordering::SeqCst);
            match shown {
                Ok(handle) => {
                    let _ = answer.send(Ok(()));
                    if listening.fetch_add(1, Ordering::SeqCst) < MAX_LISTENING {
                        wait_for_click(handle, move || open_case(case_id));
                    }
                    listening.fetch_sub(1, Ordering::SeqCst);
                }
                Err(error) => {
                    let _ = answer.send(Err(error));
                }
            }
        });
        if let Err(error) = spawned {
            self.unanswered.fetch_sub(1, Ordering::SeqCst);
            return Err(error.into());
        }
        match answered.recv_timeout(SHOW_TIMEOUT) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(error)) => Err(error.into()),
            Err(_) => Err(ShowError::NoAnswer),
        }
    }
}

/// A missed promise stays on screen until someone acts on it: critical urgency on Linux, the
/// reminder scenario on Windows. notify-rust has no urgency on macOS (without a preview feature),
/// where the notification is an ordinary one.
#[cfg(any(windows, all(unix, not(target_os = "macos"))))]
fn stay_on_screen(notification: &mut notify_rust::Notification) {
    notification.urgency(notify_rust::Urgency::Critical);
}

#[cfg(target_os = "macos")]
fn stay_on_screen(_notification: &mut notify_rust::Notification) {}

/// Blocks until the notification is clicked or closed; a click on its body opens the case.
#[cfg(all(unix, not(target_os = "macos")))]
fn wait_for_click(handle: notify_rust::NotificationHandle, open: impl FnOnce()) {
    handle.wait_for_action(|action| {
        if action == "default" {
            open();
        }
    });
}

/// A toast's body (activated without an action) or its "Open case" button opens the case; the
/// toast calls back while Lupaus runs.
#[cfg(windows)]
fn wait_for_click(handle: notify_rust::NotificationHandle, open: impl FnOnce()) {
    let result = handle.wait_for_response(|response: &notify_rust::NotificationResponse| {
        if opens_case(response) {
            open();
        }
    });
    if let Err(error) = result {
        tracing::debug!(%error, "no answer from a toast");
    }
}

/// Whether a toast's answer asks to open its case.
#[cfg(windows)]
fn opens_case(response: &notify_rust::NotificationResponse) -> bool {
    use notify_rust::NotificationResponse;
    match response {
        NotificationResponse::Default => true,
        NotificationResponse::Action(action) => action == "default",
        _ => false,
    }
}

/// This platform does not tell the app about clicks on a notification.
#[cfg(target_os = "macos")]
fn wait_for_click<H>(_handle: H, _open: impl FnOnce()) {}

#[cfg(all(test, windows))]
mod tests {
    use notify_rust::{CloseReason, NotificationResponse};

    #[test]
    fn a_click_on_the_toast_or_its_button_opens_the_case_and_dismissing_does_not() {
        assert!(super::opens_case(&NotificationResponse::Default));
        assert!(super::opens_case(&NotificationResponse::Action("default".into())));
        assert!(!super::opens_case(&NotificationResponse::Closed(CloseReason::Dismissed)));
    }
}
