//! The case aggregate: everything the desk knows about one complaint, rebuilt from its events.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::apply::apply;
use super::event::{CaseEvent, EventRecord};
use super::terms::{
    CompensationBasis, ContactDirection, DeclineBasis, MeasureKind, NoteVisibility, Party, Remedy, ReopenTarget,
    RootCauseCategory, Stage, WaitingOn,
};
use crate::CoreError;
use crate::case::{Channel, NewCase};
use crate::promise::NewPromise;

/// The current state of one case. Only [`apply`] changes it, so it always equals a replay of
/// the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CaseState {
    pub stage: Stage,
    pub intake: NewCase,
    pub received_at: DateTime<Utc>,
    /// Who works on the case now; changes only by hand-off.
    pub owner: String,
    /// Time of the latest event; new events are never stamped earlier.
    pub last_event_at: DateTime<Utc>,
    pub remedy_options: Vec<RemedyOption>,
    pub agreed_remedy: Option<AgreedRemedy>,
    pub decline: Option<Decline>,
    pub delivery: Option<Delivery>,
    pub analysis: Analysis,
    pub compensations: Vec<Compensation>,
    pub notes: Vec<Note>,
    pub contacts: Vec<Contact>,
    pub hand_offs: Vec<HandOff>,
    /// The wait in progress, if any.
    pub waiting: Option<Wait>,
    /// Finished waits, oldest first.
    pub waits: Vec<Wait>,
    pub closing: Option<Closing>,
    pub reopenings: Vec<Reopening>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RemedyOption {
    pub id: u32,
    pub remedy: Remedy,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgreedRemedy {
    pub remedy: Remedy,
    pub option_id: Option<u32>,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Decline {
    pub basis: DeclineBasis,
    pub explanation: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// The remedy was delivered, or (when `of_decline`) the customer was told of the decline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Delivery {
    pub of_decline: bool,
    pub summary: Option<String>,
    pub informed_via: Channel,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// The blame side. Empty until the remedy is delivered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Analysis {
    pub root_cause: Option<RootCause>,
    pub responsibility: Option<Responsibility>,
    pub costs: Vec<Cost>,
    pub actions: Vec<CorrectiveAction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RootCause {
    pub category: RootCauseCategory,
    pub description: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Responsibility {
    pub party: Party,
    /// Which supplier or partner, when that matters.
    pub party_name: Option<String>,
    pub note: Option<String>,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Cost {
    pub id: u32,
    #[ts(type = "number")]
    pub amount_cents: u64,
    pub borne_by: Party,
    pub description: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CorrectiveAction {
    pub id: u32,
    pub measure: MeasureKind,
    pub description: String,
    pub owner: String,
    pub due: Option<DateTime<Utc>>,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Compensation {
    pub id: u32,
    #[ts(type = "number | null")]
    pub amount_cents: Option<u64>,
    pub form: Option<String>,
    pub basis: CompensationBasis,
    pub note: Option<String>,
    pub proposed_by: String,
    pub proposed_at: DateTime<Utc>,
    pub status: CompensationStatus,
}

/// Within the agent's limit a compensation is approved by whoever proposed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CompensationStatus {
    PendingLead,
    Approved { by: String, at: DateTime<Utc>, note: Option<String> },
    Rejected { by: String, at: DateTime<Utc>, reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Note {
    pub visibility: NoteVisibility,
    pub text: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Contact {
    pub direction: ContactDirection,
    pub channel: Channel,
    pub summary: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HandOff {
    pub from: String,
    pub to: String,
    pub note: String,
    pub customer_told: String,
    pub callback: Option<NewPromise>,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Wait {
    pub on: WaitingOn,
    pub reason: String,
    pub until: Option<DateTime<Utc>>,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Closing {
    pub closing_gesture: Option<String>,
    pub lessons_learned: Option<String>,
    /// Set when a lead closed the case without a root cause.
    pub not_analysed_reason: Option<String>,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reopening {
    pub reason: String,
    pub to: ReopenTarget,
    pub by: String,
    pub at: DateTime<Utc>,
}

impl CaseState {
    /// Rebuilds the state from the log. The first record must be the `opened` event; a log that
    /// breaks the lifecycle's rules is refused rather than half-applied.
    pub fn replay(records: &[EventRecord]) -> Result<CaseState, CoreError> {
        let (first, rest) = records
            .split_first()
            .ok_or_else(|| CoreError::CorruptLog("the case has no events; it must start with 'opened'.".into()))?;
        let mut state = CaseState::opened(first)?;
        for record in rest {
            apply(&mut state, record)?;
        }
        Ok(state)
    }

    fn opened(record: &EventRecord) -> Result<CaseState, CoreError> {
        let CaseEvent::Opened { intake } = &record.event else {
            return Err(CoreError::CorruptLog("the first event of a case must be 'opened'.".into()));
        };
        if record.stage_before != Stage::Intake || record.stage_after != Stage::Intake {
            return Err(CoreError::CorruptLog("a case opens in the intake stage.".into()));
        }
        Ok(CaseState {
            stage: Stage::Intake,
            intake: intake.clone(),
            received_at: record.at,
            owner: record.actor.person.clone(),
            last_event_at: record.at,
            remedy_options: Vec::new(),
            agreed_remedy: None,
            decline: None,
            delivery: None,
            analysis: Analysis::default(),
            compensations: Vec::new(),
            notes: Vec::new(),
            contacts: Vec::new(),
            hand_offs: Vec::new(),
            waiting: None,
            waits: Vec::new(),
            closing: None,
            reopenings: Vec::new(),
        })
    }

    pub fn has_pending_compensation(&self) -> bool {
        self.compensations.iter().any(|c| c.status == CompensationStatus::PendingLead)
    }

    /// Money granted or asked for on this case, in cents: approved plus pending. Rejected
    /// compensation does not count.
    pub fn committed_compensation_cents(&self) -> u64 {
        self.compensations
            .iter()
            .filter(|c| !matches!(c.status, CompensationStatus::Rejected { .. }))
            .filter_map(|c| c.amount_cents)
            .fold(0, u64::saturating_add)
    }
}
