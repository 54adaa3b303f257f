//! Compensation: part of the remedy, with a per-case limit above which a lead decides.

use rstest::rstest;

use super::*;

fn status(desk: &Desk, id: usize) -> CompensationStatus {
    desk.state.compensations[id].status.clone()
}

fn approved_by(desk: &Desk, id: usize) -> Option<String> {
    match status(desk, id) {
        CompensationStatus::Approved { by, .. } => Some(by),
        _ => None,
    }
}

#[rstest]
#[case::below_limit(9_999, Role::Agent, Some("Aino"))]
#[case::at_limit(10_000, Role::Agent, Some("Aino"))]
#[case::above_limit(10_001, Role::Agent, None)]
#[case::lead_above_limit(500_000, Role::Lead, Some("Leena"))]
fn approval_depends_on_limit_and_role(#[case] cents: u64, #[case] role: Role, #[case] expected_approver: Option<&str>) {
    let mut desk = Fixture::Solving.desk();
    desk.ok(cmd::compensation(cents), &actor(role));
    assert_eq!(approved_by(&desk, 0).as_deref(), expected_approver);
    let pending = expected_approver.is_none();
    assert_eq!(status(&desk, 0) == CompensationStatus::PendingLead, pending);
    assert_eq!(desk.state.has_pending_compensation(), pending);
}

#[test]
fn the_limit_comes_from_the_policy() {
    let mut desk = Fixture::Solving.desk();
    desk.policy = Policy { compensation_lead_limit_cents: 2_000 };
    desk.ok(cmd::compensation(2_500), &agent());
    assert_eq!(status(&desk, 0), CompensationStatus::PendingLead);
}

#[test]
fn pending_compensation_waits_for_a_lead_and_blocks_delivery() {
    let mut desk = Fixture::Agreed.desk();
    desk.ok(cmd::compensation(25_000), &agent());
    assert_eq!(desk.refused(cmd::deliver(), &agent()).code(), "invalid_transition");
    assert_eq!(desk.refused(cmd::approve(0), &agent()).code(), "lead_only");
    assert_eq!(desk.refused(cmd::reject(0), &other_agent()).code(), "lead_only");
    assert!(!desk.state.allowed_actions(Role::Agent).contains(&ActionKind::ApproveCompensation));
    assert!(desk.state.allowed_actions(Role::Lead).contains(&ActionKind::ApproveCompensation));
    desk.ok(cmd::approve(0), &lead());
    assert_eq!(approved_by(&desk, 0).as_deref(), Some("Leena"));
    desk.ok(cmd::deliver(), &agent());
    assert_eq!(desk.state.stage, Stage::RemedyDelivered);
}

#[test]
fn a_rejected_compensation_records_why_and_frees_the_case() {
    let mut desk = Fixture::Delivered.desk();
    desk.ok(cmd::root_cause(), &agent()).ok(cmd::compensation(30_000), &agent());
    assert_eq!(desk.refused(cmd::close(), &agent()).code(), "invalid_transition");
    let blank = CaseCommand::RejectCompensation { compensation_id: 0, reason: " ".into() };
    assert_eq!(desk.refused(blank, &lead()).field(), Some("reason"));
    desk.ok(cmd::reject(0), &lead());
    assert!(matches!(status(&desk, 0), CompensationStatus::Rejected { ref reason, .. } if reason == "Too much"));
    desk.ok(cmd::close(), &agent());
}

#[test]
fn splitting_does_not_get_round_the_limit() {
    let mut desk = Fixture::Solving.desk();
    desk.ok(cmd::compensation(6_000), &agent()).ok(cmd::compensation(6_000), &agent());
    assert_eq!(approved_by(&desk, 0).as_deref(), Some("Aino"));
    assert_eq!(status(&desk, 1), CompensationStatus::PendingLead);
}

#[test]
fn rejected_money_does_not_count_towards_the_limit() {
    let mut desk = Fixture::Solving.desk();
    desk.ok(cmd::compensation(9_000), &agent()).ok(cmd::compensation(9_000), &agent());
    desk.ok(cmd::reject(1), &lead());
    desk.ok(cmd::compensation(1_000), &agent());
    assert_eq!(approved_by(&desk, 2).as_deref(), Some("Aino"));
    assert_eq!(desk.state.committed_compensation_cents(), 10_000);
}

#[test]
fn approving_twice_or_an_unknown_id_is_refused() {
    let mut desk = Fixture::Solving.desk();
    desk.ok(cmd::compensation(20_000), &agent()).ok(cmd::compensation(30_000), &agent());
    desk.ok(cmd::approve(0), &lead());
    assert_eq!(desk.refused(cmd::approve(0), &lead()).code(), "invalid_transition");
    assert_eq!(desk.refused(cmd::approve(7), &lead()).code(), "not_found");
}

#[test]
fn a_form_without_an_amount_is_within_the_agents_authority() {
    let mut desk = Fixture::Solving.desk();
    let gift = CaseCommand::ProposeCompensation {
        amount_cents: None,
        form: Some("Free delivery on the next order".into()),
        basis: CompensationBasis::Goodwill,
        note: None,
    };
    desk.ok(gift, &agent());
    assert_eq!(approved_by(&desk, 0).as_deref(), Some("Aino"));
}

#[rstest]
#[case::nothing(None, None)]
#[case::zero(Some(0), None)]
#[case::blank_form(None, Some("  "))]
#[case::absurd(Some(MAX_AMOUNT_CENTS + 1), Some("cash"))]
fn compensation_needs_an_amount_or_a_form(#[case] cents: Option<u64>, #[case] form: Option<&str>) {
    let mut desk = Fixture::Solving.desk();
    let command = CaseCommand::ProposeCompensation {
        amount_cents: cents,
        form: form.map(str::to_owned),
        basis: CompensationBasis::ConsumerLaw,
        note: None,
    };
    assert_eq!(desk.refused(command, &agent()).field(), Some("amount_cents"));
}

#[test]
fn compensation_at_intake_starts_solving() {
    let mut desk = Fixture::Intake.desk();
    desk.ok(cmd::compensation(1_000), &agent());
    assert_eq!(desk.state.stage, Stage::Solving);
    assert_eq!(desk.state.compensations[0].basis, CompensationBasis::Goodwill);
}
