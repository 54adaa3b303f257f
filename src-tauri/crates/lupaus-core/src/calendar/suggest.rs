//! Suggesting a due time for a promise: "within four business hours" or "within two business
//! days", plus a buffer so we promise a little later than we expect to deliver.

use chrono::{DateTime, TimeDelta, Timelike, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DeskCalendar;

/// An amount of business time, as an agent says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BusinessSpan {
    Minutes(u32),
    Hours(u32),
    /// Whole business days, ending at closing time; see [`DeskCalendar::add_business_days`].
    Days(u32),
}

/// Suggested due times are rounded up to the quarter hour: "by 14:15" is easier to say and
/// remember than "by 14:07", and rounding up only ever adds slack.
const ROUND_TO_SECONDS: i64 = 15 * 60;

impl DeskCalendar {
    /// `start` moved forward by `span` of business time.
    pub fn add_span(&self, start: DateTime<Utc>, span: BusinessSpan) -> DateTime<Utc> {
        match span {
            BusinessSpan::Minutes(minutes) => self.add_business_minutes(start, minutes),
            BusinessSpan::Hours(hours) => self.add_business_time(start, TimeDelta::hours(hours.into())),
            BusinessSpan::Days(days) => self.add_business_days(start, days),
        }
    }

    /// A due time to offer the customer: `within` from `now`, then `buffer` more, rounded up to the
    /// quarter hour but never past closing time. The result is always inside opening hours.
    ///
    /// A day buffer after a day span moves to the next day's closing time; a minute buffer after a
    /// day span starts the next business morning (two days plus 60 minutes, said on Monday, is
    /// Thursday 09:00 for an 08:00–16:00 desk).
    pub fn suggest_due(&self, now: DateTime<Utc>, within: BusinessSpan, buffer: BusinessSpan) -> DateTime<Utc> {
        let expected = self.add_span(now, within);
        // A zero span still lands inside opening hours: add_span(_, Minutes(0)) moves to the next opening.
        let due = self.add_span(self.add_span(expected, buffer), BusinessSpan::Minutes(0));
        let local = self.local_time(due);
        let into_quarter = i64::from(local.minute() * 60 + local.second()) % ROUND_TO_SECONDS;
        let exact = into_quarter == 0 && local.nanosecond() == 0;
        if exact {
            return due;
        }
        let rounded = due + TimeDelta::seconds(ROUND_TO_SECONDS - into_quarter)
            - TimeDelta::nanoseconds(local.nanosecond().into());
        match self.business_window(self.local_date(due)) {
            Some((_, close)) => rounded.min(close),
            None => rounded,
        }
    }
}
