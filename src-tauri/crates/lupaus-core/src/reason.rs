//! Machine-readable reasons behind refusals and bad input, so the UI can say them in the
//! person's own language. A key never changes once shipped (the UI's dictionaries are keyed by
//! it); the English sentence travels alongside for the CLI and the logs.

/// Why something was refused: a stable key and the values its sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub key: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl Reason {
    pub fn new(key: &'static str) -> Self {
        Reason { key, params: Vec::new() }
    }

    /// The reason with one more value for its sentence, e.g. `("max", "25")`.
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.params.push((name, value.to_string()));
        self
    }
}

/// Which of the existing codes a refusal carries; reasons never add codes of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalCode {
    RemedyFirst,
    InvalidTransition,
    LeadOnly,
}

impl RefusalCode {
    pub fn code(self) -> &'static str {
        match self {
            RefusalCode::RemedyFirst => "remedy_first",
            RefusalCode::InvalidTransition => "invalid_transition",
            RefusalCode::LeadOnly => "lead_only",
        }
    }
}

/// Every reason key, for the UI test that each has a sentence in every language.
pub const ALL: &[&str] = &[
    // The case's stage does not allow the action.
    CASE_CLOSED,
    ALREADY_STARTED,
    REMEDY_ALREADY_AGREED,
    REMEDY_DELIVERED,
    ALREADY_WAITING,
    NOT_WAITING,
    NO_COMPENSATION_PENDING,
    NOTHING_TO_REOPEN,
    ALREADY_DELIVERED,
    DECLINED_TELL_INSTEAD,
    AGREED_DELIVER_INSTEAD,
    AGREE_REMEDY_FIRST,
    COMPENSATION_PENDING,
    COMPENSATION_NOT_PENDING,
    DELIVER_BEFORE_CLOSE,
    ANALYSIS_NEEDS_CLOSED_CASE,
    // Only a lead may.
    LEAD_DECIDES_COMPENSATION,
    LEAD_CLOSES_WITHOUT_ROOT_CAUSE,
    LEAD_REOPENS,
    HAND_BACK_BOUNCES,
    // Why root cause and responsibility are still locked.
    LOCK_AGREE_AND_DELIVER_FIRST,
    LOCK_DELIVER_AGREED_FIRST,
    LOCK_TELL_DECLINE_FIRST,
    // Bad input.
    REQUIRED,
    TOO_LONG,
];

pub const CASE_CLOSED: &str = "case_closed";
pub const ALREADY_STARTED: &str = "already_started";
pub const REMEDY_ALREADY_AGREED: &str = "remedy_already_agreed";
pub const REMEDY_DELIVERED: &str = "remedy_delivered";
pub const ALREADY_WAITING: &str = "already_waiting";
pub const NOT_WAITING: &str = "not_waiting";
pub const NO_COMPENSATION_PENDING: &str = "no_compensation_pending";
pub const NOTHING_TO_REOPEN: &str = "nothing_to_reopen";
pub const ALREADY_DELIVERED: &str = "already_delivered";
pub const DECLINED_TELL_INSTEAD: &str = "declined_tell_instead";
pub const AGREED_DELIVER_INSTEAD: &str = "agreed_deliver_instead";
pub const AGREE_REMEDY_FIRST: &str = "agree_remedy_first";
/// Params: `id`, the compensation's number.
pub const COMPENSATION_PENDING: &str = "compensation_pending";
/// Params: `id`.
pub const COMPENSATION_NOT_PENDING: &str = "compensation_not_pending";
pub const DELIVER_BEFORE_CLOSE: &str = "deliver_before_close";
pub const ANALYSIS_NEEDS_CLOSED_CASE: &str = "analysis_needs_closed_case";
pub const LEAD_DECIDES_COMPENSATION: &str = "lead_decides_compensation";
pub const LEAD_CLOSES_WITHOUT_ROOT_CAUSE: &str = "lead_closes_without_root_cause";
pub const LEAD_REOPENS: &str = "lead_reopens";
/// Params: `person`, who just handed the case over.
pub const HAND_BACK_BOUNCES: &str = "hand_back_bounces";
pub const LOCK_AGREE_AND_DELIVER_FIRST: &str = "lock_agree_and_deliver_first";
pub const LOCK_DELIVER_AGREED_FIRST: &str = "lock_deliver_agreed_first";
pub const LOCK_TELL_DECLINE_FIRST: &str = "lock_tell_decline_first";
/// The field is empty.
pub const REQUIRED: &str = "required";
/// Params: `count` characters given, `max` allowed.
pub const TOO_LONG: &str = "too_long";
