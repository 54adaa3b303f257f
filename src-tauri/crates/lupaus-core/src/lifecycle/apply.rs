//! Folding one event into the state. [`stage_after`] is the lifecycle's transition table; it is
//! checked again on replay so that even a hand-edited log cannot put blame before the remedy.

use super::event::{CaseEvent, EventRecord};
use super::state::{
    AgreedRemedy, CaseState, Closing, Compensation, CompensationStatus, Contact, CorrectiveAction, Cost, Decline,
    Delivery, HandOff, Note, RemedyOption, Reopening, Responsibility, RootCause, Wait,
};
use super::terms::{ReopenTarget, Stage};
use crate::CoreError;

/// The stage an event leads to from `stage`, or `None` if the event cannot happen there.
pub(super) fn stage_after(stage: Stage, event: &CaseEvent) -> Option<Stage> {
    use Stage::*;
    let open = stage != Closed;
    match event {
        CaseEvent::Opened { .. } => None,
        CaseEvent::SolvingStarted => (stage == Intake).then_some(Solving),
        CaseEvent::RemedyOptionProposed { .. } => matches!(stage, Intake | Solving).then_some(Solving),
        CaseEvent::WaitStarted { .. } | CaseEvent::CompensationProposed { .. } => match stage {
            Intake => Some(Solving),
            Closed => None,
            other => Some(other),
        },
        CaseEvent::WaitEnded { .. }
        | CaseEvent::CompensationApproved { .. }
        | CaseEvent::CompensationRejected { .. }
        | CaseEvent::HandedOff { .. } => open.then_some(stage),
        CaseEvent::NoteAdded { .. } | CaseEvent::ContactRecorded { .. } => Some(stage),
        CaseEvent::RemedyAgreed { .. } | CaseEvent::ComplaintDeclined { .. } => {
            matches!(stage, Intake | Solving | RemedyAgreed).then_some(RemedyAgreed)
        }
        CaseEvent::RemedyDelivered { .. } | CaseEvent::DeclineCommunicated { .. } => {
            (stage == RemedyAgreed).then_some(RemedyDelivered)
        }
        CaseEvent::RootCauseRecorded { .. }
        | CaseEvent::ResponsibilityAssigned { .. }
        | CaseEvent::CostRecorded { .. }
        | CaseEvent::CorrectiveActionAdded { .. } => matches!(stage, RemedyDelivered | RootCause).then_some(RootCause),
        CaseEvent::Closed { .. } => matches!(stage, RemedyDelivered | RootCause).then_some(Closed),
        CaseEvent::Reopened { to: ReopenTarget::Remedy, .. } => {
            matches!(stage, RemedyDelivered | RootCause | Closed).then_some(Solving)
        }
        CaseEvent::Reopened { to: ReopenTarget::Analysis, .. } => (stage == Closed).then_some(RootCause),
    }
}

/// Applies one accepted event. Fails, leaving `state` untouched, if the record does not fit the
/// state: wrong stage, unknown id, or blame before the remedy.
pub fn apply(state: &mut CaseState, record: &EventRecord) -> Result<(), CoreError> {
    let event = &record.event;
    let Some(next) = stage_after(state.stage, event) else {
        if event.is_blame_side() && !state.stage.is_remedy_delivered() {
            return Err(log_error("root cause or responsibility recorded before the remedy was delivered.".into()));
        }
        return Err(log_error(format!("'{}' cannot happen in stage '{}'.", event_name(event), state.stage.as_str())));
    };
    if record.stage_before != state.stage || record.stage_after != next {
        return Err(log_error(format!(
            "'{}' is recorded as {} -> {}, but the case went {} -> {}.",
            event_name(event),
            record.stage_before.as_str(),
            record.stage_after.as_str(),
            state.stage.as_str(),
            next.as_str()
        )));
    }
    check_fits(state, event)?;
    mutate(state, record);
    state.stage = next;
    state.last_event_at = state.last_event_at.max(record.at);
    Ok(())
}

/// Checks that do not depend on the stage alone, so `mutate` cannot fail halfway.
fn check_fits(state: &CaseState, event: &CaseEvent) -> Result<(), CoreError> {
    let ok = match event {
        CaseEvent::WaitStarted { .. } => state.waiting.is_none(),
        CaseEvent::WaitEnded { .. } => state.waiting.is_some(),
        CaseEvent::RemedyOptionProposed { option_id, .. } => *option_id as usize == state.remedy_options.len(),
        CaseEvent::RemedyDelivered { .. } => state.agreed_remedy.is_some(),
        CaseEvent::DeclineCommunicated { .. } => state.decline.is_some(),
        CaseEvent::CompensationProposed { compensation_id, .. } => {
            *compensation_id as usize == state.compensations.len()
        }
        CaseEvent::CompensationApproved { compensation_id, .. }
        | CaseEvent::CompensationRejected { compensation_id, .. } => state
            .compensations
            .get(*compensation_id as usize)
            .is_some_and(|c| c.status == CompensationStatus::PendingLead),
        CaseEvent::HandedOff { from, .. } => *from == state.owner,
        CaseEvent::CostRecorded { cost_id, .. } => *cost_id as usize == state.analysis.costs.len(),
        CaseEvent::CorrectiveActionAdded { action_id, .. } => *action_id as usize == state.analysis.actions.len(),
        CaseEvent::Closed { not_analysed_reason, .. } => {
            state.waiting.is_none() && (state.analysis.root_cause.is_some() || not_analysed_reason.is_some())
        }
        _ => true,
    };
    if ok { Ok(()) } else { Err(log_error(format!("'{}' does not fit the case as it stands.", event_name(event)))) }
}

fn mutate(state: &mut CaseState, record: &EventRecord) {
    let by = record.actor.person.clone();
    let at = record.at;
    match record.event.clone() {
        CaseEvent::Opened { .. } | CaseEvent::SolvingStarted => {}
        CaseEvent::RemedyOptionProposed { option_id, remedy } => {
            state.remedy_options.push(RemedyOption { id: option_id, remedy, by, at });
        }
        CaseEvent::WaitStarted { on, reason, until } => {
            state.waiting = Some(Wait { on, reason, until, started_at: at, ended_at: None });
        }
        CaseEvent::WaitEnded { .. } => {
            if let Some(mut wait) = state.waiting.take() {
                wait.ended_at = Some(at);
                state.waits.push(wait);
            }
        }
        CaseEvent::RemedyAgreed { remedy, option_id } => {
            state.agreed_remedy = Some(AgreedRemedy { remedy, option_id, by, at });
            state.decline = None;
        }
        CaseEvent::ComplaintDeclined { basis, explanation } => {
            state.decline = Some(Decline { basis, explanation, by, at });
            state.agreed_remedy = None;
        }
        CaseEvent::RemedyDelivered { summary, informed_via } => {
            let summary = Some(summary);
            state.delivery = Some(Delivery { of_decline: false, summary, informed_via, by, at });
        }
        CaseEvent::DeclineCommunicated { informed_via, note } => {
            state.delivery = Some(Delivery { of_decline: true, summary: note, informed_via, by, at });
        }
        CaseEvent::CompensationProposed { compensation_id, amount_cents, form, basis, note, needs_lead_approval } => {
            let status = if needs_lead_approval {
                CompensationStatus::PendingLead
            } else {
                CompensationStatus::Approved { by: by.clone(), at, note: None }
            };
            state.compensations.push(Compensation {
                id: compensation_id,
                amount_cents,
                form,
                basis,
                note,
                proposed_by: by,
                proposed_at: at,
                status,
            });
        }
        CaseEvent::CompensationApproved { compensation_id, note } => {
            if let Some(c) = state.compensations.get_mut(compensation_id as usize) {
                c.status = CompensationStatus::Approved { by, at, note };
            }
        }
        CaseEvent::CompensationRejected { compensation_id, reason } => {
            if let Some(c) = state.compensations.get_mut(compensation_id as usize) {
                c.status = CompensationStatus::Rejected { by, at, reason };
            }
        }
        CaseEvent::HandedOff { from, to, note, customer_told, callback } => {
            state.owner = to.clone();
            state.hand_offs.push(HandOff { from, to, note, customer_told, callback, by, at });
        }
        CaseEvent::NoteAdded { visibility, text } => {
            state.notes.push(Note { visibility, text, by, at });
        }
        CaseEvent::ContactRecorded { direction, channel, summary } => {
            state.contacts.push(Contact { direction, channel, summary, by, at });
        }
        CaseEvent::RootCauseRecorded { category, description } => {
            state.analysis.root_cause = Some(RootCause { category, description, by, at });
        }
        CaseEvent::ResponsibilityAssigned { party, party_name, note } => {
            state.analysis.responsibility = Some(Responsibility { party, party_name, note, by, at });
        }
        CaseEvent::CostRecorded { cost_id, amount_cents, borne_by, description } => {
            let cost = Cost { id: cost_id, amount_cents, borne_by, description, by, at };
            state.analysis.costs.push(cost);
        }
        CaseEvent::CorrectiveActionAdded { action_id, measure, description, owner, due } => {
            let action = CorrectiveAction { id: action_id, measure, description, owner, due, by, at };
            state.analysis.actions.push(action);
        }
        CaseEvent::Closed { closing_gesture, lessons_learned, not_analysed_reason } => {
            state.closing = Some(Closing { closing_gesture, lessons_learned, not_analysed_reason, by, at });
        }
        CaseEvent::Reopened { reason, to } => {
            state.closing = None;
            if to == ReopenTarget::Remedy {
                // The customer's problem is back: a new remedy must be agreed and delivered
                // before the blame side opens again.
                state.agreed_remedy = None;
                state.decline = None;
                state.delivery = None;
            }
            state.reopenings.push(Reopening { reason, to, by, at });
        }
    }
}

fn log_error(detail: String) -> CoreError {
    CoreError::CorruptLog(detail)
}

/// The serde name of an event, for messages.
pub(super) fn event_name(event: &CaseEvent) -> &'static str {
    match event {
        CaseEvent::Opened { .. } => "opened",
        CaseEvent::SolvingStarted => "solving_started",
        CaseEvent::RemedyOptionProposed { .. } => "remedy_option_proposed",
        CaseEvent::WaitStarted { .. } => "wait_started",
        CaseEvent::WaitEnded { .. } => "wait_ended",
        CaseEvent::RemedyAgreed { .. } => "remedy_agreed",
        CaseEvent::ComplaintDeclined { .. } => "complaint_declined",
        CaseEvent::RemedyDelivered { .. } => "remedy_delivered",
        CaseEvent::DeclineCommunicated { .. } => "decline_communicated",
        CaseEvent::CompensationProposed { .. } => "compensation_proposed",
        CaseEvent::CompensationApproved { .. } => "compensation_approved",
        CaseEvent::CompensationRejected { .. } => "compensation_rejected",
        CaseEvent::HandedOff { .. } => "handed_off",
        CaseEvent::NoteAdded { .. } => "note_added",
        CaseEvent::ContactRecorded { .. } => "contact_recorded",
        CaseEvent::RootCauseRecorded { .. } => "root_cause_recorded",
        CaseEvent::ResponsibilityAssigned { .. } => "responsibility_assigned",
        CaseEvent::CostRecorded { .. } => "cost_recorded",
        CaseEvent::CorrectiveActionAdded { .. } => "corrective_action_added",
        CaseEvent::Closed { .. } => "closed",
        CaseEvent::Reopened { .. } => "reopened",
    }
}
