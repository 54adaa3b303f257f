use rstest::rstest;

use super::{date, desk, hel, utc};
use crate::calendar::{CalendarSettings, DeskCalendar, OpeningHours, WeeklyHours};

fn settings() -> CalendarSettings {
    CalendarSettings::default()
}

#[test]
fn default_desk_is_helsinki_office_hours() {
    let calendar = settings().validate().expect("defaults are valid");
    assert_eq!(calendar, DeskCalendar::default());
    assert_eq!(calendar.zone().name(), "Europe/Helsinki");
    assert_eq!(calendar.opening_hours().monday, OpeningHours::from_hours(8, 16));
    assert_eq!(calendar.opening_hours().saturday, None);
}

#[rstest]
#[case::unknown_zone(|s: &mut CalendarSettings| s.time_zone = "Europe/Helsinky".into(), "time_zone")]
#[case::empty_zone(|s: &mut CalendarSettings| s.time_zone = " ".into(), "time_zone")]
#[case::closes_before_opening(|s: &mut CalendarSettings| s.opening_hours.tuesday = OpeningHours::from_hours(16, 8), "opening_hours.tuesday")]
#[case::closes_as_it_opens(|s: &mut CalendarSettings| s.opening_hours.sunday = OpeningHours::from_hours(10, 10), "opening_hours.sunday")]
#[case::no_weekday_open(|s: &mut CalendarSettings| s.opening_hours = WeeklyHours { monday: None, tuesday: None, wednesday: None, thursday: None, friday: None, saturday: OpeningHours::from_hours(9, 15), sunday: None }, "opening_hours")]
fn invalid_settings_name_the_field(#[case] spoil: fn(&mut CalendarSettings), #[case] field: &str) {
    let mut bad = settings();
    spoil(&mut bad);
    let error = bad.validate().expect_err("must be refused");
    assert_eq!(error.code(), "invalid_input");
    assert_eq!(error.field(), Some(field));
    assert!(error.to_string().ends_with('.'), "a sentence: {error}");
}

#[test]
fn settings_round_trip_through_json_and_validate_on_the_way_in() {
    let calendar = desk().with_closure_days([date("2026-03-26")]);
    let json = serde_json::to_value(&calendar).expect("serialises");
    assert_eq!(json["time_zone"], "Europe/Helsinki");
    assert_eq!(json["opening_hours"]["monday"]["open"], "08:00:00");
    assert_eq!(json["opening_hours"]["saturday"], serde_json::Value::Null);
    assert_eq!(json["closure_days"][0], "2026-03-26");
    let back: DeskCalendar = serde_json::from_value(json.clone()).expect("reads back");
    assert_eq!(back, calendar);

    let mut broken = json;
    broken["time_zone"] = "Mars/Olympus".into();
    let error = serde_json::from_value::<DeskCalendar>(broken).expect_err("an invalid zone is refused");
    assert!(error.to_string().contains("not a time zone name"), "{error}");
}

#[test]
fn other_zones_are_accepted() {
    let calendar = CalendarSettings { time_zone: "Europe/Stockholm".into(), ..settings() }.validate().expect("valid");
    // 08:00 in Stockholm is 07:00 UTC in winter.
    assert_eq!(calendar.business_window(date("2026-01-07")).map(|window| window.0), Some(utc("2026-01-07 07:00")));
}

#[test]
fn weekend_hours_are_shown_but_not_business_time() {
    let mut with_saturday = settings();
    with_saturday.opening_hours.saturday = OpeningHours::from_hours(10, 14);
    let calendar = with_saturday.validate().expect("valid");
    assert!(!calendar.is_business_day(date("2026-03-28")));
    assert_eq!(calendar.business_minutes_between(hel("2026-03-28 00:00"), hel("2026-03-29 00:00")), 0);
}

#[test]
fn closure_days_are_not_business_days() {
    let calendar = desk().with_closure_days([date("2026-03-26")]);
    assert!(!calendar.is_business_day(date("2026-03-26")));
    assert!(calendar.is_closure_day(date("2026-03-26")));
    assert!(desk().is_business_day(date("2026-03-26")));
}

#[test]
fn a_day_closed_in_the_weekly_hours_is_not_a_business_day() {
    let mut no_wednesdays = settings();
    no_wednesdays.opening_hours.wednesday = None;
    let calendar = no_wednesdays.validate().expect("valid");
    assert!(!calendar.is_business_day(date("2026-03-25")));
    assert_eq!(calendar.add_business_minutes(hel("2026-03-24 15:00"), 120), hel("2026-03-26 09:00"));
}

#[test]
fn listing_days_for_the_cli() {
    let calendar = desk().with_closure_days([date("2026-04-07")]);
    let days = calendar.days(date("2026-04-02"), date("2026-04-08")).expect("a week");
    let summary: Vec<(String, bool, Option<String>, bool)> = days
        .iter()
        .map(|day| {
            (day.date.to_string(), day.business_day, day.holiday.as_ref().map(|name| name.en.clone()), day.closure)
        })
        .collect();
    let expected = [
        ("2026-04-02", true, None, false),
        ("2026-04-03", false, Some("Good Friday"), false),
        ("2026-04-04", false, None, false),
        ("2026-04-05", false, Some("Easter Sunday"), false),
        ("2026-04-06", false, Some("Easter Monday"), false),
        ("2026-04-07", false, None, true),
        ("2026-04-08", true, None, false),
    ];
    let expected: Vec<(String, bool, Option<String>, bool)> = expected
        .iter()
        .map(|(day, business, holiday, closure)| (day.to_string(), *business, holiday.map(str::to_owned), *closure))
        .collect();
    assert_eq!(summary, expected);
    let json = serde_json::to_value(&days[1]).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "date": "2026-04-03",
            "business_day": false,
            "holiday": { "fi": "Pitkäperjantai", "sv": "Långfredagen", "en": "Good Friday" },
            "closure": false
        })
    );
}

#[rstest]
#[case::backwards("2026-04-08", "2026-04-02")]
#[case::too_long("2026-01-01", "2036-12-31")]
fn listing_refuses_bad_ranges(#[case] from: &str, #[case] to: &str) {
    let error = desk().days(date(from), date(to)).expect_err("refused");
    assert_eq!(error.field(), Some("to"));
}

#[test]
fn a_single_day_lists_one_day() {
    assert_eq!(desk().days(date("2026-04-02"), date("2026-04-02")).expect("one").len(), 1);
}

#[rstest]
// Spring forward: 03:00 EET jumps to 04:00 EEST, so 03:30 does not exist and moves on by the gap.
#[case::in_the_spring_gap("2026-03-29 03:30", "2026-03-29 01:30")]
#[case::before_the_spring_gap("2026-03-29 02:59", "2026-03-29 00:59")]
#[case::after_the_spring_gap("2026-03-29 04:00", "2026-03-29 01:00")]
// Fall back: 03:30 happens twice; the earlier (EEST) one is taken.
#[case::twice_in_autumn("2026-10-25 03:30", "2026-10-25 00:30")]
#[case::after_the_autumn_hour("2026-10-25 04:00", "2026-10-25 02:00")]
#[case::winter("2026-01-15 08:00", "2026-01-15 06:00")]
#[case::summer("2026-07-15 08:00", "2026-07-15 05:00")]
fn local_readings_become_instants(#[case] local: &str, #[case] expected_utc: &str) {
    let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("well formed");
    assert_eq!(desk().instant_at(naive), utc(expected_utc));
}

#[test]
fn opening_instants_follow_daylight_saving() {
    // The Friday before the spring change opens at 06:00 UTC, the Monday after at 05:00 UTC.
    assert_eq!(desk().business_window(date("2026-03-27")), Some((utc("2026-03-27 06:00"), utc("2026-03-27 14:00"))));
    assert_eq!(desk().business_window(date("2026-03-30")), Some((utc("2026-03-30 05:00"), utc("2026-03-30 13:00"))));
    assert_eq!(desk().business_window(date("2026-10-23")), Some((utc("2026-10-23 05:00"), utc("2026-10-23 13:00"))));
    assert_eq!(desk().business_window(date("2026-10-26")), Some((utc("2026-10-26 06:00"), utc("2026-10-26 14:00"))));
    assert!(desk().is_open_at(utc("2026-03-30 13:00")), "closing time counts as open");
    assert!(!desk().is_open_at(utc("2026-03-30 13:01")));
    assert!(!desk().is_open_at(utc("2026-03-30 04:59")));
}
