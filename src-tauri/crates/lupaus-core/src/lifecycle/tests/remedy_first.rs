//! "Solve first, assign blame later": the blame side stays locked until the customer has the
//! remedy, for agents and leads alike, and the message says what to do first.

use rstest::rstest;

use super::*;

const SOLVE_FIRST: &str = "Agree and deliver the customer's remedy first; root cause and responsibility come after.";
const DELIVER_FIRST: &str =
    "Deliver the agreed remedy and tell the customer first; root cause and responsibility come after.";
const TELL_FIRST: &str = "Tell the customer about the decline first; root cause and responsibility come after.";

#[rstest]
fn blame_before_delivery_is_remedy_first(
    #[values(
        ActionKind::RecordRootCause,
        ActionKind::AssignResponsibility,
        ActionKind::RecordCost,
        ActionKind::AddCorrectiveAction
    )]
    kind: ActionKind,
    #[values(
        (Fixture::Intake, SOLVE_FIRST),
        (Fixture::Solving, SOLVE_FIRST),
        (Fixture::Agreed, DELIVER_FIRST),
        (Fixture::Declined, TELL_FIRST)
    )]
    fixture: (Fixture, &str),
    #[values(Role::Agent, Role::Lead)] role: Role,
    #[values(false, true)] waiting: bool,
) {
    let (fixture, message) = fixture;
    let mut desk = fixture.desk();
    if waiting {
        desk.ok(cmd::wait(), &agent());
    }
    assert_eq!(desk.state.root_cause_lock().as_deref(), Some(message));
    assert!(!desk.state.allowed_actions(role).contains(&kind));
    let error = desk.refused(cmd::sample(kind), &actor(role));
    assert_eq!((error.code(), error.to_string()), ("remedy_first", message.to_owned()));
    // The UI says the same in the person's language from the reason key.
    assert_eq!(error.reason(), desk.state.root_cause_lock_reason());
    assert!(error.reason().is_some_and(|key| crate::reason::ALL.contains(&key)));
}

#[rstest]
fn remedy_first_wins_over_bad_input(#[values(Fixture::Intake, Fixture::Solving, Fixture::Agreed)] fixture: Fixture) {
    let mut desk = fixture.desk();
    let blank = CaseCommand::RecordRootCause { category: RootCauseCategory::Unknown, description: String::new() };
    assert_eq!(desk.refused(blank, &agent()).code(), "remedy_first");
}

#[test]
fn compensation_is_not_blame_and_does_not_unlock_it() {
    let mut desk = Fixture::Solving.desk();
    desk.ok(cmd::compensation(2_000), &agent());
    assert_eq!(desk.state.stage, Stage::Solving);
    assert_eq!(desk.refused(cmd::root_cause(), &agent()).code(), "remedy_first");
}

#[rstest]
#[case::delivered(Fixture::Delivered)]
#[case::decline_told(Fixture::DeclineTold)]
fn delivery_unlocks_the_blame_side(#[case] fixture: Fixture) {
    let mut desk = fixture.desk();
    assert_eq!(desk.state.root_cause_lock(), None);
    desk.ok(cmd::responsibility(), &agent())
        .ok(cmd::cost(), &agent())
        .ok(cmd::corrective_action(), &agent())
        .ok(cmd::root_cause(), &agent());
    let analysis = &desk.state.analysis;
    assert_eq!(analysis.responsibility.as_ref().map(|r| r.party), Some(Party::Supplier));
    assert_eq!(analysis.costs.len(), 1);
    assert_eq!(analysis.actions[0].owner, "Liisa");
    assert_eq!(desk.state.stage, Stage::RootCause);
}

#[test]
fn reopening_to_the_remedy_locks_blame_again_until_redelivered() {
    let mut desk = Fixture::Closed.desk();
    desk.ok(cmd::reopen(ReopenTarget::Remedy), &lead());
    assert_eq!(desk.state.stage, Stage::Solving);
    assert_eq!(desk.state.delivery, None);
    assert_eq!(desk.refused(cmd::cost(), &lead()).code(), "remedy_first");
    // The earlier analysis is kept, but closing needs the new remedy delivered.
    assert!(desk.state.analysis.root_cause.is_some());
    assert_eq!(desk.refused(cmd::close(), &lead()).code(), "invalid_transition");
    desk.ok(cmd::agree(), &agent()).ok(cmd::deliver(), &agent()).ok(cmd::close(), &agent());
    assert_eq!(desk.state.stage, Stage::Closed);
}

#[test]
fn closed_case_explains_its_lock() {
    let desk = Fixture::Closed.desk();
    assert_eq!(desk.state.root_cause_lock().as_deref(), Some("The case is closed; a lead can reopen it."));
}

#[test]
fn a_log_with_blame_before_the_remedy_does_not_replay() {
    let mut desk = Fixture::Solving.desk();
    let forged = EventRecord {
        at: t(5),
        actor: lead(),
        stage_before: Stage::Solving,
        stage_after: Stage::RootCause,
        event: CaseEvent::RootCauseRecorded { category: RootCauseCategory::StaffConduct, description: "Rude".into() },
    };
    // A forged log is not a person's mistake: it is refused as a corrupt log, naming the rule.
    let refused = apply(&mut desk.state, &forged).expect_err("refused");
    assert_eq!(refused.code(), "corrupt_event_log");
    assert!(refused.to_string().contains("before the remedy was delivered"), "{refused}");
    desk.log.push(forged);
    assert_eq!(CaseState::replay(&desk.log).map_err(|e| e.code()), Err("corrupt_event_log"));
}

/// Every refusal of the gate carries a reason key the UI has words for, in every fixture, for
/// every action and role: no refusal reaches the person as English only.
#[test]
fn every_refusal_has_a_known_reason() {
    for fixture in Fixture::ALL {
        for role in [Role::Agent, Role::Lead] {
            let mut desk = fixture.desk();
            for kind in ActionKind::ALL {
                if desk.state.allowed_actions(role).contains(&kind) {
                    continue;
                }
                let error = desk.refused(cmd::sample(kind), &actor(role));
                let reason = error.reason().unwrap_or_else(|| panic!("{kind:?} in {fixture:?}: {error}"));
                assert!(crate::reason::ALL.contains(&reason), "{reason} is not in reason::ALL");
            }
        }
    }
}
