//! Cell values as Finnish offices write them: `24.12.2025` and `24.12.2025 14.30` in local time,
//! `1 234,50 €`, `kyllä`/`ei`, and channel and priority names in Finnish, Swedish or English.
//! Each parser refuses with a [`CellProblem`], whose text is the sentence that says what to fix.
//! Public so the fuzz targets (`fuzz/`) and property tests reach the parsers directly.

use chrono::offset::LocalResult;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use lupaus_core::case::{Channel, Priority};
use lupaus_core::lifecycle::CompensationBasis;
use lupaus_core::reason::Reason;
use thiserror::Error;

use super::problems::{self as key, Problem};

/// Why one cell's value was refused. `Display` is the sentence a person sees beside the row
/// and column; each variant carries the cell's text as written (trimmed).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CellProblem {
    #[error("'{0}' is not a date; write it as 24.12.2025 or 24.12.2025 14.30 (day.month.year, local time).")]
    NotADate(String),
    #[error("'{0}' has a time Lupaus cannot read; write it as 14.30 or 14:30 (24-hour clock).")]
    UnreadableTime(String),
    #[error("{text} does not exist in {zone} time: the clocks were moved forward then. Check the time.")]
    SkippedLocalTime { text: String, zone: &'static str },
    #[error("{0} is in the future; check the date (day.month.year).")]
    InTheFuture(String),
    #[error("{0} is before 1990; check the year.")]
    BeforeYear1990(String),
    #[error("'{0}' is not an amount in euros; write it like 49,90.")]
    NotAnAmount(String),
    #[error("'{0}' is negative; an amount given to the customer is zero or more.")]
    NegativeAmount(String),
    #[error("'{0}' is not a channel Lupaus knows; use puhelin, tiski, sähköposti, chat, verkkolomake or kirje.")]
    UnknownChannel(String),
    #[error("'{0}' is not a priority; use matala, normaali, korkea or kiireellinen.")]
    UnknownPriority(String),
    #[error("'{0}' is not yes or no; write kyllä or ei.")]
    NotYesOrNo(String),
    #[error("'{0}' is not a basis for compensation; use sopimus, kuluttajansuojalaki, takuu or hyvä tahto.")]
    UnknownBasis(String),
    #[error(
        "'{0}' is not a phone number that can exist; check it (e.g. 040 123 4567 or +358 40 123 4567) or leave the cell empty."
    )]
    NotAPhoneNumber(String),
    /// A workbook cell that shows an Excel error (`#DIV/0!`, `#REF!`...).
    #[error("The cell shows an Excel error ({0}); fix the formula or type the value.")]
    ExcelError(String),
    /// A workbook date cell whose serial number is no date Excel can show.
    #[error("The date cell holds {0}, which is not a date Excel can show.")]
    NotAnExcelDate(String),
}

impl CellProblem {
    /// The problem's key and values, for the UI to say it in the person's language.
    pub fn reason(&self) -> Reason {
        let (name, value) = match self {
            CellProblem::NotADate(value) => (key::NOT_A_DATE, value),
            CellProblem::UnreadableTime(value) => (key::UNREADABLE_TIME, value),
            CellProblem::SkippedLocalTime { text, zone } => {
                return Reason::new(key::SKIPPED_LOCAL_TIME).with("value", text).with("zone", zone);
            }
            CellProblem::InTheFuture(value) => (key::IN_THE_FUTURE, value),
            CellProblem::BeforeYear1990(value) => (key::BEFORE_1990, value),
            CellProblem::NotAnAmount(value) => (key::NOT_AN_AMOUNT, value),
            CellProblem::NegativeAmount(value) => (key::NEGATIVE_AMOUNT, value),
            CellProblem::UnknownChannel(value) => (key::UNKNOWN_CHANNEL, value),
            CellProblem::UnknownPriority(value) => (key::UNKNOWN_PRIORITY, value),
            CellProblem::NotYesOrNo(value) => (key::NOT_YES_OR_NO, value),
            CellProblem::UnknownBasis(value) => (key::UNKNOWN_BASIS, value),
            CellProblem::NotAPhoneNumber(value) => (key::NOT_A_PHONE_NUMBER, value),
            CellProblem::ExcelError(value) => (key::EXCEL_ERROR, value),
            CellProblem::NotAnExcelDate(value) => (key::NOT_AN_EXCEL_DATE, value),
        };
        Reason::new(name).with("value", value)
    }

    /// The problem as reported against a row and column.
    pub(crate) fn at(&self, row: usize, column: impl Into<String>) -> Problem {
        Problem::new(row, column, self.reason(), self.to_string())
    }
}

/// A date, or a date and time, in the desk's local time (converted to UTC). A date alone means
/// midnight local time. In the autumn's repeated hour the earlier instant is taken; a time in the
/// spring's skipped hour does not exist and is refused. An RFC 3339 time (`2025-12-24T12:30:00Z`)
/// is taken as written. Either way a time more than a day ahead of `now`, or before 1990, is
/// refused: fuzzing found RFC 3339 times skipping these checks (docs/fuzzing.md).
pub fn received_at(text: &str, zone: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>, CellProblem> {
    let text = text.trim();
    let at = match DateTime::parse_from_rfc3339(text) {
        Ok(at) => at.with_timezone(&Utc),
        Err(_) => local_time(text, zone)?,
    };
    if at > now + chrono::TimeDelta::days(1) {
        return Err(CellProblem::InTheFuture(text.to_owned()));
    }
    if at.with_timezone(&zone).year() < 1990 {
        return Err(CellProblem::BeforeYear1990(text.to_owned()));
    }
    Ok(at)
}

/// `24.12.2025 14.30` and the other Finnish forms, in `zone`'s local time, as UTC.
fn local_time(text: &str, zone: Tz) -> Result<DateTime<Utc>, CellProblem> {
    let bad = || CellProblem::NotADate(text.to_owned());
    let mut parts = text.split_whitespace().filter(|part| !part.eq_ignore_ascii_case("klo"));
    let date = parse_date(parts.next().ok_or_else(bad)?).ok_or_else(bad)?;
    let time = match parts.next() {
        Some(time) => parse_time(time).ok_or_else(|| CellProblem::UnreadableTime(text.to_owned()))?,
        None => NaiveTime::MIN,
    };
    if parts.next().is_some() {
        return Err(bad());
    }
    match zone.from_local_datetime(&NaiveDateTime::new(date, time)) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => Ok(at.with_timezone(&Utc)),
        LocalResult::None => Err(CellProblem::SkippedLocalTime { text: text.to_owned(), zone: zone.name() }),
    }
}

/// `24.12.2025`, `24.12.25`, `2025-12-24`.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim_end_matches(['.', ',']);
    if let Some((day, rest)) = text.split_once('.') {
        let (month, year) = rest.split_once('.')?;
        let year: i32 = match year.len() {
            2 => 2000 + year.parse::<i32>().ok()?,
            4 => year.parse().ok()?,
            _ => return None,
        };
        return NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// `14.30`, `14:30`, `9.05.00`, `09:05:00`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = text.split([':', '.']).collect();
    let number = |index: usize| -> Option<u32> {
        let part = parts.get(index)?;
        (!part.is_empty() && part.len() <= 2).then(|| part.parse().ok()).flatten()
    };
    match parts.len() {
        2 => NaiveTime::from_hms_opt(number(0)?, number(1)?, 0),
        3 => NaiveTime::from_hms_opt(number(0)?, number(1)?, number(2)?),
        _ => None,
    }
}

/// Euros to cents: `1 234,50`, `1.234,50 €`, `49,9`, `49.90`, `49`.
pub fn euros_to_cents(text: &str) -> Result<u64, CellProblem> {
    let bad = || CellProblem::NotAnAmount(text.to_owned());
    let lowered = text.trim().to_lowercase();
    let without_unit = lowered.strip_suffix("eur").unwrap_or(&lowered);
    // Spaces (also the no-break spaces Excel uses between thousands) and the euro sign go.
    let cleaned: String = without_unit.chars().filter(|c| !c.is_whitespace() && *c != '€').collect();
    if cleaned.starts_with('-') {
        return Err(CellProblem::NegativeAmount(text.to_owned()));
    }
    let (whole, fraction) = if let Some((whole, fraction)) = cleaned.rsplit_once(',') {
        (whole.replace('.', ""), fraction.to_owned())
    } else {
        match cleaned.rsplit_once('.') {
            // One dot followed by one or two digits is a decimal point (49.90), else thousands (1.234).
            Some((whole, fraction)) if fraction.len() <= 2 && !whole.contains('.') => {
                (whole.to_owned(), fraction.to_owned())
            }
            _ => (cleaned.replace('.', ""), String::new()),
        }
    };
    if whole.is_empty() && fraction.is_empty() {
        return Err(bad());
    }
    if fraction.len() > 2 || !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let euros: u64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad())? };
    let cents: u64 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
    euros.checked_mul(100).and_then(|value| value.checked_add(cents)).ok_or_else(bad)
}

/// Cents as a Finn writes euros: `1 234,50 €`.
pub fn cents_to_euros(cents: u64) -> String {
    let euros = (cents / 100).to_string();
    let mut grouped = String::new();
    for (index, digit) in euros.chars().enumerate() {
        if index > 0 && (euros.len() - index).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(digit);
    }
    format!("{grouped},{:02}\u{a0}€", cents % 100)
}

/// The channel a complaint came through, in Finnish, Swedish or English.
pub fn channel(text: &str) -> Result<Channel, CellProblem> {
    let key = text.trim().to_lowercase();
    let channel = match key.as_str() {
        "puhelin" | "puh" | "puhelu" | "telefon" | "phone" | "telephone" | "call" => Channel::Phone,
        "tiski" | "palvelupiste" | "myymälä" | "paikan päällä" | "käynti" | "disk" | "counter" | "in person"
        | "store" | "shop" => Channel::Counter,
        "sähköposti" | "sposti" | "s-posti" | "e-posti" | "e-post" | "email" | "e-mail" | "mail" => Channel::Email,
        "chat" | "chatti" | "verkkochat" => Channel::Chat,
        "verkkolomake" | "lomake" | "palautelomake" | "webblankett" | "web form" | "web_form" | "webform" | "form" => {
            Channel::WebForm
        }
        "kirje" | "posti" | "brev" | "letter" => Channel::Letter,
        _ => return Err(CellProblem::UnknownChannel(text.trim().to_owned())),
    };
    Ok(channel)
}

/// The priority of a complaint, in Finnish, Swedish or English.
pub fn priority(text: &str) -> Result<Priority, CellProblem> {
    let priority = match text.trim().to_lowercase().as_str() {
        "matala" | "alhainen" | "låg" | "low" => Priority::Low,
        "normaali" | "tavallinen" | "normal" => Priority::Normal,
        "korkea" | "tärkeä" | "hög" | "high" => Priority::High,
        "kiireellinen" | "kiire" | "brådskande" | "urgent" => Priority::Urgent,
        _ => return Err(CellProblem::UnknownPriority(text.trim().to_owned())),
    };
    Ok(priority)
}

/// Yes or no, in Finnish, Swedish or English (`x` and `1` too, as ticked in a sheet).
pub fn yes_no(text: &str) -> Result<bool, CellProblem> {
    match text.trim().to_lowercase().as_str() {
        "kyllä" | "k" | "joo" | "x" | "1" | "ja" | "yes" | "y" | "true" => Ok(true),
        "ei" | "e" | "0" | "nej" | "no" | "n" | "false" => Ok(false),
        _ => Err(CellProblem::NotYesOrNo(text.trim().to_owned())),
    }
}

/// The basis of a compensation, as the lifecycle names it.
pub fn compensation_basis(text: &str) -> Result<CompensationBasis, CellProblem> {
    match text.trim().to_lowercase().as_str() {
        "sopimus" | "avtal" | "contract" => Ok(CompensationBasis::Contract),
        "kuluttajansuojalaki" | "kuluttajansuoja" | "konsumentskyddslagen" | "consumer law" | "consumer_law" => {
            Ok(CompensationBasis::ConsumerLaw)
        }
        "takuu" | "garanti" | "warranty" => Ok(CompensationBasis::Warranty),
        "hyvä tahto" | "hyvän tahdon ele" | "hyvitys" | "goodwill" => Ok(CompensationBasis::Goodwill),
        _ => Err(CellProblem::UnknownBasis(text.trim().to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn now() -> DateTime<Utc> {
        "2026-11-23T12:00:00Z".parse().expect("time")
    }

    #[rstest]
    #[case::date_only_winter("24.12.2025", "2025-12-23T22:00:00Z")]
    #[case::dot_time_winter("24.12.2025 14.30", "2025-12-24T12:30:00Z")]
    #[case::colon_time_summer("1.7.2025 14:30", "2025-07-01T11:30:00Z")]
    #[case::klo("01.07.2025 klo 9.05", "2025-07-01T06:05:00Z")]
    #[case::two_digit_year("24.12.25 8.00", "2025-12-24T06:00:00Z")]
    #[case::iso("2025-12-24 14:30:15", "2025-12-24T12:30:15Z")]
    #[case::autumn_repeated_hour_takes_the_first("26.10.2025 3.30", "2025-10-26T00:30:00Z")]
    #[case::rfc3339("2025-12-24T12:30:00Z", "2025-12-24T12:30:00Z")]
    fn finnish_dates_become_utc(#[case] text: &str, #[case] utc: &str) {
        let zone: Tz = "Europe/Helsinki".parse().expect("zone");
        assert_eq!(received_at(text, zone, now()).expect(text).to_rfc3339(), utc.replace('Z', "+00:00"));
    }

    #[rstest]
    #[case::month_13("24.13.2025", "not a date")]
    #[case::feb_30("30.2.2025", "not a date")]
    #[case::words("eilen", "not a date")]
    #[case::bad_time("24.12.2025 25.00", "time")]
    #[case::spring_gap("30.3.2025 3.30", "does not exist")]
    #[case::future("24.12.2030", "in the future")]
    #[case::before_1990("31.12.1989 23.59", "before 1990")]
    // Found by the cell_values fuzz target: RFC 3339 times skipped the two checks above.
    #[case::rfc3339_future("2027-12-24T12:30:00Z", "in the future")]
    #[case::rfc3339_before_1990("1989-12-31T21:59:00Z", "before 1990")]
    fn bad_dates_say_what_to_fix(#[case] text: &str, #[case] says: &str) {
        let zone: Tz = "Europe/Helsinki".parse().expect("zone");
        let error = received_at(text, zone, now()).expect_err(text).to_string();
        assert!(error.contains(says), "{error}");
    }

    #[rstest]
    #[case("49,90", 4990)]
    #[case("49,9", 4990)]
    #[case("1 234,50 €", 123_450)]
    #[case("1\u{a0}234,50", 123_450)]
    #[case("1.234,50", 123_450)]
    #[case("49.90", 4990)]
    #[case("1.234", 123_400)]
    #[case("120", 12_000)]
    #[case("0,5", 50)]
    fn decimal_commas(#[case] text: &str, #[case] cents: u64) {
        assert_eq!(euros_to_cents(text), Ok(cents));
    }

    #[rstest]
    #[case("49,905")]
    #[case("-5,00")]
    #[case("viisi")]
    #[case("")]
    fn bad_amounts(#[case] text: &str) {
        assert!(euros_to_cents(text).is_err(), "{text}");
    }

    /// The sentences a person sees beside the row and column, word for word.
    #[rstest]
    #[case::channel(channel("kirjekyyhky").err(), "'kirjekyyhky' is not a channel Lupaus knows; use puhelin, tiski, sähköposti, chat, verkkolomake or kirje.")]
    #[case::negative(euros_to_cents(" -5,00 ").err(), "' -5,00 ' is negative; an amount given to the customer is zero or more.")]
    #[case::yes_no(yes_no(" ehkä ").err(), "'ehkä' is not yes or no; write kyllä or ei.")]
    #[case::basis(compensation_basis("lahja").err(), "'lahja' is not a basis for compensation; use sopimus, kuluttajansuojalaki, takuu or hyvä tahto.")]
    #[case::skipped_hour(
        received_at(" 30.3.2025 3.30", chrono_tz::Europe::Helsinki, now()).err(),
        "30.3.2025 3.30 does not exist in Europe/Helsinki time: the clocks were moved forward then. Check the time."
    )]
    fn problems_read_as_sentences(#[case] problem: Option<CellProblem>, #[case] sentence: &str) {
        assert_eq!(problem.map(|problem| problem.to_string()).as_deref(), Some(sentence));
    }

    #[test]
    fn euros_are_written_the_finnish_way() {
        assert_eq!(cents_to_euros(123_450), "1\u{a0}234,50\u{a0}€");
        assert_eq!(cents_to_euros(4990), "49,90\u{a0}€");
        assert_eq!(euros_to_cents(&cents_to_euros(1_000_005)), Ok(1_000_005));
    }

    #[test]
    fn channels_in_three_languages() {
        assert_eq!(channel("Sähköposti"), Ok(Channel::Email));
        assert_eq!(channel("tiski"), Ok(Channel::Counter));
        assert_eq!(channel("letter"), Ok(Channel::Letter));
        assert!(channel("kirjekyyhky").is_err());
    }
}
