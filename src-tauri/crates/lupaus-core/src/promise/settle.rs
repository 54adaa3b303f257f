//! Ending a case never leaves a promise behind: closing or declining is refused while any of
//! its promises is still open, so a call-back the customer was given cannot later count as
//! broken on a case nobody works on. The agent settles each one first: kept, renegotiated or
//! withdrawn with a reason.

use super::{Promise, PromiseState};
use crate::CoreError;
use crate::lifecycle::ActionKind;
use crate::reason::{self as why, Reason, RefusalCode};

/// Whether `action` ends the case's work, so its open promises must be settled first.
pub fn ends_case(action: ActionKind) -> bool {
    matches!(action, ActionKind::Close | ActionKind::DeclineComplaint)
}

/// Refuses `action` while any promise in `promises` (the case's) is open, naming them.
pub fn require_settled(action: ActionKind, promises: &[Promise]) -> Result<(), CoreError> {
    if !ends_case(action) {
        return Ok(());
    }
    let open: Vec<String> = promises
        .iter()
        .filter(|promise| promise.state == PromiseState::Open)
        .map(|promise| format!("#{}", promise.id))
        .collect();
    if open.is_empty() {
        return Ok(());
    }
    let ids = open.join(", ");
    Err(CoreError::Refused {
        refusal: RefusalCode::InvalidTransition,
        reason: Reason::new(why::SETTLE_PROMISES_FIRST).with("count", open.len()).with("ids", &ids),
        message: format!(
            "Settle the case's open promises first ({ids}): mark each kept with its outcome, \
             renegotiate it, or withdraw it with a reason. Then {}.",
            action.label()
        ),
    })
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use rstest::rstest;

    use super::*;
    use crate::promise::{NewPromise, PromiseChannel, PromiseOrigin, PromiseStatus};

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("{text}:00Z")).expect("well formed").with_timezone(&Utc)
    }

    fn open(id: i64) -> Promise {
        let new = NewPromise {
            text: "Soitamme perjantaina.".into(),
            channel: PromiseChannel::Call,
            due_at: at("2026-03-27T12:00"),
            owner: "Aino".into(),
            outside_hours_confirmed: false,
        };
        new.validate(PromiseOrigin { id, case_id: 1, made_by: "Ville".into(), made_at: at("2026-03-24T08:00") })
            .expect("valid")
    }

    #[test]
    fn a_withdrawn_promise_is_never_broken_and_keeps_its_reason() {
        let withdrawn = open(1).withdraw(" Asiakas perui valituksen. ", "Aino", at("2026-03-25T09:00")).expect("ok");
        assert_eq!(withdrawn.effective_state(at("2027-01-01T00:00")), PromiseStatus::Withdrawn);
        let json = serde_json::to_value(&withdrawn).expect("serialises");
        assert_eq!(json["state"]["kind"], "withdrawn");
        assert_eq!(json["state"]["reason"], "Asiakas perui valituksen.");
        assert!(withdrawn.keep("Soitettu", at("2026-03-26T09:00")).is_err(), "a withdrawn promise stays withdrawn");
    }

    #[test]
    fn withdrawing_needs_a_reason() {
        let error = open(1).withdraw("  ", "Aino", at("2026-03-25T09:00")).expect_err("no reason");
        assert_eq!(error.field(), Some("reason"));
    }

    #[rstest]
    #[case::close(ActionKind::Close)]
    #[case::decline(ActionKind::DeclineComplaint)]
    fn ending_a_case_with_an_open_promise_is_refused(#[case] action: ActionKind) {
        let kept = open(1).keep("Soitettu.", at("2026-03-25T09:00")).expect("kept");
        let error = require_settled(action, &[kept, open(2), open(5)]).expect_err("refused");
        assert_eq!(error.code(), "invalid_transition");
        assert_eq!(error.reason(), Some(why::SETTLE_PROMISES_FIRST));
        assert_eq!(error.params(), vec![("count", "2".to_owned()), ("ids", "#2, #5".to_owned())]);
    }

    #[rstest]
    #[case::close(ActionKind::Close)]
    #[case::decline(ActionKind::DeclineComplaint)]
    fn ending_a_case_with_settled_promises_is_allowed(#[case] action: ActionKind) {
        let kept = open(1).keep("Soitettu.", at("2026-03-25T09:00")).expect("kept");
        let withdrawn = open(2).withdraw("Ei enää tarpeen.", "Aino", at("2026-03-25T09:00")).expect("withdrawn");
        assert!(require_settled(action, &[kept, withdrawn]).is_ok());
        assert!(require_settled(action, &[]).is_ok());
    }

    #[test]
    fn other_actions_leave_open_promises_alone() {
        for action in ActionKind::ALL.into_iter().filter(|action| !ends_case(*action)) {
            assert!(require_settled(action, &[open(1)]).is_ok(), "{action:?}");
        }
    }
}
