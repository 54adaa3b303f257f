//! Service-level targets and the SLA clock: business time since a case was received, with the
//! pauses subtracted while the case waits on the customer or a supplier.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DeskCalendar;
use crate::CoreError;
use crate::case::Priority;
use crate::reason::{self as why, Reason};

/// Longest target accepted: 60 business days of eight hours. Anything longer is a typo.
pub const MAX_TARGET_MINUTES: u32 = 60 * 8 * 60;

/// A stretch of time during which the SLA clock stands still.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Pause {
    pub from: DateTime<Utc>,
    /// `None` while the case is still waiting.
    pub until: Option<DateTime<Utc>>,
}

/// Which of a case's three clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SlaClock {
    FirstResponse,
    Remedy,
    Close,
}

/// One priority's targets, in business minutes from receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlaTarget {
    pub first_response_minutes: u32,
    pub remedy_minutes: u32,
    pub close_minutes: u32,
}

impl SlaTarget {
    pub fn minutes(&self, clock: SlaClock) -> u32 {
        match clock {
            SlaClock::FirstResponse => self.first_response_minutes,
            SlaClock::Remedy => self.remedy_minutes,
            SlaClock::Close => self.close_minutes,
        }
    }
}

/// The desk's targets for every priority; persisted as JSON with the desk settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlaTargets {
    pub low: SlaTarget,
    pub normal: SlaTarget,
    pub high: SlaTarget,
    pub urgent: SlaTarget,
}

const HOUR: u32 = 60;
/// One business day of the default 08:00–16:00 desk.
const DAY: u32 = 8 * HOUR;

impl Default for SlaTargets {
    /// Urgent: answer within an hour, remedy the next day, close within a week.
    /// Low: answer within two days, remedy within two weeks, close within six.
    fn default() -> Self {
        let target = |first_response_minutes, remedy_minutes, close_minutes| SlaTarget {
            first_response_minutes,
            remedy_minutes,
            close_minutes,
        };
        SlaTargets {
            low: target(2 * DAY, 10 * DAY, 30 * DAY),
            normal: target(DAY, 5 * DAY, 15 * DAY),
            high: target(4 * HOUR, 2 * DAY, 10 * DAY),
            urgent: target(HOUR, DAY, 5 * DAY),
        }
    }
}

impl SlaTargets {
    pub fn for_priority(&self, priority: Priority) -> SlaTarget {
        match priority {
            Priority::Low => self.low,
            Priority::Normal => self.normal,
            Priority::High => self.high,
            Priority::Urgent => self.urgent,
        }
    }

    /// Every target is positive and at most [`MAX_TARGET_MINUTES`], and within a priority the
    /// first response comes no later than the remedy, and the remedy no later than closing.
    pub fn validate(&self) -> Result<(), CoreError> {
        for priority in Priority::ALL {
            let target = self.for_priority(priority);
            let name = priority.as_str();
            for (clock, label) in [
                (SlaClock::FirstResponse, "first_response_minutes"),
                (SlaClock::Remedy, "remedy_minutes"),
                (SlaClock::Close, "close_minutes"),
            ] {
                let minutes = target.minutes(clock);
                if minutes == 0 || minutes > MAX_TARGET_MINUTES {
                    return Err(CoreError::invalid_because(
                        &format!("{name}.{label}"),
                        Reason::new(why::SLA_TARGET_OUT_OF_RANGE).with("max_hours", MAX_TARGET_MINUTES / 60),
                        format!(
                            "The {name} target {label} is {minutes}; give a number of business minutes from 1 to {MAX_TARGET_MINUTES}."
                        ),
                    ));
                }
            }
            // Name the later of the two targets that are out of order: that is the one to raise.
            let out_of_order = if target.first_response_minutes > target.remedy_minutes {
                Some("remedy_minutes")
            } else if target.remedy_minutes > target.close_minutes {
                Some("close_minutes")
            } else {
                None
            };
            if let Some(label) = out_of_order {
                return Err(CoreError::invalid_because(
                    &format!("{name}.{label}"),
                    Reason::new(why::SLA_TARGETS_SHRINK),
                    format!(
                        "For {name} priority the targets must not shrink: first response, then remedy, then close."
                    ),
                ));
            }
        }
        Ok(())
    }
}

impl DeskCalendar {
    /// Business time from `from` to `to` with every pause taken out.
    pub fn business_time_excluding(&self, from: DateTime<Utc>, to: DateTime<Utc>, pauses: &[Pause]) -> TimeDelta {
        running_stretches(from, pauses)
            .into_iter()
            .map(|(start, end)| {
                let end = end.map_or(to, |end| end.min(to));
                self.business_time_between(start, end)
            })
            .sum()
    }

    /// When an SLA clock started at `received_at` reaches `target_minutes` business minutes,
    /// with `pauses` taken out. `None` while the clock is paused with no end in sight and the
    /// target has not been reached before the pause began.
    pub fn sla_due(&self, received_at: DateTime<Utc>, pauses: &[Pause], target_minutes: u32) -> Option<DateTime<Utc>> {
        let mut remaining = TimeDelta::minutes(target_minutes.into());
        if remaining.is_zero() {
            return Some(received_at);
        }
        for (start, end) in running_stretches(received_at, pauses) {
            let Some(end) = end else {
                return Some(self.add_business_time(start, remaining));
            };
            let available = self.business_time_between(start, end);
            // Reaching the target exactly as a pause begins counts as reached within this stretch.
            if remaining <= available {
                return Some(self.add_business_time(start, remaining));
            }
            remaining -= available;
        }
        None
    }
}

/// The stretches from `from` onwards when the clock runs, in order; the last is open-ended unless
/// an open-ended pause stops the clock for good.
fn running_stretches(from: DateTime<Utc>, pauses: &[Pause]) -> Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> {
    // Pauses that end before they start cover nothing.
    let mut sorted: Vec<Pause> =
        pauses.iter().copied().filter(|pause| pause.until.is_none_or(|until| until > pause.from)).collect();
    sorted.sort_by_key(|pause| pause.from);
    let mut stretches = Vec::new();
    // `cursor` is where the clock next starts running; `None` once an open pause stops it.
    let mut cursor = Some(from);
    for pause in sorted {
        let Some(start) = cursor else { break };
        if pause.from > start {
            stretches.push((start, Some(pause.from)));
        }
        cursor = pause.until.map(|until| until.max(start));
    }
    if let Some(start) = cursor {
        stretches.push((start, None));
    }
    stretches
}
