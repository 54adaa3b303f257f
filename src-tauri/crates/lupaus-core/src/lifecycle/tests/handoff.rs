//! Hand-offs: to a named person, with what the customer was told, and no bouncing.

use rstest::rstest;

use super::*;
use crate::promise::{NewPromise, PromiseChannel};

fn callback(due_minutes: i64) -> NewPromise {
    NewPromise {
        text: " We will call you back by Friday ".into(),
        channel: PromiseChannel::Call,
        due_at: t(due_minutes),
        owner: "Pekka".into(),
        outside_hours_confirmed: false,
    }
}

#[test]
fn hand_off_changes_the_owner_and_keeps_the_story() {
    let mut desk = Fixture::Solving.desk();
    assert_eq!(desk.state.owner, "Aino");
    desk.ok(cmd::hand_off("Pekka"), &agent());
    assert_eq!(desk.state.owner, "Pekka");
    let hand_off = &desk.state.hand_offs[0];
    assert_eq!((hand_off.from.as_str(), hand_off.to.as_str()), ("Aino", "Pekka"));
    assert_eq!(hand_off.customer_told, "A technician will call her");
    assert_eq!(desk.state.stage, Stage::Solving);
}

#[test]
fn callback_travels_with_the_hand_off_event() {
    let mut desk = Fixture::Solving.desk();
    let command = CaseCommand::HandOff {
        to: "Pekka".into(),
        note: "Technician".into(),
        customer_told: "Pekka calls back".into(),
        callback: Some(callback(24 * 60)),
    };
    let records = desk.run(command, &agent()).expect("handed off");
    let CaseEvent::HandedOff { callback: Some(promise), .. } = &records[0].event else {
        panic!("expected a hand-off with a callback: {:?}", records[0].event);
    };
    assert_eq!(promise.text, "We will call you back by Friday");
    assert_eq!(promise.due_at, t(24 * 60));
}

#[rstest]
#[case::no_name(cmd_with("", "n", "c", None), "to")]
#[case::no_note(cmd_with("Pekka", " ", "c", None), "note")]
#[case::customer_not_told(cmd_with("Pekka", "n", "", None), "customer_told")]
#[case::to_the_owner(cmd_with(" aino ", "n", "c", None), "to")]
#[case::callback_in_the_past(cmd_with("Pekka", "n", "c", Some(callback(-5))), "callback.due_at")]
#[case::callback_without_owner(cmd_with("Pekka", "n", "c", Some(NewPromise { owner: " ".into(), ..callback(600) })), "callback.owner")]
fn hand_off_input_is_checked(#[case] command: CaseCommand, #[case] field: &str) {
    let mut desk = Fixture::Solving.desk();
    let error = desk.refused(command, &agent());
    assert_eq!((error.code(), error.field()), ("invalid_input", Some(field)));
}

fn cmd_with(to: &str, note: &str, told: &str, callback: Option<NewPromise>) -> CaseCommand {
    CaseCommand::HandOff { to: to.into(), note: note.into(), customer_told: told.into(), callback }
}

#[test]
fn an_agent_cannot_bounce_a_case_straight_back_but_a_lead_can() {
    let mut desk = Fixture::Solving.desk();
    desk.ok(cmd::hand_off("Pekka"), &agent());
    assert_eq!(desk.refused(cmd::hand_off("Aino"), &other_agent()).code(), "lead_only");
    desk.ok(cmd::hand_off("Aino"), &lead());
    assert_eq!(desk.state.owner, "Aino");
    assert_eq!(desk.state.hand_offs.len(), 2);
}

#[test]
fn passing_on_to_a_third_person_is_not_bouncing() {
    let mut desk = Fixture::Solving.desk();
    desk.ok(cmd::hand_off("Pekka"), &agent()).ok(cmd::hand_off("Liisa"), &other_agent());
    desk.ok(cmd::hand_off("Aino"), &Actor::agent("Liisa"));
    assert_eq!(desk.state.owner, "Aino");
}

#[test]
fn notes_keep_their_visibility_and_contacts_are_events() {
    let mut desk = Fixture::Solving.desk();
    let visible =
        CaseCommand::AddNote { visibility: NoteVisibility::CustomerVisible, text: "We have ordered the part.".into() };
    desk.ok(cmd::note(), &agent()).ok(visible, &agent()).ok(cmd::contact(), &agent());
    let visibilities: Vec<_> = desk.state.notes.iter().map(|n| n.visibility).collect();
    assert_eq!(visibilities, vec![NoteVisibility::Internal, NoteVisibility::CustomerVisible]);
    assert_eq!(desk.state.contacts[0].direction, ContactDirection::Inbound);
    assert!(matches!(desk.log.last().map(|r| &r.event), Some(CaseEvent::ContactRecorded { .. })));
}
