//! The vocabulary of the lifecycle: stages and the closed lists agents pick from.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a case is in the order of work. The order is the point: the customer's remedy comes
/// before any question of cause or blame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Received; nobody has started working on the remedy yet.
    Intake,
    /// Remedy options are being worked out; the case may be waiting on someone.
    Solving,
    /// A remedy was agreed with the customer, or the complaint was declined with a stated basis.
    RemedyAgreed,
    /// The remedy was delivered and the customer informed, or the customer was told of the decline.
    RemedyDelivered,
    /// Root cause, responsibility, cost and corrective action are being worked out.
    RootCause,
    /// Done. A lead can reopen it.
    Closed,
}

impl Stage {
    pub const ALL: [Stage; 6] =
        [Stage::Intake, Stage::Solving, Stage::RemedyAgreed, Stage::RemedyDelivered, Stage::RootCause, Stage::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Intake => "intake",
            Stage::Solving => "solving",
            Stage::RemedyAgreed => "remedy_agreed",
            Stage::RemedyDelivered => "remedy_delivered",
            Stage::RootCause => "root_cause",
            Stage::Closed => "closed",
        }
    }

    /// True once the customer has their remedy (or knows the complaint was declined).
    pub fn is_remedy_delivered(self) -> bool {
        matches!(self, Stage::RemedyDelivered | Stage::RootCause | Stage::Closed)
    }
}

/// The form a remedy takes; an agreed remedy may combine several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RemedyForm {
    Repair,
    Replacement,
    Refund,
    Discount,
    Apology,
    Explanation,
    GoodwillGesture,
}

/// What we do (or offer to do) for the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Remedy {
    /// At least one form; duplicates are dropped.
    pub forms: Vec<RemedyForm>,
    /// What exactly, in words the customer would recognise.
    pub description: String,
}

/// Why a complaint is declined. A decline always states its basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeclineBasis {
    Contract,
    WarrantyTerms,
    ConsumerLaw,
}

/// On what grounds compensation is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CompensationBasis {
    Contract,
    ConsumerLaw,
    Warranty,
    Goodwill,
}

/// Who the case is waiting on. SLA clocks pause while it waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WaitingOn {
    Customer,
    Supplier,
}

/// Why it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RootCauseCategory {
    Process,
    Communication,
    /// Staff conduct or skill.
    StaffConduct,
    ProductDefect,
    Billing,
    /// A partner or supplier.
    Partner,
    /// The customer's own action.
    CustomerAction,
    Unknown,
}

/// Who is responsible, or who bears a cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Us,
    /// Supplier, importer or partner.
    Supplier,
    Customer,
    Shared,
}

/// Whether an action fixes this kind of failure (corrective) or stops it recurring (preventive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    Corrective,
    Preventive,
}

/// Who may read a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoteVisibility {
    Internal,
    CustomerVisible,
}

/// Who started a customer contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactDirection {
    Inbound,
    Outbound,
}

/// What a reopened case goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReopenTarget {
    /// The remedy did not hold: solve again, and blame waits until it is delivered again.
    Remedy,
    /// The remedy holds, but the analysis needs more work.
    Analysis,
}
