use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Helsinki;
use proptest::prelude::*;
use rstest::rstest;

use super::*;
use crate::promise::{NewPromise, PromiseChannel, PromiseOrigin};

fn hel(local: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("well formed");
    Helsinki.from_local_datetime(&naive).single().expect("exists once").with_timezone(&Utc)
}

fn utc(text: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("well formed").and_utc()
}

fn promise(made: DateTime<Utc>, due: DateTime<Utc>) -> Promise {
    NewPromise {
        text: "Soitamme".into(),
        channel: PromiseChannel::Call,
        due_at: due,
        owner: "Aino".into(),
        outside_hours_confirmed: false,
    }
    .validate(PromiseOrigin { id: 1, case_id: 1, made_by: "Ville".into(), made_at: made })
    .expect("valid promise")
}

fn keys(steps: &[PlannedReminder]) -> Vec<String> {
    steps.iter().map(|step| step.key.to_string()).collect()
}

fn key(text: &str) -> ReminderKey {
    text.parse().expect("valid key")
}

fn default_plan() -> ReminderPlan {
    ReminderPlan::default()
}

fn calendar() -> DeskCalendar {
    DeskCalendar::default()
}

#[test]
fn default_plan_is_valid() {
    default_plan().validate().expect("valid");
}

#[rstest]
#[case::zero_before(|p: &mut ReminderPlan| p.before_due.push(ReminderDelay::WallMinutes(0)), "before_due")]
#[case::duplicate_before(|p: &mut ReminderPlan| p.before_due.push(ReminderDelay::WallMinutes(15)), "before_due")]
#[case::too_many(|p: &mut ReminderPlan| p.before_due = (1..=9).map(ReminderDelay::WallMinutes).collect(), "before_due")]
#[case::zero_repeat(|p: &mut ReminderPlan| p.overdue_every = Some(ReminderDelay::BusinessMinutes(0)), "overdue_every")]
#[case::absurd_escalation(|p: &mut ReminderPlan| p.escalate_after = Some(ReminderDelay::WallMinutes(MAX_DELAY_MINUTES + 1)), "escalate_after")]
fn invalid_plans_name_the_field(#[case] spoil: fn(&mut ReminderPlan), #[case] field: &str) {
    let mut plan = default_plan();
    spoil(&mut plan);
    assert_eq!(plan.validate().expect_err("refused").field(), Some(field));
}

#[rstest]
#[case("before:business:60", ReminderKey::Before(ReminderDelay::BusinessMinutes(60)))]
#[case("before:wall:15", ReminderKey::Before(ReminderDelay::WallMinutes(15)))]
#[case("at_due", ReminderKey::AtDue)]
#[case("overdue:3", ReminderKey::Overdue(3))]
#[case("escalation", ReminderKey::Escalation)]
fn keys_are_stable_text(#[case] text: &str, #[case] parsed: ReminderKey) {
    assert_eq!(text.parse::<ReminderKey>().expect("parses"), parsed);
    assert_eq!(parsed.to_string(), text);
    assert_eq!(serde_json::to_value(parsed).expect("serialises"), serde_json::json!(text));
}

#[rstest]
#[case("")]
#[case("overdue:0")]
#[case("overdue:-1")]
#[case("before:lunar:5")]
#[case("before:wall")]
#[case("at_due:1")]
#[case("Escalation")]
fn bad_keys_are_refused(#[case] text: &str) {
    assert_eq!(text.parse::<ReminderKey>().expect_err("refused").field(), Some("key"));
}

#[test]
fn plan_for_an_ordinary_promise() {
    let steps = plan_for(hel("2026-03-24 10:00"), hel("2026-03-23 09:00"), &default_plan(), &calendar());
    assert_eq!(keys(&steps), ["before:business:60", "before:wall:15", "at_due", "escalation"]);
    let fire: Vec<_> = steps.iter().map(|step| step.fire_at).collect();
    assert_eq!(
        fire,
        [hel("2026-03-24 09:00"), hel("2026-03-24 09:45"), hel("2026-03-24 10:00"), hel("2026-03-24 12:00")]
    );
    assert_eq!(steps[3].kind, ReminderKind::Escalation);
}

#[test]
fn plan_for_a_promise_due_just_after_spring_forward() {
    // Due Monday 08:30 EEST (05:30 UTC); made the Friday before, in winter time.
    let steps = plan_for(utc("2026-03-30 05:30"), utc("2026-03-27 08:00"), &default_plan(), &calendar());
    let fire: Vec<_> = steps.iter().map(|step| (step.key.to_string(), step.fire_at)).collect();
    assert_eq!(
        fire,
        [
            ("before:business:60".to_string(), utc("2026-03-27 13:30")),
            ("before:wall:15".to_string(), utc("2026-03-30 05:15")),
            ("at_due".to_string(), utc("2026-03-30 05:30")),
            ("escalation".to_string(), utc("2026-03-30 07:30")),
        ]
    );
}

#[test]
fn plan_for_a_promise_due_at_night_before_a_holiday() {
    // Due Thursday 2 April 20:00; the business hour before is 15:00–16:00, escalation after Easter.
    let (plan, calendar) = (default_plan(), calendar());
    let reminders = Reminders::new(&plan, &calendar);
    let steps = reminders.plan_for(hel("2026-04-02 20:00"), hel("2026-04-01 09:00"));
    assert_eq!(steps[0].fire_at, hel("2026-04-02 15:00"));
    assert_eq!(steps.last().map(|step| step.fire_at), Some(hel("2026-04-07 10:00")));
    assert_eq!(reminders.overdue_fire_at(hel("2026-04-02 20:00"), 1), Some(hel("2026-04-07 09:00")));
}

#[rstest]
#[case::made_ten_minutes_before(hel("2026-03-24 09:50"), vec!["at_due", "escalation"])]
#[case::made_twenty_minutes_before(hel("2026-03-24 09:40"), vec!["before:wall:15", "at_due", "escalation"])]
#[case::made_exactly_at_the_first_step(hel("2026-03-24 09:00"), vec!["before:wall:15", "at_due", "escalation"])]
fn steps_before_the_promise_was_made_are_skipped(#[case] made: DateTime<Utc>, #[case] expected: Vec<&str>) {
    let steps = plan_for(hel("2026-03-24 10:00"), made, &default_plan(), &calendar());
    assert_eq!(keys(&steps), expected);
}

/// Raised keys as written by the store, and the time to ask.
#[rstest]
#[case::too_early(&[], "2026-03-24 08:59", vec![], Some("2026-03-24 09:00"))]
#[case::first_step(&[], "2026-03-24 09:00", vec!["before:business:60"], Some("2026-03-24 09:00"))]
#[case::first_step_raised(&["before:business:60"], "2026-03-24 09:00", vec![], Some("2026-03-24 09:45"))]
#[case::both_missed_collapse(&[], "2026-03-24 09:50", vec!["before:wall:15"], Some("2026-03-24 09:50"))]
#[case::earlier_step_superseded(&["before:wall:15"], "2026-03-24 09:55", vec![], Some("2026-03-24 10:00"))]
#[case::at_due(&["before:business:60", "before:wall:15"], "2026-03-24 10:00", vec!["at_due"], Some("2026-03-24 10:00"))]
#[case::before_steps_die_at_due(&[], "2026-03-24 10:00", vec!["at_due"], Some("2026-03-24 10:00"))]
#[case::after_at_due(&["at_due"], "2026-03-24 10:30", vec![], Some("2026-03-24 11:00"))]
#[case::first_repeat(&["at_due"], "2026-03-24 11:00", vec!["overdue:1"], Some("2026-03-24 11:00"))]
#[case::repeat_and_escalation(&["at_due", "overdue:1"], "2026-03-24 12:00", vec!["overdue:2", "escalation"], Some("2026-03-24 12:00"))]
#[case::after_escalation(&["at_due", "overdue:1", "overdue:2", "escalation"], "2026-03-24 12:10", vec![], Some("2026-03-24 13:00"))]
// Closed from 08:00 Tuesday to 10:30 Wednesday: one overdue reminder and the escalation, not a backlog.
#[case::catch_up_next_day(&[], "2026-03-25 10:30", vec!["overdue:8", "escalation"], Some("2026-03-25 10:30"))]
#[case::after_catch_up(&["overdue:8", "escalation"], "2026-03-25 10:30", vec![], Some("2026-03-25 11:00"))]
fn what_to_raise_and_when_to_look_again(
    #[case] raised: &[&str],
    #[case] now: &str,
    #[case] expected: Vec<&str>,
    #[case] next: Option<&str>,
) {
    let plan = default_plan();
    let calendar = calendar();
    let reminders = Reminders::new(&plan, &calendar);
    let promise = promise(hel("2026-03-23 09:00"), hel("2026-03-24 10:00"));
    let raised: Vec<ReminderKey> = raised.iter().map(|text| key(text)).collect();
    let steps = reminders.due_steps(&promise, &raised, hel(now));
    assert_eq!(keys(&steps), expected);
    assert_eq!(reminders.next_fire_at(&promise, &raised, hel(now)), next.map(hel));
}

#[test]
fn catching_up_over_a_weekend_raises_one_overdue_step_and_one_escalation() {
    let plan = default_plan();
    let calendar = calendar();
    let reminders = Reminders::new(&plan, &calendar);
    // Due Friday 15:00; the app closed at 14:50 after both before-due reminders, reopened Monday 10:30.
    let promise = promise(hel("2026-03-27 10:00"), hel("2026-03-27 15:00"));
    let mut raised = vec![key("before:business:60"), key("before:wall:15")];
    let steps = reminders.due_steps(&promise, &raised, hel("2026-03-30 10:30"));
    // 60 business minutes on Friday and 150 on Monday: the third hourly repeat is the latest, at 10:00.
    assert_eq!(keys(&steps), ["overdue:3", "escalation"]);
    assert_eq!(steps[0].fire_at, hel("2026-03-30 10:00"));
    assert_eq!(steps[1].fire_at, hel("2026-03-30 09:00"));
    raised.extend(steps.iter().map(|step| step.key));
    assert_eq!(reminders.next_fire_at(&promise, &raised, hel("2026-03-30 10:30")), Some(hel("2026-03-30 11:00")));
}

#[rstest]
#[case::kept(|p: &Promise| p.keep("Soitettu", hel("2026-03-24 09:30")).expect("kept"))]
#[case::kept_late(|p: &Promise| p.keep("Soitettu", hel("2026-03-24 11:30")).expect("kept"))]
#[case::renegotiated(|p: &Promise| p.renegotiate(crate::promise::Renegotiation {
    new_id: 2, new_due_at: hel("2026-03-26 10:00"), customer_told_at: hel("2026-03-24 09:30"), by: "Aino".into(), at: hel("2026-03-24 09:30"),
}).expect("renegotiated").old)]
fn closed_promises_raise_nothing(#[case] close: fn(&Promise) -> Promise) {
    let plan = default_plan();
    let calendar = calendar();
    let reminders = Reminders::new(&plan, &calendar);
    let promise = close(&promise(hel("2026-03-23 09:00"), hel("2026-03-24 10:00")));
    for now in ["2026-03-24 09:45", "2026-03-24 10:00", "2026-03-24 12:00", "2026-03-30 12:00"] {
        assert!(reminders.due_steps(&promise, &[], hel(now)).is_empty(), "{now}");
        assert_eq!(reminders.next_fire_at(&promise, &[], hel(now)), None);
    }
}

#[test]
fn a_plan_without_repeats_or_escalation_ends_at_due() {
    let plan = ReminderPlan { before_due: vec![], overdue_every: None, escalate_after: None };
    let calendar = calendar();
    let reminders = Reminders::new(&plan, &calendar);
    let promise = promise(hel("2026-03-23 09:00"), hel("2026-03-24 10:00"));
    assert_eq!(reminders.next_fire_at(&promise, &[], hel("2026-03-23 09:00")), Some(hel("2026-03-24 10:00")));
    assert_eq!(keys(&reminders.due_steps(&promise, &[], hel("2026-03-27 10:00"))), ["at_due"]);
    assert_eq!(reminders.next_fire_at(&promise, &[ReminderKey::AtDue], hel("2026-03-27 10:00")), None);
}

#[test]
fn wall_clock_repeats_run_through_the_night() {
    let plan = ReminderPlan {
        before_due: vec![],
        overdue_every: Some(ReminderDelay::WallMinutes(30)),
        escalate_after: Some(ReminderDelay::WallMinutes(90)),
    };
    let calendar = calendar();
    let reminders = Reminders::new(&plan, &calendar);
    let promise = promise(hel("2026-03-24 09:00"), hel("2026-03-24 20:00"));
    let steps = reminders.due_steps(&promise, &[ReminderKey::AtDue], hel("2026-03-24 21:40"));
    assert_eq!(keys(&steps), ["overdue:3", "escalation"]);
    assert_eq!(steps[1].fire_at, hel("2026-03-24 21:30"));
    assert_eq!(reminders.overdue_fire_at(promise.due_at, 4), Some(hel("2026-03-24 22:00")));
}

fn any_plan() -> impl Strategy<Value = ReminderPlan> {
    let delay = prop_oneof![
        (1u32..600).prop_map(ReminderDelay::BusinessMinutes),
        (1u32..600).prop_map(ReminderDelay::WallMinutes)
    ];
    (prop::collection::btree_set(delay.clone(), 0..4), prop::option::of(delay.clone()), prop::option::of(delay))
        .prop_map(|(before, every, escalate)| ReminderPlan {
            before_due: before.into_iter().collect(),
            overdue_every: every,
            escalate_after: escalate,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Walking a promise from one `next_fire_at` to the next raises every step at most once, never
    /// early, and `next_fire_at` agrees with `due_steps` about when something is due.
    #[test]
    fn next_fire_at_and_due_steps_agree(
        plan in any_plan(),
        made_offset in 0i64..60 * 24 * 30,
        due_after in 1i64..60 * 24 * 10,
        naps in prop::collection::vec(0i64..60 * 24 * 3, 1..12),
    ) {
        let calendar = DeskCalendar::default();
        let reminders = Reminders::new(&plan, &calendar);
        let made = hel("2026-03-01 00:00") + TimeDelta::minutes(made_offset);
        let promise = promise(made, made + TimeDelta::minutes(due_after));
        let mut raised: Vec<ReminderKey> = Vec::new();
        let mut now = made;
        for nap in naps {
            // Something is due exactly when next_fire_at says so.
            let next = reminders.next_fire_at(&promise, &raised, now);
            let steps = reminders.due_steps(&promise, &raised, now);
            prop_assert_eq!(next == Some(now), !steps.is_empty(), "at {} next {:?} steps {:?}", now, next, steps);
            prop_assert!(next.is_none_or(|next| next >= now));
            for step in &steps {
                prop_assert!(!raised.contains(&step.key), "{} raised twice", step.key);
                prop_assert!(step.fire_at <= now);
                if step.kind == ReminderKind::BeforeDue {
                    prop_assert!(now < promise.due_at);
                }
                raised.push(step.key);
            }
            let after = reminders.next_fire_at(&promise, &raised, now);
            prop_assert!(after.is_none_or(|after| after > now), "still due after raising: {:?}", after);
            // Sleep until the next step, or wake early after a nap, as a closed app would.
            now = match after {
                Some(after) if nap % 2 == 0 => after,
                _ => now + TimeDelta::minutes(nap.max(1)),
            };
        }
        let chain = raised.iter().filter(|key| matches!(key, ReminderKey::AtDue | ReminderKey::Overdue(_))).count();
        prop_assert!(raised.iter().filter(|key| **key == ReminderKey::Escalation).count() <= 1);
        prop_assert!(chain <= raised.len());
    }
}

#[test]
fn a_promise_is_soon_from_its_earliest_reminder_counted_in_business_time() {
    let (calendar, plan) = (calendar(), default_plan());
    let reminders = Reminders::new(&plan, &calendar);
    let two_hours = TimeDelta::minutes(120);
    // Due a quarter past opening on Monday: the business hour before it reaches back to Friday.
    let monday_morning = hel("2026-11-30 08:15");
    let soon = reminders.soon_from(monday_morning, two_hours);
    assert_eq!(soon, calendar.sub_business_minutes(monday_morning, 60));
    assert!(soon < hel("2026-11-28 00:00"), "before the weekend: {soon}");
    // Due mid-afternoon on a weekday: an hour of business time is an hour, so two wall hours win.
    let wednesday = hel("2026-11-25 14:00");
    assert_eq!(reminders.soon_from(wednesday, two_hours), wednesday - two_hours);
    // A plan with no early reminders: the plain two hours.
    let quiet = ReminderPlan { before_due: vec![], ..default_plan() };
    assert_eq!(Reminders::new(&quiet, &calendar).soon_from(monday_morning, two_hours), monday_morning - two_hours);
}
