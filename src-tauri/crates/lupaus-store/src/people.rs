//! The `people` table: who works at the desk, in which role, and their PIN as an Argon2id hash.
//!
//! Every change goes through [`lupaus_core::people::check_change`] inside the write transaction,
//! against the list as it is in that transaction, so two leads stepping down at once cannot leave
//! the desk without one.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Utc};
use lupaus_core::lifecycle::{Actor, Role};
use lupaus_core::people::{Listed, PeopleChange, WrongPins, check_change, validate_pin};
use lupaus_core::reason::{self as why, Reason};
use lupaus_core::{CoreError, text};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::team::shared::{self, TeamFact};
use crate::time::{from_millis, to_millis};
use crate::{Store, StoreError};

/// A person on the desk's list. The PIN itself never leaves the store; only whether there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Person {
    pub name: String,
    pub role: Role,
    /// Switching to this person asks for their PIN.
    pub has_pin: bool,
}

/// A PIN's Argon2id hash as a PHC string (algorithm, parameters, random salt and hash).
/// Hashing and checking are slow by design: do both without holding the store's lock.
#[derive(Clone, PartialEq, Eq)]
pub struct PinHash(String);

impl std::fmt::Debug for PinHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PinHash(..)")
    }
}

impl PinHash {
    /// Checks `pin` against the PIN rules and hashes it with a fresh random salt.
    pub fn of(pin: &str) -> Result<PinHash, StoreError> {
        let pin = validate_pin(pin)?;
        let hash = Argon2::default().hash_password(pin.as_bytes()).map_err(|error| {
            StoreError::Io(std::io::Error::other(format!("the PIN could not be hashed ({error}); try again")))
        })?;
        Ok(PinHash(hash.to_string()))
    }

    /// Whether `pin` is the one hashed; the comparison takes the same time wherever it differs.
    pub fn matches(&self, pin: &str) -> bool {
        match Argon2::default().verify_password(pin.as_bytes(), self.0.as_str()) {
            Ok(()) => true,
            Err(argon2::password_hash::Error::PasswordInvalid) => false,
            Err(error) => {
                // A damaged hash locks its owner out until a lead clears the PIN; say so in the log.
                tracing::error!(%error, "a stored PIN hash cannot be read");
                false
            }
        }
    }

    /// The stored text, for tests that must see it is not the PIN.
    pub fn as_phc(&self) -> &str {
        &self.0
    }
}

/// Who someone switching to `name` would act as, and the PIN they must give first, if any.
#[derive(Debug, Clone)]
pub struct SignIn {
    pub actor: Actor,
    pub pin: Option<PinHash>,
    /// Their wrong PINs since the last right one, kept across restarts.
    pub wrong_pins: WrongPins,
}

/// Whether a name is one a case can be handed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Active,
    Deactivated,
    /// Not on the list, which has people on it.
    Unlisted,
    /// The desk has listed nobody yet (a standalone desk as before): any name goes.
    NoList,
}

/// A listed person as a switch reads them.
struct SignInRow {
    role: String,
    pin: Option<String>,
    active: bool,
    wrong_pins: i64,
    last_wrong_pin_at: Option<i64>,
}

fn role_of(text: &str) -> Role {
    if text == "lead" { Role::Lead } else { Role::Agent }
}

/// The whole list, deactivated people included, as the rules see it inside a transaction.
fn listed(tx: &Transaction<'_>) -> Result<Vec<Listed>, StoreError> {
    let mut statement = tx.prepare_cached("SELECT name, role, active FROM people")?;
    let rows = statement.query_map([], |row| {
        Ok(Listed { name: row.get(0)?, role: role_of(&row.get::<_, String>(1)?), active: row.get::<_, i64>(2)? == 1 })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The names of the desk's active people: who may own a promise.
pub(crate) fn active_names(conn: &rusqlite::Connection) -> Result<Vec<String>, StoreError> {
    let mut statement = conn.prepare_cached("SELECT name FROM people WHERE active = 1")?;
    let rows = statement.query_map([], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn person_name(name: &str) -> Result<String, StoreError> {
    Ok(text::required("name", name, lupaus_core::case::MAX_SHORT_CHARS)?)
}

impl Store {
    /// Adds a person, changes their role or brings a deactivated person back, if `by` may.
    pub fn save_person(&mut self, name: &str, role: Role, by: &Actor, at: DateTime<Utc>) -> Result<Person, StoreError> {
        let name = person_name(name)?;
        let change = PeopleChange::Save { name: name.clone(), role };
        self.change_people(by, &change, &TeamFact::PersonSaved { name: name.clone(), role }, at)?;
        self.person(&name)
    }

    /// Takes a person off the desk's list; their name stays on everything they did.
    pub fn deactivate_person(&mut self, name: &str, by: &Actor, at: DateTime<Utc>) -> Result<(), StoreError> {
        let name = person_name(name)?;
        let fact = TeamFact::PersonDeactivated { name: name.clone() };
        self.change_people(by, &PeopleChange::Deactivate { name }, &fact, at)
    }

    /// Stores `pin` (hashed beforehand with [`PinHash::of`]) as `name`'s PIN.
    pub fn set_pin(&mut self, name: &str, pin: &PinHash, by: &Actor, at: DateTime<Utc>) -> Result<(), StoreError> {
        let name = person_name(name)?;
        let fact = TeamFact::PinSet { name: name.clone(), pin_hash: pin.0.clone() };
        self.change_people(by, &PeopleChange::SetPin { name }, &fact, at)
    }

    /// Removes `name`'s PIN, e.g. when it is forgotten; they can then choose a new one.
    pub fn clear_pin(&mut self, name: &str, by: &Actor, at: DateTime<Utc>) -> Result<(), StoreError> {
        let name = person_name(name)?;
        let fact = TeamFact::PinCleared { name: name.clone() };
        self.change_people(by, &PeopleChange::ClearPin { name }, &fact, at)
    }

    /// One transaction: the rules checked against the list as it is now, the act recorded in the
    /// team log with who did it, and the list derived again from that log.
    fn change_people(
        &mut self,
        by: &Actor,
        change: &PeopleChange,
        fact: &TeamFact,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            check_change(by, &listed(tx)?, change)?;
            shared::record(tx, fact, &by.person, at, shared::About::default())?;
            shared::rebuild_people_and_settings(tx, at)?;
            Ok(())
        })
    }

    /// Lists a person without the rules about who may, as a desk's list from before team mode
    /// is listed (a name already listed keeps its role): for seeding test and demo databases
    /// only, recorded at the epoch. People change through [`Store::save_person`].
    pub fn upsert_person(&mut self, name: &str, role: Role) -> Result<Person, StoreError> {
        let name = person_name(name)?;
        let at = chrono::DateTime::<Utc>::UNIX_EPOCH;
        self.write(|tx| {
            let fact = TeamFact::PersonListed { name: name.clone(), role, active: true, pin_hash: None };
            shared::record(tx, &fact, "", at, shared::About::default())?;
            shared::rebuild_people_and_settings(tx, at)?;
            Ok(())
        })?;
        self.person(&name)
    }

    /// The active people, by name.
    pub fn people(&self) -> Result<Vec<Person>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT name, role, pin_hash IS NOT NULL FROM people WHERE active = 1 ORDER BY name")?;
        let rows = statement.query_map([], |row| {
            Ok(Person { name: row.get(0)?, role: role_of(&row.get::<_, String>(1)?), has_pin: row.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn person(&self, name: &str) -> Result<Person, StoreError> {
        self.people()?
            .into_iter()
            .find(|person| person.name == name)
            .ok_or_else(|| StoreError::NotFound(format!("{name} is not an active person at this desk.")))
    }

    /// What switching to `name` needs: their role, and their PIN hash if they have one. A name
    /// not on the list acts as an agent without a PIN; a deactivated person cannot be chosen.
    pub fn sign_in(&self, name: &str) -> Result<SignIn, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CoreError::invalid_because(
                "person",
                Reason::new(why::CHOOSE_PERSON),
                "Choose who is at the keyboard.",
            )
            .into());
        }
        let row: Option<SignInRow> = self
            .conn
            .query_row(
                "SELECT role, pin_hash, active, wrong_pins, last_wrong_pin_at FROM people WHERE name = ?1",
                [name],
                |row| {
                    Ok(SignInRow {
                        role: row.get(0)?,
                        pin: row.get(1)?,
                        active: row.get(2)?,
                        wrong_pins: row.get(3)?,
                        last_wrong_pin_at: row.get(4)?,
                    })
                },
            )
            .optional()?;
        let Some(row) = row else {
            return Ok(SignIn { actor: Actor::agent(name), pin: None, wrong_pins: WrongPins::default() });
        };
        if !row.active {
            return Err(CoreError::NotFound(format!(
                "{name} has been deactivated at this desk. Choose another person, or ask a team lead to add {name} again."
            ))
            .into());
        }
        Ok(SignIn {
            actor: Actor { person: name.to_owned(), role: role_of(&row.role) },
            pin: row.pin.map(PinHash),
            wrong_pins: WrongPins {
                count: u32::try_from(row.wrong_pins).unwrap_or(u32::MAX),
                last: row.last_wrong_pin_at.map(from_millis).transpose()?,
            },
        })
    }

    /// Keeps `name`'s wrong-PIN count after a try, so a restart does not reset the wait. Written
    /// without an event: tries are not changes to the desk, and nobody is acting yet.
    pub fn record_pin_tries(&mut self, name: &str, wrong_pins: WrongPins) -> Result<(), StoreError> {
        let name = name.trim().to_owned();
        self.write(|tx| {
            tx.execute(
                "UPDATE people SET wrong_pins = ?2, last_wrong_pin_at = ?3 WHERE name = ?1",
                params![name, i64::from(wrong_pins.count), wrong_pins.last.map(to_millis)],
            )?;
            Ok(())
        })
    }

    /// Whether `name` is one of the team's people, and active.
    pub fn listing(&self, name: &str) -> Result<Listing, StoreError> {
        let active: Option<bool> = self
            .conn
            .query_row("SELECT active = 1 FROM people WHERE name = ?1", [name.trim()], |row| row.get(0))
            .optional()?;
        Ok(match active {
            Some(true) => Listing::Active,
            Some(false) => Listing::Deactivated,
            None if self.conn.query_row("SELECT EXISTS (SELECT 1 FROM people)", [], |row| row.get(0))? => {
                Listing::Unlisted
            }
            None => Listing::NoList,
        })
    }

    /// Whether `name` is listed with a PIN, so the app must not act as them until it is given.
    pub fn has_pin(&self, name: &str) -> Result<bool, StoreError> {
        let has: Option<bool> = self
            .conn
            .query_row("SELECT pin_hash IS NOT NULL FROM people WHERE name = ?1 AND active = 1", [name.trim()], |row| {
                row.get(0)
            })
            .optional()?;
        Ok(has.unwrap_or(false))
    }

    /// The actor for `name`: their recorded role, or an agent if the desk has not listed them.
    /// Nobody (an empty name) and deactivated people cannot act: changes must name their person.
    pub fn actor(&self, name: &str) -> Result<Actor, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CoreError::WhoAreYou(
                "Nobody is chosen at this keyboard, so the change cannot be saved. Choose who you are with “Switch person”, then try again.".to_owned(),
            )
            .into());
        }
        let row: Option<(String, i64)> = self
            .conn
            .query_row("SELECT role, active FROM people WHERE name = ?1", [name], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        match row {
            None => Ok(Actor::agent(name)),
            Some((_, 0)) => Err(CoreError::WhoAreYou(format!(
                "{name} has been deactivated at this desk, so changes cannot be saved as {name}. Choose who is at the keyboard with “Switch person”."
            ))
            .into()),
            Some((role, _)) => Ok(Actor { person: name.to_owned(), role: role_of(&role) }),
        }
    }
}
