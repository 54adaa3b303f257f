//! A hand-off names a person of the team, not free text (issue 17): the case leaves the
//! sender's "my cases" and, once synced, appears in the receiver's on whichever desk they sign
//! in, with the note and what the customer was told. A name the team does not list is refused;
//! a deactivated person, or one not signed in on any desk for the team's "away after" business
//! days, is a warning the sender must confirm (someone who left or is on leave would not pick
//! the case up soon).

use lupaus_core::CoreError;
use lupaus_core::lifecycle::CaseCommand;
use lupaus_core::presence;
use lupaus_core::promise::NewPromise;
use lupaus_core::reason::{self as why, Reason};
use lupaus_store::StoreError;
use lupaus_store::cases::CaseDetail;
use lupaus_store::people::Listing;
use serde::Deserialize;

use crate::Desk;

/// A hand-off as the sender fills it in.
#[derive(Debug, Clone, Deserialize)]
pub struct HandOffTo {
    /// One of the team's people.
    pub to: String,
    pub note: String,
    pub customer_told: String,
    pub callback: Option<NewPromise>,
    /// The sender saw the warning that `to` is deactivated or away and hands off anyway.
    #[serde(default)]
    pub away_confirmed: bool,
}

impl Desk {
    /// Hands a case to a person of the team.
    pub fn hand_off(&mut self, case_id: i64, hand_off: HandOffTo) -> Result<CaseDetail, StoreError> {
        self.check_receiver(&hand_off.to, hand_off.away_confirmed)?;
        let command = CaseCommand::HandOff {
            to: hand_off.to,
            note: hand_off.note,
            customer_told: hand_off.customer_told,
            callback: hand_off.callback,
        };
        self.act_unchecked(case_id, command)
    }

    /// A lifecycle command from a host that may carry the sender's confirmation of the
    /// deactivated-receiver warning: a confirmed hand-off goes through [`Desk::hand_off`].
    pub fn act_on_case_confirming(
        &mut self,
        case_id: i64,
        command: CaseCommand,
        away_confirmed: bool,
    ) -> Result<CaseDetail, StoreError> {
        match command {
            CaseCommand::HandOff { to, note, customer_told, callback } if away_confirmed => {
                self.hand_off(case_id, HandOffTo { to, note, customer_told, callback, away_confirmed })
            }
            command => self.act_on_case(case_id, command),
        }
    }

    /// Refuses a receiver the team does not list, and warns about a deactivated or absent one.
    pub(crate) fn check_receiver(&self, to: &str, away_confirmed: bool) -> Result<(), StoreError> {
        let name = to.trim();
        match self.store.listing(name)? {
            Listing::Active if !away_confirmed => self.check_not_absent(name),
            Listing::Active | Listing::NoList => Ok(()),
            Listing::Deactivated if away_confirmed => Ok(()),
            Listing::Deactivated => Err(CoreError::invalid_because(
                "to",
                Reason::new(why::HAND_OFF_PERSON_AWAY).with("name", name),
                format!(
                    "{name} has been deactivated and may never see this case. Choose someone else, or confirm that you hand it to {name} anyway."
                ),
            )
            .into()),
            Listing::Unlisted => Err(CoreError::invalid_because(
                "to",
                Reason::new(why::HAND_OFF_UNKNOWN_PERSON).with("name", name),
                format!(
                    "{name} is not one of the team's people. Choose the person from the list (a team lead adds new people)."
                ),
            )
            .into()),
        }
    }

    /// Warns when `name` has not signed in on any desk for the team's "away after" business days.
    fn check_not_absent(&self, name: &str) -> Result<(), StoreError> {
        let desk = self.store.desk_settings()?;
        let last_seen = self.store.whereabouts_of(name)?.map(|seen| seen.signed_in_at);
        let now = self.now();
        if !presence::is_away(last_seen, now, desk.settings.away_after_business_days, &desk.calendar) {
            return Ok(());
        }
        let days = last_seen.map_or(0, |seen| presence::business_days_away(seen, now, &desk.calendar));
        Err(CoreError::invalid_because(
            "to",
            Reason::new(why::HAND_OFF_PERSON_ABSENT).with("name", name).with("days", days),
            format!(
                "{name} has not signed in on any desk for {days} business days and may not see this case soon. Choose someone else, or confirm that you hand it to {name} anyway."
            ),
        )
        .into())
    }
}
