//! Calendar tests. Expected dates and instants are worked out by hand (Easter dates cross-checked
//! against published tables); instants around the DST changes are written in UTC so the tests do
//! not trust the code's own time-zone conversion.

mod business_time;
mod due_text;
mod holidays;
mod properties;
mod settings;
mod sla_and_suggest;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Helsinki;

use super::DeskCalendar;

/// `"2026-03-27 15:30"` on Helsinki wall clocks.
pub(super) fn hel(local: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("test time is well formed");
    Helsinki.from_local_datetime(&naive).single().expect("test time exists once in Helsinki").with_timezone(&Utc)
}

pub(super) fn utc(text: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("test time is well formed").and_utc()
}

pub(super) fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date is well formed")
}

pub(super) fn desk() -> DeskCalendar {
    DeskCalendar::default()
}
