//! Where the team's people are (issue 17), and what follows from it: who is away, which desk
//! raises a promise's reminder, and which desk keeps a hand-off's notice.
//!
//! A sign-in on a desk is a team fact (person, desk, the desk's time). From those facts every
//! desk knows the same thing: a person is on the desk of their latest sign-in, and is signed in
//! there still while nobody else signed in on that desk after them. Desk clocks decide "latest":
//! it is a person's whereabouts, never the order of events.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::calendar::DeskCalendar;
use crate::reminder::ReminderKind;

/// A desk's global id, as the store keeps it.
pub type DeskId = [u8; 16];

/// One person's latest sign-in on one desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignIn {
    pub person: String,
    pub desk: DeskId,
    pub at: DateTime<Utc>,
}

/// Everyone's latest sign-ins, as the desk knows them.
#[derive(Debug, Clone, Default)]
pub struct Whereabouts {
    /// The latest sign-in of each person (on any desk).
    latest: BTreeMap<String, (DeskId, DateTime<Utc>)>,
    /// The person who signed in last on each desk.
    at_desk: BTreeMap<DeskId, (String, DateTime<Utc>)>,
}

impl Whereabouts {
    pub fn new(sign_ins: impl IntoIterator<Item = SignIn>) -> Whereabouts {
        let mut known = Whereabouts::default();
        for sign_in in sign_ins {
            // Ties go to the greater desk or name, so every desk reads the same answer.
            let later = |held: &(DeskId, DateTime<Utc>)| (sign_in.at, sign_in.desk) > (held.1, held.0);
            if known.latest.get(&sign_in.person).is_none_or(later) {
                known.latest.insert(sign_in.person.clone(), (sign_in.desk, sign_in.at));
            }
            let later_here = |held: &(String, DateTime<Utc>)| (sign_in.at, &sign_in.person) > (held.1, &held.0);
            if known.at_desk.get(&sign_in.desk).is_none_or(later_here) {
                known.at_desk.insert(sign_in.desk, (sign_in.person.clone(), sign_in.at));
            }
        }
        known
    }

    /// The desk `person` is signed in on, or was last; `None` if they never signed in anywhere.
    pub fn desk_of(&self, person: &str) -> Option<DeskId> {
        self.latest.get(person).map(|(desk, _)| *desk)
    }

    /// When `person` last signed in anywhere.
    pub fn last_seen(&self, person: &str) -> Option<DateTime<Utc>> {
        self.latest.get(person).map(|(_, at)| *at)
    }

    /// Whether `person` is still signed in on their latest desk (nobody signed in there since).
    pub fn signed_in_now(&self, person: &str) -> bool {
        self.desk_of(person).and_then(|desk| self.at_desk.get(&desk)).is_some_and(|(name, _)| name == person)
    }
}

/// Whole business days that passed without `person` signing in: the business days after the
/// local date of `last_seen` and before today's, on the desk's calendar. A sign-in yesterday is
/// zero days away, one on Friday seen on Tuesday is one (Monday).
pub fn business_days_away(last_seen: DateTime<Utc>, now: DateTime<Utc>, calendar: &DeskCalendar) -> u32 {
    let from = calendar.local_date(last_seen);
    let today = calendar.local_date(now);
    from.iter_days().skip(1).take_while(|day| *day < today).filter(|day| calendar.is_business_day(*day)).count() as u32
}

/// Whether a hand-off to someone last seen at `last_seen` warns the sender: not signed in
/// anywhere for `away_after` business days. Someone never seen signing in is not warned about:
/// a desk that has just started keeping sign-ins knows nothing of its people yet.
pub fn is_away(last_seen: Option<DateTime<Utc>>, now: DateTime<Utc>, away_after: u32, calendar: &DeskCalendar) -> bool {
    away_after > 0 && last_seen.is_some_and(|seen| business_days_away(seen, now, calendar) >= away_after)
}

/// Whether this desk raises a reminder step of `kind` for a promise of `owner`.
///
/// The owner's steps go to the desk where they are signed in or were last, so moving desks
/// moves the reminders and an owner's PC that is off loses nothing once they sign in elsewhere.
/// An escalation goes to the desks where a lead is signed in now; with none signed in, to the
/// desk where a lead was seen last. Where nobody's whereabouts are known (a standalone desk,
/// people who never signed in) this desk raises it, as before team mode.
pub fn raises_here(kind: ReminderKind, owner: &str, leads: &[String], known: &Whereabouts, here: DeskId) -> bool {
    if kind != ReminderKind::Escalation {
        return known.desk_of(owner).is_none_or(|desk| desk == here);
    }
    let signed_in: Vec<DeskId> =
        leads.iter().filter(|lead| known.signed_in_now(lead)).filter_map(|lead| known.desk_of(lead)).collect();
    if !signed_in.is_empty() {
        return signed_in.contains(&here);
    }
    let last = leads.iter().filter_map(|lead| known.latest.get(lead.as_str()).map(|(desk, at)| (*at, *desk))).max();
    last.is_none_or(|(_, desk)| desk == here)
}

/// A hand-off as a desk sees it, to decide whether it keeps a notice for the receiver.
#[derive(Debug, Clone, Copy)]
pub struct HandOffSeen<'a> {
    pub receiver: &'a str,
    /// The case's owner now: a hand-off already passed on (or lost a conflict) is not noticed.
    pub owner_now: &'a str,
    /// The person at this desk's keyboard; empty when nobody.
    pub at_keyboard: &'a str,
    pub here: DeskId,
}

/// Whether this desk keeps a notice of a hand-off for its receiver: when the receiver is at the
/// keyboard here, when this is the desk they are signed in on or were last (they see it at their
/// next sign-in here), or when nobody knows where they are. Elsewhere, their own desk tells them.
pub fn notices_here(seen: HandOffSeen<'_>, known: &Whereabouts) -> bool {
    if seen.receiver != seen.owner_now || seen.receiver.trim().is_empty() {
        return false;
    }
    seen.receiver == seen.at_keyboard || known.desk_of(seen.receiver).is_none_or(|desk| desk == seen.here)
}

#[cfg(test)]
mod tests;
