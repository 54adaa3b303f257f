use chrono::{Datelike, Weekday};
use rstest::rstest;

use super::{date, desk};
use crate::calendar::{FinnishHoliday, Observance, easter_sunday, holidays_in, holidays_on, is_holiday};

#[rstest]
#[case(1818, "1818-03-22")]
#[case(1943, "1943-04-25")]
#[case(2000, "2000-04-23")]
#[case(2008, "2008-03-23")]
#[case(2011, "2011-04-24")]
#[case(2019, "2019-04-21")]
#[case(2020, "2020-04-12")]
#[case(2021, "2021-04-04")]
#[case(2022, "2022-04-17")]
#[case(2023, "2023-04-09")]
#[case(2024, "2024-03-31")]
#[case(2025, "2025-04-20")]
#[case(2026, "2026-04-05")]
#[case(2027, "2027-03-28")]
#[case(2028, "2028-04-16")]
#[case(2029, "2029-04-01")]
#[case(2030, "2030-04-21")]
#[case(2031, "2031-04-13")]
#[case(2032, "2032-03-28")]
#[case(2035, "2035-03-25")]
#[case(2038, "2038-04-25")]
#[case(2040, "2040-04-01")]
#[case(2100, "2100-03-28")]
#[case(2285, "2285-03-22")]
fn easter_sunday_by_the_gregorian_computus(#[case] year: i32, #[case] expected: &str) {
    assert_eq!(easter_sunday(year), Some(date(expected)));
}

#[rstest]
#[case(FinnishHoliday::GoodFriday, 2026, "2026-04-03")]
#[case(FinnishHoliday::EasterMonday, 2026, "2026-04-06")]
#[case(FinnishHoliday::GoodFriday, 2024, "2024-03-29")]
#[case(FinnishHoliday::EasterMonday, 2024, "2024-04-01")]
#[case(FinnishHoliday::AscensionDay, 2024, "2024-05-09")]
#[case(FinnishHoliday::AscensionDay, 2025, "2025-05-29")]
#[case(FinnishHoliday::AscensionDay, 2026, "2026-05-14")]
#[case(FinnishHoliday::AscensionDay, 2008, "2008-05-01")]
#[case(FinnishHoliday::WhitSunday, 2025, "2025-06-08")]
#[case(FinnishHoliday::WhitSunday, 2026, "2026-05-24")]
#[case(FinnishHoliday::MidsummerEve, 2024, "2024-06-21")]
#[case(FinnishHoliday::MidsummerEve, 2025, "2025-06-20")]
#[case(FinnishHoliday::MidsummerEve, 2026, "2026-06-19")]
#[case(FinnishHoliday::MidsummerEve, 2027, "2027-06-25")]
#[case(FinnishHoliday::MidsummerEve, 2031, "2031-06-20")]
#[case(FinnishHoliday::MidsummerDay, 2026, "2026-06-20")]
#[case(FinnishHoliday::MidsummerDay, 2027, "2027-06-26")]
#[case(FinnishHoliday::AllSaintsDay, 2023, "2023-11-04")]
#[case(FinnishHoliday::AllSaintsDay, 2024, "2024-11-02")]
#[case(FinnishHoliday::AllSaintsDay, 2025, "2025-11-01")]
#[case(FinnishHoliday::AllSaintsDay, 2026, "2026-10-31")]
#[case(FinnishHoliday::AllSaintsDay, 2027, "2027-11-06")]
#[case(FinnishHoliday::Epiphany, 2026, "2026-01-06")]
#[case(FinnishHoliday::MayDay, 2026, "2026-05-01")]
#[case(FinnishHoliday::IndependenceDay, 2026, "2026-12-06")]
#[case(FinnishHoliday::ChristmasEve, 2026, "2026-12-24")]
#[case(FinnishHoliday::StStephensDay, 2026, "2026-12-26")]
fn holiday_dates(#[case] holiday: FinnishHoliday, #[case] year: i32, #[case] expected: &str) {
    assert_eq!(holiday.date_in(year), Some(date(expected)));
}

#[test]
fn the_year_2026_in_full() {
    let listed: Vec<(String, &str)> =
        holidays_in(2026).into_iter().map(|holiday| (holiday.date.to_string(), holiday.holiday.names()[0])).collect();
    let expected = [
        ("2026-01-01", "Uudenvuodenpäivä"),
        ("2026-01-06", "Loppiainen"),
        ("2026-04-03", "Pitkäperjantai"),
        ("2026-04-05", "Pääsiäispäivä"),
        ("2026-04-06", "2. pääsiäispäivä"),
        ("2026-05-01", "Vappu"),
        ("2026-05-14", "Helatorstai"),
        ("2026-05-24", "Helluntaipäivä"),
        ("2026-06-19", "Juhannusaatto"),
        ("2026-06-20", "Juhannuspäivä"),
        ("2026-10-31", "Pyhäinpäivä"),
        ("2026-12-06", "Itsenäisyyspäivä"),
        ("2026-12-24", "Jouluaatto"),
        ("2026-12-25", "Joulupäivä"),
        ("2026-12-26", "Tapaninpäivä"),
    ];
    let expected: Vec<(String, &str)> = expected.iter().map(|(day, name)| (day.to_string(), *name)).collect();
    assert_eq!(listed, expected);
}

#[test]
fn the_eves_are_customary_and_the_rest_official() {
    let eves: Vec<FinnishHoliday> =
        FinnishHoliday::ALL.into_iter().filter(|holiday| holiday.observance() == Observance::CustomaryEve).collect();
    assert_eq!(eves, [FinnishHoliday::MidsummerEve, FinnishHoliday::ChristmasEve]);
    let name = FinnishHoliday::ChristmasEve.name();
    assert_eq!((name.fi.as_str(), name.sv.as_str(), name.en.as_str()), ("Jouluaatto", "Julafton", "Christmas Eve"));
    let name = FinnishHoliday::IndependenceDay.name();
    assert_eq!((name.sv.as_str(), name.en.as_str()), ("Självständighetsdagen", "Independence Day"));
}

#[test]
fn ascension_day_on_may_day_2008_is_listed_once_with_both_names() {
    let both = holidays_on(date("2008-05-01"));
    let kinds: Vec<FinnishHoliday> = both.iter().map(|holiday| holiday.holiday).collect();
    assert_eq!(kinds, [FinnishHoliday::MayDay, FinnishHoliday::AscensionDay]);
    let days = desk().days(date("2008-05-01"), date("2008-05-01")).expect("one day");
    let name = days[0].holiday.clone().expect("a holiday");
    assert_eq!(name.fi, "Vappu / Helatorstai");
    assert_eq!(name.en, "May Day / Ascension Day");
    // The year's list is still in date order although Ascension Day comes after May Day in ALL.
    let dates: Vec<_> = holidays_in(2008).iter().map(|holiday| holiday.date).collect();
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]));
}

#[test]
fn ascension_day_before_may_day_keeps_the_year_sorted() {
    // Easter 2285 is 22 March, the earliest possible, so Ascension Day is 30 April.
    let year = holidays_in(2285);
    let ascension = year.iter().position(|holiday| holiday.holiday == FinnishHoliday::AscensionDay);
    let may_day = year.iter().position(|holiday| holiday.holiday == FinnishHoliday::MayDay);
    assert_eq!(FinnishHoliday::AscensionDay.date_in(2285), Some(date("2285-04-30")));
    assert!(ascension < may_day);
}

#[test]
fn moving_holidays_keep_their_rules_for_centuries() {
    for year in 1583..=3000 {
        let easter = easter_sunday(year).expect("in range");
        assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
        assert!((date(&format!("{year}-03-22"))..=date(&format!("{year}-04-25"))).contains(&easter), "{year}");
        let eve = FinnishHoliday::MidsummerEve.date_in(year).expect("in range");
        assert_eq!((eve.weekday(), eve.month()), (Weekday::Fri, 6), "{year}");
        assert!((19..=25).contains(&eve.day()), "{year}");
        assert_eq!(FinnishHoliday::MidsummerDay.date_in(year), eve.succ_opt(), "{year}");
        let saints = FinnishHoliday::AllSaintsDay.date_in(year).expect("in range");
        assert_eq!(saints.weekday(), Weekday::Sat, "{year}");
        assert!(saints >= date(&format!("{year}-10-31")) && saints <= date(&format!("{year}-11-06")), "{year}");
        assert_eq!(holidays_in(year).len(), 15, "{year}");
    }
}

#[rstest]
#[case::good_friday("2026-04-03", false)]
#[case::easter_monday("2026-04-06", false)]
#[case::tuesday_after_easter("2026-04-07", true)]
#[case::maundy_thursday("2026-04-02", true)]
#[case::saturday("2026-04-04", false)]
#[case::may_day("2026-05-01", false)]
#[case::ascension("2026-05-14", false)]
#[case::midsummer_eve("2026-06-19", false)]
#[case::day_before_midsummer_eve("2026-06-18", true)]
#[case::epiphany("2026-01-06", false)]
#[case::new_years_eve_is_worked("2026-12-31", true)]
#[case::christmas_eve("2026-12-24", false)]
#[case::day_before_christmas_eve("2026-12-23", true)]
#[case::monday_after_independence_day_on_sunday("2026-12-07", true)]
#[case::independence_day_on_a_weekday("2027-12-06", false)]
#[case::plain_monday("2026-03-30", true)]
fn business_days(#[case] day: &str, #[case] expected: bool) {
    assert_eq!(desk().is_business_day(date(day)), expected, "{day}");
    assert!(!(is_holiday(date(day)) && expected), "a holiday is never a business day");
}

#[test]
fn finland_has_252_business_days_in_2026() {
    // 261 weekdays, less nine holidays and eves on weekdays.
    let days = desk().days(date("2026-01-01"), date("2026-12-31")).expect("a year");
    assert_eq!(days.len(), 365);
    assert_eq!(days.iter().filter(|day| day.business_day).count(), 252);
    let minutes = desk().business_minutes_between(super::hel("2026-01-01 00:00"), super::hel("2027-01-01 00:00"));
    assert_eq!(minutes, 252 * 8 * 60);
}

#[test]
fn the_quick_holiday_check_agrees_with_the_full_rules() {
    for day in date("1900-01-01").iter_days().take_while(|day| day.year() < 2200) {
        assert_eq!(is_holiday(day), !holidays_on(day).is_empty(), "{day}");
    }
}
