use chrono::{DateTime, TimeDelta, Utc};
use rstest::rstest;

use super::*;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("{text}:00Z")).expect("test time is well formed").with_timezone(&Utc)
}

const MADE: &str = "2026-03-24T08:00";
const DUE: &str = "2026-03-25T12:00";

fn new_promise() -> NewPromise {
    NewPromise {
        text: "  Soitamme ja kerromme huollon ajan. ".into(),
        channel: PromiseChannel::Call,
        due_at: at(DUE),
        owner: " Aino ".into(),
        outside_hours_confirmed: false,
    }
}

fn origin() -> PromiseOrigin {
    PromiseOrigin { id: 7, case_id: 42, made_by: "Ville".into(), made_at: at(MADE) }
}

fn open() -> Promise {
    new_promise().validate(origin()).expect("valid promise")
}

fn kept() -> Promise {
    open().keep("Soitettu, huolto sovittu.", at("2026-03-25T10:00")).expect("kept")
}

fn renegotiated() -> Promise {
    open().renegotiate(change("2026-03-25T09:00", "2026-03-25T09:05", "2026-03-27T12:00")).expect("renegotiated").old
}

fn change(told: &str, recorded: &str, new_due: &str) -> Renegotiation {
    Renegotiation {
        new_id: 8,
        new_due_at: at(new_due),
        customer_told_at: at(told),
        by: "Ville".into(),
        at: at(recorded),
    }
}

#[test]
fn validation_trims_and_opens_the_promise() {
    let promise = open();
    assert_eq!(promise.text, "Soitamme ja kerromme huollon ajan.");
    assert_eq!(promise.owner, "Aino");
    assert_eq!((promise.id, promise.case_id, promise.made_at), (7, 42, at(MADE)));
    assert_eq!(promise.state, PromiseState::Open);
    assert_eq!(promise.replaces, None);
}

#[rstest]
#[case::no_text(|p: &mut NewPromise, _: &mut PromiseOrigin| p.text = " ".into(), "text")]
#[case::no_owner(|p: &mut NewPromise, _: &mut PromiseOrigin| p.owner = "".into(), "owner")]
#[case::nobody_made_it(|_: &mut NewPromise, o: &mut PromiseOrigin| o.made_by = "\t".into(), "made_by")]
#[case::due_now(|p: &mut NewPromise, o: &mut PromiseOrigin| p.due_at = o.made_at, "due_at")]
#[case::due_in_the_past(|p: &mut NewPromise, o: &mut PromiseOrigin| p.due_at = o.made_at - TimeDelta::minutes(1), "due_at")]
#[case::mistyped_year(|p: &mut NewPromise, o: &mut PromiseOrigin| p.due_at = o.made_at + TimeDelta::days(400), "due_at")]
#[case::owner_too_long(|p: &mut NewPromise, _: &mut PromiseOrigin| p.owner = "x".repeat(MAX_SHORT_CHARS + 1), "owner")]
fn invalid_promises_name_the_field(#[case] spoil: fn(&mut NewPromise, &mut PromiseOrigin), #[case] field: &str) {
    let (mut input, mut from) = (new_promise(), origin());
    spoil(&mut input, &mut from);
    let error = input.validate(from).expect_err("refused");
    assert_eq!(error.code(), "invalid_input");
    assert_eq!(error.field(), Some(field));
    // Each carries a reason key, so the UI can say it in the person's language.
    assert!(error.reason().is_some_and(|key| crate::reason::ALL.contains(&key)), "{error}");
}

#[test]
fn a_promise_due_one_minute_ahead_is_fine() {
    let input = NewPromise { due_at: at(MADE) + TimeDelta::minutes(1), ..new_promise() };
    assert!(input.validate(origin()).is_ok());
}

/// Expected result of a transition: the status afterwards at the given time, or the error code and field.
type Expected = Result<PromiseStatus, (&'static str, Option<&'static str>)>;

fn check(result: Result<Promise, CoreError>, now: &str, expected: Expected) {
    match (result, expected) {
        (Ok(promise), Ok(status)) => assert_eq!(promise.effective_state(at(now)), status),
        (Err(error), Err((code, field))) => {
            assert_eq!((error.code(), error.field()), (code, field), "{error}");
            assert!(error.to_string().ends_with('.'), "a sentence: {error}");
        }
        (result, expected) => panic!("got {result:?}, expected {expected:?}"),
    }
}

#[rstest]
#[case::open_before_due(open, "outcome", "2026-03-25T10:00", Ok(PromiseStatus::Kept))]
#[case::open_at_due(open, "outcome", DUE, Ok(PromiseStatus::Kept))]
#[case::open_after_due_is_kept_late(open, "outcome", "2026-03-25T12:01", Ok(PromiseStatus::KeptLate))]
#[case::kept_before_it_was_made(open, "outcome", "2026-03-24T07:59", Err(("invalid_input", Some("at"))))]
#[case::no_outcome(open, "  ", "2026-03-25T10:00", Err(("invalid_input", Some("outcome"))))]
#[case::already_kept(kept, "again", "2026-03-25T11:00", Err(("invalid_transition", None)))]
#[case::renegotiated(renegotiated, "outcome", "2026-03-25T11:00", Err(("invalid_transition", None)))]
fn keeping(#[case] promise: fn() -> Promise, #[case] outcome: &str, #[case] when: &str, #[case] expected: Expected) {
    check(promise().keep(outcome, at(when)), "2026-04-01T00:00", expected);
}

#[rstest]
#[case::in_good_time(open, change("2026-03-25T09:00", "2026-03-25T09:05", "2026-03-27T12:00"), Ok(()))]
#[case::told_at_the_due_time(open, change(DUE, DUE, "2026-03-27T12:00"), Ok(()))]
#[case::told_in_time_recorded_late(open, change("2026-03-25T11:50", "2026-03-25T12:30", "2026-03-27T12:00"), Ok(()))]
#[case::sooner_than_before(open, change("2026-03-24T09:00", "2026-03-24T09:00", "2026-03-24T15:00"), Ok(()))]
#[case::told_after_due(open, change("2026-03-25T12:01", "2026-03-25T12:05", "2026-03-27T12:00"), Err(("invalid_transition", None)))]
#[case::told_in_the_future(open, change("2026-03-25T11:00", "2026-03-25T10:00", "2026-03-27T12:00"), Err(("invalid_input", Some("customer_told_at"))))]
#[case::told_before_it_was_made(open, change("2026-03-24T07:00", "2026-03-24T09:00", "2026-03-27T12:00"), Err(("invalid_input", Some("customer_told_at"))))]
#[case::new_due_already_passed(open, change("2026-03-25T09:00", "2026-03-25T09:05", "2026-03-25T09:05"), Err(("invalid_input", Some("new_due_at"))))]
#[case::new_due_unchanged(open, change("2026-03-25T09:00", "2026-03-25T09:05", DUE), Err(("invalid_input", Some("new_due_at"))))]
#[case::new_due_years_away(open, change("2026-03-25T09:00", "2026-03-25T09:05", "2028-03-27T12:00"), Err(("invalid_input", Some("new_due_at"))))]
#[case::already_kept(kept, change("2026-03-25T11:00", "2026-03-25T11:00", "2026-03-27T12:00"), Err(("invalid_transition", None)))]
#[case::already_renegotiated(renegotiated, change("2026-03-25T11:00", "2026-03-25T11:00", "2026-03-28T12:00"), Err(("invalid_transition", None)))]
fn renegotiating(
    #[case] promise: fn() -> Promise,
    #[case] change: Renegotiation,
    #[case] expected: Result<(), (&'static str, Option<&'static str>)>,
) {
    let before = promise();
    match (before.renegotiate(change.clone()), expected) {
        (Ok(Renegotiated { old, new }), Ok(())) => {
            assert_eq!(
                old.state,
                PromiseState::Renegotiated {
                    at: change.at,
                    new_due_at: change.new_due_at,
                    customer_told_at: change.customer_told_at,
                    replaced_by: 8
                }
            );
            assert_eq!(
                Promise { state: PromiseState::Open, ..old.clone() },
                before,
                "nothing else changes on the old record"
            );
            assert_eq!(old.effective_state(at("2026-04-30T00:00")), PromiseStatus::Renegotiated);
            assert_eq!((new.id, new.case_id, new.replaces), (8, before.case_id, Some(before.id)));
            assert_eq!((new.due_at, new.made_at, new.made_by.as_str()), (change.new_due_at, change.at, "Ville"));
            assert_eq!(
                (new.text.as_str(), new.owner.as_str(), new.channel),
                (before.text.as_str(), "Aino", before.channel)
            );
            assert_eq!(new.effective_state(change.at), PromiseStatus::Open);
        }
        (Err(error), Err((code, field))) => {
            assert_eq!((error.code(), error.field()), (code, field), "{error}");
        }
        (result, expected) => panic!("got {result:?}, expected {expected:?}"),
    }
}

#[test]
fn renegotiating_a_broken_promise_says_what_to_do_instead() {
    let error =
        open().renegotiate(change("2026-03-25T13:00", "2026-03-25T13:00", "2026-03-27T12:00")).expect_err("broken");
    let message = error.to_string();
    assert!(
        message.contains("broken") && message.contains("kept late") && message.contains("new promise"),
        "{message}"
    );
}

#[rstest]
#[case::open_before_due(open, "2026-03-25T11:59", PromiseStatus::Open)]
#[case::open_at_due(open, DUE, PromiseStatus::Open)]
#[case::open_a_second_past_due(open, "2026-03-25T12:00:01", PromiseStatus::Broken)]
#[case::kept_stays_kept(kept, "2027-01-01T00:00", PromiseStatus::Kept)]
#[case::renegotiated_never_broken(renegotiated, "2027-01-01T00:00", PromiseStatus::Renegotiated)]
fn effective_state(#[case] promise: fn() -> Promise, #[case] now: &str, #[case] expected: PromiseStatus) {
    let now = if now.len() > 16 {
        DateTime::parse_from_rfc3339(&format!("{now}Z")).expect("well formed").with_timezone(&Utc)
    } else {
        at(now)
    };
    assert_eq!(promise().effective_state(now), expected);
}

#[test]
fn state_serialises_with_a_kind_tag() {
    let json = serde_json::to_value(kept()).expect("serialises");
    assert_eq!(json["state"]["kind"], "kept");
    assert_eq!(json["state"]["outcome"], "Soitettu, huolto sovittu.");
    assert_eq!(json["channel"], "call");
    let back: Promise = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, kept());
    let json = serde_json::to_value(renegotiated()).expect("serialises");
    assert_eq!(json["state"]["kind"], "renegotiated");
    assert_eq!(json["state"]["replaced_by"], 8);
}

#[test]
fn a_renegotiated_chain_keeps_honest_statistics() {
    // Promised for Wednesday, moved to Friday in good time, then kept late on Monday.
    let moved = open().renegotiate(change("2026-03-25T09:00", "2026-03-25T09:00", "2026-03-27T12:00")).expect("ok");
    let late = moved.new.keep("Soitettu maanantaina.", at("2026-03-30T09:00")).expect("kept late");
    let now = at("2026-04-01T00:00");
    let statuses = [moved.old.effective_state(now), late.effective_state(now)];
    assert_eq!(statuses, [PromiseStatus::Renegotiated, PromiseStatus::KeptLate]);
}
