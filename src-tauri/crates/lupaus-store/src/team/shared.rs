//! The team's own facts beside the case logs (issues 16, 17): people, roles and PIN hashes, the
//! desk-team settings, lessons and raised reminder steps. Each is a row in the append-only
//! `team_events` log, on a standalone desk too, so a desk that joins later has its history.
//!
//! `people` and the 'desk' settings row are derived: [`rebuild_people_and_settings`] folds the
//! person and settings events in the canonical order (the server's, then this desk's unpushed
//! ones) and checks each against the list as it stood at that point. An act the rules refuse
//! there (two leads who demoted each other offline: the second would leave no lead) is the
//! losing side: kept, flagged `conflict`, not applied. Every desk holds the same order, so every
//! desk derives the same people and settings.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use lupaus_core::CoreError;
use lupaus_core::lifecycle::{Actor, Role};
use lupaus_core::people::{Listed, PeopleChange, check_change};
use lupaus_core::settings::DeskSettings;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{StoreError, time};

/// One fact of the team log, as its record is stored and travels (tagged by `kind`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TeamFact {
    /// A person as a desk listed them before team mode, or seeded for tests and demos: merged
    /// into the team's list only if the name is not on it yet.
    PersonListed {
        name: String,
        role: Role,
        active: bool,
        pin_hash: Option<String>,
    },
    /// Added, given a role, or brought back (a lead's act; anyone for the first lead).
    PersonSaved {
        name: String,
        role: Role,
    },
    PersonDeactivated {
        name: String,
    },
    /// A PIN's Argon2id hash, chosen by its owner. The PIN itself is never stored.
    PinSet {
        name: String,
        pin_hash: String,
    },
    PinCleared {
        name: String,
    },
    /// The settings a desk had before team mode: used only while the team has none.
    SettingsListed {
        settings: DeskSettings,
    },
    /// A lead's change of the desk-team settings: the whole new record.
    SettingsChanged {
        settings: DeskSettings,
    },
    DebriefRequested {
        text: String,
    },
    LessonRecorded {
        text: String,
    },
    /// A reminder step raised on the recording desk.
    ReminderRaised {
        step: String,
    },
    /// The event's actor signed in on the recording desk (at start or by a quick switch): where
    /// they are now, or were last (presence.rs).
    SignedIn {
        desk_id: Uuid,
        desk_code: String,
        desk_name: String,
    },
    /// A lead resolved a team conflict: the losing event (its global id as 32 hex digits) stays
    /// unapplied and its flag clears on every desk (lupaus_core::review).
    ConflictReviewed {
        event_id: String,
        note: String,
    },
    /// A file added to a case; its bytes are on the team server under their SHA-256.
    AttachmentAdded {
        file_name: String,
        media_type: String,
        size_bytes: i64,
        sha256: String,
    },
    /// A tombstone: the case's file was deleted by anonymisation. Desks delete their copy; the
    /// server deletes its bytes once no case still holds the file (server schema 5).
    AttachmentRemoved {
        sha256: String,
    },
}

impl TeamFact {
    pub fn log(&self) -> &'static str {
        match self {
            TeamFact::PersonListed { .. }
            | TeamFact::PersonSaved { .. }
            | TeamFact::PersonDeactivated { .. }
            | TeamFact::PinSet { .. }
            | TeamFact::PinCleared { .. }
            | TeamFact::SignedIn { .. } => "person",
            TeamFact::SettingsListed { .. } | TeamFact::SettingsChanged { .. } => "settings",
            TeamFact::DebriefRequested { .. } | TeamFact::LessonRecorded { .. } => "lesson",
            TeamFact::ReminderRaised { .. } => "reminder",
            TeamFact::ConflictReviewed { .. } => "review",
            TeamFact::AttachmentAdded { .. } | TeamFact::AttachmentRemoved { .. } => "attachment",
        }
    }

    pub fn kind(&self) -> String {
        match serde_json::to_value(self).ok().and_then(|value| value.get("kind").cloned()) {
            Some(serde_json::Value::String(kind)) => kind,
            _ => String::new(),
        }
    }

    pub fn to_json(&self) -> Result<String, StoreError> {
        serde_json::to_string(self).map_err(|error| StoreError::Corrupt(format!("a team event: {error}")))
    }
}

/// Where a team event belongs besides the team: the case and promise it is about.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct About {
    pub case_gid: Option<Uuid>,
    pub promise_gid: Option<Uuid>,
}

/// Appends a fact recorded on this desk; answers its event id.
pub(crate) fn record(
    tx: &Transaction<'_>,
    fact: &TeamFact,
    actor: &str,
    at: DateTime<Utc>,
    about: About,
) -> Result<Uuid, StoreError> {
    let event_id = Uuid::now_v7();
    insert(tx, event_id, fact, actor, time::to_millis(at), about)?;
    Ok(event_id)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    event_id: Uuid,
    fact: &TeamFact,
    actor: &str,
    at_millis: i64,
    about: About,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO team_events (event_id, log, kind, at, actor, case_gid, promise_gid, record_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        event_id.as_bytes(),
        fact.log(),
        fact.kind(),
        at_millis,
        actor,
        about.case_gid.as_ref().map(Uuid::as_bytes),
        about.promise_gid.as_ref().map(Uuid::as_bytes),
        fact.to_json()?
    ])?;
    Ok(())
}

/// A person as the fold holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Held {
    role: Role,
    active: bool,
    pin_hash: Option<String>,
}

/// The people and settings after the fold, and the events it refused.
#[derive(Debug, Default)]
struct Folded {
    people: BTreeMap<String, Held>,
    settings: Option<DeskSettings>,
    refused: Vec<(Vec<u8>, &'static str, String)>,
}

impl Folded {
    fn listed(&self) -> Vec<Listed> {
        self.people
            .iter()
            .map(|(name, held)| Listed { name: name.clone(), role: held.role, active: held.active })
            .collect()
    }

    /// The actor as the list stood: a lead only while listed, active and a lead.
    fn actor(&self, name: &str) -> Actor {
        match self.people.get(name) {
            Some(held) if held.active => Actor { person: name.to_owned(), role: held.role },
            _ => Actor::agent(name),
        }
    }

    /// Applies one act as the list stood; the core's refusal when the act was not allowed then.
    fn apply(&mut self, actor: &str, fact: TeamFact) -> Result<(), CoreError> {
        let by = self.actor(actor);
        let checked = |folded: &Folded, change: PeopleChange| check_change(&by, &folded.listed(), &change);
        match fact {
            TeamFact::PersonListed { name, role, active, pin_hash } => {
                self.people.entry(name).or_insert(Held { role, active, pin_hash });
            }
            TeamFact::PersonSaved { name, role } => {
                checked(self, PeopleChange::Save { name: name.clone(), role })?;
                let held = self.people.entry(name).or_insert(Held { role, active: true, pin_hash: None });
                held.role = role;
                held.active = true;
            }
            TeamFact::PersonDeactivated { name } => {
                checked(self, PeopleChange::Deactivate { name: name.clone() })?;
                if let Some(held) = self.people.get_mut(&name) {
                    held.active = false;
                }
            }
            TeamFact::PinSet { name, pin_hash } => {
                checked(self, PeopleChange::SetPin { name: name.clone() })?;
                // A PIN for a name not on the list changes nothing, as before team mode.
                if let Some(held) = self.people.get_mut(&name) {
                    held.pin_hash = Some(pin_hash);
                }
            }
            TeamFact::PinCleared { name } => {
                checked(self, PeopleChange::ClearPin { name: name.clone() })?;
                if let Some(held) = self.people.get_mut(&name) {
                    held.pin_hash = None;
                }
            }
            TeamFact::SettingsListed { settings } => {
                if self.settings.is_none() {
                    self.settings = Some(settings);
                }
            }
            TeamFact::SettingsChanged { settings } => {
                let valid = settings.change(&by)?;
                self.settings = Some(valid.settings);
            }
            TeamFact::DebriefRequested { .. }
            | TeamFact::LessonRecorded { .. }
            | TeamFact::ReminderRaised { .. }
            | TeamFact::SignedIn { .. }
            | TeamFact::ConflictReviewed { .. }
            | TeamFact::AttachmentAdded { .. }
            | TeamFact::AttachmentRemoved { .. } => {}
        }
        Ok(())
    }
}

/// The person and settings events in the canonical order: the server's positions first, then
/// this desk's events not pulled back yet, in the order they were recorded.
fn fold(tx: &Transaction<'_>) -> Result<Folded, StoreError> {
    let rows: Vec<(Vec<u8>, String, String, String)> = tx
        .prepare_cached(
            "SELECT e.event_id, e.log, e.actor, e.record_json FROM team_events e
             LEFT JOIN sync_canon k ON k.event_id = e.event_id
             WHERE e.log IN ('person', 'settings') AND e.kind != 'signed_in' ORDER BY k.pos IS NULL, k.pos, e.id",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
        .collect::<Result<_, _>>()?;
    let mut folded = Folded::default();
    for (event_id, log, actor, json) in rows {
        let fact: TeamFact =
            serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(format!("a team event: {error}")))?;
        if let Err(refusal) = folded.apply(&actor, fact) {
            let log = if log == "person" { "person" } else { "settings" };
            // The refusal's sentence is kept with the flag, for the lead who reviews it.
            folded.refused.push((event_id, log, refusal.to_string()));
        }
    }
    Ok(folded)
}

/// What a rebuild changed, so the caller can reschedule reminders and tell the hosts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Rebuilt {
    pub flagged: usize,
    pub settings_changed: bool,
    /// Open promises whose next reminder was recomputed (only when the settings changed).
    pub rescheduled: usize,
}

/// Rebuilds `people` and the 'desk' settings row from the log. Local-only columns (the wrong-PIN
/// count) stay, and are reset when the person's PIN changed. When the settings changed, every
/// open promise's next reminder moves to the new plan, as after a local save.
pub(crate) fn rebuild_people_and_settings(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<Rebuilt, StoreError> {
    let folded = fold(tx)?;
    tx.execute("DELETE FROM sync_flags WHERE log IN ('person', 'settings') AND reason = 'conflict'", [])?;
    for (event_id, log, detail) in &folded.refused {
        tx.prepare_cached(
            "INSERT OR REPLACE INTO sync_flags (event_id, case_id, log, reason, detail) VALUES (?1, NULL, ?2, 'conflict', ?3)",
        )?
        .execute(params![event_id, log, detail])?;
    }
    for (name, held) in &folded.people {
        let role = if held.role == Role::Lead { "lead" } else { "agent" };
        tx.prepare_cached(
            "INSERT INTO people (name, role, pin_hash, active) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (name) DO UPDATE SET role = excluded.role, active = excluded.active,
                 wrong_pins = CASE WHEN pin_hash IS excluded.pin_hash THEN wrong_pins ELSE 0 END,
                 last_wrong_pin_at = CASE WHEN pin_hash IS excluded.pin_hash THEN last_wrong_pin_at ELSE NULL END,
                 pin_hash = excluded.pin_hash",
        )?
        .execute(params![name, role, held.pin_hash, held.active])?;
    }
    let names: Vec<String> =
        tx.prepare_cached("SELECT name FROM people")?.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
    for name in names.iter().filter(|name| !folded.people.contains_key(*name)) {
        tx.execute("DELETE FROM people WHERE name = ?1", [name])?;
    }
    let before: Option<String> =
        tx.query_row("SELECT value_json FROM settings WHERE key = 'desk'", [], |row| row.get(0)).optional()?;
    let after = folded
        .settings
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|error| StoreError::Corrupt(error.to_string()))?;
    let settings_changed = before != after;
    let mut rescheduled = 0;
    if settings_changed {
        match &after {
            Some(json) => tx.execute(
                "INSERT INTO settings (key, value_json) VALUES ('desk', ?1)
                 ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json",
                [json],
            )?,
            None => tx.execute("DELETE FROM settings WHERE key = 'desk'", [])?,
        };
        rescheduled = crate::reminders::reschedule(tx, now)?;
    }
    Ok(Rebuilt { flagged: folded.refused.len(), settings_changed, rescheduled })
}
