//! The desk's business calendar: its time zone, opening hours, closure days and the Finnish
//! public holidays, and the business-time arithmetic built on them.
//!
//! Instants are always UTC; the calendar interprets them in the desk's zone, so arithmetic stays
//! right across the daylight-saving changes. A business day (arkipäivä) is Monday to Friday with
//! opening hours, not a Finnish public holiday or customary eve, and not one of the desk's own
//! closure days. Business time is the time inside the opening hours of business days.

mod business_time;
mod due_text;
mod holidays;
mod sla;
mod suggest;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::reason::{self as why, Reason};

pub use due_text::{DueReading, check_opening_hours, next_opening_if_closed, read_due, read_due_text, weekday_choices};
pub use holidays::{
    FinnishHoliday, Holiday, HolidayName, Observance, easter_sunday, holidays_in, holidays_on, is_holiday,
};
pub use sla::{Pause, SlaClock, SlaTarget, SlaTargets};
pub use suggest::BusinessSpan;

/// The zone a new desk starts with.
pub const DEFAULT_TIME_ZONE: &str = "Europe/Helsinki";

/// Longest range [`DeskCalendar::days`] lists at once: ten years is plenty for any screen or export.
pub const MAX_LISTED_DAYS: i64 = 3_660;

/// One day's opening hours in the desk's local time. `open` is before `close`: desks that stay
/// open past midnight are not supported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct OpeningHours {
    pub open: NaiveTime,
    pub close: NaiveTime,
}

impl OpeningHours {
    /// Opening hours from whole hours of the day; `None` when an hour is out of range.
    pub fn from_hours(open: u32, close: u32) -> Option<Self> {
        Some(OpeningHours { open: NaiveTime::from_hms_opt(open, 0, 0)?, close: NaiveTime::from_hms_opt(close, 0, 0)? })
    }
}

/// Opening hours for each weekday; `None` means closed.
///
/// Saturday and Sunday hours are kept for display (a desk may staff the phone on Saturdays) but
/// never count as business time: an arkipäivä is Monday to Friday, and SLA clocks and promised
/// "business days" must mean what the customer understands by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WeeklyHours {
    pub monday: Option<OpeningHours>,
    pub tuesday: Option<OpeningHours>,
    pub wednesday: Option<OpeningHours>,
    pub thursday: Option<OpeningHours>,
    pub friday: Option<OpeningHours>,
    pub saturday: Option<OpeningHours>,
    pub sunday: Option<OpeningHours>,
}

impl WeeklyHours {
    /// The same hours Monday to Friday, closed at the weekend.
    pub fn weekdays(hours: OpeningHours) -> Self {
        let open = Some(hours);
        WeeklyHours {
            monday: open,
            tuesday: open,
            wednesday: open,
            thursday: open,
            friday: open,
            saturday: None,
            sunday: None,
        }
    }

    pub fn on(&self, weekday: Weekday) -> Option<OpeningHours> {
        match weekday {
            Weekday::Mon => self.monday,
            Weekday::Tue => self.tuesday,
            Weekday::Wed => self.wednesday,
            Weekday::Thu => self.thursday,
            Weekday::Fri => self.friday,
            Weekday::Sat => self.saturday,
            Weekday::Sun => self.sunday,
        }
    }

    fn field(weekday: Weekday) -> (&'static str, &'static str) {
        match weekday {
            Weekday::Mon => ("opening_hours.monday", "Monday"),
            Weekday::Tue => ("opening_hours.tuesday", "Tuesday"),
            Weekday::Wed => ("opening_hours.wednesday", "Wednesday"),
            Weekday::Thu => ("opening_hours.thursday", "Thursday"),
            Weekday::Fri => ("opening_hours.friday", "Friday"),
            Weekday::Sat => ("opening_hours.saturday", "Saturday"),
            Weekday::Sun => ("opening_hours.sunday", "Sunday"),
        }
    }
}

impl Default for WeeklyHours {
    /// Monday to Friday 08:00–16:00.
    fn default() -> Self {
        WeeklyHours::weekdays(OpeningHours {
            open: NaiveTime::MIN + chrono::TimeDelta::hours(8),
            close: NaiveTime::MIN + chrono::TimeDelta::hours(16),
        })
    }
}

/// The calendar settings as the desk edits and the store persists them (JSON).
/// Turn them into a [`DeskCalendar`] with [`CalendarSettings::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarSettings {
    /// IANA zone name, e.g. `Europe/Helsinki`.
    pub time_zone: String,
    pub opening_hours: WeeklyHours,
    /// Days the desk is closed although they would be business days (inventory, staff training).
    pub closure_days: BTreeSet<NaiveDate>,
}

impl Default for CalendarSettings {
    fn default() -> Self {
        CalendarSettings {
            time_zone: DEFAULT_TIME_ZONE.to_owned(),
            opening_hours: WeeklyHours::default(),
            closure_days: BTreeSet::new(),
        }
    }
}

impl CalendarSettings {
    pub fn validate(self) -> Result<DeskCalendar, CoreError> {
        let zone: Tz = self.time_zone.trim().parse().map_err(|_| {
            CoreError::invalid_because(
                "time_zone",
                Reason::new(why::UNKNOWN_TIME_ZONE).with("value", &self.time_zone),
                format!("'{}' is not a time zone name; use an IANA name such as Europe/Helsinki.", self.time_zone),
            )
        })?;
        for weekday in WEEK {
            if let Some(hours) = self.opening_hours.on(weekday)
                && hours.open >= hours.close
            {
                let (field, day) = WeeklyHours::field(weekday);
                return Err(CoreError::invalid_because(
                    field,
                    Reason::new(why::OPENS_AFTER_CLOSES)
                        .with("open", hours.open.format("%H:%M"))
                        .with("close", hours.close.format("%H:%M")),
                    format!(
                        "{day} opens at {} and closes at {}; the opening time must be before the closing time.",
                        hours.open.format("%H:%M"),
                        hours.close.format("%H:%M")
                    ),
                ));
            }
        }
        // Without one open weekday there is no business time at all, and every deadline would be never.
        if WEEK[..5].iter().all(|day| self.opening_hours.on(*day).is_none()) {
            return Err(CoreError::invalid_because(
                "opening_hours",
                Reason::new(why::NO_WEEKDAY_OPENING_HOURS),
                "The desk has no opening hours on any weekday; give at least one of Monday to Friday opening hours.",
            ));
        }
        Ok(DeskCalendar { zone, hours: self.opening_hours, closures: self.closure_days })
    }
}

const WEEK: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// A validated business calendar. Only [`CalendarSettings::validate`] makes one, so every
/// calendar has at least one open weekday and business-time arithmetic always terminates.
/// It serialises as its [`CalendarSettings`] and validates again when read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CalendarSettings", into = "CalendarSettings")]
pub struct DeskCalendar {
    zone: Tz,
    hours: WeeklyHours,
    closures: BTreeSet<NaiveDate>,
}

impl Default for DeskCalendar {
    /// Europe/Helsinki, Monday to Friday 08:00–16:00, no closure days.
    fn default() -> Self {
        DeskCalendar { zone: chrono_tz::Europe::Helsinki, hours: WeeklyHours::default(), closures: BTreeSet::new() }
    }
}

impl TryFrom<CalendarSettings> for DeskCalendar {
    type Error = CoreError;

    fn try_from(settings: CalendarSettings) -> Result<Self, CoreError> {
        settings.validate()
    }
}

impl From<DeskCalendar> for CalendarSettings {
    fn from(calendar: DeskCalendar) -> Self {
        calendar.settings()
    }
}

/// One day as the calendar sees it; the CLI prints a list of these as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub business_day: bool,
    /// The public holiday or customary eve on this day. In the rare years when two fall on one day
    /// (Ascension Day on May Day in 2008) the names are joined with " / ".
    pub holiday: Option<HolidayName>,
    /// One of the desk's own closure days.
    pub closure: bool,
}

impl DeskCalendar {
    pub fn zone(&self) -> Tz {
        self.zone
    }

    pub fn opening_hours(&self) -> &WeeklyHours {
        &self.hours
    }

    pub fn closure_days(&self) -> &BTreeSet<NaiveDate> {
        &self.closures
    }

    pub fn settings(&self) -> CalendarSettings {
        CalendarSettings {
            time_zone: self.zone.name().to_owned(),
            opening_hours: self.hours,
            closure_days: self.closures.clone(),
        }
    }

    /// The same calendar with more closure days. Closure days never make a calendar invalid.
    pub fn with_closure_days(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Self {
        self.closures.extend(days);
        self
    }

    /// The desk's local calendar date at `instant`.
    pub fn local_date(&self, instant: DateTime<Utc>) -> NaiveDate {
        instant.with_timezone(&self.zone).date_naive()
    }

    /// The desk's local wall-clock time at `instant`.
    pub fn local_time(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.with_timezone(&self.zone).naive_local()
    }

    /// The instant at which the desk's clocks show `local`.
    ///
    /// In the autumn hour that happens twice the earlier instant is taken. A reading inside the
    /// spring hour that never happens moves forward by the gap, as most calendar software does:
    /// 03:30 on the night clocks jump from 03:00 to 04:00 becomes 04:30.
    pub fn instant_at(&self, local: NaiveDateTime) -> DateTime<Utc> {
        if let Some(instant) = self.zone.from_local_datetime(&local).earliest() {
            return instant.with_timezone(&Utc);
        }
        // Inside a gap: read the time with the offset in force the day before, i.e. before the jump.
        let before = self.zone.offset_from_utc_datetime(&(local - chrono::TimeDelta::days(1)));
        let offset = chrono::Offset::fix(&before);
        (local - offset).and_utc()
    }

    pub fn is_closure_day(&self, date: NaiveDate) -> bool {
        self.closures.contains(&date)
    }

    /// Monday to Friday with opening hours, not a public holiday or customary eve, not a closure day.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        let weekday = date.weekday();
        !matches!(weekday, Weekday::Sat | Weekday::Sun)
            && self.hours.on(weekday).is_some()
            && !self.is_closure_day(date)
            && !is_holiday(date)
    }

    /// The opening hours of `date` as UTC instants `[open, close]`, or `None` when it is not a business day.
    pub fn business_window(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        if !self.is_business_day(date) {
            return None;
        }
        let hours = self.hours.on(date.weekday())?;
        Some((self.instant_at(date.and_time(hours.open)), self.instant_at(date.and_time(hours.close))))
    }

    /// Whether `instant` is inside the opening hours of a business day; both ends count as inside.
    pub fn is_open_at(&self, instant: DateTime<Utc>) -> bool {
        self.business_window(self.local_date(instant)).is_some_and(|(open, close)| open <= instant && instant <= close)
    }

    /// Every day from `from` to `to`, both included, as the calendar sees it.
    pub fn days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CalendarDay>, CoreError> {
        let count = (to - from).num_days() + 1;
        if count < 1 {
            return Err(CoreError::invalid_because(
                "to",
                Reason::new(why::END_BEFORE_START),
                "The end date is before the start date; swap them.",
            ));
        }
        if count > MAX_LISTED_DAYS {
            return Err(CoreError::invalid_because(
                "to",
                Reason::new(why::RANGE_TOO_LONG).with("count", count).with("max", MAX_LISTED_DAYS),
                format!("That range is {count} days long; list at most {MAX_LISTED_DAYS} days at a time."),
            ));
        }
        Ok(from
            .iter_days()
            .take_while(|date| *date <= to)
            .map(|date| CalendarDay {
                date,
                business_day: self.is_business_day(date),
                holiday: HolidayName::joined(&holidays_on(date)),
                closure: self.is_closure_day(date),
            })
            .collect())
    }
}
