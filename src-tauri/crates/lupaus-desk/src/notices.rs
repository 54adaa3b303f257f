//! Working as a team (issue 17): where people are, the receiver's notice of a hand-off, and the
//! lead's list of escalated misses. The rules are the core's (`lupaus_core::presence`); the store
//! keeps the facts; hosts only show.

use chrono::{DateTime, Utc};
use lupaus_store::StoreError;
use lupaus_store::escalations::EscalatedMiss;
use lupaus_store::notices::HandOffNotice;
use lupaus_store::presence::PersonWhereabouts;

use crate::Desk;

/// How many escalated misses the lead's list shows at most.
const ESCALATED_LIST: u32 = 200;

impl Desk {
    /// The hand-offs to the person at the keyboard they have not acknowledged on this desk,
    /// newest first; empty when nobody is at the keyboard.
    pub fn hand_off_notices(&self) -> Result<Vec<HandOffNotice>, StoreError> {
        if self.person.trim().is_empty() {
            return Ok(Vec::new());
        }
        self.store.open_notices(&self.person)
    }

    /// The hand-offs to the person at the keyboard whose OS notification goes out now: each
    /// once, also across restarts (the app's scheduler calls this beside its reminder pass).
    pub fn announce_hand_off_notices(&mut self, now: DateTime<Utc>) -> Result<Vec<HandOffNotice>, StoreError> {
        let person = self.person.clone();
        self.store.announce_notices(&person, now)
    }

    /// The person at the keyboard has read the notice of hand-off `event_id`.
    pub fn acknowledge_hand_off_notice(&mut self, event_id: &str) -> Result<(), StoreError> {
        let actor = self.actor()?;
        let now = self.now();
        // This desk's own bookkeeping: nothing travels, no list changes.
        self.store.acknowledge_notice(&actor.person, event_id, now)
    }

    /// Where each of the team's people is signed in, or was last.
    pub fn team_whereabouts(&self) -> Result<Vec<PersonWhereabouts>, StoreError> {
        self.store.team_whereabouts()
    }

    /// Missed promises escalated to the leads on any desk, with who saw them and what was done
    /// since. Leads only.
    pub fn escalated_misses(&self) -> Result<Vec<EscalatedMiss>, StoreError> {
        self.actor()?.require_lead("see the escalated misses")?;
        self.store.escalated_misses(ESCALATED_LIST, self.now())
    }
}
