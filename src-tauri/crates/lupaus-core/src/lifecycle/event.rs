//! The facts a case is made of. The store appends [`EventRecord`]s and never edits them; the
//! current state is always a fold over them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Actor;
use super::terms::{
    CompensationBasis, ContactDirection, DeclineBasis, MeasureKind, NoteVisibility, Party, Remedy, ReopenTarget,
    RootCauseCategory, Stage, WaitingOn,
};
use crate::case::{Channel, NewCase, ValidNewCase};
use crate::promise::NewPromise;

/// One accepted change. Texts in events are already trimmed and validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaseEvent {
    /// The complaint was received. Always the first event, and only there.
    Opened {
        intake: NewCase,
    },
    SolvingStarted,
    RemedyOptionProposed {
        option_id: u32,
        remedy: Remedy,
    },
    WaitStarted {
        on: WaitingOn,
        reason: String,
        until: Option<DateTime<Utc>>,
    },
    /// `automatic` when the wait ended because the case moved on (a remedy was agreed, ...).
    WaitEnded {
        note: Option<String>,
        automatic: bool,
    },
    RemedyAgreed {
        remedy: Remedy,
        option_id: Option<u32>,
    },
    ComplaintDeclined {
        basis: DeclineBasis,
        explanation: String,
    },
    RemedyDelivered {
        summary: String,
        informed_via: Channel,
    },
    DeclineCommunicated {
        informed_via: Channel,
        note: Option<String>,
    },
    /// `needs_lead_approval` is decided once, under the policy in force when it was proposed, so
    /// replaying the log never depends on today's settings.
    CompensationProposed {
        compensation_id: u32,
        #[ts(type = "number | null")]
        amount_cents: Option<u64>,
        form: Option<String>,
        basis: CompensationBasis,
        note: Option<String>,
        needs_lead_approval: bool,
    },
    CompensationApproved {
        compensation_id: u32,
        note: Option<String>,
    },
    CompensationRejected {
        compensation_id: u32,
        reason: String,
    },
    /// The case owner changes from `from` to `to`. A callback becomes a promise in the store.
    HandedOff {
        from: String,
        to: String,
        note: String,
        customer_told: String,
        callback: Option<NewPromise>,
    },
    NoteAdded {
        visibility: NoteVisibility,
        text: String,
    },
    ContactRecorded {
        direction: ContactDirection,
        channel: Channel,
        summary: String,
    },
    RootCauseRecorded {
        category: RootCauseCategory,
        description: String,
    },
    ResponsibilityAssigned {
        party: Party,
        party_name: Option<String>,
        note: Option<String>,
    },
    CostRecorded {
        cost_id: u32,
        #[ts(type = "number")]
        amount_cents: u64,
        borne_by: Party,
        description: String,
    },
    CorrectiveActionAdded {
        action_id: u32,
        measure: MeasureKind,
        description: String,
        owner: String,
        due: Option<DateTime<Utc>>,
    },
    Closed {
        closing_gesture: Option<String>,
        lessons_learned: Option<String>,
        not_analysed_reason: Option<String>,
    },
    Reopened {
        reason: String,
        to: ReopenTarget,
    },
}

impl CaseEvent {
    /// Root cause, responsibility, cost and corrective action: facts that may only follow the
    /// customer's remedy.
    pub fn is_blame_side(&self) -> bool {
        matches!(
            self,
            CaseEvent::RootCauseRecorded { .. }
                | CaseEvent::ResponsibilityAssigned { .. }
                | CaseEvent::CostRecorded { .. }
                | CaseEvent::CorrectiveActionAdded { .. }
        )
    }
}

/// Who did what, when, and how it moved the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventRecord {
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub stage_before: Stage,
    pub stage_after: Stage,
    pub event: CaseEvent,
}

/// The first event of every case. The person who takes the complaint owns it.
pub fn open_case(intake: ValidNewCase, actor: Actor, at: DateTime<Utc>) -> EventRecord {
    EventRecord {
        at,
        actor,
        stage_before: Stage::Intake,
        stage_after: Stage::Intake,
        event: CaseEvent::Opened { intake: intake.get().clone() },
    }
}
