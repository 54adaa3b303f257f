//! Waiting on the customer or a supplier pauses SLA clocks, so every wait has a start and an end.

use super::*;

#[test]
fn wait_and_resume_record_start_and_end() {
    let mut desk = Fixture::Solving.desk();
    desk.run_at(cmd::wait(), &agent(), t(10)).expect("waiting");
    assert_eq!(desk.state.waiting.as_ref().map(|w| w.on), Some(WaitingOn::Supplier));
    assert_eq!(desk.refused(cmd::wait(), &agent()).code(), "invalid_transition");
    desk.run_at(cmd::resume(), &agent(), t(70)).expect("resumed");
    assert_eq!(desk.state.waiting, None);
    let wait = &desk.state.waits[0];
    assert_eq!((wait.started_at, wait.ended_at), (t(10), Some(t(70))));
    assert_eq!(desk.refused(cmd::resume(), &agent()).code(), "invalid_transition");
}

#[test]
fn waiting_at_intake_starts_solving() {
    let mut desk = Fixture::Intake.desk();
    desk.ok(cmd::wait(), &agent());
    assert_eq!(desk.state.stage, Stage::Solving);
}

#[test]
fn moving_on_ends_the_wait_automatically() {
    let mut desk = Fixture::Solving.desk();
    desk.ok(cmd::wait(), &agent());
    let records = desk.run(cmd::agree(), &agent()).expect("agreed");
    let events: Vec<_> = records.iter().map(|r| r.event.clone()).collect();
    assert_eq!(events[0], CaseEvent::WaitEnded { note: None, automatic: true });
    assert!(matches!(events[1], CaseEvent::RemedyAgreed { .. }));
    assert_eq!(records[0].stage_after, Stage::Solving);
    assert_eq!(records[1].stage_before, Stage::Solving);
    assert_eq!(desk.state.waiting, None);
    assert_eq!(desk.state.waits.len(), 1);
}

#[test]
fn closing_ends_a_wait_too() {
    let mut desk = Fixture::RootCause.desk();
    desk.ok(cmd::wait(), &agent()).ok(cmd::close(), &agent());
    assert_eq!(desk.state.stage, Stage::Closed);
    assert_eq!(desk.state.waiting, None);
    assert_eq!(CaseState::replay(&desk.log).as_ref(), Ok(&desk.state));
}

#[test]
fn notes_and_hand_offs_do_not_end_a_wait() {
    let mut desk = Fixture::Solving.desk();
    desk.ok(cmd::wait(), &agent()).ok(cmd::note(), &agent()).ok(cmd::hand_off("Pekka"), &agent());
    assert!(desk.state.waiting.is_some());
}
