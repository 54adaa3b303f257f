//! Property tests: random sequences of commands by random actors. Half the steps pick among the
//! actions the case currently allows, so sequences reach delivery, analysis, closing and
//! reopening often; the other half try anything, so refusals are exercised too.

use proptest::prelude::*;

use super::*;

const PEOPLE: [&str; 4] = ["Aino", "Pekka", "Leena", "Liisa"];
const AMOUNTS: [Option<u64>; 6] = [None, Some(0), Some(500), Some(10_000), Some(10_001), Some(40_000)];

/// One step: random numbers read against the case as it is when the step runs.
#[derive(Debug, Clone)]
struct Step {
    from_allowed: bool,
    kind: usize,
    seed: u8,
    lead: bool,
    person: usize,
    minutes: i64,
}

fn step() -> impl Strategy<Value = Step> {
    (any::<bool>(), 0..ActionKind::ALL.len(), any::<u8>(), any::<bool>(), 0..PEOPLE.len(), -30i64..600).prop_map(
        |(from_allowed, kind, seed, lead, person, minutes)| Step { from_allowed, kind, seed, lead, person, minutes },
    )
}

/// A command of `kind` whose payload varies with `seed`, sometimes invalid on purpose.
fn command(kind: ActionKind, seed: u8) -> CaseCommand {
    let text = |s: &str| if seed.is_multiple_of(7) { String::new() } else { s.to_owned() };
    let pick = |n: usize| usize::from(seed) % n;
    match kind {
        ActionKind::ProposeRemedyOption => CaseCommand::ProposeRemedyOption {
            remedy: Remedy { forms: vec![RemedyForm::Refund], description: text("Money back") },
        },
        ActionKind::AgreeRemedy if seed.is_multiple_of(5) => {
            let remedy = Remedy { forms: vec![], description: text("Fix") };
            CaseCommand::AgreeRemedy { remedy, option_id: None }
        }
        ActionKind::AgreeRemedy => CaseCommand::AgreeRemedy {
            remedy: Remedy { forms: vec![RemedyForm::Replacement], description: text("New one") },
            option_id: (seed.is_multiple_of(3)).then_some(u32::from(seed % 2)),
        },
        ActionKind::DeclineComplaint => {
            CaseCommand::DeclineComplaint { basis: DeclineBasis::Contract, explanation: text("Outside the contract") }
        }
        ActionKind::DeliverRemedy => {
            CaseCommand::DeliverRemedy { summary: text("Delivered"), informed_via: Channel::Email }
        }
        ActionKind::ProposeCompensation => CaseCommand::ProposeCompensation {
            amount_cents: AMOUNTS[pick(AMOUNTS.len())],
            form: (seed.is_multiple_of(4)).then(|| "Gift card".to_owned()),
            basis: CompensationBasis::Goodwill,
            note: None,
        },
        ActionKind::ApproveCompensation => cmd::approve(u32::from(seed % 4)),
        ActionKind::RejectCompensation => {
            CaseCommand::RejectCompensation { compensation_id: u32::from(seed % 4), reason: text("No") }
        }
        ActionKind::HandOff => cmd::hand_off(PEOPLE[pick(PEOPLE.len())]),
        ActionKind::RecordRootCause => {
            CaseCommand::RecordRootCause { category: RootCauseCategory::Process, description: text("Step skipped") }
        }
        ActionKind::Close => CaseCommand::Close {
            closing_gesture: None,
            lessons_learned: Some(text("Lesson")),
            not_analysed_reason: (seed.is_multiple_of(3)).then(|| text("Not worth it")),
        },
        ActionKind::Reopen => CaseCommand::Reopen {
            reason: text("Again"),
            to: if seed.is_multiple_of(2) { ReopenTarget::Remedy } else { ReopenTarget::Analysis },
        },
        other => cmd::sample(other),
    }
}

/// An independent reading of the log: the rules stated once more, without the implementation.
fn check_log(log: &[EventRecord]) -> Result<(), TestCaseError> {
    let mut delivered = false;
    let mut root_cause = false;
    for record in log {
        let event = &record.event;
        if event.is_blame_side() {
            prop_assert!(delivered, "blame before the remedy: {record:?}");
        }
        match event {
            CaseEvent::RemedyDelivered { .. } | CaseEvent::DeclineCommunicated { .. } => delivered = true,
            CaseEvent::Reopened { to: ReopenTarget::Remedy, .. } => delivered = false,
            CaseEvent::RootCauseRecorded { .. } => root_cause = true,
            CaseEvent::Closed { not_analysed_reason, .. } => {
                prop_assert!(delivered, "closed without a remedy: {record:?}");
                let lead_skipped = not_analysed_reason.is_some() && record.actor.role == Role::Lead;
                prop_assert!(root_cause || lead_skipped, "closed without analysis: {record:?}");
            }
            CaseEvent::CompensationApproved { .. } | CaseEvent::CompensationRejected { .. } => {
                prop_assert_eq!(record.actor.role, Role::Lead);
            }
            CaseEvent::Reopened { .. } => prop_assert_eq!(record.actor.role, Role::Lead),
            _ => {}
        }
    }
    for pair in log.windows(2) {
        prop_assert!(pair[0].at <= pair[1].at, "time ran backwards");
        prop_assert_eq!(pair[0].stage_after, pair[1].stage_before);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_commands_keep_the_rules(steps in prop::collection::vec(step(), 1..80)) {
        let mut desk = Desk::open();
        let mut minute = 0;
        for step in steps {
            let role = if step.lead { Role::Lead } else { Role::Agent };
            let by = Actor { person: PEOPLE[step.person].to_owned(), role };
            let allowed = desk.state.allowed_actions(role);
            let kind = if step.from_allowed && !allowed.is_empty() {
                allowed[usize::from(step.seed) % allowed.len()]
            } else {
                ActionKind::ALL[step.kind]
            };
            minute += step.minutes;
            let before = desk.state.clone();
            let command = command(kind, step.seed);
            prop_assert_eq!(command.kind(), kind);
            match decide(&before, command, &by, t(minute), &desk.policy) {
                Ok(records) => {
                    prop_assert!(allowed.contains(&kind), "{kind:?} accepted but not offered");
                    prop_assert!(!records.is_empty());
                    if let Some(CaseEvent::CompensationProposed { amount_cents: Some(cents), needs_lead_approval, .. }) =
                        records.last().map(|r| &r.event)
                    {
                        let over = before.committed_compensation_cents() + cents
                            > desk.policy.compensation_lead_limit_cents;
                        prop_assert_eq!(*needs_lead_approval, role == Role::Agent && over);
                    }
                    for record in &records {
                        apply(&mut desk.state, record).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    }
                    desk.log.extend(records);
                }
                Err(error) => {
                    let gate = matches!(error.code(), "invalid_transition" | "remedy_first" | "lead_only");
                    prop_assert!(gate || allowed.contains(&kind), "{kind:?}: {error}");
                    prop_assert!(error.code() != "remedy_first" || !before.stage.is_remedy_delivered());
                }
            }
            let replayed = CaseState::replay(&desk.log).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&replayed, &desk.state);
            if desk.state.stage == Stage::Closed {
                prop_assert!(desk.state.delivery.is_some());
                let closing = desk.state.closing.as_ref().expect("closed has a closing");
                prop_assert!(desk.state.analysis.root_cause.is_some() || closing.not_analysed_reason.is_some());
                prop_assert!(desk.state.waiting.is_none() && !desk.state.has_pending_compensation());
            }
        }
        check_log(&desk.log)?;
        let f = figures(&desk.log);
        prop_assert_eq!(f.customer_contacts as usize, 1 + desk.state.contacts.len());
        prop_assert_eq!(f.hand_offs as usize, desk.state.hand_offs.len());
        prop_assert_eq!(f.reopenings as usize, desk.state.reopenings.len());
        prop_assert_eq!(f.time_to_close_seconds.is_some(), desk.state.stage == Stage::Closed);
        prop_assert_eq!(f.time_to_remedy_seconds.is_some(), desk.state.delivery.is_some());
    }
}
