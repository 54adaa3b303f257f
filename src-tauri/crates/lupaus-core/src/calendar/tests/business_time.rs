use chrono::TimeDelta;
use rstest::rstest;

use super::{date, desk, hel, utc};
use crate::calendar::{CalendarSettings, DeskCalendar, OpeningHours, WeeklyHours};

#[rstest]
#[case::same_morning("2026-03-24 10:00", 60, "2026-03-24 11:00")]
#[case::fills_to_closing("2026-03-24 15:00", 60, "2026-03-24 16:00")]
#[case::one_minute_past_closing("2026-03-24 15:00", 61, "2026-03-25 08:01")]
#[case::before_opening("2026-03-24 07:00", 30, "2026-03-24 08:30")]
#[case::after_closing("2026-03-24 19:00", 30, "2026-03-25 08:30")]
#[case::zero_inside_hours("2026-03-24 10:00", 0, "2026-03-24 10:00")]
#[case::zero_at_closing("2026-03-24 16:00", 0, "2026-03-24 16:00")]
#[case::zero_on_saturday("2026-03-28 12:00", 0, "2026-03-30 08:00")]
#[case::over_the_weekend("2026-03-20 15:30", 60, "2026-03-23 08:30")]
#[case::over_easter("2026-04-02 15:00", 120, "2026-04-07 09:00")]
#[case::over_christmas("2026-12-23 15:00", 120, "2026-12-28 09:00")]
#[case::three_days_over_christmas("2026-12-21 10:00", 3 * 480, "2026-12-28 10:00")]
#[case::over_new_year_and_epiphany("2026-12-31 15:00", 60 + 2 * 480 + 60, "2027-01-07 09:00")]
#[case::over_midsummer("2026-06-18 15:00", 120, "2026-06-22 09:00")]
fn adding_business_minutes(#[case] start: &str, #[case] minutes: u32, #[case] expected: &str) {
    assert_eq!(desk().add_business_minutes(hel(start), minutes), hel(expected));
}

#[rstest]
// Friday 13:30 UTC is 15:30 EET; Monday 05:30 UTC is 08:30 EEST: 65 wall hours but 60 business minutes.
#[case::spring_forward("2026-03-27 13:30", 60, "2026-03-30 05:30")]
// Friday 12:30 UTC is 15:30 EEST; Monday 06:30 UTC is 08:30 EET.
#[case::fall_back("2026-10-23 12:30", 60, "2026-10-26 06:30")]
// A full business week from the Wednesday before the spring change.
#[case::week_over_spring_forward("2026-03-25 08:00", 5 * 480, "2026-04-01 07:00")]
fn adding_business_minutes_across_daylight_saving(#[case] start: &str, #[case] minutes: u32, #[case] expected: &str) {
    assert_eq!(desk().add_business_minutes(utc(start), minutes), utc(expected));
    assert_eq!(desk().business_minutes_between(utc(start), utc(expected)), i64::from(minutes));
}

#[rstest]
#[case::within_a_day("2026-03-24 11:00", 60, "2026-03-24 10:00")]
#[case::to_opening("2026-03-24 09:00", 60, "2026-03-24 08:00")]
#[case::to_the_day_before("2026-03-24 08:30", 60, "2026-03-23 15:30")]
#[case::over_spring_forward("2026-03-30 08:30", 60, "2026-03-27 15:30")]
#[case::over_easter("2026-04-07 09:00", 120, "2026-04-02 15:00")]
#[case::from_the_evening("2026-03-30 20:00", 60, "2026-03-30 15:00")]
#[case::zero_on_sunday("2026-03-29 12:00", 0, "2026-03-27 16:00")]
#[case::zero_inside_hours("2026-03-24 10:00", 0, "2026-03-24 10:00")]
fn subtracting_business_minutes(#[case] end: &str, #[case] minutes: u32, #[case] expected: &str) {
    assert_eq!(desk().sub_business_minutes(hel(end), minutes), hel(expected));
}

#[rstest]
#[case::monday_plus_two("2026-03-23 10:00", 2, "2026-03-25 16:00")]
#[case::said_before_opening("2026-03-23 07:00", 2, "2026-03-25 16:00")]
#[case::said_after_closing("2026-03-23 18:00", 2, "2026-03-25 16:00")]
#[case::friday_plus_one("2026-03-27 10:00", 1, "2026-03-30 16:00")]
#[case::saturday_plus_two("2026-03-28 12:00", 2, "2026-03-31 16:00")]
#[case::over_easter("2026-04-01 10:00", 2, "2026-04-07 16:00")]
#[case::over_christmas("2026-12-21 10:00", 3, "2026-12-28 16:00")]
#[case::zero_today("2026-03-24 10:00", 0, "2026-03-24 16:00")]
#[case::zero_after_closing("2026-03-24 17:00", 0, "2026-03-25 16:00")]
#[case::zero_on_good_friday("2026-04-03 10:00", 0, "2026-04-07 16:00")]
fn adding_business_days_ends_at_closing(#[case] start: &str, #[case] days: u32, #[case] expected: &str) {
    assert_eq!(desk().add_business_days(hel(start), days), hel(expected));
}

#[test]
fn business_days_skip_closure_days() {
    let calendar = desk().with_closure_days([date("2026-03-24")]);
    assert_eq!(calendar.add_business_days(hel("2026-03-23 10:00"), 1), hel("2026-03-25 16:00"));
    assert_eq!(calendar.add_business_minutes(hel("2026-03-23 15:00"), 120), hel("2026-03-25 09:00"));
    assert_eq!(calendar.sub_business_minutes(hel("2026-03-25 09:00"), 120), hel("2026-03-23 15:00"));
    assert_eq!(calendar.business_minutes_between(hel("2026-03-23 08:00"), hel("2026-03-26 08:00")), 2 * 480);
}

#[rstest]
#[case::spring_weekend("2026-03-27 15:00", "2026-03-30 09:00", 120)]
#[case::autumn_weekend("2026-10-23 15:00", "2026-10-26 09:00", 120)]
#[case::easter("2026-04-02 08:00", "2026-04-07 16:00", 2 * 480)]
#[case::christmas_week("2026-12-21 08:00", "2026-12-28 08:00", 3 * 480)]
#[case::backwards("2026-03-24 12:00", "2026-03-24 10:00", 0)]
#[case::same_instant("2026-03-24 12:00", "2026-03-24 12:00", 0)]
#[case::night_only("2026-03-24 16:00", "2026-03-25 08:00", 0)]
fn business_minutes_between(#[case] from: &str, #[case] to: &str, #[case] expected: i64) {
    assert_eq!(desk().business_minutes_between(hel(from), hel(to)), expected);
}

#[test]
fn seconds_are_kept_and_minutes_round_down() {
    let from = hel("2026-03-24 10:00") + TimeDelta::seconds(30);
    assert_eq!(desk().add_business_minutes(from, 1), from + TimeDelta::minutes(1));
    assert_eq!(desk().business_minutes_between(from, hel("2026-03-24 10:02")), 1);
    assert_eq!(desk().business_time_between(from, hel("2026-03-24 10:02")), TimeDelta::seconds(90));
}

/// Cairo moves its clocks on weekdays (spring forward at midnight into the last Friday of April),
/// which tests a daylight-saving change inside a business day that Helsinki never has.
fn cairo_midnight_desk() -> DeskCalendar {
    CalendarSettings {
        time_zone: "Africa/Cairo".into(),
        opening_hours: WeeklyHours::weekdays(OpeningHours { open: chrono::NaiveTime::MIN, close: hours(12) }),
        ..CalendarSettings::default()
    }
    .validate()
    .expect("valid")
}

fn hours(hour: u32) -> chrono::NaiveTime {
    chrono::NaiveTime::from_hms_opt(hour, 0, 0).expect("valid hour")
}

#[test]
fn a_day_shortened_by_spring_forward_has_an_hour_less_business_time() {
    let calendar = cairo_midnight_desk();
    // Friday 24 April 2026: 00:00 EET never happens; the desk opens when clocks show 01:00 EEST.
    let (open, close) = calendar.business_window(date("2026-04-24")).expect("a business day");
    assert_eq!((open, close), (utc("2026-04-23 22:00"), utc("2026-04-24 09:00")));
    assert_eq!(calendar.business_minutes_between(open - TimeDelta::hours(3), close + TimeDelta::hours(3)), 11 * 60);
    // The day before has its full twelve hours in winter time.
    let (open, close) = calendar.business_window(date("2026-04-23")).expect("a business day");
    assert_eq!(close - open, TimeDelta::hours(12));
    assert_eq!(calendar.add_business_minutes(utc("2026-04-23 22:00"), 11 * 60), utc("2026-04-24 09:00"));
    assert_eq!(calendar.add_business_minutes(utc("2026-04-23 22:00"), 11 * 60 + 1), utc("2026-04-26 21:01"));
}
