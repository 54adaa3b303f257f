//! What agents type in the due field, read against a fixed "now" on the default desk
//! (Helsinki, Monday–Friday 08:00–16:00). Expected instants are in UTC, worked out by hand, so
//! the DST weeks check the conversion rather than trust it.

use rstest::rstest;

use super::{desk, hel, utc};
use crate::calendar::{next_opening_if_closed, read_due_text};

/// Monday 7 December 2026, 10:00 in Helsinki (UTC+2).
const MONDAY: &str = "2026-12-07 10:00";

#[rstest]
// Weekdays in three languages, full and short: by the end of that day's opening hours.
#[case::pe(MONDAY, "pe", "2026-12-11 14:00")]
#[case::perjantai(MONDAY, "Perjantai", "2026-12-11 14:00")]
#[case::perjantaina(MONDAY, "perjantaina", "2026-12-11 14:00")]
#[case::fre(MONDAY, "fre", "2026-12-11 14:00")]
#[case::fredag(MONDAY, "fredag", "2026-12-11 14:00")]
#[case::fri(MONDAY, "fri", "2026-12-11 14:00")]
#[case::friday(MONDAY, "Friday", "2026-12-11 14:00")]
#[case::ti(MONDAY, "ti", "2026-12-08 14:00")]
#[case::to_is_thursday(MONDAY, "to", "2026-12-10 14:00")]
#[case::tors(MONDAY, "tors", "2026-12-10 14:00")]
#[case::weekday_with_time(MONDAY, "pe 12", "2026-12-11 10:00")]
#[case::weekday_with_klo(MONDAY, "pe klo 14.30", "2026-12-11 12:30")]
#[case::weekday_with_kl(MONDAY, "fre kl. 9", "2026-12-11 07:00")]
#[case::weekday_with_at(MONDAY, "fri at 15:45", "2026-12-11 13:45")]
// Today's weekday: today while its closing time is ahead, next week once it has passed.
#[case::today_weekday(MONDAY, "ma", "2026-12-07 14:00")]
#[case::today_weekday_after_close("2026-12-07 17:00", "ma", "2026-12-14 14:00")]
#[case::today_weekday_hour_passed(MONDAY, "ma 9", "2026-12-14 07:00")]
// Relative days.
#[case::huomenna(MONDAY, "huomenna", "2026-12-08 14:00")]
#[case::huomenna_klo(MONDAY, "huomenna klo 9", "2026-12-08 07:00")]
#[case::imorgon(MONDAY, "i morgon", "2026-12-08 14:00")]
#[case::tomorrow(MONDAY, "tomorrow 11", "2026-12-08 09:00")]
#[case::tanaan(MONDAY, "tänään 15", "2026-12-07 13:00")]
#[case::time_alone(MONDAY, "klo 15", "2026-12-07 13:00")]
// Dates as Finns and Finland-Swedes write them.
#[case::day_month(MONDAY, "11.12.", "2026-12-11 14:00")]
#[case::day_month_no_dot(MONDAY, "11.12", "2026-12-11 14:00")]
#[case::day_month_hour(MONDAY, "11.12. 14", "2026-12-11 12:00")]
#[case::full_date_time(MONDAY, "11.12.2026 16.00", "2026-12-11 14:00")]
#[case::full_date_colon(MONDAY, "11.12.2026 16:00", "2026-12-11 14:00")]
#[case::short_year(MONDAY, "11.12.26 8.15", "2026-12-11 06:15")]
#[case::iso(MONDAY, "2026-12-11 16:00", "2026-12-11 14:00")]
#[case::next_year_without_year(MONDAY, "5.1.", "2027-01-05 14:00")]
#[case::comma_between(MONDAY, "pe, 14", "2026-12-11 12:00")]
// A day the desk is closed: the usual closing time, and the due-hours check warns about it.
#[case::saturday(MONDAY, "la", "2026-12-12 14:00")]
// Holidays: Independence Day (6.12.) is a Sunday in 2026; Christmas Eve is closed: usual close.
#[case::christmas_eve(MONDAY, "24.12.", "2026-12-24 14:00")]
fn reads_what_agents_type(#[case] now: &str, #[case] typed: &str, #[case] expected_utc: &str) {
    assert_eq!(read_due_text(typed, hel(now), &desk()).expect(typed), utc(expected_utc), "{typed}");
}

#[rstest]
// Spring forward: 29 March 2026 at 03:00 Helsinki becomes 04:00 (UTC+2 → UTC+3).
#[case::friday_before_the_change("2026-03-23 10:00", "pe", "2026-03-27 14:00")]
#[case::friday_after_the_change("2026-03-27 17:00", "pe", "2026-04-03 13:00")]
#[case::monday_after_the_change("2026-03-27 10:00", "ma 9", "2026-03-30 06:00")]
#[case::inside_the_missing_hour("2026-03-27 10:00", "29.3. 3.30", "2026-03-29 01:30")]
// Fall back: 25 October 2026 at 04:00 Helsinki becomes 03:00 (UTC+3 → UTC+2).
#[case::friday_before_fall_back("2026-10-19 10:00", "fre", "2026-10-23 13:00")]
#[case::monday_after_fall_back("2026-10-23 10:00", "mån 14", "2026-10-26 12:00")]
#[case::repeated_hour_takes_the_first("2026-10-23 10:00", "25.10. 3.30", "2026-10-25 00:30")]
fn reads_across_daylight_saving_changes(#[case] now: &str, #[case] typed: &str, #[case] expected_utc: &str) {
    assert_eq!(read_due_text(typed, hel(now), &desk()).expect(typed), utc(expected_utc), "{typed}");
}

#[rstest]
#[case::nonsense("ensi viikolla", "due_text_unreadable")]
#[case::no_such_date("31.2.", "due_text_unreadable")]
#[case::no_such_hour("pe 25", "due_text_unreadable")]
#[case::bad_minutes("pe 14.5", "due_text_unreadable")]
#[case::trailing_words("pe 14 tai 15", "due_text_unreadable")]
#[case::empty("   ", "required")]
#[case::past_today("tänään 9", "promise_due_in_past")]
#[case::past_date("7.12.2026 8.00", "promise_due_in_past")]
fn says_what_it_cannot_read(#[case] typed: &str, #[case] reason: &str) {
    let error = read_due_text(typed, hel(MONDAY), &desk()).expect_err(typed);
    assert_eq!(
        (error.code(), error.field(), error.reason()),
        ("invalid_input", Some("due_text"), Some(reason)),
        "{typed}"
    );
}

#[rstest]
#[case::inside("2026-12-11 12:00", None)]
#[case::at_closing_time("2026-12-11 16:00", None)]
#[case::at_opening_time("2026-12-11 08:00", None)]
#[case::evening("2026-12-11 19:00", Some("2026-12-14 08:00"))]
#[case::sunday_early("2026-12-13 04:15", Some("2026-12-14 08:00"))]
#[case::before_opening("2026-12-08 07:00", Some("2026-12-08 08:00"))]
#[case::christmas_eve("2026-12-24 12:00", Some("2026-12-28 08:00"))]
fn a_due_time_outside_opening_hours_offers_the_next_opening(#[case] due: &str, #[case] next: Option<&str>) {
    assert_eq!(next_opening_if_closed(hel(due), &desk()), next.map(hel), "{due}");
}

#[test]
fn outside_hours_needs_the_agents_confirmation() {
    use crate::calendar::check_opening_hours;
    let sunday = hel("2026-12-13 04:15");
    let error = check_opening_hours("due_at", sunday, false, &desk()).expect_err("unconfirmed");
    assert_eq!((error.field(), error.reason()), (Some("due_at"), Some("due_outside_hours")));
    assert_eq!(error.params(), vec![("next_opening", "2026-12-14T06:00:00+00:00".to_owned())]);
    assert!(error.to_string().contains("14.12.2026 08.00"), "{error}");
    assert!(check_opening_hours("due_at", sunday, true, &desk()).is_ok(), "confirmed");
    assert!(check_opening_hours("due_at", hel("2026-12-11 16:00"), false, &desk()).is_ok(), "by closing time");
}

#[rstest]
// Monday morning: Monday to Friday of this week and next week, each at closing time.
#[case::monday(MONDAY, 10, "2026-12-07 16:00", "2026-12-18 16:00")]
// Friday evening: this week is over, next week remains.
#[case::friday_evening("2026-12-11 17:00", 5, "2026-12-14 16:00", "2026-12-18 16:00")]
// Sunday: the week ahead only (Sunday counts as the end of this week).
#[case::sunday("2026-12-13 12:00", 5, "2026-12-14 16:00", "2026-12-18 16:00")]
// Christmas week: Christmas Eve, Christmas Day, Boxing Day and New Year’s Day are not business days.
#[case::christmas("2026-12-21 09:00", 7, "2026-12-21 16:00", "2026-12-31 16:00")]
fn weekday_buttons_cover_this_week_and_next(
    #[case] now: &str,
    #[case] count: usize,
    #[case] first: &str,
    #[case] last: &str,
) {
    let choices = crate::calendar::weekday_choices(hel(now), &desk());
    assert_eq!(choices.len(), count, "{choices:?}");
    assert_eq!((choices[0], *choices.last().expect("some")), (hel(first), hel(last)));
}
