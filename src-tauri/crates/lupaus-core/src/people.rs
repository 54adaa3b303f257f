//! The desk's people and who may change them: adding people, roles, deactivation and PINs.
//!
//! The rules live here so no screen or script can skip them: only a team lead changes the list,
//! except that anyone may add the first lead of a new desk (so a fresh install is not locked
//! out); the last active lead can be neither demoted nor deactivated; a PIN is chosen only by its
//! owner, and a lead may clear anyone's forgotten PIN. [`WrongPins`] slows down PIN guessing.

use chrono::{DateTime, Utc};

use crate::CoreError;
use crate::lifecycle::{Actor, Role};
use crate::reason::{self as why, Reason, RefusalCode};

/// What the rules need to know about one person on the desk's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    pub role: Role,
    pub active: bool,
}

/// A change to the desk's list of people, naming the person it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeopleChange {
    /// Add a person, change their role, or bring a deactivated person back.
    Save {
        name: String,
        role: Role,
    },
    Deactivate {
        name: String,
    },
    SetPin {
        name: String,
    },
    ClearPin {
        name: String,
    },
}

/// Whether `by` may make `change` to the desk whose list is `listed` (active and deactivated).
pub fn check_change(by: &Actor, listed: &[Listed], change: &PeopleChange) -> Result<(), CoreError> {
    let active = |name: &str| listed.iter().find(|person| person.active && person.name == name);
    let active_leads = listed.iter().filter(|person| person.active && person.role == Role::Lead).count();
    let is_last_lead = |name: &str| active(name).is_some_and(|person| person.role == Role::Lead) && active_leads == 1;
    match change {
        PeopleChange::Save { name, role } => {
            if active_leads == 0 {
                // A new desk: the first lead may be added by anyone, and must come first.
                return match role {
                    Role::Lead => Ok(()),
                    Role::Agent => Err(CoreError::refused(
                        RefusalCode::LeadOnly,
                        Reason::new(why::FIRST_PERSON_IS_LEAD),
                        "The desk has no team lead yet. Add the first team lead, who can then add everyone else.",
                    )),
                };
            }
            by.require_lead("add people or change their roles")?;
            if *role == Role::Agent && is_last_lead(name) {
                return Err(CoreError::invalid_because(
                    "role",
                    Reason::new(why::ONLY_LEAD_ROLE_CHANGE).with("name", name),
                    format!(
                        "{name} is the desk's only team lead. Make someone else a team lead first, then change {name}'s role."
                    ),
                ));
            }
            Ok(())
        }
        PeopleChange::Deactivate { name } => {
            by.require_lead("deactivate people")?;
            if active(name).is_none() {
                return Err(not_listed(name));
            }
            if is_last_lead(name) {
                return Err(CoreError::invalid_because(
                    "person",
                    Reason::new(why::ONLY_LEAD_DEACTIVATE).with("name", name),
                    format!(
                        "{name} is the desk's only team lead. Make someone else a team lead first, then deactivate {name}."
                    ),
                ));
            }
            Ok(())
        }
        PeopleChange::SetPin { name } => {
            if by.person != *name {
                return Err(CoreError::invalid_because(
                    "person",
                    Reason::new(why::PIN_OWN_ONLY).with("name", name),
                    format!("Only {name} can choose {name}'s PIN. If it is forgotten, a team lead can clear it."),
                ));
            }
            active(name).map(|_| ()).ok_or_else(|| {
                CoreError::NotFound(format!(
                    "{name} is not on the desk's list of people, so there is nowhere to keep a PIN. Ask a team lead to add {name} first."
                ))
            })
        }
        PeopleChange::ClearPin { name } => {
            if by.person != *name {
                by.require_lead("clear another person's PIN")?;
            }
            active(name).map(|_| ()).ok_or_else(|| not_listed(name))
        }
    }
}

fn not_listed(name: &str) -> CoreError {
    CoreError::NotFound(format!("{name} is not an active person at this desk. Check the name in the list of people."))
}

/// The shortest and longest PIN, in digits.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

/// Checks a new PIN: 4 to 8 digits, nothing else.
pub fn validate_pin(pin: &str) -> Result<&str, CoreError> {
    if pin.is_empty() {
        return Err(CoreError::invalid_because("pin", Reason::new(why::PIN_MISSING), "Type a PIN of 4 to 8 digits."));
    }
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(CoreError::invalid_because(
            "pin",
            Reason::new(why::PIN_DIGITS_ONLY),
            "A PIN is digits only (0–9). Remove the other characters.",
        ));
    }
    let digits = pin.len();
    if !PIN_DIGITS.contains(&digits) {
        return Err(CoreError::invalid_because(
            "pin",
            Reason::new(why::PIN_LENGTH).with("count", digits),
            format!("A PIN has 4 to 8 digits; this one has {digits}."),
        ));
    }
    Ok(pin)
}

/// Whether `by` may put a backup in place of a database that still works: that undoes everyone's
/// work since the backup was taken, so only a team lead may. (On the recovery screen, with a file
/// that cannot be used, anyone may restore: nobody can be identified on a broken file.)
pub fn check_restore_over_working_database(by: &Actor) -> Result<(), CoreError> {
    match by.role {
        Role::Lead => Ok(()),
        Role::Agent => Err(CoreError::Refused {
            refusal: crate::reason::RefusalCode::LeadOnly,
            reason: Reason::new(why::LEAD_RESTORES_BACKUP),
            message: "Only a team lead can restore a backup over the working database. Ask your team lead.".to_owned(),
        }),
    }
}

/// Wrong PINs allowed in a row before each further try must wait [`PIN_WAIT_SECONDS`].
pub const FREE_PIN_TRIES: u32 = 5;
pub const PIN_WAIT_SECONDS: i64 = 30;

/// One person's wrong PINs since their last right one. The store keeps it with the person, so a
/// restart does not reset the count: after [`FREE_PIN_TRIES`] wrong tries, each further try waits
/// [`PIN_WAIT_SECONDS`] after the previous wrong one, which makes guessing a 4-digit PIN take
/// days instead of minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WrongPins {
    pub count: u32,
    pub last: Option<DateTime<Utc>>,
}

impl WrongPins {
    /// Lets `person`, who has a PIN, through when `pin` is theirs according to `matches`, and
    /// updates the count either way (the caller stores it). A missing PIN is not counted as a
    /// try; a try while waiting is refused without checking.
    pub fn unlock(
        &mut self,
        person: &str,
        pin: Option<&str>,
        now: DateTime<Utc>,
        matches: impl FnOnce(&str) -> bool,
    ) -> Result<(), CoreError> {
        let Some(pin) = pin.filter(|pin| !pin.trim().is_empty()) else {
            return Err(CoreError::PinRequired(format!("{person} has a PIN. Type it to continue as {person}.")));
        };
        if let Some(last) = self.last.filter(|_| self.count >= FREE_PIN_TRIES) {
            // A clock set back behind the last wrong try (the count now outlives restarts) must
            // not lock the person out until it catches up: such a try is not made to wait.
            let waited = (now - last).num_seconds();
            if (0..PIN_WAIT_SECONDS).contains(&waited) {
                let seconds = (PIN_WAIT_SECONDS - waited).unsigned_abs();
                return Err(CoreError::PinWait {
                    seconds,
                    message: format!("Too many wrong PINs for {person}. Wait {seconds} seconds, then try again."),
                });
            }
        }
        if matches(pin.trim()) {
            *self = WrongPins::default();
            return Ok(());
        }
        *self = WrongPins { count: self.count.saturating_add(1), last: Some(now) };
        let left = FREE_PIN_TRIES.saturating_sub(self.count);
        Err(CoreError::WrongPin(match left {
            0 => format!(
                "That is not {person}'s PIN. Check it and try again in {PIN_WAIT_SECONDS} seconds; a team lead can clear a forgotten PIN."
            ),
            _ => format!("That is not {person}'s PIN. Check it and try again ({left} tries before a wait)."),
        }))
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use rstest::rstest;

    use super::*;

    fn listed(name: &str, role: Role, active: bool) -> Listed {
        Listed { name: name.to_owned(), role, active }
    }

    /// Leena leads, Aino and Mikko are agents, Pekka (a lead) has left.
    fn desk() -> Vec<Listed> {
        vec![
            listed("Leena", Role::Lead, true),
            listed("Aino", Role::Agent, true),
            listed("Mikko", Role::Agent, true),
            listed("Pekka", Role::Lead, false),
        ]
    }

    fn save(name: &str, role: Role) -> PeopleChange {
        PeopleChange::Save { name: name.to_owned(), role }
    }

    fn deactivate(name: &str) -> PeopleChange {
        PeopleChange::Deactivate { name: name.to_owned() }
    }

    fn set_pin(name: &str) -> PeopleChange {
        PeopleChange::SetPin { name: name.to_owned() }
    }

    fn clear_pin(name: &str) -> PeopleChange {
        PeopleChange::ClearPin { name: name.to_owned() }
    }

    #[rstest]
    #[case::lead_adds_an_agent(Actor::lead("Leena"), save("Ville", Role::Agent), None)]
    #[case::lead_promotes_an_agent(Actor::lead("Leena"), save("Aino", Role::Lead), None)]
    #[case::lead_brings_back_a_leaver(Actor::lead("Leena"), save("Pekka", Role::Lead), None)]
    #[case::agent_cannot_add(Actor::agent("Aino"), save("Ville", Role::Agent), Some("lead_only"))]
    #[case::agent_cannot_promote_self(Actor::agent("Aino"), save("Aino", Role::Lead), Some("lead_only"))]
    #[case::last_lead_cannot_be_demoted(Actor::lead("Leena"), save("Leena", Role::Agent), Some("invalid_input"))]
    #[case::lead_deactivates_an_agent(Actor::lead("Leena"), deactivate("Mikko"), None)]
    #[case::agent_cannot_deactivate(Actor::agent("Aino"), deactivate("Mikko"), Some("lead_only"))]
    #[case::last_lead_cannot_be_deactivated(Actor::lead("Leena"), deactivate("Leena"), Some("invalid_input"))]
    #[case::a_leaver_is_not_deactivated_twice(Actor::lead("Leena"), deactivate("Pekka"), Some("not_found"))]
    #[case::own_pin(Actor::agent("Aino"), set_pin("Aino"), None)]
    #[case::not_someone_elses_pin(Actor::lead("Leena"), set_pin("Aino"), Some("invalid_input"))]
    #[case::no_pin_for_the_unlisted(Actor::agent("Ville"), set_pin("Ville"), Some("not_found"))]
    #[case::clear_own_pin(Actor::agent("Aino"), clear_pin("Aino"), None)]
    #[case::lead_clears_a_forgotten_pin(Actor::lead("Leena"), clear_pin("Aino"), None)]
    #[case::agent_cannot_clear_anothers_pin(Actor::agent("Mikko"), clear_pin("Aino"), Some("lead_only"))]
    fn who_may_change_the_desks_people(#[case] by: Actor, #[case] change: PeopleChange, #[case] refused: Option<&str>) {
        let result = check_change(&by, &desk(), &change);
        assert_eq!(result.as_ref().err().map(CoreError::code), refused, "{change:?} by {by:?}: {result:?}");
    }

    #[test]
    fn with_two_leads_either_may_step_down() {
        let mut people = desk();
        people.push(listed("Aino", Role::Lead, true));
        people.retain(|person| !(person.name == "Aino" && person.role == Role::Agent));
        assert_eq!(check_change(&Actor::lead("Leena"), &people, &save("Leena", Role::Agent)), Ok(()));
        assert_eq!(check_change(&Actor::lead("Aino"), &people, &deactivate("Leena")), Ok(()));
    }

    #[rstest]
    #[case::first_lead_by_anyone(Actor::agent("Aino"), save("Aino", Role::Lead), None)]
    #[case::agents_wait_for_the_first_lead(Actor::agent("Aino"), save("Aino", Role::Agent), Some("lead_only"))]
    fn a_desk_without_a_lead_is_not_locked_out(
        #[case] by: Actor,
        #[case] change: PeopleChange,
        #[case] refused: Option<&str>,
    ) {
        let only_leavers = vec![listed("Pekka", Role::Lead, false), listed("Mikko", Role::Agent, true)];
        for people in [vec![], only_leavers] {
            let result = check_change(&by, &people, &change);
            assert_eq!(result.as_ref().err().map(CoreError::code), refused, "{people:?}: {result:?}");
        }
    }

    #[test]
    fn refusals_name_the_person_and_what_to_do() {
        let error = check_change(&Actor::lead("Leena"), &desk(), &deactivate("Leena")).expect_err("last lead");
        assert_eq!(error.field(), Some("person"));
        assert_eq!(
            error.to_string(),
            "Leena is the desk's only team lead. Make someone else a team lead first, then deactivate Leena."
        );
    }

    #[rstest]
    #[case::four_digits("1234", None)]
    #[case::eight_digits("00000000", None)]
    #[case::empty("", Some("Type a PIN of 4 to 8 digits."))]
    #[case::three_digits("123", Some("A PIN has 4 to 8 digits; this one has 3."))]
    #[case::nine_digits("123456789", Some("A PIN has 4 to 8 digits; this one has 9."))]
    #[case::letters("12a4", Some("A PIN is digits only (0–9). Remove the other characters."))]
    #[case::spaces("12 34", Some("A PIN is digits only (0–9). Remove the other characters."))]
    #[case::arabic_indic_digits("١٢٣٤", Some("A PIN is digits only (0–9). Remove the other characters."))]
    fn pin_rules(#[case] pin: &str, #[case] refused: Option<&str>) {
        let result = validate_pin(pin);
        assert_eq!(result.as_ref().err().map(ToString::to_string).as_deref(), refused);
        if let Err(error) = result {
            assert_eq!(error.field(), Some("pin"));
        }
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).single().expect("time") + Duration::seconds(seconds)
    }

    fn try_pin(tries: &mut WrongPins, pin: Option<&str>, seconds: i64) -> Result<(), CoreError> {
        tries.unlock("Leena", pin, at(seconds), |given| given == "2468")
    }

    #[test]
    fn the_right_pin_unlocks_and_a_missing_one_is_asked_for() {
        let mut tries = WrongPins::default();
        let missing = try_pin(&mut tries, None, 0).expect_err("no pin");
        assert_eq!((missing.code(), missing.field()), ("pin_required", Some("pin")));
        assert_eq!(try_pin(&mut tries, Some("  "), 0).expect_err("blank").code(), "pin_required");
        assert_eq!(try_pin(&mut tries, Some("2468"), 0), Ok(()));
    }

    #[test]
    fn after_five_wrong_pins_each_try_waits_thirty_seconds() {
        let mut tries = WrongPins::default();
        for attempt in 1..=4 {
            let error = try_pin(&mut tries, Some("1111"), attempt).expect_err("wrong");
            assert_eq!(error.code(), "wrong_pin");
            assert!(error.to_string().contains(&format!("({} tries before a wait)", 5 - attempt)), "{error}");
        }
        let fifth = try_pin(&mut tries, Some("1111"), 5).expect_err("fifth");
        assert!(fifth.to_string().contains("try again in 30 seconds"), "{fifth}");

        // Even the right PIN waits: the wait is not a hint about which PIN is right.
        let waiting = try_pin(&mut tries, Some("2468"), 17).expect_err("waiting");
        assert_eq!(
            waiting,
            CoreError::PinWait {
                seconds: 18,
                message: "Too many wrong PINs for Leena. Wait 18 seconds, then try again.".to_owned()
            }
        );
        assert_eq!(waiting.field(), Some("pin"));
        assert_eq!(try_pin(&mut tries, Some("1111"), 35).expect_err("sixth").code(), "wrong_pin");
        assert_eq!(try_pin(&mut tries, Some("2468"), 40).expect_err("waits again").code(), "pin_wait");
        assert_eq!(try_pin(&mut tries, Some("2468"), 65), Ok(()));
        // A right PIN starts the count afresh.
        assert_eq!(try_pin(&mut tries, Some("1111"), 66).expect_err("wrong").code(), "wrong_pin");
        assert_eq!(try_pin(&mut tries, Some("2468"), 67), Ok(()));
    }

    #[test]
    fn only_a_lead_restores_over_a_working_database() {
        assert_eq!(check_restore_over_working_database(&Actor::lead("Leena")), Ok(()));
        let refused = check_restore_over_working_database(&Actor::agent("Aino")).expect_err("agent");
        assert_eq!(refused.code(), "lead_only");
    }

    #[test]
    fn the_count_goes_on_from_what_was_stored_and_a_clock_set_back_does_not_lock_out() {
        let mut stored = WrongPins { count: 5, last: Some(at(100)) };
        assert_eq!(try_pin(&mut stored, Some("2468"), 110).expect_err("still waiting").code(), "pin_wait");
        assert_eq!(stored, WrongPins { count: 5, last: Some(at(100)) }, "a refused wait is not a try");
        let mut set_back = WrongPins { count: 5, last: Some(at(86_400)) };
        assert_eq!(try_pin(&mut set_back, Some("1111"), 0).expect_err("wrong").code(), "wrong_pin");
        assert_eq!(set_back, WrongPins { count: 6, last: Some(at(0)) }, "counted, and waits from now");
        assert_eq!(try_pin(&mut stored, Some("2468"), 130), Ok(()));
        assert_eq!(stored, WrongPins::default(), "a right PIN clears the count");
    }
}
