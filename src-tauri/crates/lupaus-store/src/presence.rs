//! Where the team's people are (issue 17). A sign-in on a desk is a `signed_in` fact of the
//! team log (person log, actor = the person), so it travels; `presence` keeps each person's
//! latest sign-in per desk, filled from the fact here and when pulled. The rules that read it
//! (away, reminder routing, notices) are the core's (`lupaus_core::presence`).

use chrono::{DateTime, Utc};
use lupaus_core::presence::{SignIn, Whereabouts};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::team::shared::{self, TeamFact};
use crate::team::uuid_from;
use crate::{Store, StoreError, time};

/// Where one person is signed in, or was last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonWhereabouts {
    pub person: String,
    /// The desk's reference code ('' on a desk that never joined a team) and its name.
    pub desk_code: String,
    pub desk_name: String,
    /// When they signed in there, by that desk's clock.
    pub signed_in_at: DateTime<Utc>,
    /// Nobody signed in on that desk after them.
    pub signed_in_now: bool,
    /// That desk is this one.
    pub here: bool,
}

/// Keeps a person's latest sign-in on a desk; an older one (pulled late) changes nothing.
pub(crate) fn note(
    tx: &Transaction<'_>,
    person: &str,
    desk_id: Uuid,
    desk_code: &str,
    desk_name: &str,
    at_millis: i64,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO presence (person, desk_id, desk_code, desk_name, signed_in_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (person, desk_id) DO UPDATE SET desk_code = excluded.desk_code, desk_name = excluded.desk_name,
             signed_in_at = excluded.signed_in_at
         WHERE excluded.signed_in_at > presence.signed_in_at",
    )?
    .execute(params![person, desk_id.as_bytes(), desk_code, desk_name, at_millis])?;
    Ok(())
}

/// Everyone's latest sign-ins, for the core's rules.
pub(crate) fn whereabouts(conn: &Connection) -> Result<Whereabouts, StoreError> {
    let rows: Vec<(String, Vec<u8>, i64)> = conn
        .prepare_cached("SELECT person, desk_id, signed_in_at FROM presence")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut sign_ins = Vec::with_capacity(rows.len());
    for (person, desk, at) in rows {
        sign_ins.push(SignIn { person, desk: *uuid_from(&desk)?.as_bytes(), at: time::from_millis(at)? });
    }
    Ok(Whereabouts::new(sign_ins))
}

/// This desk's global id.
pub(crate) fn this_desk(conn: &Connection) -> Result<Uuid, StoreError> {
    let id: Vec<u8> = conn.query_row("SELECT desk_id FROM desk_identity WHERE id = 1", [], |row| row.get(0))?;
    uuid_from(&id)
}

impl Store {
    /// Records that `person` signed in on this desk at `now`: a team fact that travels. Their
    /// promises' reminders are looked at again at once (they may have followed them here), and
    /// a lead's overdue ones too (escalations follow the leads).
    pub fn sign_in_here(&mut self, person: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let person = person.trim();
        if person.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            let (code, name): (String, Option<String>) = tx.query_row(
                "SELECT d.code, (SELECT desk_name FROM team_membership WHERE id = 1) FROM desk_identity d WHERE d.id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?;
            let desk_id = this_desk(tx)?;
            let name = name.unwrap_or_default();
            let fact = TeamFact::SignedIn { desk_id, desk_code: code.clone(), desk_name: name.clone() };
            shared::record(tx, &fact, person, now, shared::About::default())?;
            note(tx, person, desk_id, &code, &name, time::to_millis(now))?;
            let lead: bool = tx
                .query_row("SELECT role = 'lead' FROM people WHERE name = ?1 AND active = 1", [person], |row| row.get(0))
                .optional()?
                .unwrap_or(false);
            tx.execute(
                "UPDATE promises SET next_reminder_at = ?1
                 WHERE next_reminder_at > ?1 AND (owner = ?2 OR (?3 AND due_at <= ?1))",
                params![time::to_millis(now), person, lead],
            )?;
            Ok(())
        })
    }

    /// Where `person` is signed in or was last; `None` if they never signed in on any desk.
    pub fn whereabouts_of(&self, person: &str) -> Result<Option<PersonWhereabouts>, StoreError> {
        Ok(self.team_whereabouts()?.into_iter().find(|seen| seen.person == person.trim()))
    }

    /// Everyone's latest sign-in, by name.
    pub fn team_whereabouts(&self) -> Result<Vec<PersonWhereabouts>, StoreError> {
        let known = whereabouts(&self.conn)?;
        let here = this_desk(&self.conn)?;
        let rows: Vec<(String, Vec<u8>, String, String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT person, desk_id, desk_code, desk_name, signed_in_at FROM presence p
                 WHERE NOT EXISTS (SELECT 1 FROM presence q WHERE q.person = p.person
                     AND (q.signed_in_at, q.desk_id) > (p.signed_in_at, p.desk_id))
                 ORDER BY person",
            )?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(person, desk, desk_code, desk_name, at)| {
                Ok(PersonWhereabouts {
                    signed_in_now: known.signed_in_now(&person),
                    here: uuid_from(&desk)? == here,
                    person,
                    desk_code,
                    desk_name,
                    signed_in_at: time::from_millis(at)?,
                })
            })
            .collect()
    }

    /// Everyone's latest sign-ins, for the core's routing rules.
    pub fn whereabouts(&self) -> Result<Whereabouts, StoreError> {
        whereabouts(&self.conn)
    }
}
