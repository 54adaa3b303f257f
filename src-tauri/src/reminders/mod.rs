//! Reminders that are never missed: a background scheduler raises each planned reminder step once
//! (the store records it) and hands it to a [`ReminderSink`]. In the app the sink is
//! [`desktop::DesktopSink`]: the in-app event `reminders-raised`, an OS notification and the tray's
//! overdue count. Tests use a recording sink, so the loop runs without Tauri.

pub mod desktop;
mod notification;
mod scheduler;
pub mod texts;

#[cfg(test)]
mod tests;

use lupaus_store::notices::HandOffNotice;
use lupaus_store::reminders::RaisedReminder;

pub use scheduler::{Scheduler, SchedulerHandle};

/// The reminders raised in one pass, with the people escalations go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raised {
    pub reminders: Vec<RaisedReminder>,
    /// The desk's team leads, named in escalations; empty when the desk has listed none.
    pub team_leads: Vec<String>,
    /// The desk's time zone: due times are told in it, not in the computer's zone.
    pub zone: chrono_tz::Tz,
    /// Hand-offs to the person at the keyboard, told now for the first (and only) time.
    pub notices: Vec<HandOffNotice>,
}

/// Where raised reminders go.
///
/// Both methods may block (a notification is a D-Bus call that can hang): the scheduler calls
/// them off the async runtime and stops waiting after [`scheduler::DELIVERY_TIMEOUT`], so a stuck sink
/// delays nothing else.
pub trait ReminderSink: Send + Sync + 'static {
    /// Tells people about the reminders raised now, in firing order, and the receiver at the
    /// keyboard about hand-offs to them.
    fn deliver(&self, raised: &Raised);

    /// The number of open promises past their due time is now `count`.
    fn overdue_changed(&self, count: u64);
}
