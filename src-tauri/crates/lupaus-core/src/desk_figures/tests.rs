//! Desk figures against hand-computed fixtures: three complaints around Christmas 2026, when
//! 24–27 December are not business days (Christmas Eve, Christmas Day, St Stephen's Day, Sunday).

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::case::{Channel, CustomerInput, NewCase, Priority};
use crate::lifecycle::{Actor, CaseCommand, ContactDirection, Policy, Remedy, RemedyForm, apply, decide, open_case};
use crate::promise::{NewPromise, PromiseChannel, PromiseOrigin};

fn helsinki(month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Helsinki.with_ymd_and_hms(2026, month, day, hour, minute, 0).unwrap().with_timezone(&Utc)
}

struct Case {
    state: CaseState,
    log: Vec<EventRecord>,
}

impl Case {
    fn received(at: DateTime<Utc>) -> Case {
        let intake = NewCase {
            channel: Channel::Phone,
            customer: CustomerInput { name: "Maija".into(), ..Default::default() },
            product_ref: None,
            description: "Vika".into(),
            requested_remedy: "Korjaus".into(),
            priority: Priority::Normal,
            category: None,
            tags: vec![],
            acknowledged: true,
            former_ref: None,
        };
        let opened = open_case(intake.validate().unwrap(), Actor::agent("Aino"), at);
        Case { state: CaseState::replay(std::slice::from_ref(&opened)).unwrap(), log: vec![opened] }
    }

    fn act(mut self, command: CaseCommand, at: DateTime<Utc>) -> Case {
        for record in decide(&self.state, command, &Actor::agent("Aino"), at, &Policy::default()).unwrap() {
            apply(&mut self.state, &record).unwrap();
            self.log.push(record);
        }
        self
    }

    fn delivered(self, at: DateTime<Utc>) -> Case {
        let remedy = Remedy { forms: vec![RemedyForm::Repair], description: "Korjaus".into() };
        self.act(CaseCommand::AgreeRemedy { remedy, option_id: None }, at)
            .act(CaseCommand::DeliverRemedy { summary: "Korjattu".into(), informed_via: Channel::Phone }, at)
    }

    fn root_cause(self, category: RootCauseCategory, at: DateTime<Utc>) -> Case {
        self.act(CaseCommand::RecordRootCause { category, description: "Selvitetty".into() }, at)
    }
}

fn promise(id: i64, due_at: DateTime<Utc>, kept_at: Option<DateTime<Utc>>) -> Promise {
    let made_at = due_at - chrono::Duration::days(1);
    let new = NewPromise {
        text: "Soitamme".into(),
        channel: PromiseChannel::Call,
        due_at,
        owner: "Aino".into(),
        outside_hours_confirmed: false,
    };
    let promise = new.validate(PromiseOrigin { id, case_id: 1, made_by: "Aino".into(), made_at }).unwrap();
    match kept_at {
        Some(at) => promise.keep("Soitettu", at).unwrap(),
        None => promise,
    }
}

fn fixture() -> DeskFigures {
    // A: Tue 22.12. 09:00 → delivered Mon 28.12. 10:00 = 420 + 480 + 120 = 1020 business minutes.
    let a = Case::received(helsinki(12, 22, 9, 0))
        .delivered(helsinki(12, 28, 10, 0))
        .root_cause(RootCauseCategory::ProductDefect, helsinki(12, 28, 11, 0));
    // B: Wed 23.12. 15:00 → delivered 15:30 the same day within the intake contact (30 min), with
    // a goodwill compensation within the agent's limit, closed 15:45 (45 min).
    let b = Case::received(helsinki(12, 23, 15, 0))
        .act(
            CaseCommand::ProposeCompensation {
                amount_cents: Some(2_000),
                form: None,
                basis: CompensationBasis::Goodwill,
                note: None,
            },
            helsinki(12, 23, 15, 10),
        )
        .delivered(helsinki(12, 23, 15, 30))
        .root_cause(RootCauseCategory::Billing, helsinki(12, 23, 15, 40))
        .act(
            CaseCommand::AssignResponsibility { party: Party::Us, party_name: None, note: None },
            helsinki(12, 23, 15, 41),
        )
        .act(
            CaseCommand::Close {
                closing_gesture: Some("Kiitos".into()),
                lessons_learned: None,
                not_analysed_reason: None,
            },
            helsinki(12, 23, 15, 45),
        );
    // C: Mon 21.12. 08:00 → a call back needed, delivered Tue 22.12. 08:00 = 480 business minutes.
    let c = Case::received(helsinki(12, 21, 8, 0))
        .act(
            CaseCommand::RecordContact {
                direction: ContactDirection::Outbound,
                channel: Channel::Phone,
                summary: "Soitettu".into(),
            },
            helsinki(12, 21, 12, 0),
        )
        .delivered(helsinki(12, 22, 8, 0))
        .root_cause(RootCauseCategory::ProductDefect, helsinki(12, 22, 9, 0));
    let now = helsinki(12, 29, 12, 0);
    let logs = vec![a.log, b.log, c.log];
    let promises = vec![
        promise(1, helsinki(12, 22, 12, 0), Some(helsinki(12, 22, 11, 0))), // kept on time
        promise(2, helsinki(12, 23, 12, 0), Some(helsinki(12, 23, 14, 0))), // kept late
        promise(3, helsinki(12, 28, 12, 0), None),                          // broken by now
    ];
    let open = vec![
        (Stage::RootCause, helsinki(12, 22, 9, 0)),
        (Stage::RootCause, helsinki(12, 21, 8, 0)),
        (Stage::Closed, helsinki(12, 23, 15, 0)),
    ];
    let calendar = DeskCalendar::default();
    desk_figures(&FiguresInput {
        period: Period { from: helsinki(12, 1, 0, 0), to: helsinki(12, 31, 0, 0) },
        now,
        calendar: &calendar,
        case_logs: &logs,
        promises: &promises,
        open_cases: &open,
    })
}

#[test]
fn time_to_remedy_is_counted_in_business_minutes_across_christmas() {
    let figures = fixture();
    assert_eq!(figures.time_to_remedy.values, vec![30, 480, 1020]);
    assert_eq!(figures.time_to_remedy.median, Some(480));
    assert_eq!(figures.time_to_remedy.p90, Some(1020));
    assert_eq!(figures.time_to_close.values, vec![45]);
}

#[test]
fn case_figures_add_up() {
    let figures = fixture();
    assert_eq!(figures.cases_received, 3);
    let fcr = figures.first_contact_resolution_percent.expect("resolved cases");
    assert!((fcr - 100.0 / 3.0).abs() < 1e-9, "only B was solved within the intake contact: {fcr}");
    assert!((figures.contacts_per_case.expect("cases") - 4.0 / 3.0).abs() < 1e-9);
    assert_eq!(figures.hand_offs_per_case, Some(0.0));
    assert_eq!(
        figures.compensation,
        vec![CompensationTotal { basis: CompensationBasis::Goodwill, count: 1, amount_cents: 2_000 }]
    );
    let causes: Vec<(RootCauseCategory, u32)> = figures.root_causes.iter().map(|c| (c.category, c.count)).collect();
    assert_eq!(causes, vec![(RootCauseCategory::ProductDefect, 2), (RootCauseCategory::Billing, 1)]);
    assert_eq!(figures.responsibility.len(), 1);
}

#[test]
fn promises_kept_on_time_late_and_broken() {
    let figures = fixture();
    let promises = &figures.promises;
    assert_eq!((promises.due, promises.kept_on_time, promises.kept_late, promises.broken), (3, 1, 1, 1));
    assert!((promises.kept_on_time_percent.expect("settled") - 100.0 / 3.0).abs() < 1e-9);
    let weeks: Vec<(NaiveDate, u32, u32, u32)> =
        figures.promises_per_week.iter().map(|w| (w.week_start, w.kept_on_time, w.kept_late, w.broken)).collect();
    let monday = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
    assert_eq!(weeks, vec![(monday(21), 1, 1, 0), (monday(28), 0, 0, 1)]);
}

#[test]
fn open_cases_are_grouped_by_stage_and_age() {
    let figures = fixture();
    assert_eq!(figures.open_by_stage.len(), 1, "closed cases are not open");
    let row = &figures.open_by_stage[0];
    assert_eq!((row.stage, row.under_2_days, row.days_2_to_7, row.days_7_to_30), (Stage::RootCause, 0, 0, 2));
}

#[test]
fn distribution_of_an_even_count_and_of_nothing() {
    let even = Distribution::of(vec![40, 10, 30, 20]);
    assert_eq!((even.median, even.p90), (Some(25), Some(40)));
    assert_eq!(Distribution::of(vec![]).median, None);
}
