//! Business-time arithmetic: moving an instant by business minutes or business days, and
//! measuring the business time between two instants.
//!
//! Business time is real elapsed time inside the opening hours of business days. Each day's
//! opening hours are turned into UTC instants on their own date, so a daylight-saving change
//! never adds or loses an hour of business time.

use chrono::{DateTime, Days, TimeDelta, Utc};

use super::DeskCalendar;

impl DeskCalendar {
    /// The instant at which `minutes` of business time have passed since `start`.
    ///
    /// The result is always inside opening hours, closing time included: 60 business minutes from
    /// Friday 15:30 is Monday 08:30. With `minutes == 0` the result is `start` when it is inside
    /// opening hours, else the next opening.
    pub fn add_business_minutes(&self, start: DateTime<Utc>, minutes: u32) -> DateTime<Utc> {
        self.add_business_time(start, TimeDelta::minutes(minutes.into()))
    }

    /// The latest instant from which `minutes` of business time pass until `end`.
    ///
    /// The mirror of [`DeskCalendar::add_business_minutes`]: one business hour before Monday 08:30
    /// is Friday 15:30. The result is inside opening hours; with `minutes == 0` it is `end` when
    /// that is inside opening hours, else the last closing before it.
    pub fn sub_business_minutes(&self, end: DateTime<Utc>, minutes: u32) -> DateTime<Utc> {
        let mut remaining = TimeDelta::minutes(minutes.into());
        let mut date = self.local_date(end);
        loop {
            if let Some((open, close)) = self.business_window(date) {
                let to = end.min(close);
                if to >= open {
                    let available = to - open;
                    if remaining <= available {
                        return to - remaining;
                    }
                    remaining -= available;
                }
            }
            date = date - Days::new(1);
        }
    }

    /// The closing time of the `days`-th business day after the local date of `start`.
    ///
    /// "Within two business days", said on Monday, means by closing time on Wednesday: the day the
    /// promise is made never counts, whatever the hour, and the customer is promised the whole
    /// last day. This matches how people hear "business days" and never promises an earlier hour
    /// than the customer expects. With `days == 0` it is today's closing time, or the next
    /// business day's when today is not one or has already closed.
    pub fn add_business_days(&self, start: DateTime<Utc>, days: u32) -> DateTime<Utc> {
        let mut date = self.local_date(start);
        if days == 0 {
            loop {
                if let Some((_, close)) = self.business_window(date)
                    && start <= close
                {
                    return close;
                }
                date = date + Days::new(1);
            }
        }
        let mut counted = 0;
        loop {
            date = date + Days::new(1);
            if let Some((_, close)) = self.business_window(date) {
                counted += 1;
                if counted == days {
                    return close;
                }
            }
        }
    }

    /// The business time between `from` and `to`; zero when `to` is not after `from`.
    pub fn business_time_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> TimeDelta {
        let mut total = TimeDelta::zero();
        if to <= from {
            return total;
        }
        let last = self.local_date(to);
        let mut date = self.local_date(from);
        while date <= last {
            if let Some((open, close)) = self.business_window(date) {
                let start = from.max(open);
                let end = to.min(close);
                if end > start {
                    total += end - start;
                }
            }
            date = date + Days::new(1);
        }
        total
    }

    /// Whole business minutes between `from` and `to`, rounded down; zero when `to` is not after `from`.
    pub fn business_minutes_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        self.business_time_between(from, to).num_minutes()
    }

    pub(crate) fn add_business_time(&self, start: DateTime<Utc>, amount: TimeDelta) -> DateTime<Utc> {
        let mut remaining = amount;
        let mut date = self.local_date(start);
        loop {
            if let Some((open, close)) = self.business_window(date) {
                let from = start.max(open);
                if from <= close {
                    let available = close - from;
                    if remaining <= available {
                        return from + remaining;
                    }
                    remaining -= available;
                }
            }
            date = date + Days::new(1);
        }
    }
}
