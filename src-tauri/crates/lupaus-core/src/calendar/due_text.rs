//! Reading a due time the way agents type it: `pe`, `perjantai`, `fre`, `fri`, `huomenna`,
//! `11.12.`, `11.12. 14`, `11.12.2026 16.00`, `pe klo 14`. Relative words are read against `now`
//! on the desk's calendar, so the window, the CLI and a test all get the same answer.
//!
//! Without a time of day the promise is due at that day's closing time ("by Friday" means by the
//! end of Friday's opening hours), or at the usual closing time on a day the desk is closed.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DeskCalendar;
use crate::CoreError;
use crate::reason::{self as why, Reason};

/// The time of day for a day typed without one, when the desk is closed that day.
const USUAL_CLOSE: (u32, u32) = (16, 0);

/// Weekday words in Finnish, Swedish and English, full and short, lower case.
const WEEKDAYS: &[(Weekday, &[&str])] = &[
    (Weekday::Mon, &["ma", "maanantai", "maanantaina", "mån", "måndag", "mon", "monday"]),
    (Weekday::Tue, &["ti", "tiistai", "tiistaina", "tis", "tisdag", "tue", "tues", "tuesday"]),
    (Weekday::Wed, &["ke", "keskiviikko", "keskiviikkona", "ons", "onsdag", "wed", "wednesday"]),
    (Weekday::Thu, &["to", "torstai", "torstaina", "tor", "tors", "torsdag", "thu", "thur", "thurs", "thursday"]),
    (Weekday::Fri, &["pe", "perjantai", "perjantaina", "fre", "fredag", "fri", "friday"]),
    (Weekday::Sat, &["la", "lauantai", "lauantaina", "lör", "lördag", "sat", "saturday"]),
    (Weekday::Sun, &["su", "sunnuntai", "sunnuntaina", "sön", "söndag", "sun", "sunday"]),
];

/// Words for today and the next two days, in days from today.
const RELATIVE: &[(u64, &[&str])] = &[
    (0, &["tänään", "idag", "today"]),
    (1, &["huomenna", "huomen", "imorgon", "i morgon", "tomorrow"]),
    (2, &["ylihuomenna", "i övermorgon", "övermorgon"]),
];

/// Words that may stand before the time of day: "klo 14", "kl. 14", "at 14".
const TIME_WORDS: &[&str] = &["klo", "kello", "kl.", "kl", "at", "@"];

/// The instant the agent meant by `text`, read at `now` on `calendar`.
pub fn read_due_text(text: &str, now: DateTime<Utc>, calendar: &DeskCalendar) -> Result<DateTime<Utc>, CoreError> {
    let normal = text.trim().to_lowercase().replace(',', " ");
    let unreadable = || {
        CoreError::invalid_because(
            "due_text",
            Reason::new(why::DUE_TEXT_UNREADABLE).with("value", text.trim()),
            format!(
                "'{}' is not a time Lupaus can read. Type a weekday (pe, fre, fri), huomenna, \
                 a date such as 11.12. or 11.12.2026, and a time if needed (11.12. 14.30).",
                text.trim()
            ),
        )
    };
    if normal.is_empty() {
        return Err(CoreError::invalid_because("due_text", Reason::new(why::REQUIRED), "Say when the promise is due."));
    }
    let today = calendar.local_date(now);
    // A time alone ("klo 15") is today at that time.
    let (day, rest) = read_day(&normal, today)
        .or_else(|| read_time(&normal).map(|_| (today, normal.as_str())))
        .ok_or_else(unreadable)?;
    let time = match read_time(rest) {
        Some(time) => time,
        None if rest.trim().is_empty() => closing_time(calendar, day),
        None => return Err(unreadable()),
    };
    let mut due = calendar.instant_at(day.and_time(time));
    // A bare weekday whose time has passed today means the same weekday next week.
    if due <= now && day == today && starts_with_weekday(&normal) {
        let next = day + Days::new(7);
        let time = if rest.trim().is_empty() { closing_time(calendar, next) } else { time };
        due = calendar.instant_at(next.and_time(time));
    }
    if due <= now {
        return Err(CoreError::invalid_because(
            "due_text",
            Reason::new(why::PROMISE_DUE_IN_PAST),
            "The promised time has already passed; pick a time in the future.",
        ));
    }
    Ok(due)
}

/// The day named at the start of `text`, and what follows it.
fn read_day(text: &str, today: NaiveDate) -> Option<(NaiveDate, &str)> {
    for (ahead, words) in RELATIVE {
        for word in *words {
            if let Some(rest) = after_word(text, word) {
                return Some((today + Days::new(*ahead), rest));
            }
        }
    }
    for (weekday, words) in WEEKDAYS {
        for word in *words {
            if let Some(rest) = after_word(text, word) {
                let ahead = (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
                return Some((today + Days::new(u64::from(ahead)), rest));
            }
        }
    }
    read_date(text, today)
}

fn starts_with_weekday(text: &str) -> bool {
    WEEKDAYS.iter().any(|(_, words)| words.iter().any(|word| after_word(text, word).is_some()))
}

/// `text` after `word`, if `text` starts with the whole word.
fn after_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(word)?;
    (rest.is_empty() || rest.starts_with(' ')).then_some(rest)
}

/// `11.12.`, `11.12`, `11.12.2026`, `11.12.26` or `2026-12-11`; without a year, the next such
/// date that is not already past.
fn read_date(text: &str, today: NaiveDate) -> Option<(NaiveDate, &str)> {
    let end = text.find(' ').unwrap_or(text.len());
    let (token, rest) = text.split_at(end);
    if let Ok(date) = NaiveDate::parse_from_str(token, "%Y-%m-%d") {
        return Some((date, rest));
    }
    let parts: Vec<&str> = token.split('.').collect();
    let (day, month, year) = match parts.as_slice() {
        [day, month] | [day, month, ""] => (day, month, None),
        [day, month, year] => (day, month, Some(*year)),
        _ => return None,
    };
    let (day, month): (u32, u32) = (number(day)?, number(month)?);
    let date = match year {
        Some(year) if year.len() == 4 => NaiveDate::from_ymd_opt(number(year)?, month, day)?,
        Some(year) if year.len() == 2 => NaiveDate::from_ymd_opt(2000 + number::<i32>(year)?, month, day)?,
        Some(_) => return None,
        None => {
            let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
            match this_year {
                Some(date) if date >= today => date,
                _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day)?,
            }
        }
    };
    Some((date, rest))
}

/// `14`, `14.30`, `14:30`, `klo 14`, `kl. 14.30`, `at 14:30`; `None` when there is none or it is not a time.
fn read_time(text: &str) -> Option<NaiveTime> {
    let mut text = text.trim();
    for word in TIME_WORDS {
        if let Some(rest) = after_word(text, word).or_else(|| text.strip_prefix(word).filter(|_| word.ends_with('.'))) {
            text = rest.trim();
            break;
        }
    }
    if text.is_empty() || text.contains(' ') {
        return None;
    }
    let (hour, minute) = match text.split_once(['.', ':']) {
        Some((hour, "")) => (number(hour)?, 0),
        Some((hour, minute)) if minute.len() == 2 => (number(hour)?, number(minute)?),
        Some(_) => return None,
        None => (number(text)?, 0),
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    (!text.is_empty() && text.len() <= 4 && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// When "by that day" ends: the day's closing time, or the usual closing time if it is closed.
fn closing_time(calendar: &DeskCalendar, day: NaiveDate) -> NaiveTime {
    calendar.opening_hours().on(day.weekday()).filter(|_| calendar.is_business_day(day)).map_or_else(
        || NaiveTime::from_hms_opt(USUAL_CLOSE.0, USUAL_CLOSE.1, 0).unwrap_or(NaiveTime::MIN),
        |hours| hours.close,
    )
}

/// A typed due time as read, with the next opening time when it falls outside opening hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueReading {
    pub due_at: DateTime<Utc>,
    pub next_opening: Option<DateTime<Utc>>,
}

/// Reads `text` and checks it against opening hours in one go: what the due field echoes.
pub fn read_due(text: &str, now: DateTime<Utc>, calendar: &DeskCalendar) -> Result<DueReading, CoreError> {
    let due_at = read_due_text(text, now, calendar)?;
    Ok(DueReading { due_at, next_opening: next_opening_if_closed(due_at, calendar) })
}

/// "By Monday", "by Tuesday", ...: the closing time of each business day from today (while it is
/// still ahead) to the Friday of next week, the quick choices for a call-back.
pub fn weekday_choices(now: DateTime<Utc>, calendar: &DeskCalendar) -> Vec<DateTime<Utc>> {
    let today = calendar.local_date(now);
    let next_friday = today + Days::new(u64::from(11 - today.weekday().num_days_from_monday()));
    today
        .iter_days()
        .take_while(|day| *day <= next_friday)
        .filter_map(|day| calendar.business_window(day).map(|(_, close)| close))
        .filter(|close| *close > now)
        .collect()
}

/// Refuses a due time outside opening hours unless the agent confirmed it (some call-backs are
/// agreed for the evening), naming the next opening time to offer instead.
pub fn check_opening_hours(
    field: &str,
    due: DateTime<Utc>,
    confirmed: bool,
    calendar: &DeskCalendar,
) -> Result<(), CoreError> {
    let Some(next) = next_opening_if_closed(due, calendar) else { return Ok(()) };
    if confirmed {
        return Ok(());
    }
    let local = calendar.local_time(next).format("%d.%m.%Y %H.%M");
    Err(CoreError::invalid_because(
        field,
        Reason::new(why::DUE_OUTSIDE_HOURS).with("next_opening", next.to_rfc3339()),
        format!(
            "The promised time is outside opening hours. Offer the next opening time ({local}), or confirm that the customer agreed to this time."
        ),
    ))
}

/// Whether a promise due at `due` falls outside opening hours, and if so the next opening time
/// to offer instead. A due time exactly at closing time is inside: "by 16.00" is a working-day promise.
pub fn next_opening_if_closed(due: DateTime<Utc>, calendar: &DeskCalendar) -> Option<DateTime<Utc>> {
    if calendar.is_open_at(due) {
        return None;
    }
    // Zero business minutes from a closed moment is the next opening.
    Some(calendar.add_business_minutes(due, 0))
}
