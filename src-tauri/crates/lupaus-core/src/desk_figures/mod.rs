//! The numbers a team lead steers the desk with, over a chosen period, computed from the event
//! logs and promise records (never from counters that drift): promises kept on time, time to
//! remedy and to close in business time, first-contact resolution, customer effort, hand-offs,
//! compensation by basis, open cases by stage and age, root causes and responsibility.

mod distribution;
pub mod table;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use distribution::Distribution;

use crate::calendar::DeskCalendar;
use crate::lifecycle::{
    CaseState, CompensationBasis, CompensationStatus, EventRecord, Party, RootCauseCategory, Stage, figures,
};
use crate::promise::{Promise, PromiseStatus};

/// The reporting period, `from` inclusive and `to` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Period {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

impl Period {
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.from <= at && at < self.to
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PromiseFigures {
    /// Promises whose due time falls in the period.
    pub due: u32,
    pub kept_on_time: u32,
    pub kept_late: u32,
    /// Due, passed, and not kept.
    pub broken: u32,
    /// Moved to a new time the customer agreed to before the old one passed.
    pub renegotiated_in_time: u32,
    /// Due later in the period than now, still open.
    pub open: u32,
    /// Withdrawn with a reason before their due time (the case ended another way); the lead reads
    /// the reasons on the promise board. Not in the kept rate.
    pub withdrawn: u32,
    /// Kept on time out of those whose fate is known (kept, late, broken); renegotiated ones are
    /// counted through the promise that replaced them.
    pub kept_on_time_percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeekPromises {
    /// Monday of the ISO week, in the desk's zone.
    pub week_start: NaiveDate,
    pub kept_on_time: u32,
    pub kept_late: u32,
    pub broken: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpenStage {
    pub stage: Stage,
    pub under_2_days: u32,
    pub days_2_to_7: u32,
    pub days_7_to_30: u32,
    pub over_30_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompensationTotal {
    pub basis: CompensationBasis,
    pub count: u32,
    #[ts(type = "number")]
    pub amount_cents: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CategoryCount<T> {
    pub category: T,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeskFigures {
    pub period: Period,
    /// Cases received in the period; the case figures below are over these.
    pub cases_received: u32,
    pub promises: PromiseFigures,
    pub promises_per_week: Vec<WeekPromises>,
    /// Receipt to remedy delivered (or decline told), in business minutes.
    pub time_to_remedy: Distribution,
    /// Receipt to closing, in business minutes.
    pub time_to_close: Distribution,
    /// Of the cases with a resolution, the share resolved within the intake contact.
    pub first_contact_resolution_percent: Option<f64>,
    /// Customer effort: contacts per case, the intake contact included.
    pub contacts_per_case: Option<f64>,
    pub hand_offs_per_case: Option<f64>,
    /// Approved compensation by basis.
    pub compensation: Vec<CompensationTotal>,
    /// Root causes, most frequent first (a Pareto list).
    pub root_causes: Vec<CategoryCount<RootCauseCategory>>,
    pub responsibility: Vec<CategoryCount<Party>>,
    /// Every open case now (not only those received in the period), by stage and age.
    pub open_by_stage: Vec<OpenStage>,
}

/// What the figures are computed from: the logs of the cases received in the period, the
/// promises due in the period, and the stage and receipt time of every open case.
pub struct FiguresInput<'a> {
    pub period: Period,
    pub now: DateTime<Utc>,
    pub calendar: &'a DeskCalendar,
    pub case_logs: &'a [Vec<EventRecord>],
    pub promises: &'a [Promise],
    pub open_cases: &'a [(Stage, DateTime<Utc>)],
}

pub fn desk_figures(input: &FiguresInput<'_>) -> DeskFigures {
    let calendar = input.calendar;
    let mut remedy_minutes = Vec::new();
    let mut close_minutes = Vec::new();
    let (mut resolved, mut first_contact, mut contacts, mut hand_offs) = (0u32, 0u32, 0u64, 0u64);
    let mut compensation: BTreeMap<String, CompensationTotal> = BTreeMap::new();
    let mut root_causes: BTreeMap<String, CategoryCount<RootCauseCategory>> = BTreeMap::new();
    let mut responsibility: BTreeMap<String, CategoryCount<Party>> = BTreeMap::new();
    let mut cases = 0u32;
    for log in input.case_logs {
        let Ok(state) = CaseState::replay(log) else { continue };
        cases += 1;
        let case = figures(log);
        contacts += u64::from(case.customer_contacts);
        hand_offs += u64::from(case.hand_offs);
        if let Some(delivery) = &state.delivery {
            resolved += 1;
            first_contact += u32::from(case.first_contact_resolution);
            remedy_minutes.push(calendar.business_minutes_between(state.received_at, delivery.at));
        }
        if let (Stage::Closed, Some(closing)) = (state.stage, &state.closing) {
            close_minutes.push(calendar.business_minutes_between(state.received_at, closing.at));
        }
        for item in &state.compensations {
            if let CompensationStatus::Approved { .. } = item.status {
                let total = compensation.entry(format!("{:?}", item.basis)).or_insert(CompensationTotal {
                    basis: item.basis,
                    count: 0,
                    amount_cents: 0,
                });
                total.count += 1;
                total.amount_cents += item.amount_cents.unwrap_or(0);
            }
        }
        if let Some(cause) = &state.analysis.root_cause {
            root_causes
                .entry(format!("{:?}", cause.category))
                .or_insert(CategoryCount { category: cause.category, count: 0 })
                .count += 1;
        }
        if let Some(party) = &state.analysis.responsibility {
            responsibility
                .entry(format!("{:?}", party.party))
                .or_insert(CategoryCount { category: party.party, count: 0 })
                .count += 1;
        }
    }
    let per_case = |total: u64| (cases > 0).then(|| total as f64 / f64::from(cases));
    DeskFigures {
        period: input.period,
        cases_received: cases,
        promises: promise_figures(input),
        promises_per_week: promises_per_week(input),
        time_to_remedy: Distribution::of(remedy_minutes),
        time_to_close: Distribution::of(close_minutes),
        first_contact_resolution_percent: (resolved > 0)
            .then(|| 100.0 * f64::from(first_contact) / f64::from(resolved)),
        contacts_per_case: per_case(contacts),
        hand_offs_per_case: per_case(hand_offs),
        compensation: compensation.into_values().collect(),
        root_causes: most_first(root_causes.into_values().collect()),
        responsibility: most_first(responsibility.into_values().collect()),
        open_by_stage: open_by_stage(input.open_cases, input.now),
    }
}

fn most_first<T>(mut counts: Vec<CategoryCount<T>>) -> Vec<CategoryCount<T>> {
    counts.sort_by_key(|count| std::cmp::Reverse(count.count));
    counts
}

fn promise_figures(input: &FiguresInput<'_>) -> PromiseFigures {
    let mut out = PromiseFigures::default();
    for promise in input.promises.iter().filter(|promise| input.period.contains(promise.due_at)) {
        out.due += 1;
        match promise.effective_state(input.now) {
            PromiseStatus::Kept => out.kept_on_time += 1,
            PromiseStatus::KeptLate => out.kept_late += 1,
            PromiseStatus::Broken => out.broken += 1,
            PromiseStatus::Renegotiated => out.renegotiated_in_time += 1,
            PromiseStatus::Open => out.open += 1,
            PromiseStatus::Withdrawn => out.withdrawn += 1,
        }
    }
    let settled = out.kept_on_time + out.kept_late + out.broken;
    out.kept_on_time_percent = (settled > 0).then(|| 100.0 * f64::from(out.kept_on_time) / f64::from(settled));
    out
}

fn promises_per_week(input: &FiguresInput<'_>) -> Vec<WeekPromises> {
    let mut weeks: BTreeMap<NaiveDate, WeekPromises> = BTreeMap::new();
    for promise in input.promises.iter().filter(|promise| input.period.contains(promise.due_at)) {
        let day = input.calendar.local_date(promise.due_at);
        let week_start = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
        let week =
            weeks.entry(week_start).or_insert(WeekPromises { week_start, kept_on_time: 0, kept_late: 0, broken: 0 });
        match promise.effective_state(input.now) {
            PromiseStatus::Kept => week.kept_on_time += 1,
            PromiseStatus::KeptLate => week.kept_late += 1,
            PromiseStatus::Broken => week.broken += 1,
            PromiseStatus::Renegotiated | PromiseStatus::Open | PromiseStatus::Withdrawn => {}
        }
    }
    weeks.into_values().collect()
}

fn open_by_stage(open_cases: &[(Stage, DateTime<Utc>)], now: DateTime<Utc>) -> Vec<OpenStage> {
    let mut stages: BTreeMap<String, OpenStage> = BTreeMap::new();
    for (stage, received) in open_cases.iter().filter(|(stage, _)| *stage != Stage::Closed) {
        let row = stages.entry(stage.as_str().to_owned()).or_insert(OpenStage {
            stage: *stage,
            under_2_days: 0,
            days_2_to_7: 0,
            days_7_to_30: 0,
            over_30_days: 0,
        });
        match (now - *received).num_days() {
            ..2 => row.under_2_days += 1,
            2..7 => row.days_2_to_7 += 1,
            7..30 => row.days_7_to_30 += 1,
            _ => row.over_30_days += 1,
        }
    }
    let mut rows: Vec<OpenStage> = stages.into_values().collect();
    rows.sort_by_key(|row| row.stage);
    rows
}
