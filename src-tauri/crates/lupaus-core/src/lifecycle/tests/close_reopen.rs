//! Closing needs a delivered remedy and a root cause, or a lead's explicit "not analysed";
//! only a lead reopens.

use super::*;

#[test]
fn closing_records_the_gesture_and_the_lessons() {
    let mut desk = Fixture::RootCause.desk();
    let close = CaseCommand::Close {
        closing_gesture: Some("Flowers and a handwritten card".into()),
        lessons_learned: Some(" Check seal batches ".into()),
        not_analysed_reason: None,
    };
    desk.ok(close, &agent());
    let closing = desk.state.closing.clone().expect("closed");
    assert_eq!(closing.closing_gesture.as_deref(), Some("Flowers and a handwritten card"));
    assert_eq!(closing.lessons_learned.as_deref(), Some("Check seal batches"));
    assert_eq!(closing.by, "Aino");
}

#[test]
fn a_lead_can_close_unanalysed_with_a_reason() {
    let mut desk = Fixture::DeclineTold.desk();
    let error = desk.refused(cmd::close(), &lead());
    assert_eq!((error.code(), error.field()), ("invalid_input", Some("not_analysed_reason")));
    desk.ok(cmd::close_not_analysed("One-off courier delay, nothing to learn"), &lead());
    let closing = desk.state.closing.clone().expect("closed");
    assert_eq!(closing.not_analysed_reason.as_deref(), Some("One-off courier delay, nothing to learn"));
}

#[test]
fn an_agent_cannot_close_unanalysed() {
    let mut desk = Fixture::Delivered.desk();
    assert_eq!(desk.refused(cmd::close_not_analysed("No time"), &agent()).code(), "lead_only");
    assert_eq!(desk.refused(cmd::close(), &agent()).code(), "lead_only");
    assert!(!desk.state.allowed_actions(Role::Agent).contains(&ActionKind::Close));
}

#[test]
fn not_analysed_cannot_contradict_a_recorded_root_cause() {
    let mut desk = Fixture::RootCause.desk();
    let error = desk.refused(cmd::close_not_analysed("Skip"), &lead());
    assert_eq!(error.field(), Some("not_analysed_reason"));
}

#[test]
fn closing_before_delivery_says_what_to_do() {
    let mut desk = Fixture::Agreed.desk();
    let error = desk.refused(cmd::close_not_analysed("Skip"), &lead());
    assert_eq!(error.code(), "invalid_transition");
    assert!(error.to_string().contains("deliver the remedy"), "{error}");
}

#[test]
fn only_a_lead_reopens_and_must_say_why() {
    let mut desk = Fixture::Closed.desk();
    assert_eq!(desk.refused(cmd::reopen(ReopenTarget::Remedy), &agent()).code(), "lead_only");
    let silent = CaseCommand::Reopen { reason: " ".into(), to: ReopenTarget::Analysis };
    assert_eq!(desk.refused(silent, &lead()).field(), Some("reason"));
    desk.ok(cmd::reopen(ReopenTarget::Analysis), &lead());
    assert_eq!(desk.state.stage, Stage::RootCause);
    assert_eq!(desk.state.closing, None);
    assert_eq!(desk.state.reopenings[0].by, "Leena");
    // The remedy still stands, so the analysis continues and the case can close again.
    assert!(desk.state.delivery.is_some());
    desk.ok(cmd::corrective_action(), &agent()).ok(cmd::close(), &agent());
    assert_eq!(desk.state.stage, Stage::Closed);
}

#[test]
fn a_remedy_that_did_not_hold_can_be_reopened_before_closing() {
    let mut desk = Fixture::Delivered.desk();
    desk.ok(cmd::reopen(ReopenTarget::Remedy), &lead());
    assert_eq!(desk.state.stage, Stage::Solving);
    assert_eq!((desk.state.agreed_remedy.clone(), desk.state.delivery.clone()), (None, None));
}
