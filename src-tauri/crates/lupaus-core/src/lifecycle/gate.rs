//! Which actions a case allows now, and why not. [`super::decide`] and
//! [`CaseState::allowed_actions`] share these checks, so the UI never offers what would fail.

use super::Role;
use super::command::ActionKind;
use super::state::CaseState;
use super::terms::Stage;
use crate::CoreError;
use crate::reason::{self as why, Reason, RefusalCode};

/// Why an action is not possible, before looking at its payload: a reason the UI words itself
/// and the same in English.
pub(super) enum Refusal {
    Stage(Reason, String),
    RemedyFirst(Reason, String),
    LeadOnly(Reason, String),
}

fn stage_refusal(key: &'static str, english: &str) -> Result<(), Refusal> {
    Err(Refusal::Stage(Reason::new(key), english.to_owned()))
}

/// The stage and role checks of one action. The stage is checked before the role, so a lead-only
/// action in the wrong stage reports the stage.
pub(super) fn check(state: &CaseState, kind: ActionKind, role: Role) -> Result<(), Refusal> {
    use ActionKind as A;
    use Stage::*;
    let stage = state.stage;
    if stage == Closed && !matches!(kind, A::AddNote | A::RecordContact | A::Reopen) {
        return stage_refusal(why::CASE_CLOSED, "the case is closed; a lead can reopen it.");
    }
    let delivered = "the remedy has been delivered; a lead can reopen the case if it did not hold.";
    match kind {
        A::StartSolving if stage != Intake => {
            stage_refusal(why::ALREADY_STARTED, "work on the case has already started.")
        }
        A::ProposeRemedyOption if stage == RemedyAgreed => {
            stage_refusal(why::REMEDY_ALREADY_AGREED, "a remedy is already agreed; agree a different one to change it.")
        }
        A::ProposeRemedyOption | A::AgreeRemedy | A::DeclineComplaint if stage.is_remedy_delivered() => {
            stage_refusal(why::REMEDY_DELIVERED, delivered)
        }
        A::WaitFor if state.waiting.is_some() => {
            stage_refusal(why::ALREADY_WAITING, "the case is already waiting; resume it first.")
        }
        A::Resume if state.waiting.is_none() => stage_refusal(why::NOT_WAITING, "the case is not waiting."),
        A::DeliverRemedy | A::CommunicateDecline => check_delivery(state, kind),
        A::ApproveCompensation | A::RejectCompensation => {
            if !state.has_pending_compensation() {
                stage_refusal(why::NO_COMPENSATION_PENDING, "no compensation is waiting for approval.")
            } else {
                lead_only(
                    role,
                    why::LEAD_DECIDES_COMPENSATION,
                    "Only a lead can decide on compensation above the agent's limit.",
                )
            }
        }
        // Closed cases were refused above, so a lock here always means "remedy first".
        kind if kind.is_blame_side() => match lock(state) {
            Some((key, lock)) => Err(Refusal::RemedyFirst(Reason::new(key), lock)),
            None => Ok(()),
        },
        A::Close => check_close(state, role),
        A::Reopen => {
            if !stage.is_remedy_delivered() {
                stage_refusal(why::NOTHING_TO_REOPEN, "the case is still being solved; there is nothing to reopen.")
            } else {
                lead_only(role, why::LEAD_REOPENS, "Only a lead can reopen a case.")
            }
        }
        _ => Ok(()),
    }
}

fn check_delivery(state: &CaseState, kind: ActionKind) -> Result<(), Refusal> {
    if state.stage.is_remedy_delivered() {
        return stage_refusal(why::ALREADY_DELIVERED, "the customer already has the remedy or the decision.");
    }
    match (kind, &state.agreed_remedy, &state.decline) {
        (ActionKind::DeliverRemedy, _, Some(_)) => {
            return stage_refusal(
                why::DECLINED_TELL_INSTEAD,
                "the complaint was declined; record that the customer was told instead.",
            );
        }
        (ActionKind::CommunicateDecline, Some(_), _) => {
            return stage_refusal(why::AGREED_DELIVER_INSTEAD, "a remedy was agreed; mark it delivered instead.");
        }
        (_, None, None) => {
            return stage_refusal(
                why::AGREE_REMEDY_FIRST,
                "agree a remedy with the customer (or decline the complaint) first.",
            );
        }
        _ => {}
    }
    if let Some(pending) = first_pending(state) {
        return Err(Refusal::Stage(
            Reason::new(why::COMPENSATION_PENDING).with("id", pending),
            format!("compensation #{pending} is waiting for a lead's approval; it must be approved or rejected first."),
        ));
    }
    Ok(())
}

fn check_close(state: &CaseState, role: Role) -> Result<(), Refusal> {
    if !state.stage.is_remedy_delivered() {
        return stage_refusal(
            why::DELIVER_BEFORE_CLOSE,
            "deliver the remedy (or tell the customer of the decline) before closing.",
        );
    }
    if let Some(pending) = first_pending(state) {
        return Err(Refusal::Stage(
            Reason::new(why::COMPENSATION_PENDING).with("id", pending),
            format!(
                "compensation #{pending} is waiting for a lead's approval; it must be approved or \
                 rejected before closing."
            ),
        ));
    }
    if state.analysis.root_cause.is_none() {
        return lead_only(
            role,
            why::LEAD_CLOSES_WITHOUT_ROOT_CAUSE,
            "Record the root cause first; only a lead can close a case without one, giving the \
             reason it was not analysed.",
        );
    }
    Ok(())
}

fn first_pending(state: &CaseState) -> Option<u32> {
    state.compensations.iter().find(|c| c.status == super::state::CompensationStatus::PendingLead).map(|c| c.id)
}

fn lead_only(role: Role, key: &'static str, message: &str) -> Result<(), Refusal> {
    match role {
        Role::Lead => Ok(()),
        Role::Agent => Err(Refusal::LeadOnly(Reason::new(key), message.to_owned())),
    }
}

/// Why the blame side is locked, as a reason key and one English line; `None` when it is open.
fn lock(state: &CaseState) -> Option<(&'static str, String)> {
    let after = "root cause and responsibility come after.";
    let lock = match state.stage {
        Stage::RemedyDelivered | Stage::RootCause => return None,
        Stage::Closed => (why::CASE_CLOSED, "The case is closed; a lead can reopen it.".to_owned()),
        Stage::RemedyAgreed if state.decline.is_some() => {
            (why::LOCK_TELL_DECLINE_FIRST, format!("Tell the customer about the decline first; {after}"))
        }
        Stage::RemedyAgreed => {
            (why::LOCK_DELIVER_AGREED_FIRST, format!("Deliver the agreed remedy and tell the customer first; {after}"))
        }
        Stage::Intake | Stage::Solving => {
            (why::LOCK_AGREE_AND_DELIVER_FIRST, format!("Agree and deliver the customer's remedy first; {after}"))
        }
    };
    Some(lock)
}

/// Why the blame side is locked, in one line, or `None` when it is open.
pub(super) fn root_cause_lock(state: &CaseState) -> Option<String> {
    lock(state).map(|(_, line)| line)
}

/// [`check`] as a [`CoreError`] whose message names the stage and what is possible now.
pub(super) fn gate(state: &CaseState, kind: ActionKind, role: Role) -> Result<(), CoreError> {
    check(state, kind, role).map_err(|refusal| match refusal {
        Refusal::RemedyFirst(reason, message) => {
            CoreError::Refused { refusal: RefusalCode::RemedyFirst, reason, message }
        }
        Refusal::LeadOnly(reason, message) => CoreError::Refused { refusal: RefusalCode::LeadOnly, reason, message },
        Refusal::Stage(reason, english) => transition_error(state, kind, role, reason, &english),
    })
}

/// A refusal that depends on the payload, worded like the stage refusals.
pub(super) fn transition_error(
    state: &CaseState,
    kind: ActionKind,
    role: Role,
    reason: Reason,
    english: &str,
) -> CoreError {
    let possible: Vec<&str> = state.allowed_actions(role).into_iter().map(ActionKind::label).collect();
    let message = format!(
        "Cannot {} in stage '{}': {english} Possible now: {}.",
        kind.label(),
        state.stage.as_str(),
        possible.join(", ")
    );
    CoreError::Refused { refusal: RefusalCode::InvalidTransition, reason, message }
}

impl CaseState {
    /// What `role` can do next, in a fixed order. Every command [`super::decide`] accepts is of
    /// one of these kinds; a listed kind may still be refused for its payload (an empty text, an
    /// unknown id).
    pub fn allowed_actions(&self, role: Role) -> Vec<ActionKind> {
        ActionKind::ALL.into_iter().filter(|kind| check(self, *kind, role).is_ok()).collect()
    }

    /// One line for the UI on why root cause, responsibility and cost are locked; `None` when
    /// they can be written.
    pub fn root_cause_lock(&self) -> Option<String> {
        root_cause_lock(self)
    }

    /// The reason key of [`Self::root_cause_lock`], so the UI can say it in the person's language.
    pub fn root_cause_lock_reason(&self) -> Option<&'static str> {
        lock(self).map(|(key, _)| key)
    }
}
