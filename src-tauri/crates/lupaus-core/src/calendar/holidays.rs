//! Finnish public holidays and the customary non-working eves, computed offline for any year.
//!
//! The rules are those in force since 1991 (Epiphany and Ascension Day back on their own days,
//! Midsummer and All Saints' Day on Saturdays since 1955); they are applied to every year, since
//! the desk deals with the present, not with history.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether a day is an official public holiday or an eve that is customarily not worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Observance {
    PublicHoliday,
    /// Midsummer Eve and Christmas Eve: not official holidays, but shops and offices close.
    CustomaryEve,
}

/// A holiday's name in the desk's three languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct HolidayName {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl HolidayName {
    /// The names of `holidays` joined with " / ", or `None` when there are none.
    pub fn joined(holidays: &[Holiday]) -> Option<HolidayName> {
        let join = |pick: fn(&HolidayName) -> &str| {
            holidays.iter().map(|holiday| pick(&holiday.name)).collect::<Vec<_>>().join(" / ")
        };
        (!holidays.is_empty()).then(|| HolidayName {
            fi: join(|name| &name.fi),
            sv: join(|name| &name.sv),
            en: join(|name| &name.en),
        })
    }
}

/// Every day on which a Finnish desk is customarily closed on a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FinnishHoliday {
    NewYearsDay,
    Epiphany,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    MayDay,
    AscensionDay,
    WhitSunday,
    MidsummerEve,
    MidsummerDay,
    AllSaintsDay,
    IndependenceDay,
    ChristmasEve,
    ChristmasDay,
    StStephensDay,
}

/// One holiday in one year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Holiday {
    pub date: NaiveDate,
    pub holiday: FinnishHoliday,
    pub name: HolidayName,
    pub observance: Observance,
}

impl FinnishHoliday {
    /// In the order of the year, except that Ascension Day moves with Easter and can precede May Day.
    pub const ALL: [FinnishHoliday; 15] = [
        FinnishHoliday::NewYearsDay,
        FinnishHoliday::Epiphany,
        FinnishHoliday::GoodFriday,
        FinnishHoliday::EasterSunday,
        FinnishHoliday::EasterMonday,
        FinnishHoliday::MayDay,
        FinnishHoliday::AscensionDay,
        FinnishHoliday::WhitSunday,
        FinnishHoliday::MidsummerEve,
        FinnishHoliday::MidsummerDay,
        FinnishHoliday::AllSaintsDay,
        FinnishHoliday::IndependenceDay,
        FinnishHoliday::ChristmasEve,
        FinnishHoliday::ChristmasDay,
        FinnishHoliday::StStephensDay,
    ];

    /// Names in Finnish, Swedish and English.
    pub fn names(self) -> [&'static str; 3] {
        match self {
            FinnishHoliday::NewYearsDay => ["Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day"],
            FinnishHoliday::Epiphany => ["Loppiainen", "Trettondagen", "Epiphany"],
            FinnishHoliday::GoodFriday => ["Pitkäperjantai", "Långfredagen", "Good Friday"],
            FinnishHoliday::EasterSunday => ["Pääsiäispäivä", "Påskdagen", "Easter Sunday"],
            FinnishHoliday::EasterMonday => ["2. pääsiäispäivä", "Annandag påsk", "Easter Monday"],
            FinnishHoliday::MayDay => ["Vappu", "Första maj", "May Day"],
            FinnishHoliday::AscensionDay => ["Helatorstai", "Kristi himmelsfärdsdag", "Ascension Day"],
            FinnishHoliday::WhitSunday => ["Helluntaipäivä", "Pingst", "Whit Sunday"],
            FinnishHoliday::MidsummerEve => ["Juhannusaatto", "Midsommarafton", "Midsummer Eve"],
            FinnishHoliday::MidsummerDay => ["Juhannuspäivä", "Midsommardagen", "Midsummer Day"],
            FinnishHoliday::AllSaintsDay => ["Pyhäinpäivä", "Alla helgons dag", "All Saints' Day"],
            FinnishHoliday::IndependenceDay => ["Itsenäisyyspäivä", "Självständighetsdagen", "Independence Day"],
            FinnishHoliday::ChristmasEve => ["Jouluaatto", "Julafton", "Christmas Eve"],
            FinnishHoliday::ChristmasDay => ["Joulupäivä", "Juldagen", "Christmas Day"],
            FinnishHoliday::StStephensDay => ["Tapaninpäivä", "Annandag jul", "St Stephen's Day"],
        }
    }

    pub fn name(self) -> HolidayName {
        let [fi, sv, en] = self.names();
        HolidayName { fi: fi.to_owned(), sv: sv.to_owned(), en: en.to_owned() }
    }

    pub fn observance(self) -> Observance {
        match self {
            FinnishHoliday::MidsummerEve | FinnishHoliday::ChristmasEve => Observance::CustomaryEve,
            _ => Observance::PublicHoliday,
        }
    }

    /// The holiday's date in `year`; `None` only for years outside chrono's range.
    pub fn date_in(self, year: i32) -> Option<NaiveDate> {
        let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
        let after_easter = |days: u64| easter_sunday(year)?.checked_add_days(Days::new(days));
        match self {
            FinnishHoliday::NewYearsDay => fixed(1, 1),
            FinnishHoliday::Epiphany => fixed(1, 6),
            FinnishHoliday::GoodFriday => easter_sunday(year)?.checked_sub_days(Days::new(2)),
            FinnishHoliday::EasterSunday => easter_sunday(year),
            FinnishHoliday::EasterMonday => after_easter(1),
            FinnishHoliday::MayDay => fixed(5, 1),
            FinnishHoliday::AscensionDay => after_easter(39),
            FinnishHoliday::WhitSunday => after_easter(49),
            FinnishHoliday::MidsummerEve => first_weekday_from(fixed(6, 19)?, Weekday::Fri),
            FinnishHoliday::MidsummerDay => first_weekday_from(fixed(6, 20)?, Weekday::Sat),
            FinnishHoliday::AllSaintsDay => first_weekday_from(fixed(10, 31)?, Weekday::Sat),
            FinnishHoliday::IndependenceDay => fixed(12, 6),
            FinnishHoliday::ChristmasEve => fixed(12, 24),
            FinnishHoliday::ChristmasDay => fixed(12, 25),
            FinnishHoliday::StStephensDay => fixed(12, 26),
        }
    }

    fn on(self, date: NaiveDate) -> Option<Holiday> {
        (self.date_in(date.year()) == Some(date)).then(|| Holiday {
            date,
            holiday: self,
            name: self.name(),
            observance: self.observance(),
        })
    }
}

/// The first `weekday` in the seven days starting at `from`.
fn first_weekday_from(from: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from.checked_add_days(Days::new(ahead.into()))
}

/// Easter Sunday by the Gregorian computus (the anonymous algorithm of Meeus, Jones and Butcher).
/// `None` only for years outside chrono's range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Every holiday and customary eve of `year`, sorted by date.
pub fn holidays_in(year: i32) -> Vec<Holiday> {
    let mut holidays: Vec<Holiday> = FinnishHoliday::ALL
        .into_iter()
        .filter_map(|holiday| {
            let date = holiday.date_in(year)?;
            holiday.on(date)
        })
        .collect();
    // Stable, so two holidays on one day keep their official order.
    holidays.sort_by_key(|holiday| holiday.date);
    holidays
}

/// Whether `date` is a public holiday or customary eve. The same rules as
/// [`FinnishHoliday::date_in`], checked without building names or computing Easter for most
/// days, because every step of business-time arithmetic asks this.
pub fn is_holiday(date: NaiveDate) -> bool {
    let (month, day, weekday) = (date.month(), date.day(), date.weekday());
    let fixed = matches!((month, day), (1, 1) | (1, 6) | (5, 1) | (12, 6) | (12, 24..=26));
    let midsummer = month == 6
        && ((weekday == Weekday::Fri && (19..=25).contains(&day))
            || (weekday == Weekday::Sat && (20..=26).contains(&day)));
    let all_saints = weekday == Weekday::Sat && ((month == 10 && day == 31) || (month == 11 && day <= 6));
    if fixed || midsummer || all_saints {
        return true;
    }
    // Good Friday to Whit Sunday falls between 20 March and 13 June.
    if !(3..=6).contains(&month) {
        return false;
    }
    easter_sunday(date.year()).is_some_and(|easter| matches!((date - easter).num_days(), -2 | 0 | 1 | 39 | 49))
}

/// The holidays on `date`: usually none or one, two when Ascension Day falls on May Day.
pub fn holidays_on(date: NaiveDate) -> Vec<Holiday> {
    FinnishHoliday::ALL.into_iter().filter_map(|holiday| holiday.on(date)).collect()
}
