//! Figures on hand-built logs: each event is placed by hand so the expected numbers are obvious.

use chrono::{DateTime, TimeZone, Utc};
use rstest::rstest;

use super::*;

fn log(at: impl Fn(i64) -> DateTime<Utc>, events: Vec<(i64, CaseEvent)>) -> Vec<EventRecord> {
    let mut records = vec![rec(at(0), CaseEvent::Opened { intake: intake() })];
    records.extend(events.into_iter().map(|(minute, event)| rec(at(minute), event)));
    records
}

/// Figures ignore the stages, so every record says "intake".
fn rec(at: DateTime<Utc>, event: CaseEvent) -> EventRecord {
    EventRecord { at, actor: agent(), stage_before: Stage::Intake, stage_after: Stage::Intake, event }
}

fn agreed() -> CaseEvent {
    CaseEvent::RemedyAgreed { remedy: cmd::remedy(), option_id: None }
}

fn delivered() -> CaseEvent {
    CaseEvent::RemedyDelivered { summary: "Done".into(), informed_via: Channel::Counter }
}

fn told() -> CaseEvent {
    CaseEvent::DeclineCommunicated { informed_via: Channel::Counter, note: None }
}

fn contact() -> CaseEvent {
    CaseEvent::ContactRecorded {
        direction: ContactDirection::Outbound,
        channel: Channel::Phone,
        summary: "Called".into(),
    }
}

fn handed() -> CaseEvent {
    CaseEvent::HandedOff {
        from: "Aino".into(),
        to: "Pekka".into(),
        note: "n".into(),
        customer_told: "c".into(),
        callback: None,
    }
}

fn wait() -> CaseEvent {
    CaseEvent::WaitStarted { on: WaitingOn::Supplier, reason: "Part".into(), until: None }
}

fn resumed() -> CaseEvent {
    CaseEvent::WaitEnded { note: None, automatic: false }
}

fn closed() -> CaseEvent {
    CaseEvent::Closed { closing_gesture: None, lessons_learned: None, not_analysed_reason: None }
}

fn reopened(to: ReopenTarget) -> CaseEvent {
    CaseEvent::Reopened { reason: "Leaks again".into(), to }
}

fn note() -> CaseEvent {
    CaseEvent::NoteAdded { visibility: NoteVisibility::Internal, text: "x".into() }
}

/// 2026-03-10 21:00 UTC is 23:00 in Helsinki: an hour before the local day ends.
fn late_evening(minutes: i64) -> DateTime<Utc> {
    let base = Utc.with_ymd_and_hms(2026, 3, 10, 21, 0, 0).single().expect("valid time");
    base + chrono::Duration::minutes(minutes)
}

#[rstest]
#[case::counter_fix(vec![(5, agreed()), (10, delivered())], true)]
#[case::decline_on_the_spot(vec![(5, told())], true)]
#[case::notes_do_not_count(vec![(3, note()), (10, delivered())], true)]
#[case::contact_after_resolution(vec![(10, delivered()), (60, contact())], true)]
#[case::reopened_for_analysis_only(vec![(10, delivered()), (20, closed()), (30, reopened(ReopenTarget::Analysis))], true)]
#[case::called_back_before(vec![(5, contact()), (10, delivered())], false)]
#[case::handed_off_before(vec![(5, handed()), (10, delivered())], false)]
#[case::next_day(vec![(24 * 60, delivered())], false)]
#[case::never_resolved(vec![(5, agreed())], false)]
#[case::remedy_did_not_hold(vec![(10, delivered()), (20, reopened(ReopenTarget::Remedy)), (30, delivered())], false)]
fn first_contact_resolution(#[case] events: Vec<(i64, CaseEvent)>, #[case] fcr: bool) {
    assert_eq!(figures(&log(t, events)).first_contact_resolution, fcr);
}

#[rstest]
#[case::before_helsinki_midnight(59, true)]
#[case::after_helsinki_midnight(61, false)]
fn same_day_means_the_helsinki_day(#[case] minutes: i64, #[case] fcr: bool) {
    let records = log(late_evening, vec![(minutes, delivered())]);
    assert_eq!(figures(&records).first_contact_resolution, fcr);
}

#[test]
fn times_count_from_receipt_and_waits_pause_the_sla_clock() {
    let records = log(t, vec![(60, wait()), (180, resumed()), (300, delivered()), (2 * 24 * 60, closed())]);
    let f = figures(&records);
    assert_eq!(f.time_to_remedy_seconds, Some(300 * 60));
    assert_eq!(f.active_time_to_remedy_seconds, Some(180 * 60));
    assert_eq!(f.time_waiting_seconds, 120 * 60);
    assert_eq!(f.time_to_close_seconds, Some(2 * 24 * 60 * 60));
}

#[test]
fn a_running_wait_counts_up_to_the_last_event() {
    let records = log(t, vec![(10, delivered()), (20, wait()), (50, note())]);
    let f = figures(&records);
    assert_eq!(f.time_waiting_seconds, 30 * 60);
    // The wait began after delivery, so the SLA clock to the remedy is untouched.
    assert_eq!(f.active_time_to_remedy_seconds, Some(10 * 60));
    assert_eq!(f.time_to_close_seconds, None);
}

#[test]
fn reopening_clears_close_and_remedy_times_until_they_happen_again() {
    let mut events = vec![(10, delivered()), (20, closed()), (30, reopened(ReopenTarget::Remedy))];
    let f = figures(&log(t, events.clone()));
    assert_eq!((f.time_to_remedy_seconds, f.time_to_close_seconds, f.reopenings), (None, None, 1));
    events.extend([(40, delivered()), (50, closed())]);
    let f = figures(&log(t, events));
    assert_eq!(f.time_to_remedy_seconds, Some(40 * 60));
    assert_eq!(f.time_to_close_seconds, Some(50 * 60));
}

#[test]
fn contacts_include_intake_and_hand_offs_are_counted() {
    let records = log(t, vec![(1, contact()), (2, handed()), (3, contact()), (4, handed())]);
    let f = figures(&records);
    assert_eq!((f.customer_contacts, f.hand_offs), (3, 2));
}

#[test]
fn no_log_gives_empty_figures() {
    assert_eq!(figures(&[]), CaseFigures::default());
    assert_eq!(figures(&[rec(t(0), delivered())]), CaseFigures::default());
}

#[test]
fn figures_of_a_case_run_through_decide() {
    let mut desk = Fixture::Intake.desk();
    desk.run_at(cmd::agree(), &agent(), t(3)).expect("agreed");
    desk.run_at(cmd::deliver(), &agent(), t(8)).expect("delivered");
    let f = figures(&desk.log);
    assert!(f.first_contact_resolution);
    assert_eq!((f.time_to_remedy_seconds, f.customer_contacts), (Some(8 * 60), 1));
}
