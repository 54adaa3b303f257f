//! People at the desk: who is at the keyboard, the quick switch (with a PIN when the person has
//! one), and the list a team lead keeps. The rules are the core's (`lupaus_core::people`).
//!
//! Argon2 is slow by design, so a switch is three steps and only the first and the last hold the
//! desk: [`Desk::start_switch`] reads the person, [`SwitchStarted::check_pin`] runs the slow check
//! with the desk free for others, [`Desk::finish_switch`] records the outcome.

use chrono::{DateTime, Utc};
use lupaus_core::CoreError;
use lupaus_core::language::Language;
use lupaus_core::lifecycle::{Actor, Role};
use lupaus_core::people::WrongPins;
use lupaus_store::StoreError;
use lupaus_store::people::{Person, PinHash, SignIn};

use crate::{Change, Desk};

/// A switch to a person whose PIN (if they have one) is still to be checked.
#[derive(Debug, Clone)]
pub struct SwitchStarted(SignIn);

/// The outcome of a PIN check, to be recorded by [`Desk::finish_switch`].
#[derive(Debug)]
pub struct PinCheck {
    actor: Actor,
    /// The new count of wrong PINs, when the check changed it.
    wrong_pins: Option<WrongPins>,
    outcome: Result<(), CoreError>,
}

impl SwitchStarted {
    /// Checks `pin` against the person's PIN hash (slow: call it without holding the desk).
    pub fn check_pin(self, pin: Option<&str>, now: DateTime<Utc>) -> PinCheck {
        let SignIn { actor, pin: hash, wrong_pins: before } = self.0;
        let Some(hash) = hash else {
            return PinCheck { actor, wrong_pins: None, outcome: Ok(()) };
        };
        let mut after = before;
        let outcome = after.unlock(&actor.person, pin, now, |given| hash.matches(given));
        PinCheck { actor, wrong_pins: (after != before).then_some(after), outcome }
    }
}

impl Desk {
    /// The person the desk acts as at start: the OS user, unless they are listed with a PIN.
    /// Then nobody, until someone says who they are (with the PIN): a PIN is never skipped by
    /// logging in to the computer.
    pub fn sign_in_os_user(&mut self, os_user: &str) {
        self.person = match self.store.has_pin(os_user) {
            Ok(false) => os_user.to_owned(),
            Ok(true) => String::new(),
            Err(error) => {
                tracing::warn!(%error, "could not tell whether the OS user has a PIN; asking who is at the keyboard");
                String::new()
            }
        };
        self.note_signed_in();
    }

    /// Records where the person at the keyboard is (a team fact). A failure only costs the
    /// team an up-to-date whereabouts, never the sign-in itself.
    fn note_signed_in(&mut self) {
        let now = self.now();
        if let Err(error) = self.store.sign_in_here(&self.person, now) {
            tracing::warn!(%error, "could not record the sign-in for the team");
        }
        self.tell(Change::SignedIn);
    }

    /// The first step of a quick switch to `name`: who they would act as and their PIN, if any.
    pub fn start_switch(&self, name: &str) -> Result<SwitchStarted, StoreError> {
        Ok(SwitchStarted(self.store.sign_in(name)?))
    }

    /// The last step: records wrong PINs, and on success makes the person the one at the keyboard.
    pub fn finish_switch(&mut self, checked: PinCheck) -> Result<Actor, StoreError> {
        if let Some(wrong_pins) = checked.wrong_pins {
            self.store.record_pin_tries(&checked.actor.person, wrong_pins)?;
        }
        checked.outcome?;
        self.person = checked.actor.person.clone();
        tracing::info!(person = %self.person, "person at the keyboard switched");
        self.note_signed_in();
        self.tell(Change::Language(self.language()));
        Ok(checked.actor)
    }

    /// The language the person at the keyboard chose on this computer; `None` (also when nobody
    /// is at the keyboard, or it cannot be read) follows the computer's locale.
    pub fn language(&self) -> Option<Language> {
        if self.person.trim().is_empty() {
            return None;
        }
        self.store.language_of(&self.person).unwrap_or_else(|error| {
            tracing::warn!(%error, "could not read the person's language; following the computer's");
            None
        })
    }

    /// Chooses the language of the window, the notifications and the tray for the person at the
    /// keyboard, on this computer; `None` follows the computer's locale. Needs someone at the
    /// keyboard (`who_are_you` otherwise).
    pub fn choose_language(&mut self, language: Option<Language>) -> Result<(), StoreError> {
        let actor = self.actor()?;
        self.store.set_language_of(&actor.person, language)?;
        tracing::info!(person = %actor.person, language = language.map_or("system", Language::code), "language chosen");
        self.tell(Change::Language(language));
        Ok(())
    }

    pub fn people(&self) -> Result<Vec<Person>, StoreError> {
        self.store.people()
    }

    /// Adds a person or changes their role (team leads; anyone for a new desk's first lead).
    pub fn save_person(&mut self, name: &str, role: Role) -> Result<Person, StoreError> {
        let person = self.store.save_person(name, role, &self.actor()?, self.now())?;
        self.tell(Change::People);
        Ok(person)
    }

    /// Takes a person off the desk's list (never the last lead).
    pub fn deactivate_person(&mut self, name: &str) -> Result<(), StoreError> {
        self.store.deactivate_person(name, &self.actor()?, self.now())?;
        self.tell(Change::People);
        Ok(())
    }

    /// Sets a PIN, hashed beforehand with [`PinHash::of`] (slow: not while holding the desk).
    pub fn set_pin(&mut self, name: &str, pin: &PinHash) -> Result<(), StoreError> {
        self.store.set_pin(name, pin, &self.actor()?, self.now())?;
        self.tell(Change::People);
        Ok(())
    }

    /// Clears a PIN: one's own, or anyone's by a team lead (a forgotten PIN).
    pub fn clear_pin(&mut self, name: &str) -> Result<(), StoreError> {
        self.store.clear_pin(name, &self.actor()?, self.now())?;
        self.tell(Change::People);
        Ok(())
    }
}
