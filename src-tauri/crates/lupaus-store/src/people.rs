//! The `people` table: who works at the desk and in which role.

use lupaus_core::lifecycle::{Actor, Role};
use lupaus_core::{CoreError, text};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use crate::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Person {
    pub name: String,
    pub role: Role,
}

fn role_str(role: Role) -> &'static str {
    match role {
        Role::Agent => "agent",
        Role::Lead => "lead",
    }
}

impl Store {
    /// Adds a person, or changes the role of one already known.
    pub fn upsert_person(&mut self, name: &str, role: Role) -> Result<Person, StoreError> {
        let name = text::required("name", name, lupaus_core::case::MAX_SHORT_CHARS)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO people (name, role) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET role = excluded.role",
                params![name, role_str(role)],
            )?;
            Ok(())
        })?;
        Ok(Person { name, role })
    }

    pub fn people(&self) -> Result<Vec<Person>, StoreError> {
        let mut statement = self.conn.prepare_cached("SELECT name, role FROM people WHERE active = 1 ORDER BY name")?;
        let rows = statement.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
        rows.map(|row| {
            let (name, role) = row?;
            Ok(Person { name, role: if role == "lead" { Role::Lead } else { Role::Agent } })
        })
        .collect()
    }

    /// The actor for `name`: their recorded role, or an agent if the desk has not listed them.
    pub fn actor(&self, name: &str) -> Result<Actor, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CoreError::invalid("person", "Say who you are: the person's name is empty.").into());
        }
        let role: Option<String> = self
            .conn
            .query_row("SELECT role FROM people WHERE name = ?1 AND active = 1", [name], |row| row.get(0))
            .optional()?;
        Ok(match role.as_deref() {
            Some("lead") => Actor::lead(name),
            _ => Actor::agent(name),
        })
    }
}
