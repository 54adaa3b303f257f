//! The scenarios, and what must stay true of the reminders they raise.

use super::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("well formed")
}

/// March and April 2026: the spring change on 29 March with the app closed over that weekend,
/// Easter with the app closed from Maundy Thursday to the Wednesday after, two closure days.
fn spring() -> Scenario {
    Scenario {
        from: hel("2026-03-16 00:00"),
        to: hel("2026-04-20 00:00"),
        calendar: DeskCalendar::default().with_closure_days([date("2026-03-26"), date("2026-04-07")]),
        app_closed: vec![
            (hel("2026-03-17 18:00"), hel("2026-03-18 07:00")),
            (hel("2026-03-27 17:00"), hel("2026-03-30 10:30")),
            (hel("2026-04-02 16:30"), hel("2026-04-08 09:15")),
        ],
        seed: 0x5EED_2026_0329,
        // Due Friday 14:30 and missed: escalated at Monday 08:30, raised when the app is back at 10:30.
        planted: vec![("2026-03-27 12:00", BusinessSpan::Hours(2), Fate::Missed)],
    }
}

/// October and November 2026: the autumn change on 25 October with the app closed from Friday
/// afternoon to Monday late morning, All Saints' Day, a closure day on Friday 30 October.
fn autumn() -> Scenario {
    Scenario {
        from: hel("2026-10-12 00:00"),
        to: hel("2026-11-09 00:00"),
        calendar: DeskCalendar::default().with_closure_days([date("2026-10-30")]),
        app_closed: vec![(hel("2026-10-23 16:05"), hel("2026-10-26 11:00"))],
        seed: 0xA07_2026_1025,
        planted: vec![("2026-10-23 12:00", BusinessSpan::Hours(2), Fate::Missed)],
    }
}

/// Christmas and New Year: Christmas Eve, Christmas Day, St Stephen's Day, New Year's Day and
/// Epiphany, with the app closed over Christmas and New Year's Eve as a closure day.
fn winter() -> Scenario {
    Scenario {
        from: hel("2026-12-14 00:00"),
        to: hel("2027-01-18 00:00"),
        calendar: DeskCalendar::default().with_closure_days([date("2026-12-31")]),
        app_closed: vec![(hel("2026-12-23 16:00"), hel("2026-12-28 11:00"))],
        seed: 0xC4_2026_1224,
        planted: vec![("2026-12-23 10:00", BusinessSpan::Hours(4), Fate::Missed)],
    }
}

/// When a promise stopped being open (kept or renegotiated), if it did.
fn closed_at(promise: &Promise) -> Option<DateTime<Utc>> {
    match &promise.state {
        PromiseState::Open => None,
        PromiseState::Kept { at, .. } | PromiseState::Renegotiated { at, .. } | PromiseState::Withdrawn { at, .. } => {
            Some(*at)
        }
    }
}

/// Whether the promise was still open at `at`; actions at an instant run before the scheduler.
fn open_at(promise: &Promise, at: DateTime<Utc>) -> bool {
    at >= promise.made_at && closed_at(promise).is_none_or(|closed| closed > at)
}

fn check(scenario: &Scenario, plan: &ReminderPlan) {
    let (log, promises) = run(scenario, plan, Wake::AtNextFire, scenario.to);
    let reminders = Reminders::new(plan, &scenario.calendar);
    let calendar = &scenario.calendar;
    let end = scenario.to;
    let reopenings: Vec<DateTime<Utc>> = scenario.app_closed.iter().map(|window| window.1).collect();

    // Nothing is ever raised twice, early, while the app is closed, or for a closed promise.
    let mut seen = std::collections::BTreeSet::new();
    for raise in &log {
        assert!(seen.insert((raise.promise_id, raise.key)), "raised twice: {raise:?}");
        assert!(raise.fire_at <= raise.raised_at, "early: {raise:?}");
        assert!(scenario.app_open(raise.raised_at), "while closed: {raise:?}");
        assert!(open_at(&promises[&raise.promise_id], raise.raised_at), "for a closed promise: {raise:?}");
        // Either on time, or caught up at the moment the app came back.
        assert!(raise.raised_at == raise.fire_at || reopenings.contains(&raise.raised_at), "late: {raise:?}");
    }
    let raised = |id: i64, key: ReminderKey| {
        log.iter().filter(|raise| raise.promise_id == id && raise.key == key).collect::<Vec<_>>()
    };

    let mut coverage = Coverage::default();
    for promise in promises.values() {
        let id = promise.id;
        for step in reminders.plan_for(promise.due_at, promise.made_at) {
            let hits = raised(id, step.key);
            let business = match step.key {
                ReminderKey::Before(delay) => Some(delay),
                ReminderKey::Escalation => plan.escalate_after,
                _ => None,
            };
            if let Some(ReminderDelay::BusinessMinutes(_)) = business {
                assert!(calendar.is_open_at(step.fire_at), "business step outside opening hours: {step:?}");
            }
            if step.fire_at > end {
                continue;
            }
            let first_chance = scenario.first_open_from(step.fire_at);
            match step.kind {
                ReminderKind::BeforeDue if scenario.app_open(step.fire_at) && open_at(promise, step.fire_at) => {
                    // Every before-due reminder exactly once, when planned, before the due time.
                    assert_eq!(hits.len(), 1, "promise {id} {step:?}");
                    assert_eq!(hits[0].raised_at, step.fire_at);
                    assert!(step.fire_at < promise.due_at);
                    coverage.before_on_time += 1;
                }
                ReminderKind::BeforeDue => {
                    assert!(
                        hits.len() <= 1 && hits.iter().all(|hit| hit.raised_at < promise.due_at),
                        "promise {id} {hits:?}"
                    );
                }
                ReminderKind::AtDue if scenario.app_open(step.fire_at) && open_at(promise, step.fire_at) => {
                    assert_eq!(
                        hits.iter().map(|hit| hit.raised_at).collect::<Vec<_>>(),
                        [promise.due_at],
                        "promise {id}"
                    );
                    coverage.at_due += 1;
                }
                ReminderKind::Escalation if first_chance <= end && open_at(promise, first_chance) => {
                    // Every miss is escalated exactly once: when due, or when the app is back.
                    assert_eq!(
                        hits.iter().map(|hit| hit.raised_at).collect::<Vec<_>>(),
                        [first_chance],
                        "promise {id}"
                    );
                    coverage.escalated += 1;
                    coverage.escalated_on_catch_up += usize::from(first_chance != step.fire_at);
                }
                ReminderKind::AtDue | ReminderKind::Escalation => {
                    assert!(hits.is_empty() || first_chance != step.fire_at, "promise {id} {hits:?}");
                }
                ReminderKind::Overdue => unreachable!("overdue steps are not planned in advance"),
            }
        }
        check_chain(scenario, &reminders, promise, &log, &mut coverage);
    }
    coverage.assert_meaningful();

    // Polling minute by minute raises exactly the same reminders at the same instants. Fifteen
    // days of it cross each scenario's daylight-saving change or holidays and its first reopening.
    let horizon = scenario.from + TimeDelta::days(15);
    assert!(reopenings.first().is_some_and(|reopened| *reopened < horizon));
    let (polled, _) = run(scenario, plan, Wake::EveryMinute, horizon);
    let expected: Vec<Raise> = log.iter().filter(|raise| raise.raised_at <= horizon).cloned().collect();
    assert!(!expected.is_empty());
    assert_eq!(polled, expected);
}

/// At-due and overdue repeats: each on time while the app runs, one catch-up after a closure.
fn check_chain(scenario: &Scenario, reminders: &Reminders, promise: &Promise, log: &[Raise], coverage: &mut Coverage) {
    let chain: Vec<&Raise> = log
        .iter()
        .filter(|raise| {
            raise.promise_id == promise.id && matches!(raise.key, ReminderKey::AtDue | ReminderKey::Overdue(_))
        })
        .collect();
    let fire = |index: u32| reminders.chain_fire_at(promise.due_at, index).expect("the plan repeats");
    for window in chain.windows(2) {
        assert!(window[0].key < window[1].key || window[0].key == ReminderKey::AtDue, "out of order: {window:?}");
    }
    for raise in &chain {
        let index = raise.key.chain_index().expect("a chain key");
        // A caught-up step is the latest one due, not a backlog.
        assert!(fire(index) <= raise.raised_at && raise.raised_at < fire(index + 1), "{raise:?}");
        if raise.raised_at != raise.fire_at {
            coverage.chain_caught_up += 1;
        }
    }
    // While the app runs and the promise is open, no repeat is missed.
    let mut index = 0;
    while fire(index) <= scenario.to && open_at(promise, fire(index)) {
        if scenario.app_open(fire(index)) {
            assert!(
                chain.iter().any(|raise| raise.key == ReminderKey::in_chain(index) && raise.raised_at == fire(index)),
                "promise {} missed chain step {index}",
                promise.id
            );
            if index > 0 {
                if let Some(ReminderDelay::BusinessMinutes(_)) = reminders.plan.overdue_every {
                    assert!(scenario.calendar.is_open_at(fire(index)), "overdue reminder outside opening hours");
                }
                coverage.overdue_on_time += 1;
            }
        }
        index += 1;
    }
}

/// Whether the promise was made before a daylight-saving change and falls due after it.
fn straddles_dst(calendar: &DeskCalendar, promise: &Promise) -> bool {
    let offset = |at: DateTime<Utc>| calendar.local_time(at) - at.naive_utc();
    offset(promise.made_at) != offset(promise.due_at)
}

/// Counts that show a scenario exercised what it claims to, so the checks cannot pass vacuously.
#[derive(Default, Debug)]
struct Coverage {
    before_on_time: usize,
    at_due: usize,
    overdue_on_time: usize,
    escalated: usize,
    escalated_on_catch_up: usize,
    chain_caught_up: usize,
}

impl Coverage {
    fn assert_meaningful(&self) {
        let counts = [
            self.before_on_time,
            self.at_due,
            self.overdue_on_time,
            self.escalated,
            self.escalated_on_catch_up,
            self.chain_caught_up,
        ];
        assert!(counts.iter().all(|count| *count > 0), "{self:?}");
    }
}

#[test]
fn spring_with_daylight_saving_easter_and_a_closed_weekend() {
    check(&spring(), &ReminderPlan::default());
}

#[test]
fn autumn_with_daylight_saving_and_a_closed_weekend() {
    check(&autumn(), &ReminderPlan::default());
}

#[test]
fn christmas_and_new_year() {
    check(&winter(), &ReminderPlan::default());
}

#[test]
fn wall_clock_plan_through_the_spring() {
    let plan = ReminderPlan {
        before_due: vec![
            ReminderDelay::WallMinutes(120),
            ReminderDelay::WallMinutes(30),
            ReminderDelay::BusinessMinutes(240),
        ],
        overdue_every: Some(ReminderDelay::WallMinutes(180)),
        escalate_after: Some(ReminderDelay::WallMinutes(24 * 60)),
    };
    check(&spring(), &plan);
}

#[test]
fn the_scenarios_cover_the_daylight_saving_changes() {
    for scenario in [spring(), autumn()] {
        let (_, promises) = run(&scenario, &ReminderPlan::default(), Wake::AtNextFire, scenario.to);
        let across = promises.values().filter(|promise| straddles_dst(&scenario.calendar, promise)).count();
        assert!(across > 0, "no promise crosses the change");
    }
    // Both readings of 03:30 on the night the clocks go back fall inside the closed weekend.
    let twice =
        [DateTime::parse_from_rfc3339("2026-10-25T00:30:00Z"), DateTime::parse_from_rfc3339("2026-10-25T01:30:00Z")];
    for instant in twice {
        let instant = instant.expect("well formed").with_timezone(&Utc);
        assert_eq!(autumn().calendar.local_time(instant).time().to_string(), "03:30:00");
        assert!(!autumn().app_open(instant));
    }
}
