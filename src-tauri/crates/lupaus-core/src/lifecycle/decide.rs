//! The transition function: a command, checked against the current state, becomes events.

use chrono::{DateTime, Utc};

use super::apply::{apply, stage_after};
use super::command::{ActionKind, CaseCommand};
use super::event::{CaseEvent, EventRecord};
use super::gate::{gate, transition_error};
use super::state::{CaseState, CompensationStatus};
use super::terms::{Remedy, ReopenTarget};
use super::{Actor, Policy, Role};
use crate::CoreError;
use crate::case::{MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::promise::NewPromise;
use crate::reason::{self as why, Reason, RefusalCode};
use crate::text::{optional, required};

/// The largest amount of money one compensation or cost line may carry: 1 000 000 000 €. Far
/// above any real case; it keeps sums exact in JavaScript numbers.
pub const MAX_AMOUNT_CENTS: u64 = 100_000_000_000;

/// Checks `command` against `state` and returns the events to append, in order. Never mutates;
/// the caller appends the records and [`apply`]s them.
///
/// `at` is the time of the change. If it is earlier than the case's last event (the computer's
/// clock stepped back) the events are stamped with the last event's time instead, so durations
/// derived from the log never run backwards.
///
/// A stage-changing command on a waiting case first ends the wait (`wait_ended`, automatic), so
/// SLA clocks restart before the case moves on.
pub fn decide(
    state: &CaseState,
    command: CaseCommand,
    actor: &Actor,
    at: DateTime<Utc>,
    policy: &Policy,
) -> Result<Vec<EventRecord>, CoreError> {
    let person = required("actor.person", &actor.person, MAX_SHORT_CHARS)?;
    let actor = Actor { person, role: actor.role };
    gate(state, command.kind(), actor.role)?;
    let at = at.max(state.last_event_at);
    let events = events_for(Context { state, actor: &actor, at, policy }, command)?;
    stamp(state, events, &actor, at)
}

/// What every decision looks at besides the command itself.
#[derive(Clone, Copy)]
struct Context<'a> {
    state: &'a CaseState,
    actor: &'a Actor,
    at: DateTime<Utc>,
    policy: &'a Policy,
}

/// Wraps events in records, computing each record's stages by applying it to a scratch copy.
fn stamp(
    state: &CaseState,
    events: Vec<CaseEvent>,
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<Vec<EventRecord>, CoreError> {
    let mut scratch = state.clone();
    let mut records = Vec::with_capacity(events.len());
    for event in events {
        let stage_before = scratch.stage;
        let stage_after = stage_after(stage_before, &event).ok_or_else(|| {
            CoreError::CorruptLog(format!("the decided event does not fit stage '{}'.", stage_before.as_str()))
        })?;
        let record = EventRecord { at, actor: actor.clone(), stage_before, stage_after, event };
        apply(&mut scratch, &record)?;
        records.push(record);
    }
    Ok(records)
}

fn events_for(cx: Context<'_>, command: CaseCommand) -> Result<Vec<CaseEvent>, CoreError> {
    let Context { state, actor, at, policy } = cx;
    let kind = command.kind();
    let event = match command {
        CaseCommand::StartSolving => CaseEvent::SolvingStarted,
        CaseCommand::ProposeRemedyOption { remedy } => CaseEvent::RemedyOptionProposed {
            option_id: next_id(state.remedy_options.len()),
            remedy: valid_remedy(remedy)?,
        },
        CaseCommand::WaitFor { on, reason, until } => {
            if until.is_some_and(|until| until <= at) {
                return Err(CoreError::invalid_because(
                    "until",
                    Reason::new(why::EXPECTED_DATE_PAST),
                    "The expected date is already past.",
                ));
            }
            CaseEvent::WaitStarted { on, reason: required("reason", &reason, MAX_TEXT_CHARS)?, until }
        }
        CaseCommand::Resume { note } => {
            CaseEvent::WaitEnded { note: optional("note", note.as_deref(), MAX_TEXT_CHARS)?, automatic: false }
        }
        CaseCommand::AgreeRemedy { remedy, option_id } => {
            if let Some(id) = option_id
                && state.remedy_options.get(id as usize).is_none()
            {
                return Err(CoreError::NotFound(format!("There is no remedy option #{id}.")));
            }
            let remedy = valid_remedy(remedy)?;
            return Ok(after_wait(state, CaseEvent::RemedyAgreed { remedy, option_id }));
        }
        CaseCommand::DeclineComplaint { basis, explanation } => {
            let explanation = required("explanation", &explanation, MAX_TEXT_CHARS)?;
            return Ok(after_wait(state, CaseEvent::ComplaintDeclined { basis, explanation }));
        }
        CaseCommand::DeliverRemedy { summary, informed_via } => {
            let summary = required("summary", &summary, MAX_TEXT_CHARS)?;
            return Ok(after_wait(state, CaseEvent::RemedyDelivered { summary, informed_via }));
        }
        CaseCommand::CommunicateDecline { informed_via, note } => {
            let note = optional("note", note.as_deref(), MAX_TEXT_CHARS)?;
            return Ok(after_wait(state, CaseEvent::DeclineCommunicated { informed_via, note }));
        }
        CaseCommand::ProposeCompensation { amount_cents, form, basis, note } => {
            let form = optional("form", form.as_deref(), MAX_SHORT_CHARS)?;
            let amount_cents = amount_cents.map(|cents| valid_amount("amount_cents", cents)).transpose()?;
            if amount_cents.is_none() && form.is_none() {
                return Err(CoreError::invalid_because(
                    "amount_cents",
                    Reason::new(why::COMPENSATION_AMOUNT_OR_FORM),
                    "Give the amount, the form (a gift card, a free service...), or both.",
                ));
            }
            // The limit is per case, so splitting one large compensation does not get round it.
            let needs_lead_approval = actor.role == Role::Agent
                && amount_cents.is_some_and(|cents| {
                    state.committed_compensation_cents().saturating_add(cents) > policy.compensation_lead_limit_cents
                });
            CaseEvent::CompensationProposed {
                compensation_id: next_id(state.compensations.len()),
                amount_cents,
                form,
                basis,
                note: optional("note", note.as_deref(), MAX_TEXT_CHARS)?,
                needs_lead_approval,
            }
        }
        CaseCommand::ApproveCompensation { compensation_id, note } => {
            pending_compensation(state, compensation_id, actor, kind)?;
            let note = optional("note", note.as_deref(), MAX_TEXT_CHARS)?;
            CaseEvent::CompensationApproved { compensation_id, note }
        }
        CaseCommand::RejectCompensation { compensation_id, reason } => {
            pending_compensation(state, compensation_id, actor, kind)?;
            let reason = required("reason", &reason, MAX_TEXT_CHARS)?;
            CaseEvent::CompensationRejected { compensation_id, reason }
        }
        CaseCommand::HandOff { to, note, customer_told, callback } => hand_off(cx, to, note, customer_told, callback)?,
        CaseCommand::AddNote { visibility, text } => {
            CaseEvent::NoteAdded { visibility, text: required("text", &text, MAX_TEXT_CHARS)? }
        }
        CaseCommand::RecordContact { direction, channel, summary } => {
            CaseEvent::ContactRecorded { direction, channel, summary: required("summary", &summary, MAX_TEXT_CHARS)? }
        }
        CaseCommand::RecordRootCause { category, description } => CaseEvent::RootCauseRecorded {
            category,
            description: required("description", &description, MAX_TEXT_CHARS)?,
        },
        CaseCommand::AssignResponsibility { party, party_name, note } => CaseEvent::ResponsibilityAssigned {
            party,
            party_name: optional("party_name", party_name.as_deref(), MAX_SHORT_CHARS)?,
            note: optional("note", note.as_deref(), MAX_TEXT_CHARS)?,
        },
        CaseCommand::RecordCost { amount_cents, borne_by, description } => CaseEvent::CostRecorded {
            cost_id: next_id(state.analysis.costs.len()),
            amount_cents: valid_amount("amount_cents", amount_cents)?,
            borne_by,
            description: required("description", &description, MAX_TEXT_CHARS)?,
        },
        CaseCommand::AddCorrectiveAction { measure, description, owner, due } => CaseEvent::CorrectiveActionAdded {
            action_id: next_id(state.analysis.actions.len()),
            measure,
            description: required("description", &description, MAX_TEXT_CHARS)?,
            owner: required("owner", &owner, MAX_SHORT_CHARS)?,
            due,
        },
        CaseCommand::Close { closing_gesture, lessons_learned, not_analysed_reason } => {
            let event = CaseEvent::Closed {
                closing_gesture: optional("closing_gesture", closing_gesture.as_deref(), MAX_TEXT_CHARS)?,
                lessons_learned: optional("lessons_learned", lessons_learned.as_deref(), MAX_TEXT_CHARS)?,
                not_analysed_reason: not_analysed(state, actor, not_analysed_reason.as_deref())?,
            };
            return Ok(after_wait(state, event));
        }
        CaseCommand::Reopen { reason, to } => {
            if to == ReopenTarget::Analysis && state.stage != super::Stage::Closed {
                return Err(transition_error(
                    state,
                    kind,
                    actor.role,
                    Reason::new(why::ANALYSIS_NEEDS_CLOSED_CASE),
                    "the case is still open; only a closed case goes back to analysis.",
                ));
            }
            CaseEvent::Reopened { reason: required("reason", &reason, MAX_TEXT_CHARS)?, to }
        }
    };
    Ok(vec![event])
}

/// Ends a wait in progress before `event` moves the case on.
fn after_wait(state: &CaseState, event: CaseEvent) -> Vec<CaseEvent> {
    match state.waiting {
        Some(_) => vec![CaseEvent::WaitEnded { note: None, automatic: true }, event],
        None => vec![event],
    }
}

fn next_id(len: usize) -> u32 {
    // A case with four billion compensations is not a case; saturating keeps this panic-free.
    u32::try_from(len).unwrap_or(u32::MAX)
}

fn valid_remedy(remedy: Remedy) -> Result<Remedy, CoreError> {
    let mut forms = Vec::with_capacity(remedy.forms.len());
    for form in remedy.forms {
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    if forms.is_empty() {
        return Err(CoreError::invalid_because(
            "remedy.forms",
            Reason::new(why::REMEDY_FORM_REQUIRED),
            "Choose at least one form: repair, replacement, refund, discount, apology, ...",
        ));
    }
    let description = required("remedy.description", &remedy.description, MAX_TEXT_CHARS)?;
    Ok(Remedy { forms, description })
}

fn valid_amount(field: &str, cents: u64) -> Result<u64, CoreError> {
    match cents {
        0 => Err(CoreError::invalid_because(
            field,
            Reason::new(why::AMOUNT_NOT_POSITIVE),
            "The amount must be more than 0 €.",
        )),
        cents if cents > MAX_AMOUNT_CENTS => Err(CoreError::invalid_because(
            field,
            Reason::new(why::AMOUNT_TOO_LARGE),
            "The amount is implausibly large; check it.",
        )),
        cents => Ok(cents),
    }
}

fn pending_compensation(state: &CaseState, id: u32, actor: &Actor, kind: ActionKind) -> Result<(), CoreError> {
    let compensation = state
        .compensations
        .get(id as usize)
        .ok_or_else(|| CoreError::NotFound(format!("There is no compensation #{id}.")))?;
    if compensation.status != CompensationStatus::PendingLead {
        return Err(transition_error(
            state,
            kind,
            actor.role,
            Reason::new(why::COMPENSATION_NOT_PENDING).with("id", id),
            &format!("compensation #{id} is not waiting for approval."),
        ));
    }
    Ok(())
}

fn hand_off(
    cx: Context<'_>,
    to: String,
    note: String,
    customer_told: String,
    callback: Option<NewPromise>,
) -> Result<CaseEvent, CoreError> {
    let Context { state, actor, at, .. } = cx;
    let to = required("to", &to, MAX_SHORT_CHARS)?;
    if same_person(&to, &state.owner) {
        return Err(CoreError::invalid_because(
            "to",
            Reason::new(why::ALREADY_OWNER).with("person", &to),
            format!("{to} already owns the case."),
        ));
    }
    // Straight back to whoever just handed it over is the bouncing customers hate; a lead may.
    if actor.role == Role::Agent && state.hand_offs.last().is_some_and(|last| same_person(&last.from, &to)) {
        return Err(CoreError::Refused {
            refusal: RefusalCode::LeadOnly,
            reason: Reason::new(why::HAND_BACK_BOUNCES).with("person", &to),
            message: format!(
                "{to} just handed this case over; handing it straight back bounces the customer. \
                 Solve it, pass it to someone else, or ask a lead."
            ),
        });
    }
    let callback = callback.map(|promise| valid_callback(promise, at)).transpose()?;
    Ok(CaseEvent::HandedOff {
        from: state.owner.clone(),
        to,
        note: required("note", &note, MAX_TEXT_CHARS)?,
        customer_told: required("customer_told", &customer_told, MAX_TEXT_CHARS)?,
        callback,
    })
}

fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn valid_callback(promise: NewPromise, at: DateTime<Utc>) -> Result<NewPromise, CoreError> {
    if promise.due_at <= at {
        return Err(CoreError::invalid_because(
            "callback.due_at",
            Reason::new(why::CALLBACK_DUE_IN_PAST),
            "The call-back time is already past; promise a time in the future.",
        ));
    }
    Ok(NewPromise {
        text: required("callback.text", &promise.text, MAX_TEXT_CHARS)?,
        owner: required("callback.owner", &promise.owner, MAX_SHORT_CHARS)?,
        ..promise
    })
}

/// A lead may close without a root cause, but must say why; nobody may claim "not analysed"
/// while a root cause is recorded.
fn not_analysed(state: &CaseState, actor: &Actor, reason: Option<&str>) -> Result<Option<String>, CoreError> {
    let reason = optional("not_analysed_reason", reason, MAX_TEXT_CHARS)?;
    match (&state.analysis.root_cause, reason) {
        (Some(_), Some(_)) => Err(CoreError::invalid_because(
            "not_analysed_reason",
            Reason::new(why::ROOT_CAUSE_RECORDED),
            "The root cause is recorded; leave 'not analysed' empty.",
        )),
        (None, Some(_)) if actor.role == Role::Agent => Err(CoreError::Refused {
            refusal: RefusalCode::LeadOnly,
            reason: Reason::new(why::LEAD_CLOSES_WITHOUT_ROOT_CAUSE),
            message: "Only a lead can close a case without a root cause.".into(),
        }),
        (None, None) => Err(CoreError::invalid_because(
            "not_analysed_reason",
            Reason::new(why::ROOT_CAUSE_OR_REASON),
            "No root cause is recorded: record it, or give the reason the case closes unanalysed.",
        )),
        (_, reason) => Ok(reason),
    }
}
