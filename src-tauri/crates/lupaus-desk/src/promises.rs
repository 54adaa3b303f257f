//! Promises: make, keep, renegotiate, reassign; what is due; a due time to suggest; and the
//! reminder pass the app's scheduler and `lupaus-cli remind` run.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use lupaus_core::calendar::{BusinessSpan, DueReading};
use lupaus_core::lifecycle::Role;
use lupaus_core::promise::{NewPromise, Promise, Renegotiated};
use lupaus_core::reminder::ReminderKind;
use lupaus_store::StoreError;
use lupaus_store::promises::PromiseView;
use lupaus_store::reminders::RaisedReminder;

use crate::{Change, Desk};

/// The most promises one "what is due" answer lists.
pub const MAX_DUE: u32 = 200;

/// What one reminder pass raised, and what the host needs to tell people about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderPass {
    /// The steps raised now, in firing order; each is raised once, also across restarts.
    pub reminders: Vec<RaisedReminder>,
    /// The desk's team leads, named in escalations; empty unless an escalation was raised.
    pub team_leads: Vec<String>,
    /// The desk's time zone: due times are told in it, not in the computer's zone.
    pub zone: chrono_tz::Tz,
    /// Open promises past their due time now (the tray's count).
    pub overdue: u64,
    /// When the next planned reminder is due.
    pub next_at: Option<DateTime<Utc>>,
}

/// Which due time a "how long" means: an exact instant, business time from now, or what an
/// agent typed ("pe", "11.12. 14").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueText {
    At(DateTime<Utc>),
    /// A wall-clock time on the desk's clocks (`2026-03-10 10:00` in Helsinki).
    Local(NaiveDateTime),
    Within(BusinessSpan),
    Typed(String),
}

impl Desk {
    /// Records a promise on a case; the owner must keep it.
    pub fn make_promise(&mut self, case_id: i64, promise: NewPromise) -> Result<Promise, StoreError> {
        let made = self.store.make_promise(case_id, promise, &self.actor()?, self.now())?;
        self.tell(Change::Promises);
        Ok(made)
    }

    /// A due time for `due`: as given, or `within` business time plus the desk's buffer.
    pub fn due_time(&self, due: DueText) -> Result<DateTime<Utc>, StoreError> {
        match due {
            DueText::At(at) => Ok(at),
            DueText::Local(local) => self.instant_at(local),
            DueText::Within(span) => self.suggest_due(span),
            DueText::Typed(text) => Ok(self.read_due(&text)?.due_at),
        }
    }

    /// What the agent typed in the due field, read on the desk's calendar, with the next opening
    /// time when it falls outside opening hours.
    pub fn read_due(&self, text: &str) -> Result<DueReading, StoreError> {
        let desk = self.store.desk_settings()?;
        Ok(lupaus_core::calendar::read_due(text, self.now(), &desk.calendar)?)
    }

    /// The closing times of the business days left this week and next: the weekday buttons.
    pub fn due_weekdays(&self) -> Result<Vec<DateTime<Utc>>, StoreError> {
        let desk = self.store.desk_settings()?;
        Ok(lupaus_core::calendar::weekday_choices(self.now(), &desk.calendar))
    }

    /// The instant the desk's clocks show `local` (its calendar's zone, not the computer's);
    /// in the autumn's repeated hour the earlier one.
    pub fn instant_at(&self, local: NaiveDateTime) -> Result<DateTime<Utc>, StoreError> {
        Ok(self.store.desk_settings()?.calendar.instant_at(local))
    }

    /// The desk's time zone, in which times are told to people.
    pub fn zone(&self) -> Result<chrono_tz::Tz, StoreError> {
        Ok(self.store.desk_settings()?.calendar.zone())
    }

    /// A due time to promise: `within` business time from now plus the desk's buffer, inside
    /// opening hours.
    pub fn suggest_due(&self, within: BusinessSpan) -> Result<DateTime<Utc>, StoreError> {
        let desk = self.store.desk_settings()?;
        let buffer = BusinessSpan::Minutes(desk.settings.promise_buffer_minutes);
        Ok(desk.calendar.suggest_due(self.now(), within, buffer))
    }

    /// The contact happened at `kept_at` (now when not given), with `outcome`.
    pub fn keep_promise(
        &mut self,
        promise_id: i64,
        outcome: &str,
        kept_at: Option<DateTime<Utc>>,
    ) -> Result<Promise, StoreError> {
        let now = self.now();
        let kept = self.store.keep_promise(promise_id, outcome, kept_at.unwrap_or(now), &self.actor()?, now)?;
        self.tell(Change::Promises);
        Ok(kept)
    }

    /// The customer agreed at `customer_told_at` (now when not given) to a new due time.
    pub fn renegotiate_promise(
        &mut self,
        promise_id: i64,
        new_due_at: DateTime<Utc>,
        customer_told_at: Option<DateTime<Utc>>,
    ) -> Result<Renegotiated, StoreError> {
        let now = self.now();
        let told_at = customer_told_at.unwrap_or(now);
        let renegotiated = self.store.renegotiate_promise(promise_id, new_due_at, told_at, &self.actor()?, now)?;
        self.tell(Change::Promises);
        Ok(renegotiated)
    }

    /// Gives an open promise to another owner.
    pub fn reassign_promise(&mut self, promise_id: i64, owner: &str) -> Result<Promise, StoreError> {
        let reassigned = self.store.reassign_promise(promise_id, owner, &self.actor()?, self.now())?;
        self.tell(Change::Promises);
        Ok(reassigned)
    }

    /// Withdraws an open promise with a reason the lead sees (before closing or declining).
    pub fn withdraw_promise(&mut self, promise_id: i64, reason: &str) -> Result<Promise, StoreError> {
        let withdrawn = self.store.withdraw_promise(promise_id, reason, &self.actor()?, self.now())?;
        self.tell(Change::Promises);
        Ok(withdrawn)
    }

    /// The promises made on one case, by due time.
    pub fn case_promises(&self, case_id: i64) -> Result<Vec<PromiseView>, StoreError> {
        self.store.case_promises(case_id, self.now())
    }

    /// Open promises overdue or due within `within_hours` of `at` (now when not given), soonest
    /// first: everyone's, or `owner`'s only; at most `limit`.
    pub fn due_promises(
        &self,
        at: Option<DateTime<Utc>>,
        within_hours: u32,
        owner: Option<&str>,
        limit: u32,
    ) -> Result<Vec<PromiseView>, StoreError> {
        let at = at.unwrap_or_else(|| self.now());
        let until = at + Duration::hours(i64::from(within_hours.min(24 * 30)));
        self.store.open_promises_due_before(until, owner, at, limit)
    }

    /// The in-app reminder list: the person at the keyboard's (`mine_only`) or everyone's, at most
    /// `limit` and never more than [`MAX_DUE`].
    pub fn my_due_promises(
        &self,
        within_hours: u32,
        mine_only: bool,
        limit: Option<u32>,
    ) -> Result<Vec<PromiseView>, StoreError> {
        let owner = mine_only.then_some(self.person.as_str());
        self.due_promises(None, within_hours, owner, limit.unwrap_or(MAX_DUE).min(MAX_DUE))
    }

    /// Every open promise (of `owner`, when given), for the calendar file.
    pub fn open_promises(&self, owner: Option<&str>) -> Result<Vec<PromiseView>, StoreError> {
        self.store.open_promises(owner, self.now())
    }

    /// Raises the reminder steps due at `now` (the host's moment of the pass), each exactly once,
    /// and says what the host should tell people.
    pub fn reminder_pass(&mut self, now: DateTime<Utc>) -> Result<ReminderPass, StoreError> {
        let mut reminders = self.store.raise_due_reminders_at(now, &self.person)?;
        // One pass can raise steps of several promises; people should hear of them in firing order.
        reminders.sort_by_key(|reminder| reminder.fire_at);
        let team_leads = if reminders.iter().any(|reminder| reminder.kind == ReminderKind::Escalation) {
            self.store.people()?.into_iter().filter(|person| person.role == Role::Lead).map(|p| p.name).collect()
        } else {
            Vec::new()
        };
        Ok(ReminderPass {
            reminders,
            team_leads,
            zone: self.store.desk_settings()?.calendar.zone(),
            overdue: self.store.overdue_promise_count(now)?,
            next_at: self.store.next_reminder_at()?,
        })
    }

    /// Open promises past their due time now.
    pub fn overdue_count(&self) -> Result<u64, StoreError> {
        self.store.overdue_promise_count(self.now())
    }
}
