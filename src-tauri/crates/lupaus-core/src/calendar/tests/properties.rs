//! Properties of business-time arithmetic over random instants, amounts and desks.

use std::collections::BTreeSet;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc};
use proptest::prelude::*;

use crate::calendar::{BusinessSpan, CalendarSettings, DeskCalendar, OpeningHours, Pause, WeeklyHours};

/// Any minute from 2024 to 2031, which covers sixteen daylight-saving changes.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let start = DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").expect("valid").with_timezone(&Utc);
    (0i64..8 * 365 * 24 * 60).prop_map(move |minutes| start + TimeDelta::minutes(minutes))
}

/// Desks in a few zones, with random weekday hours, some days closed and some closure days.
fn calendar() -> impl Strategy<Value = DeskCalendar> {
    let zone = prop::sample::select(vec!["Europe/Helsinki", "Europe/Stockholm", "America/New_York", "Africa/Cairo"]);
    let hours = (0u32..14 * 4, 1u32..10 * 4).prop_map(|(open, length)| {
        let open_minutes = open * 15;
        let close_minutes = (open_minutes + length * 15).min(23 * 60 + 59);
        OpeningHours {
            open: NaiveTime::from_hms_opt(open_minutes / 60, open_minutes % 60, 0).expect("valid"),
            close: NaiveTime::from_hms_opt(close_minutes / 60, close_minutes % 60, 0).expect("valid"),
        }
    });
    let closures = prop::collection::btree_set(0u64..8 * 365, 0..40);
    (zone, hours, prop::collection::vec(any::<bool>(), 5), closures).prop_map(|(zone, hours, open_days, closures)| {
        let day = |index: usize| (open_days[index] || index == 2).then_some(hours);
        let epoch = NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid");
        CalendarSettings {
            time_zone: zone.to_owned(),
            opening_hours: WeeklyHours {
                monday: day(0),
                tuesday: day(1),
                wednesday: day(2),
                thursday: day(3),
                friday: day(4),
                saturday: None,
                sunday: None,
            },
            closure_days: closures.into_iter().map(|offset| epoch + Days::new(offset)).collect::<BTreeSet<_>>(),
        }
        .validate()
        .expect("generated settings are valid")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn adding_then_measuring_gives_back_the_minutes(calendar in calendar(), start in instant(), minutes in 0u32..6_000) {
        let end = calendar.add_business_minutes(start, minutes);
        prop_assert!(end >= start);
        prop_assert!(calendar.is_open_at(end), "{end} is outside opening hours");
        prop_assert_eq!(calendar.business_time_between(start, end), TimeDelta::minutes(minutes.into()));
        // The earliest such instant: a minute earlier, the business time is short.
        if minutes > 0 {
            prop_assert!(calendar.business_time_between(start, end - TimeDelta::minutes(1)) < TimeDelta::minutes(minutes.into()));
        }
    }

    #[test]
    fn subtracting_mirrors_adding(calendar in calendar(), end in instant(), minutes in 0u32..6_000) {
        let start = calendar.sub_business_minutes(end, minutes);
        prop_assert!(start <= end);
        prop_assert!(calendar.is_open_at(start), "{start} is outside opening hours");
        prop_assert_eq!(calendar.business_time_between(start, end), TimeDelta::minutes(minutes.into()));
        // Adding back reaches `end`, or the closing time before it when `end` is outside opening hours.
        let back = calendar.add_business_minutes(start, minutes);
        prop_assert!(back <= end);
        prop_assert_eq!(calendar.business_time_between(back, end), TimeDelta::zero());
    }

    #[test]
    fn business_time_adds_up(calendar in calendar(), a in instant(), b in instant(), c in instant()) {
        let mut points = [a, b, c];
        points.sort();
        let [a, b, c] = points;
        prop_assert_eq!(
            calendar.business_time_between(a, b) + calendar.business_time_between(b, c),
            calendar.business_time_between(a, c)
        );
        prop_assert!(calendar.business_time_between(a, c) <= c - a);
    }

    #[test]
    fn business_days_end_at_a_business_day_closing(calendar in calendar(), start in instant(), days in 0u32..30) {
        let end = calendar.add_business_days(start, days);
        let date = calendar.local_date(end);
        prop_assert!(calendar.is_business_day(date));
        prop_assert_eq!(calendar.business_window(date).map(|window| window.1), Some(end));
        prop_assert!(end >= start);
        // Exactly `days` business days lie after the start's date up to and including the last.
        let counted = calendar.local_date(start).iter_days().skip(1).take_while(|day| *day <= date)
            .filter(|day| calendar.is_business_day(*day)).count();
        // With zero days the end is today's closing, or the next business day's if today has none left.
        let expected = if days == 0 { usize::from(calendar.local_date(start) != date) } else { days as usize };
        prop_assert_eq!(counted, expected);
    }

    #[test]
    fn sla_due_meets_the_target_exactly(
        calendar in calendar(),
        received in instant(),
        target in 1u32..5_000,
        pauses in prop::collection::vec((0i64..20 * 24 * 60, 0i64..5 * 24 * 60, any::<bool>()), 0..4),
    ) {
        let pauses: Vec<Pause> = pauses.into_iter().map(|(offset, length, open_ended)| Pause {
            from: received + TimeDelta::minutes(offset - 24 * 60),
            until: (!open_ended || length > 4 * 24 * 60).then(|| received + TimeDelta::minutes(offset - 24 * 60 + length)),
        }).collect();
        let elapsed_at = |instant| calendar.business_time_excluding(received, instant, &pauses);
        match calendar.sla_due(received, &pauses, target) {
            Some(due) => {
                prop_assert_eq!(elapsed_at(due), TimeDelta::minutes(target.into()));
                prop_assert!(elapsed_at(due - TimeDelta::minutes(1)) < TimeDelta::minutes(target.into()));
                prop_assert!(calendar.is_open_at(due));
                prop_assert!(elapsed_at(due) <= calendar.business_time_between(received, due));
            }
            None => {
                // Only an open pause can stop the clock for good, and the target is out of reach.
                let stop = pauses.iter().filter(|pause| pause.until.is_none()).map(|pause| pause.from).min();
                prop_assert!(stop.is_some());
                let far = received + TimeDelta::days(400);
                prop_assert!(elapsed_at(far) < TimeDelta::minutes(target.into()));
            }
        }
    }

    #[test]
    fn suggestions_land_inside_opening_hours_on_a_quarter(
        calendar in calendar(),
        now in instant(),
        within in prop_oneof![(0u32..3_000).prop_map(BusinessSpan::Minutes), (0u32..40).prop_map(BusinessSpan::Hours), (0u32..10).prop_map(BusinessSpan::Days)],
        buffer in (0u32..240).prop_map(BusinessSpan::Minutes),
    ) {
        let due = calendar.suggest_due(now, within, buffer);
        prop_assert!(calendar.is_open_at(due), "{due} is outside opening hours");
        prop_assert!(due >= calendar.add_span(calendar.add_span(now, within), buffer));
        let local = calendar.local_time(due);
        let close = calendar.business_window(calendar.local_date(due)).map(|window| window.1);
        prop_assert!(local.minute() % 15 == 0 && local.second() == 0 || Some(due) == close, "{local}");
    }
}
