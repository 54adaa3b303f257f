//! Promises made to customers: "we'll call you back by Friday 14:00".
//!
//! Every promise is a record with a due time and an owner, and ends in exactly one way: kept
//! (with what the contact achieved), renegotiated (the customer agreed to a new time before the
//! old one passed), or it stays open and becomes broken once its due time passes. A customer
//! replying or the case moving on never cancels a promise; there is deliberately no such
//! operation. Everything here is pure: the store supplies ids and the current time.
//!
//! Renegotiation ends the old record as [`PromiseState::Renegotiated`] and opens a new promise
//! that points back at it. Statistics stay honest: each due time the customer heard is one record
//! with one outcome, the kept rate counts only promises kept by the time the customer was given,
//! and a renegotiation is visible instead of silently moving a deadline.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::{MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::reason::{self as why, Reason, RefusalCode};
use crate::{CoreError, text};

/// Furthest ahead a promise may fall due; further is almost always a mistyped year.
pub const MAX_PROMISE_DAYS_AHEAD: i64 = 366;

/// How we said we would get back to the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PromiseChannel {
    Call,
    Email,
    Sms,
    Letter,
    Visit,
}

/// A promise as an agent records it, before validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewPromise {
    /// What we promised, in the words the customer heard.
    pub text: String,
    pub channel: PromiseChannel,
    pub due_at: DateTime<Utc>,
    /// Who must keep it.
    pub owner: String,
}

/// Where a new promise comes from: what the store knows and the agent did not type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseOrigin {
    /// The id the store reserved for the promise in its write transaction.
    pub id: i64,
    pub case_id: i64,
    /// The agent who spoke to the customer.
    pub made_by: String,
    /// Now: when the promise was made.
    pub made_at: DateTime<Utc>,
}

/// A promise made to a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Promise {
    // Ids are numbers in JSON; TypeScript's bigint would not match what serde sends.
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub case_id: i64,
    pub text: String,
    pub channel: PromiseChannel,
    pub due_at: DateTime<Utc>,
    pub owner: String,
    pub made_by: String,
    pub made_at: DateTime<Utc>,
    /// The promise this one replaced by renegotiation, if any.
    #[ts(type = "number | null")]
    pub replaces: Option<i64>,
    pub state: PromiseState,
}

/// What has been recorded about a promise. "Broken" is not recorded: it is what an open promise
/// becomes when its due time passes; see [`Promise::effective_state`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PromiseState {
    Open,
    /// The contact happened; `at` may be after the due time, which makes the promise kept late.
    Kept {
        outcome: String,
        at: DateTime<Utc>,
    },
    /// The customer agreed to a new time before the old one passed; `replaced_by` is the new promise.
    Renegotiated {
        at: DateTime<Utc>,
        new_due_at: DateTime<Utc>,
        customer_told_at: DateTime<Utc>,
        #[ts(type = "number")]
        replaced_by: i64,
    },
}

/// Where a promise stands at a given moment; what lists, badges and statistics show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PromiseStatus {
    Open,
    Kept,
    /// Kept, but after the time the customer was given: counts as broken in the kept rate.
    KeptLate,
    /// Open and past its due time.
    Broken,
    Renegotiated,
}

/// A renegotiation as the agent records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renegotiation {
    /// The id the store reserved for the replacing promise.
    pub new_id: i64,
    pub new_due_at: DateTime<Utc>,
    /// When the customer heard about and accepted the new time; must be before the old due time.
    pub customer_told_at: DateTime<Utc>,
    /// The agent recording it, who becomes `made_by` of the new promise.
    pub by: String,
    /// Now: when it is recorded.
    pub at: DateTime<Utc>,
}

/// The two records a renegotiation leaves: the old promise closed, the new one open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Renegotiated {
    pub old: Promise,
    pub new: Promise,
}

impl NewPromise {
    /// Trims and checks the agent's input and makes the open promise.
    pub fn validate(self, origin: PromiseOrigin) -> Result<Promise, CoreError> {
        let text = text::required("text", &self.text, MAX_TEXT_CHARS)?;
        let owner = text::required("owner", &self.owner, MAX_SHORT_CHARS)?;
        let made_by = text::required("made_by", &origin.made_by, MAX_SHORT_CHARS)?;
        check_due("due_at", self.due_at, origin.made_at)?;
        Ok(Promise {
            id: origin.id,
            case_id: origin.case_id,
            text,
            channel: self.channel,
            due_at: self.due_at,
            owner,
            made_by,
            made_at: origin.made_at,
            replaces: None,
            state: PromiseState::Open,
        })
    }
}

/// A due time must lie ahead of `now`, but not absurdly far.
fn check_due(field: &str, due_at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), CoreError> {
    if due_at <= now {
        return Err(CoreError::invalid_because(
            field,
            Reason::new(why::PROMISE_DUE_IN_PAST),
            "The promised time has already passed; pick a time in the future.",
        ));
    }
    if due_at - now > TimeDelta::days(MAX_PROMISE_DAYS_AHEAD) {
        return Err(CoreError::invalid_because(
            field,
            Reason::new(why::PROMISE_DUE_TOO_FAR).with("days", MAX_PROMISE_DAYS_AHEAD),
            format!("The promised time is more than {MAX_PROMISE_DAYS_AHEAD} days away; check the year."),
        ));
    }
    Ok(())
}

impl Promise {
    /// Whether `now` is past the due time; at the due time itself the promise can still be kept on time.
    pub fn is_past_due(&self, now: DateTime<Utc>) -> bool {
        now > self.due_at
    }

    /// Where the promise stands at `now`: an open promise past its due time is broken.
    pub fn effective_state(&self, now: DateTime<Utc>) -> PromiseStatus {
        match &self.state {
            PromiseState::Open if self.is_past_due(now) => PromiseStatus::Broken,
            PromiseState::Open => PromiseStatus::Open,
            PromiseState::Kept { at, .. } if *at > self.due_at => PromiseStatus::KeptLate,
            PromiseState::Kept { .. } => PromiseStatus::Kept,
            PromiseState::Renegotiated { .. } => PromiseStatus::Renegotiated,
        }
    }

    /// Records that the promise was kept: the contact happened at `at` and achieved `outcome`.
    ///
    /// A broken promise can still be kept, late: the customer did get the call, and the record
    /// shows it was late. Reminders stop either way.
    pub fn keep(&self, outcome: &str, at: DateTime<Utc>) -> Result<Promise, CoreError> {
        self.require_open()?;
        let outcome = text::required("outcome", outcome, MAX_TEXT_CHARS)?;
        if at < self.made_at {
            return Err(CoreError::invalid_because(
                "at",
                Reason::new(why::CONTACT_BEFORE_PROMISE),
                "The contact time is before the promise was made; check the date and time.",
            ));
        }
        Ok(Promise { state: PromiseState::Kept { outcome, at }, ..self.clone() })
    }

    /// Moves the promise to a new due time the customer agreed to, returning the closed old
    /// record and the new open one.
    ///
    /// Only possible if the customer was told before the old due time passed; recording it a
    /// little later is fine. Once the due time has passed without that, the promise is broken:
    /// record the late contact with [`Promise::keep`] and make a new promise.
    pub fn renegotiate(&self, change: Renegotiation) -> Result<Renegotiated, CoreError> {
        self.require_open()?;
        let by = text::required("by", &change.by, MAX_SHORT_CHARS)?;
        if change.customer_told_at < self.made_at || change.customer_told_at > change.at {
            return Err(CoreError::invalid_because(
                "customer_told_at",
                Reason::new(why::TOLD_AT_OUT_OF_RANGE),
                "The time the customer was told must be after the promise was made and not in the future.",
            ));
        }
        if change.customer_told_at > self.due_at {
            return Err(CoreError::refused(
                RefusalCode::InvalidTransition,
                Reason::new(why::TOLD_AFTER_DUE),
                "The customer was told after the promised time had passed, so this promise is broken and \
                 cannot be renegotiated. Record the contact as kept late and make a new promise.",
            ));
        }
        check_due("new_due_at", change.new_due_at, change.at)?;
        if change.new_due_at == self.due_at {
            return Err(CoreError::invalid_because(
                "new_due_at",
                Reason::new(why::NEW_DUE_UNCHANGED),
                "The new due time is the same as the old one; pick the time the customer agreed to.",
            ));
        }
        let old = Promise {
            state: PromiseState::Renegotiated {
                at: change.at,
                new_due_at: change.new_due_at,
                customer_told_at: change.customer_told_at,
                replaced_by: change.new_id,
            },
            ..self.clone()
        };
        let new = Promise {
            id: change.new_id,
            due_at: change.new_due_at,
            made_by: by,
            made_at: change.at,
            replaces: Some(self.id),
            state: PromiseState::Open,
            ..self.clone()
        };
        Ok(Renegotiated { old, new })
    }

    fn require_open(&self) -> Result<(), CoreError> {
        match &self.state {
            PromiseState::Open => Ok(()),
            PromiseState::Kept { .. } => Err(CoreError::refused(
                RefusalCode::InvalidTransition,
                Reason::new(why::PROMISE_ALREADY_KEPT),
                "This promise has already been kept. If you promised the customer something more, record a new promise.",
            )),
            PromiseState::Renegotiated { replaced_by, .. } => Err(CoreError::refused(
                RefusalCode::InvalidTransition,
                Reason::new(why::PROMISE_REPLACED).with("id", replaced_by),
                format!(
                    "This promise was renegotiated and replaced by promise #{replaced_by}; work on that promise instead."
                ),
            )),
        }
    }
}

#[cfg(test)]
mod tests;
