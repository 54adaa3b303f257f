use rstest::rstest;

use super::{desk, hel};
use crate::calendar::{BusinessSpan, CalendarSettings, OpeningHours, Pause, SlaClock, SlaTargets, WeeklyHours};
use crate::case::Priority;

fn pause(from: &str, until: Option<&str>) -> Pause {
    Pause { from: hel(from), until: until.map(hel) }
}

#[rstest]
#[case::no_pauses(vec![], 480, Some("2026-03-30 15:00"))]
#[case::paused_two_hours_on_monday(vec![pause("2026-03-30 09:00", Some("2026-03-30 11:00"))], 480, Some("2026-03-31 09:00"))]
#[case::overlapping_pauses_count_once(
    vec![pause("2026-03-30 09:00", Some("2026-03-30 11:00")), pause("2026-03-30 10:00", Some("2026-03-30 12:00"))],
    480,
    Some("2026-03-31 10:00")
)]
#[case::pause_over_the_weekend_changes_nothing(vec![pause("2026-03-27 17:00", Some("2026-03-30 07:00"))], 480, Some("2026-03-30 15:00"))]
#[case::still_waiting_on_the_customer(vec![pause("2026-03-30 09:00", None)], 480, None)]
#[case::waiting_only_after_the_target(vec![pause("2026-03-30 15:30", None)], 480, Some("2026-03-30 15:00"))]
#[case::target_reached_as_the_pause_begins(vec![pause("2026-03-30 15:00", None)], 480, Some("2026-03-30 15:00"))]
#[case::inverted_pause_is_ignored(vec![pause("2026-03-30 11:00", Some("2026-03-30 09:00"))], 480, Some("2026-03-30 15:00"))]
#[case::pause_before_receipt_is_ignored(vec![pause("2026-03-26 09:00", Some("2026-03-27 12:00"))], 480, Some("2026-03-30 15:00"))]
#[case::pause_covering_receipt(vec![pause("2026-03-27 14:00", Some("2026-03-30 10:00"))], 480, Some("2026-03-31 10:00"))]
#[case::zero_target(vec![], 0, Some("2026-03-27 15:00"))]
fn sla_due_with_pauses(#[case] pauses: Vec<Pause>, #[case] target: u32, #[case] expected: Option<&str>) {
    // Received Friday 15:00 before the spring change; 60 minutes on Friday, the rest from Monday 08:00.
    let received = hel("2026-03-27 15:00");
    let due = desk().sla_due(received, &pauses, target);
    assert_eq!(due, expected.map(hel));
    if let Some(due) = due {
        assert_eq!(desk().business_time_excluding(received, due, &pauses).num_minutes(), i64::from(target));
    }
}

#[test]
fn elapsed_sla_time_leaves_out_pauses() {
    let pauses = [pause("2026-04-01 10:00", Some("2026-04-07 10:00"))];
    // Wednesday 08:00–10:00 runs, Easter and the pause stop it, Tuesday 10:00–16:00 runs.
    let elapsed = desk().business_time_excluding(hel("2026-04-01 08:00"), hel("2026-04-08 08:00"), &pauses);
    assert_eq!(elapsed.num_minutes(), 120 + 360);
}

#[test]
fn default_targets_are_valid_and_tighten_with_priority() {
    let targets = SlaTargets::default();
    targets.validate().expect("defaults are valid");
    for clock in [SlaClock::FirstResponse, SlaClock::Remedy, SlaClock::Close] {
        let minutes: Vec<u32> =
            Priority::ALL.iter().map(|priority| targets.for_priority(*priority).minutes(clock)).collect();
        assert!(minutes.windows(2).all(|pair| pair[0] > pair[1]), "{clock:?}: {minutes:?}");
    }
    assert_eq!(targets.for_priority(Priority::Urgent).first_response_minutes, 60);
}

#[rstest]
#[case::zero(|t: &mut SlaTargets| t.high.first_response_minutes = 0, "high.first_response_minutes")]
#[case::absurd(|t: &mut SlaTargets| t.low.close_minutes = 10_000_000, "low.close_minutes")]
#[case::remedy_before_response(|t: &mut SlaTargets| t.urgent.remedy_minutes = 30, "urgent.remedy_minutes")]
#[case::close_before_remedy(|t: &mut SlaTargets| t.normal.close_minutes = 600, "normal.close_minutes")]
fn invalid_targets_name_the_field(#[case] spoil: fn(&mut SlaTargets), #[case] field: &str) {
    let mut targets = SlaTargets::default();
    spoil(&mut targets);
    let error = targets.validate().expect_err("refused");
    assert_eq!(error.field(), Some(field));
}

#[test]
fn urgent_case_received_before_easter() {
    let target = SlaTargets::default().for_priority(Priority::Urgent);
    let received = hel("2026-04-02 15:30");
    let due = desk().sla_due(received, &[], target.remedy_minutes);
    assert_eq!(due, Some(hel("2026-04-07 15:30")));
}

#[rstest]
#[case::hours_with_a_buffer("2026-03-24 10:07", BusinessSpan::Hours(2), BusinessSpan::Minutes(30), "2026-03-24 12:45")]
#[case::hours_into_tomorrow("2026-03-24 15:50", BusinessSpan::Hours(1), BusinessSpan::Minutes(0), "2026-03-25 09:00")]
#[case::days("2026-03-23 10:00", BusinessSpan::Days(2), BusinessSpan::Minutes(0), "2026-03-25 16:00")]
#[case::days_and_an_hour("2026-03-23 10:00", BusinessSpan::Days(2), BusinessSpan::Minutes(60), "2026-03-26 09:00")]
#[case::days_and_a_day("2026-03-23 10:00", BusinessSpan::Days(2), BusinessSpan::Days(1), "2026-03-26 16:00")]
#[case::nothing_on_saturday("2026-03-28 12:00", BusinessSpan::Hours(0), BusinessSpan::Minutes(0), "2026-03-30 08:00")]
#[case::over_easter("2026-04-02 15:00", BusinessSpan::Hours(4), BusinessSpan::Minutes(30), "2026-04-07 11:30")]
#[case::over_spring_forward("2026-03-27 15:10", BusinessSpan::Hours(1), BusinessSpan::Minutes(20), "2026-03-30 08:30")]
#[case::rounds_up_to_closing(
    "2026-03-24 15:50",
    BusinessSpan::Minutes(5),
    BusinessSpan::Minutes(0),
    "2026-03-24 16:00"
)]
fn suggesting_a_due_time(
    #[case] now: &str,
    #[case] within: BusinessSpan,
    #[case] buffer: BusinessSpan,
    #[case] expected: &str,
) {
    let due = desk().suggest_due(hel(now), within, buffer);
    assert_eq!(due, hel(expected));
    assert!(desk().is_open_at(due));
}

#[test]
fn a_suggestion_never_rounds_past_an_odd_closing_time() {
    let odd = CalendarSettings {
        opening_hours: WeeklyHours::weekdays(OpeningHours {
            open: chrono::NaiveTime::from_hms_opt(8, 0, 0).expect("valid"),
            close: chrono::NaiveTime::from_hms_opt(16, 10, 0).expect("valid"),
        }),
        ..CalendarSettings::default()
    }
    .validate()
    .expect("valid");
    let due = odd.suggest_due(hel("2026-03-24 16:00"), BusinessSpan::Minutes(5), BusinessSpan::Minutes(0));
    assert_eq!(due, hel("2026-03-24 16:10"));
}

#[test]
fn spans_serialise_as_the_ui_sends_them() {
    let json = serde_json::to_value(BusinessSpan::Days(2)).expect("serialises");
    assert_eq!(json, serde_json::json!({ "days": 2 }));
}
