//! Everything an agent or a lead can ask of a case, and the payload-free [`ActionKind`] the UI
//! uses to show what is possible next.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::terms::{
    CompensationBasis, ContactDirection, DeclineBasis, MeasureKind, NoteVisibility, Party, Remedy, ReopenTarget,
    RootCauseCategory, WaitingOn,
};
use crate::case::Channel;
use crate::promise::NewPromise;

/// A request to change a case. [`super::decide`] turns it into events or refuses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CaseCommand {
    /// Take the case up without proposing anything yet.
    StartSolving,
    /// Offer one way to fix it; several options may be worked out before one is agreed.
    ProposeRemedyOption {
        remedy: Remedy,
    },
    /// Pause the SLA clock while the customer or a supplier has to act.
    WaitFor {
        on: WaitingOn,
        reason: String,
        until: Option<DateTime<Utc>>,
    },
    /// End a wait.
    Resume {
        note: Option<String>,
    },
    /// Record the remedy agreed with the customer; `option_id` points at the option it came from.
    AgreeRemedy {
        remedy: Remedy,
        option_id: Option<u32>,
    },
    /// Decline the complaint with a stated basis and an explanation for the customer.
    DeclineComplaint {
        basis: DeclineBasis,
        explanation: String,
    },
    /// The agreed remedy was carried out and the customer was told.
    DeliverRemedy {
        summary: String,
        informed_via: Channel,
    },
    /// The customer was told the complaint is declined, and why.
    CommunicateDecline {
        informed_via: Channel,
        note: Option<String>,
    },
    /// Money (in euro cents) and/or another form of compensation. Part of the remedy, not blame.
    ProposeCompensation {
        #[ts(type = "number | null")]
        amount_cents: Option<u64>,
        form: Option<String>,
        basis: CompensationBasis,
        note: Option<String>,
    },
    /// A lead approves a compensation above the agent's limit.
    ApproveCompensation {
        compensation_id: u32,
        note: Option<String>,
    },
    /// A lead rejects a compensation above the agent's limit.
    RejectCompensation {
        compensation_id: u32,
        reason: String,
    },
    /// Pass the case to a named person; the note and what the customer was told are required so
    /// the next person does not have to ask the customer again.
    HandOff {
        to: String,
        note: String,
        customer_told: String,
        callback: Option<NewPromise>,
    },
    AddNote {
        visibility: NoteVisibility,
        text: String,
    },
    /// A call, e-mail or visit with the customer after intake.
    RecordContact {
        direction: ContactDirection,
        channel: Channel,
        summary: String,
    },
    RecordRootCause {
        category: RootCauseCategory,
        description: String,
    },
    AssignResponsibility {
        party: Party,
        party_name: Option<String>,
        note: Option<String>,
    },
    /// What the case cost us and who bears it.
    RecordCost {
        #[ts(type = "number")]
        amount_cents: u64,
        borne_by: Party,
        description: String,
    },
    AddCorrectiveAction {
        measure: MeasureKind,
        description: String,
        owner: String,
        due: Option<DateTime<Utc>>,
    },
    /// Close the case. Without a root cause only a lead can close it, giving a reason.
    Close {
        closing_gesture: Option<String>,
        lessons_learned: Option<String>,
        not_analysed_reason: Option<String>,
    },
    /// A lead reopens the case.
    Reopen {
        reason: String,
        to: ReopenTarget,
    },
}

/// The kind of a [`CaseCommand`] without its payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    StartSolving,
    ProposeRemedyOption,
    WaitFor,
    Resume,
    AgreeRemedy,
    DeclineComplaint,
    DeliverRemedy,
    CommunicateDecline,
    ProposeCompensation,
    ApproveCompensation,
    RejectCompensation,
    HandOff,
    AddNote,
    RecordContact,
    RecordRootCause,
    AssignResponsibility,
    RecordCost,
    AddCorrectiveAction,
    Close,
    Reopen,
}

impl ActionKind {
    pub const ALL: [ActionKind; 20] = [
        ActionKind::StartSolving,
        ActionKind::ProposeRemedyOption,
        ActionKind::WaitFor,
        ActionKind::Resume,
        ActionKind::AgreeRemedy,
        ActionKind::DeclineComplaint,
        ActionKind::DeliverRemedy,
        ActionKind::CommunicateDecline,
        ActionKind::ProposeCompensation,
        ActionKind::ApproveCompensation,
        ActionKind::RejectCompensation,
        ActionKind::HandOff,
        ActionKind::AddNote,
        ActionKind::RecordContact,
        ActionKind::RecordRootCause,
        ActionKind::AssignResponsibility,
        ActionKind::RecordCost,
        ActionKind::AddCorrectiveAction,
        ActionKind::Close,
        ActionKind::Reopen,
    ];

    /// The blame side: locked until the remedy is delivered.
    pub fn is_blame_side(self) -> bool {
        matches!(
            self,
            ActionKind::RecordRootCause
                | ActionKind::AssignResponsibility
                | ActionKind::RecordCost
                | ActionKind::AddCorrectiveAction
        )
    }

    /// Words for error messages: "Possible now: agree a remedy, hand the case off".
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::StartSolving => "start solving",
            ActionKind::ProposeRemedyOption => "propose a remedy option",
            ActionKind::WaitFor => "wait on the customer or a supplier",
            ActionKind::Resume => "resume",
            ActionKind::AgreeRemedy => "agree a remedy",
            ActionKind::DeclineComplaint => "decline the complaint",
            ActionKind::DeliverRemedy => "mark the remedy delivered",
            ActionKind::CommunicateDecline => "record that the customer was told of the decline",
            ActionKind::ProposeCompensation => "propose compensation",
            ActionKind::ApproveCompensation => "approve compensation",
            ActionKind::RejectCompensation => "reject compensation",
            ActionKind::HandOff => "hand the case off",
            ActionKind::AddNote => "add a note",
            ActionKind::RecordContact => "record a customer contact",
            ActionKind::RecordRootCause => "record the root cause",
            ActionKind::AssignResponsibility => "assign responsibility",
            ActionKind::RecordCost => "record a cost",
            ActionKind::AddCorrectiveAction => "add a corrective action",
            ActionKind::Close => "close the case",
            ActionKind::Reopen => "reopen the case",
        }
    }
}

impl CaseCommand {
    pub fn kind(&self) -> ActionKind {
        match self {
            CaseCommand::StartSolving => ActionKind::StartSolving,
            CaseCommand::ProposeRemedyOption { .. } => ActionKind::ProposeRemedyOption,
            CaseCommand::WaitFor { .. } => ActionKind::WaitFor,
            CaseCommand::Resume { .. } => ActionKind::Resume,
            CaseCommand::AgreeRemedy { .. } => ActionKind::AgreeRemedy,
            CaseCommand::DeclineComplaint { .. } => ActionKind::DeclineComplaint,
            CaseCommand::DeliverRemedy { .. } => ActionKind::DeliverRemedy,
            CaseCommand::CommunicateDecline { .. } => ActionKind::CommunicateDecline,
            CaseCommand::ProposeCompensation { .. } => ActionKind::ProposeCompensation,
            CaseCommand::ApproveCompensation { .. } => ActionKind::ApproveCompensation,
            CaseCommand::RejectCompensation { .. } => ActionKind::RejectCompensation,
            CaseCommand::HandOff { .. } => ActionKind::HandOff,
            CaseCommand::AddNote { .. } => ActionKind::AddNote,
            CaseCommand::RecordContact { .. } => ActionKind::RecordContact,
            CaseCommand::RecordRootCause { .. } => ActionKind::RecordRootCause,
            CaseCommand::AssignResponsibility { .. } => ActionKind::AssignResponsibility,
            CaseCommand::RecordCost { .. } => ActionKind::RecordCost,
            CaseCommand::AddCorrectiveAction { .. } => ActionKind::AddCorrectiveAction,
            CaseCommand::Close { .. } => ActionKind::Close,
            CaseCommand::Reopen { .. } => ActionKind::Reopen,
        }
    }
}
