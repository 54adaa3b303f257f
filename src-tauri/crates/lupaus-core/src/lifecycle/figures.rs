//! Figures derived from a case's events. Nothing here is a stored counter: the log is the truth,
//! and the same log always gives the same figures.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Helsinki;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::event::{CaseEvent, EventRecord};
use super::terms::ReopenTarget;

/// What reports and the case header show about one case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseFigures {
    /// First-contact resolution. True when all of these hold:
    /// - the case has a resolution: its first `remedy_delivered` or `decline_communicated` event
    ///   (a decline told to the customer also settles the complaint);
    /// - between `opened` and that resolution there is no `contact_recorded` (the customer did
    ///   not have to be contacted again, nor contact us) and no `handed_off`;
    /// - the resolution falls on the same calendar day as receipt, in Helsinki time;
    /// - the remedy held: no later `reopened` back to the remedy.
    pub first_contact_resolution: bool,
    /// Receipt to the current delivery (or communicated decline); `None` while there is none,
    /// including after a reopening back to the remedy.
    #[ts(type = "number | null")]
    pub time_to_remedy_seconds: Option<i64>,
    /// The same, less the time spent waiting on the customer or a supplier: the SLA clock.
    #[ts(type = "number | null")]
    pub active_time_to_remedy_seconds: Option<i64>,
    /// Receipt to closing; `None` while the case is open.
    #[ts(type = "number | null")]
    pub time_to_close_seconds: Option<i64>,
    /// All time spent waiting; a wait still running counts up to the last event.
    #[ts(type = "number")]
    pub time_waiting_seconds: i64,
    /// The intake contact plus every recorded contact after it.
    pub customer_contacts: u32,
    pub hand_offs: u32,
    pub reopenings: u32,
}

/// Derives the figures from a case's log. A log that does not start with `opened` gives the
/// default (empty) figures.
pub fn figures(records: &[EventRecord]) -> CaseFigures {
    let Some((first, rest)) = records.split_first() else {
        return CaseFigures::default();
    };
    if !matches!(first.event, CaseEvent::Opened { .. }) {
        return CaseFigures::default();
    }
    let received = first.at;
    let last_at = records.iter().map(|r| r.at).max().unwrap_or(received);
    let mut out = CaseFigures { customer_contacts: 1, ..CaseFigures::default() };
    let mut waits: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = Vec::new();
    let mut first_resolution: Option<DateTime<Utc>> = None;
    let mut touched_before_resolution = false;
    let mut remedy_failed = false;
    let mut delivered_at: Option<DateTime<Utc>> = None;
    let mut closed_at: Option<DateTime<Utc>> = None;

    for record in rest {
        match &record.event {
            CaseEvent::ContactRecorded { .. } => {
                out.customer_contacts += 1;
                touched_before_resolution |= first_resolution.is_none();
            }
            CaseEvent::HandedOff { .. } => {
                out.hand_offs += 1;
                touched_before_resolution |= first_resolution.is_none();
            }
            CaseEvent::WaitStarted { .. } => waits.push((record.at, None)),
            CaseEvent::WaitEnded { .. } => {
                if let Some(open) = waits.last_mut().filter(|(_, end)| end.is_none()) {
                    open.1 = Some(record.at);
                }
            }
            CaseEvent::RemedyDelivered { .. } | CaseEvent::DeclineCommunicated { .. } => {
                first_resolution.get_or_insert(record.at);
                delivered_at = Some(record.at);
            }
            CaseEvent::Closed { .. } => closed_at = Some(record.at),
            CaseEvent::Reopened { to, .. } => {
                out.reopenings += 1;
                closed_at = None;
                if *to == ReopenTarget::Remedy {
                    delivered_at = None;
                    remedy_failed |= first_resolution.is_some();
                }
            }
            _ => {}
        }
    }

    out.first_contact_resolution = first_resolution
        .is_some_and(|resolved| !touched_before_resolution && !remedy_failed && same_helsinki_day(received, resolved));
    out.time_to_remedy_seconds = delivered_at.map(|at| (at - received).num_seconds());
    out.active_time_to_remedy_seconds = delivered_at.map(|at| {
        let waited: i64 = waits.iter().map(|w| overlap(*w, received, at, last_at)).sum();
        (at - received).num_seconds() - waited
    });
    out.time_to_close_seconds = closed_at.map(|at| (at - received).num_seconds());
    out.time_waiting_seconds = waits.iter().map(|w| overlap(*w, received, last_at, last_at)).sum();
    out
}

/// Seconds of a wait inside `[from, to]`; a wait without an end runs to `open_until`.
fn overlap(
    (start, end): (DateTime<Utc>, Option<DateTime<Utc>>),
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    open_until: DateTime<Utc>,
) -> i64 {
    let end = end.unwrap_or(open_until).min(to);
    let start = start.max(from);
    (end - start).num_seconds().max(0)
}

fn same_helsinki_day(a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
    a.with_timezone(&Helsinki).date_naive() == b.with_timezone(&Helsinki).date_naive()
}
