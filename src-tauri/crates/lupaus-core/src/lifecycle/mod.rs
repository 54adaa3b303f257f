//! The case lifecycle: "solve first, assign blame later".
//!
//! A complaint moves through [`Stage`]s in a fixed order: intake, solving, remedy agreed (or
//! complaint declined), remedy delivered (or decline communicated), root cause, closed. The order
//! is enforced here, not merely suggested: root cause, responsibility, cost and corrective action
//! cannot be written until the customer's remedy is delivered, and the attempt fails with
//! [`CoreError::RemedyFirst`](crate::CoreError::RemedyFirst).
//!
//! The module is event-sourced and pure:
//! - [`decide`] validates a [`CaseCommand`] against a [`CaseState`] and returns the
//!   [`EventRecord`]s to append; it never mutates anything and never reads the clock.
//! - [`apply`] folds one record into a state, and [`CaseState::replay`] rebuilds a state from the
//!   log, so the stored events are the single source of truth.
//! - [`figures`] derives first-contact resolution, times and counts from the log alone.
//! - [`CaseState::allowed_actions`] and [`CaseState::root_cause_lock`] tell the UI what is possible
//!   next, using the same checks as [`decide`].

mod apply;
mod command;
mod decide;
mod event;
mod figures;
mod gate;
mod state;
mod terms;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use apply::apply;
pub use command::{ActionKind, CaseCommand};
pub use decide::{MAX_AMOUNT_CENTS, decide};
pub use event::{CaseEvent, EventRecord, open_case};
pub use figures::{CaseFigures, figures};
pub use state::{
    AgreedRemedy, Analysis, CaseState, Closing, Compensation, CompensationStatus, Contact, CorrectiveAction, Cost,
    Decline, Delivery, HandOff, Note, RemedyOption, Reopening, Responsibility, RootCause, Wait,
};
pub use terms::{
    CompensationBasis, ContactDirection, DeclineBasis, MeasureKind, NoteVisibility, Party, Remedy, RemedyForm,
    ReopenTarget, RootCauseCategory, Stage, WaitingOn,
};

/// Whether a person acts as an agent or as a team lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Agent,
    Lead,
}

/// Who does something: recorded on every event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Actor {
    pub person: String,
    pub role: Role,
}

impl Actor {
    pub fn agent(person: impl Into<String>) -> Self {
        Actor { person: person.into(), role: Role::Agent }
    }

    pub fn lead(person: impl Into<String>) -> Self {
        Actor { person: person.into(), role: Role::Lead }
    }

    /// Refuses anyone but a team lead, saying what they tried to do.
    pub fn require_lead(&self, what: &str) -> Result<(), crate::CoreError> {
        match self.role {
            Role::Lead => Ok(()),
            Role::Agent => Err(crate::CoreError::refused(
                crate::reason::RefusalCode::LeadOnly,
                crate::reason::Reason::new(crate::reason::LEAD_ONLY),
                format!("Only a team lead can {what}. Ask your team lead."),
            )),
        }
    }
}

/// The desk's rules that are settings, not code. Passed in, never read from the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Policy {
    /// An agent may grant compensation up to this total per case (in euro cents); above it the
    /// compensation waits for a lead's approval.
    #[ts(type = "number")]
    pub compensation_lead_limit_cents: u64,
}

impl Default for Policy {
    fn default() -> Self {
        // 100 € is a common first-line authority limit; the desk can change it in settings.
        Policy { compensation_lead_limit_cents: 10_000 }
    }
}
