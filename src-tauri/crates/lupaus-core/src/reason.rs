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
    SETTLE_PROMISES_FIRST,
    // Only a lead may.
    LEAD_DECIDES_COMPENSATION,
    LEAD_CLOSES_WITHOUT_ROOT_CAUSE,
    LEAD_REOPENS,
    LEAD_RESTORES_BACKUP,
    LEAD_RECORDS_LESSONS,
    LEAD_CHANGES_SETTINGS,
    FIRST_PERSON_IS_LEAD,
    LEAD_ONLY,
    LEAD_RESOLVES_CONFLICTS,
    HAND_BACK_BOUNCES,
    // Promises that are no longer open.
    PROMISE_ALREADY_KEPT,
    PROMISE_REPLACED,
    PROMISE_NOT_OPEN,
    PROMISE_WITHDRAWN,
    TOLD_AFTER_DUE,
    OPEN_CASES_BEFORE_ANONYMISING,
    // Why root cause and responsibility are still locked.
    LOCK_AGREE_AND_DELIVER_FIRST,
    LOCK_DELIVER_AGREED_FIRST,
    LOCK_TELL_DECLINE_FIRST,
    // Bad input.
    REQUIRED,
    TOO_LONG,
    UNKNOWN_CHOICE,
    NOT_AN_EMAIL,
    NOT_A_CASE_REFERENCE,
    PROMISE_DUE_IN_PAST,
    PROMISE_DUE_TOO_FAR,
    CONTACT_BEFORE_PROMISE,
    TOLD_AT_OUT_OF_RANGE,
    NEW_DUE_UNCHANGED,
    ONLY_LEAD_ROLE_CHANGE,
    ONLY_LEAD_DEACTIVATE,
    PIN_OWN_ONLY,
    PIN_MISSING,
    PIN_DIGITS_ONLY,
    PIN_LENGTH,
    PROMISE_BUFFER_TOO_LONG,
    EXPECTED_DATE_PAST,
    COMPENSATION_AMOUNT_OR_FORM,
    REMEDY_FORM_REQUIRED,
    AMOUNT_NOT_POSITIVE,
    AMOUNT_TOO_LARGE,
    ALREADY_OWNER,
    CALLBACK_DUE_IN_PAST,
    ROOT_CAUSE_RECORDED,
    ROOT_CAUSE_OR_REASON,
    REMINDER_DELAY_OUT_OF_RANGE,
    TOO_MANY_REMINDERS,
    DUPLICATE_REMINDER,
    SLA_TARGET_OUT_OF_RANGE,
    SLA_TARGETS_SHRINK,
    UNKNOWN_TIME_ZONE,
    OPENS_AFTER_CLOSES,
    NO_WEEKDAY_OPENING_HOURS,
    END_BEFORE_START,
    RANGE_TOO_LONG,
    CHOOSE_PERSON,
    OWNER_NOT_ACTIVE,
    HAND_OFF_UNKNOWN_PERSON,
    HAND_OFF_PERSON_AWAY,
    HAND_OFF_PERSON_ABSENT,
    AWAY_DAYS_OUT_OF_RANGE,
    FILE_NAME_UNREADABLE,
    FILE_UNREADABLE,
    ATTACHMENT_NOT_OPENABLE,
    ATTACHMENT_FILE_MISSING,
    ATTACHMENT_FILE_DAMAGED,
    ATTACHMENT_REMOVED,
    ATTACHMENT_NOT_FETCHED,
    ATTACHMENT_FETCHED_DAMAGED,
    DUE_TEXT_UNREADABLE,
    NOT_A_CONFLICT,
    CONFLICT_ALREADY_REVIEWED,
    DUE_OUTSIDE_HOURS,
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
/// Params: `count` open promises, `ids` as "#3, #7".
pub const SETTLE_PROMISES_FIRST: &str = "settle_promises_first";
pub const LEAD_DECIDES_COMPENSATION: &str = "lead_decides_compensation";
pub const LEAD_CLOSES_WITHOUT_ROOT_CAUSE: &str = "lead_closes_without_root_cause";
pub const LEAD_REOPENS: &str = "lead_reopens";
pub const LEAD_RESTORES_BACKUP: &str = "lead_restores_backup";
/// Params: `person`, who just handed the case over.
pub const HAND_BACK_BOUNCES: &str = "hand_back_bounces";
pub const LOCK_AGREE_AND_DELIVER_FIRST: &str = "lock_agree_and_deliver_first";
pub const LOCK_DELIVER_AGREED_FIRST: &str = "lock_deliver_agreed_first";
pub const LOCK_TELL_DECLINE_FIRST: &str = "lock_tell_decline_first";
/// The field is empty.
pub const REQUIRED: &str = "required";
/// Params: `count` characters given, `max` allowed.
pub const TOO_LONG: &str = "too_long";
/// Params: `value`, what was given instead of one of the choices.
pub const UNKNOWN_CHOICE: &str = "unknown_choice";
/// Params: `email`.
pub const NOT_AN_EMAIL: &str = "not_an_email";
/// Params: `value`.
pub const NOT_A_CASE_REFERENCE: &str = "not_a_case_reference";
pub const PROMISE_DUE_IN_PAST: &str = "promise_due_in_past";
/// Params: `days`, the furthest a promise may reach.
pub const PROMISE_DUE_TOO_FAR: &str = "promise_due_too_far";
pub const CONTACT_BEFORE_PROMISE: &str = "contact_before_promise";
pub const TOLD_AT_OUT_OF_RANGE: &str = "told_at_out_of_range";
pub const NEW_DUE_UNCHANGED: &str = "new_due_unchanged";
/// Params: `name`, the desk's only lead.
pub const ONLY_LEAD_ROLE_CHANGE: &str = "only_lead_role_change";
/// Params: `name`, the desk's only lead.
pub const ONLY_LEAD_DEACTIVATE: &str = "only_lead_deactivate";
/// Params: `name`, whose PIN it is.
pub const PIN_OWN_ONLY: &str = "pin_own_only";
pub const PIN_MISSING: &str = "pin_missing";
pub const PIN_DIGITS_ONLY: &str = "pin_digits_only";
/// Params: `count`, the digits given.
pub const PIN_LENGTH: &str = "pin_length";
/// Params: `max` business minutes.
pub const PROMISE_BUFFER_TOO_LONG: &str = "promise_buffer_too_long";
pub const EXPECTED_DATE_PAST: &str = "expected_date_past";
pub const COMPENSATION_AMOUNT_OR_FORM: &str = "compensation_amount_or_form";
pub const REMEDY_FORM_REQUIRED: &str = "remedy_form_required";
pub const AMOUNT_NOT_POSITIVE: &str = "amount_not_positive";
pub const AMOUNT_TOO_LARGE: &str = "amount_too_large";
/// Params: `person`, who already owns the case.
pub const ALREADY_OWNER: &str = "already_owner";
pub const CALLBACK_DUE_IN_PAST: &str = "callback_due_in_past";
pub const ROOT_CAUSE_RECORDED: &str = "root_cause_recorded";
pub const ROOT_CAUSE_OR_REASON: &str = "root_cause_or_reason";
/// Params: `minutes` given, `max` allowed.
pub const REMINDER_DELAY_OUT_OF_RANGE: &str = "reminder_delay_out_of_range";
/// Params: `max`.
pub const TOO_MANY_REMINDERS: &str = "too_many_reminders";
pub const DUPLICATE_REMINDER: &str = "duplicate_reminder";
/// Params: `max_hours`, the largest target in business hours.
pub const SLA_TARGET_OUT_OF_RANGE: &str = "sla_target_out_of_range";
pub const SLA_TARGETS_SHRINK: &str = "sla_targets_shrink";
/// Params: `value`.
pub const UNKNOWN_TIME_ZONE: &str = "unknown_time_zone";
/// Params: `open` and `close`, as HH:MM.
pub const OPENS_AFTER_CLOSES: &str = "opens_after_closes";
pub const NO_WEEKDAY_OPENING_HOURS: &str = "no_weekday_opening_hours";
pub const END_BEFORE_START: &str = "end_before_start";
/// Params: `count` days asked, `max` allowed.
pub const RANGE_TOO_LONG: &str = "range_too_long";
pub const CHOOSE_PERSON: &str = "choose_person";
/// Params: `name`, the owner given.
pub const OWNER_NOT_ACTIVE: &str = "owner_not_active";
/// Params: `name`, the person a hand-off named who is not one of the team's people.
pub const HAND_OFF_UNKNOWN_PERSON: &str = "hand_off_unknown_person";
/// Params: `name`, a deactivated person: the sender is warned and must confirm.
pub const HAND_OFF_PERSON_AWAY: &str = "hand_off_person_away";
/// Params: `name`; `days`, business days since they last signed in on any desk: the sender is
/// warned and must confirm.
pub const HAND_OFF_PERSON_ABSENT: &str = "hand_off_person_absent";
/// Params: `max`, the most business days the away warning may wait.
pub const AWAY_DAYS_OUT_OF_RANGE: &str = "away_days_out_of_range";
pub const FILE_NAME_UNREADABLE: &str = "file_name_unreadable";
/// Params: `name`, the file's name.
pub const FILE_UNREADABLE: &str = "file_unreadable";
/// Params: `name`, the attachment's file name; `media_type`. Its type is not one the desk opens.
pub const ATTACHMENT_NOT_OPENABLE: &str = "attachment_not_openable";
/// Params: `name`. The stored file is gone from the attachments folder.
pub const ATTACHMENT_FILE_MISSING: &str = "attachment_file_missing";
/// Params: `name`. The stored file's bytes no longer match the hash taken when it was added.
pub const ATTACHMENT_FILE_DAMAGED: &str = "attachment_file_damaged";
/// The file was deleted when the customer's data was anonymised.
pub const ATTACHMENT_REMOVED: &str = "attachment_removed";
/// Params: `name`. Another desk's file whose bytes this desk has not fetched from the server.
pub const ATTACHMENT_NOT_FETCHED: &str = "attachment_not_fetched";
/// Params: `name`. The server's copy does not match the size and SHA-256 the file was added with.
pub const ATTACHMENT_FETCHED_DAMAGED: &str = "attachment_fetched_damaged";
/// Params: `value`, what was typed.
pub const DUE_TEXT_UNREADABLE: &str = "due_text_unreadable";
/// Params: `next_opening`, an RFC 3339 instant to offer instead.
pub const DUE_OUTSIDE_HOURS: &str = "due_outside_hours";
pub const LEAD_RECORDS_LESSONS: &str = "lead_records_lessons";
pub const LEAD_CHANGES_SETTINGS: &str = "lead_changes_settings";
pub const FIRST_PERSON_IS_LEAD: &str = "first_person_is_lead";
/// Any other lead-only action (seeing the approvals list, say).
pub const LEAD_ONLY: &str = "lead_only";
pub const PROMISE_ALREADY_KEPT: &str = "promise_already_kept";
/// Params: `id`, the promise that replaced it.
pub const PROMISE_REPLACED: &str = "promise_replaced";
pub const PROMISE_NOT_OPEN: &str = "promise_not_open";
pub const TOLD_AFTER_DUE: &str = "told_after_due";
/// Params: `cases`, their references.
pub const OPEN_CASES_BEFORE_ANONYMISING: &str = "open_cases_before_anonymising";
pub const PROMISE_WITHDRAWN: &str = "promise_withdrawn";

/// Team conflicts (review.rs).
pub const LEAD_RESOLVES_CONFLICTS: &str = "lead_resolves_conflicts";
pub const NOT_A_CONFLICT: &str = "not_a_conflict";
pub const CONFLICT_ALREADY_REVIEWED: &str = "conflict_already_reviewed";
