//! A lead's review of a team conflict (issue 17). When two desks changed the same case or
//! promise offline, the server's order picks one side; the other is kept, shown struck through
//! and flagged for a lead. The lead resolves it with one click: the review is a fact that travels
//! like any other, so every desk shows the same result and the flag clears everywhere.
//!
//! The rules: only a lead reviews; only a flagged conflict can be reviewed, once. Two leads who
//! review the same conflict on two desks cut off from each other both keep their facts; the
//! first in the team's order is the review every desk shows ([`standing`]).

use crate::CoreError;
use crate::lifecycle::Actor;
use crate::reason::{self as why, Reason};

/// The longest note a lead may leave with a review.
pub const NOTE_MAX_CHARS: usize = 2000;

/// What the desk knows of the event a lead wants to review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// No such event, or one that was applied: nothing to review.
    NotAConflict,
    /// A conflict's losing side, and who reviewed it already, if anyone.
    Conflict { reviewed_by: Option<String> },
}

/// Checks a lead's review of `target` and answers the note to record (trimmed).
pub fn check(actor: &Actor, target: &Target, note: &str) -> Result<String, CoreError> {
    if actor.require_lead("resolve a conflict between desks").is_err() {
        return Err(CoreError::refused(
            why::RefusalCode::LeadOnly,
            Reason::new(why::LEAD_RESOLVES_CONFLICTS),
            "Only a team lead can resolve a conflict between desks. Ask your team lead.",
        ));
    }
    match target {
        Target::NotAConflict => Err(CoreError::invalid_because(
            "event",
            Reason::new(why::NOT_A_CONFLICT),
            "This event is not a conflict waiting for review; reload the list.",
        )),
        Target::Conflict { reviewed_by: Some(by) } => Err(CoreError::invalid_because(
            "event",
            Reason::new(why::CONFLICT_ALREADY_REVIEWED).with("by", by),
            format!("{by} already resolved this conflict."),
        )),
        Target::Conflict { reviewed_by: None } => {
            let note = note.trim();
            if note.chars().count() > NOTE_MAX_CHARS {
                return Err(CoreError::invalid_because(
                    "note",
                    Reason::new(why::TOO_LONG).with("max", NOTE_MAX_CHARS),
                    format!("The note is longer than {NOTE_MAX_CHARS} characters; shorten it."),
                ));
            }
            Ok(note.to_owned())
        }
    }
}

/// Of the reviews of one conflict, in the team's order, the one that stands: the first.
pub fn standing<T>(reviews_in_order: &[T]) -> Option<&T> {
    reviews_in_order.first()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_lead_resolves_a_conflict_once() {
        let open = Target::Conflict { reviewed_by: None };
        let refused = check(&Actor::agent("Aino"), &open, "").expect_err("an agent");
        assert_eq!(refused.code(), "lead_only");
        assert_eq!(
            check(&Actor::lead("Leena"), &open, "  Sovittu Ainon kanssa  ").expect("a lead"),
            "Sovittu Ainon kanssa"
        );
        let done = Target::Conflict { reviewed_by: Some("Leena".into()) };
        let again = check(&Actor::lead("Pekka"), &done, "").expect_err("already resolved");
        assert_eq!(again.reason(), Some(why::CONFLICT_ALREADY_REVIEWED));
        let none = check(&Actor::lead("Leena"), &Target::NotAConflict, "").expect_err("nothing to review");
        assert_eq!(none.reason(), Some(why::NOT_A_CONFLICT));
        let long = "x".repeat(NOTE_MAX_CHARS + 1);
        assert_eq!(check(&Actor::lead("Leena"), &open, &long).expect_err("too long").field(), Some("note"));
    }

    #[test]
    fn the_first_review_in_the_teams_order_stands() {
        assert_eq!(standing(&["Leena on L", "Pekka on B"]), Some(&"Leena on L"));
        assert_eq!(standing::<&str>(&[]), None);
    }
}
