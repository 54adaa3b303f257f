//! Reminder planning: when to remind a promise's owner before, at and after its due time, and
//! when to escalate a missed promise to the team leads.
//!
//! Every step has a stable [`ReminderKey`]; the store records the keys it has raised per promise,
//! so a step is never raised twice, also across restarts. Given those keys and the current time,
//! [`Reminders::due_steps`] says what to raise now and [`Reminders::next_fire_at`] when to look
//! again, which the store keeps in an indexed column so the scheduler never scans every promise.
//!
//! Catching up after the app was closed raises one reminder per kind of step, not a backlog: of
//! the missed before-due steps only the latest (and only while the promise is not yet due), of
//! the at-due and overdue repeats only the latest, and the escalation once.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::calendar::DeskCalendar;
use crate::promise::{Promise, PromiseState};
use crate::reason::{self as why, Reason};

/// Longest delay in a plan: 30 days of minutes. Anything longer is a typo.
pub const MAX_DELAY_MINUTES: u32 = 30 * 24 * 60;
/// Most before-due reminders a plan may have; more would be nagging.
pub const MAX_BEFORE_STEPS: usize = 8;

/// A delay counted in business time (only opening hours of business days) or on the wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderDelay {
    BusinessMinutes(u32),
    WallMinutes(u32),
}

impl ReminderDelay {
    pub fn minutes(self) -> u32 {
        match self {
            ReminderDelay::BusinessMinutes(minutes) | ReminderDelay::WallMinutes(minutes) => minutes,
        }
    }

    fn before(self, calendar: &DeskCalendar, instant: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            ReminderDelay::BusinessMinutes(minutes) => calendar.sub_business_minutes(instant, minutes),
            ReminderDelay::WallMinutes(minutes) => instant - TimeDelta::minutes(minutes.into()),
        }
    }

    fn after(self, calendar: &DeskCalendar, instant: DateTime<Utc>, times: u32) -> DateTime<Utc> {
        let amount = TimeDelta::minutes(i64::from(self.minutes()) * i64::from(times));
        match self {
            ReminderDelay::BusinessMinutes(_) => calendar.add_business_time(instant, amount),
            ReminderDelay::WallMinutes(_) => instant + amount,
        }
    }

    /// How many whole delays fit between `from` and `to`.
    fn count_between(self, calendar: &DeskCalendar, from: DateTime<Utc>, to: DateTime<Utc>) -> u32 {
        let elapsed = match self {
            ReminderDelay::BusinessMinutes(_) => calendar.business_time_between(from, to),
            ReminderDelay::WallMinutes(_) => (to - from).max(TimeDelta::zero()),
        };
        let step = i64::from(self.minutes().max(1)) * 60;
        u32::try_from(elapsed.num_seconds() / step).unwrap_or(u32::MAX)
    }
}

/// A desk's reminder rules; persisted as JSON with the desk settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReminderPlan {
    /// How long before the due time to remind the owner.
    pub before_due: Vec<ReminderDelay>,
    /// After the at-due reminder, remind again this often until the promise is kept or renegotiated.
    pub overdue_every: Option<ReminderDelay>,
    /// Tell the team leads once the promise has been overdue this long.
    pub escalate_after: Option<ReminderDelay>,
}

impl Default for ReminderPlan {
    /// One business hour and fifteen minutes before, at due, then every business hour while
    /// overdue; escalation after two business hours overdue. Overdue steps count business time so
    /// that nobody is nagged at night and the team lead hears of a miss while at work.
    fn default() -> Self {
        ReminderPlan {
            before_due: vec![ReminderDelay::BusinessMinutes(60), ReminderDelay::WallMinutes(15)],
            overdue_every: Some(ReminderDelay::BusinessMinutes(60)),
            escalate_after: Some(ReminderDelay::BusinessMinutes(120)),
        }
    }
}

impl ReminderPlan {
    pub fn validate(&self) -> Result<(), CoreError> {
        let in_range = |field: &str, delay: ReminderDelay| {
            if (1..=MAX_DELAY_MINUTES).contains(&delay.minutes()) {
                Ok(())
            } else {
                Err(CoreError::invalid_because(
                    field,
                    Reason::new(why::REMINDER_DELAY_OUT_OF_RANGE)
                        .with("minutes", delay.minutes())
                        .with("max", MAX_DELAY_MINUTES),
                    format!(
                        "A reminder delay of {} minutes is not possible; use 1 to {MAX_DELAY_MINUTES} minutes.",
                        delay.minutes()
                    ),
                ))
            }
        };
        if self.before_due.len() > MAX_BEFORE_STEPS {
            return Err(CoreError::invalid_because(
                "before_due",
                Reason::new(why::TOO_MANY_REMINDERS).with("max", MAX_BEFORE_STEPS),
                format!("Use at most {MAX_BEFORE_STEPS} reminders before the due time."),
            ));
        }
        for (index, delay) in self.before_due.iter().enumerate() {
            in_range("before_due", *delay)?;
            if self.before_due[..index].contains(delay) {
                return Err(CoreError::invalid_because(
                    "before_due",
                    Reason::new(why::DUPLICATE_REMINDER),
                    "The same reminder is listed twice; remove one.",
                ));
            }
        }
        if let Some(delay) = self.overdue_every {
            in_range("overdue_every", delay)?;
        }
        if let Some(delay) = self.escalate_after {
            in_range("escalate_after", delay)?;
        }
        Ok(())
    }
}

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    BeforeDue,
    AtDue,
    Overdue,
    /// Goes to the team leads; every other kind goes to the promise's owner.
    Escalation,
}

/// The stable name of one step of one promise's reminders, stored as text by the store:
/// `before:business:60`, `before:wall:15`, `at_due`, `overdue:3`, `escalation`.
///
/// Before-due keys name the delay rather than its position in the plan, so editing the plan never
/// makes an already raised step look new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(into = "String", try_from = "String")]
#[ts(type = "string")]
pub enum ReminderKey {
    Before(ReminderDelay),
    AtDue,
    /// The n-th repeat after the at-due reminder, counting from 1.
    Overdue(u32),
    Escalation,
}

impl ReminderKey {
    pub fn kind(self) -> ReminderKind {
        match self {
            ReminderKey::Before(_) => ReminderKind::BeforeDue,
            ReminderKey::AtDue => ReminderKind::AtDue,
            ReminderKey::Overdue(_) => ReminderKind::Overdue,
            ReminderKey::Escalation => ReminderKind::Escalation,
        }
    }

    /// Position in the at-due-then-overdue chain: at due is 0, `overdue:n` is n.
    fn chain_index(self) -> Option<u32> {
        match self {
            ReminderKey::AtDue => Some(0),
            ReminderKey::Overdue(n) => Some(n),
            _ => None,
        }
    }

    fn in_chain(index: u32) -> ReminderKey {
        if index == 0 { ReminderKey::AtDue } else { ReminderKey::Overdue(index) }
    }
}

impl fmt::Display for ReminderKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReminderKey::Before(ReminderDelay::BusinessMinutes(m)) => write!(f, "before:business:{m}"),
            ReminderKey::Before(ReminderDelay::WallMinutes(m)) => write!(f, "before:wall:{m}"),
            ReminderKey::AtDue => f.write_str("at_due"),
            ReminderKey::Overdue(n) => write!(f, "overdue:{n}"),
            ReminderKey::Escalation => f.write_str("escalation"),
        }
    }
}

impl FromStr for ReminderKey {
    type Err = CoreError;

    fn from_str(value: &str) -> Result<Self, CoreError> {
        let number = |text: &str| text.parse::<u32>().ok();
        let key = match value.split(':').collect::<Vec<_>>()[..] {
            ["at_due"] => Some(ReminderKey::AtDue),
            ["escalation"] => Some(ReminderKey::Escalation),
            ["overdue", n] => number(n).filter(|n| *n > 0).map(ReminderKey::Overdue),
            ["before", "business", m] => number(m).map(|m| ReminderKey::Before(ReminderDelay::BusinessMinutes(m))),
            ["before", "wall", m] => number(m).map(|m| ReminderKey::Before(ReminderDelay::WallMinutes(m))),
            _ => None,
        };
        key.ok_or_else(|| {
            CoreError::invalid_because(
                "key",
                Reason::new(why::UNKNOWN_CHOICE).with("value", value),
                format!("'{value}' is not a reminder key such as before:wall:15, at_due, overdue:3 or escalation."),
            )
        })
    }
}

impl From<ReminderKey> for String {
    fn from(key: ReminderKey) -> String {
        key.to_string()
    }
}

impl TryFrom<String> for ReminderKey {
    type Error = CoreError;

    fn try_from(value: String) -> Result<Self, CoreError> {
        value.parse()
    }
}

/// One step with the instant it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlannedReminder {
    pub key: ReminderKey,
    pub kind: ReminderKind,
    pub fire_at: DateTime<Utc>,
}

impl PlannedReminder {
    fn new(key: ReminderKey, fire_at: DateTime<Utc>) -> Self {
        PlannedReminder { key, kind: key.kind(), fire_at }
    }
}

/// The planned steps of a promise due at `promise_due` and made at `made_at`; see [`Reminders::plan_for`].
pub fn plan_for(
    promise_due: DateTime<Utc>,
    made_at: DateTime<Utc>,
    plan: &ReminderPlan,
    calendar: &DeskCalendar,
) -> Vec<PlannedReminder> {
    Reminders::new(plan, calendar).plan_for(promise_due, made_at)
}

/// A desk's reminder plan read against its calendar.
#[derive(Debug, Clone, Copy)]
pub struct Reminders<'a> {
    plan: &'a ReminderPlan,
    calendar: &'a DeskCalendar,
}

impl<'a> Reminders<'a> {
    pub fn new(plan: &'a ReminderPlan, calendar: &'a DeskCalendar) -> Self {
        Reminders { plan, calendar }
    }

    /// The before-due steps, the at-due step and the escalation, in firing order. Before-due steps
    /// that would fire before (or as) the promise is made are left out; the at-due step never is.
    /// Overdue repeats go on without end; [`Reminders::overdue_fire_at`] gives each one.
    pub fn plan_for(&self, due_at: DateTime<Utc>, made_at: DateTime<Utc>) -> Vec<PlannedReminder> {
        let mut steps = self.before_steps(due_at, made_at);
        steps.push(PlannedReminder::new(ReminderKey::AtDue, due_at));
        if let Some(fire_at) = self.escalation_at(due_at) {
            steps.push(PlannedReminder::new(ReminderKey::Escalation, fire_at));
        }
        steps.sort_by_key(|step| step.fire_at);
        steps
    }

    /// When the `repeat`-th overdue reminder fires (counting from 1), if the plan repeats at all.
    pub fn overdue_fire_at(&self, due_at: DateTime<Utc>, repeat: u32) -> Option<DateTime<Utc>> {
        self.chain_fire_at(due_at, repeat)
    }

    /// The steps to raise at `now` for `promise`, given the keys already raised for it. Nothing
    /// for a promise that has been kept or renegotiated.
    pub fn due_steps(&self, promise: &Promise, raised: &[ReminderKey], now: DateTime<Utc>) -> Vec<PlannedReminder> {
        let mut steps = Vec::new();
        if promise.state != PromiseState::Open {
            return steps;
        }
        let due_at = promise.due_at;
        if now < due_at
            && let Some(step) = self.live_before(promise, raised).into_iter().rfind(|step| step.fire_at <= now)
        {
            steps.push(step);
        }
        if let Some(reached) = self.chain_reached(due_at, now)
            && chain_raised(raised).is_none_or(|done| reached > done)
            && let Some(fire_at) = self.chain_fire_at(due_at, reached)
        {
            steps.push(PlannedReminder::new(ReminderKey::in_chain(reached), fire_at));
        }
        if let Some(fire_at) = self.escalation_at(due_at)
            && fire_at <= now
            && !raised.contains(&ReminderKey::Escalation)
        {
            steps.push(PlannedReminder::new(ReminderKey::Escalation, fire_at));
        }
        steps
    }

    /// The earliest instant at which [`Reminders::due_steps`] will have something to raise, given
    /// the keys raised so far: `now` itself when something is due already, `None` when nothing
    /// will ever fire again (the promise was kept or renegotiated, or the plan has run out).
    pub fn next_fire_at(&self, promise: &Promise, raised: &[ReminderKey], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if promise.state != PromiseState::Open {
            return None;
        }
        let due_at = promise.due_at;
        let next_in_chain = chain_raised(raised).map_or(Some(0), |done| done.checked_add(1));
        let before =
            (now < due_at).then(|| self.live_before(promise, raised).first().map(|step| step.fire_at)).flatten();
        let chain = next_in_chain.and_then(|index| self.chain_fire_at(due_at, index));
        let escalation = self.escalation_at(due_at).filter(|_| !raised.contains(&ReminderKey::Escalation));
        [before, chain, escalation].into_iter().flatten().min().map(|fire_at| fire_at.max(now))
    }

    /// From when a promise due at `due_at` counts as "due soon" on the desk's screens: as its
    /// earliest before-due reminder fires (business minutes counted on the desk's calendar, so a
    /// Monday-morning promise is "soon" from Friday afternoon), or `at_least` before the due time
    /// when the plan warns later than that or not at all.
    pub fn soon_from(&self, due_at: DateTime<Utc>, at_least: TimeDelta) -> DateTime<Utc> {
        let plain = due_at - at_least;
        self.plan.before_due.iter().map(|delay| delay.before(self.calendar, due_at)).fold(plain, DateTime::min)
    }

    fn before_steps(&self, due_at: DateTime<Utc>, made_at: DateTime<Utc>) -> Vec<PlannedReminder> {
        let mut steps: Vec<PlannedReminder> = self
            .plan
            .before_due
            .iter()
            .map(|delay| PlannedReminder::new(ReminderKey::Before(*delay), delay.before(self.calendar, due_at)))
            .filter(|step| step.fire_at > made_at)
            .collect();
        steps.sort_by_key(|step| step.fire_at);
        steps
    }

    /// Before-due steps still to raise: not raised, and not superseded by a raised step that
    /// fires at the same time or later. In firing order.
    fn live_before(&self, promise: &Promise, raised: &[ReminderKey]) -> Vec<PlannedReminder> {
        let steps = self.before_steps(promise.due_at, promise.made_at);
        let latest_raised = steps.iter().filter(|step| raised.contains(&step.key)).map(|step| step.fire_at).max();
        steps.into_iter().filter(|step| latest_raised.is_none_or(|latest| step.fire_at > latest)).collect()
    }

    /// The last chain step that has fired by `now`: 0 is the at-due step, n the n-th repeat.
    fn chain_reached(&self, due_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<u32> {
        if now < due_at {
            return None;
        }
        Some(self.plan.overdue_every.map_or(0, |every| every.count_between(self.calendar, due_at, now)))
    }

    fn chain_fire_at(&self, due_at: DateTime<Utc>, index: u32) -> Option<DateTime<Utc>> {
        match (index, self.plan.overdue_every) {
            (0, _) => Some(due_at),
            (_, None) => None,
            (_, Some(every)) => Some(every.after(self.calendar, due_at, index)),
        }
    }

    fn escalation_at(&self, due_at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.plan.escalate_after.map(|delay| delay.after(self.calendar, due_at, 1))
    }
}

/// The furthest chain step already raised.
fn chain_raised(raised: &[ReminderKey]) -> Option<u32> {
    raised.iter().filter_map(|key| key.chain_index()).max()
}

#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;
