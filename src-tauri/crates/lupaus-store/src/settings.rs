//! The `settings` table: the desk's settings as one JSON record, validated on the way in and out.

use chrono::{DateTime, Utc};
use lupaus_core::lifecycle::Actor;
use lupaus_core::settings::{DeskSettings, ValidDeskSettings};
use rusqlite::{Connection, OptionalExtension};

use crate::team::shared::{self, TeamFact};

use crate::{Store, StoreError};

const DESK_KEY: &str = "desk";

/// The stored desk settings, or the defaults when none were saved yet.
pub(crate) fn load(conn: &Connection) -> Result<ValidDeskSettings, StoreError> {
    let json: Option<String> = conn
        .prepare_cached("SELECT value_json FROM settings WHERE key = ?1")?
        .query_row([DESK_KEY], |row| row.get(0))
        .optional()?;
    let settings = match json {
        Some(json) => serde_json::from_str::<DeskSettings>(&json)
            .map_err(|error| StoreError::Corrupt(format!("desk settings: {error}")))?,
        None => DeskSettings::default(),
    };
    Ok(settings.validate()?)
}

impl Store {
    pub fn desk_settings(&self) -> Result<ValidDeskSettings, StoreError> {
        load(&self.conn)
    }

    /// Saves new desk settings (only a lead may; checked by the core) and, in the same
    /// transaction, moves every open promise's next reminder to the new plan and calendar.
    /// Answers the saved settings and how many promises were rescheduled.
    pub fn save_desk_settings(
        &mut self,
        settings: DeskSettings,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(ValidDeskSettings, usize), StoreError> {
        let valid = settings.change(by)?;
        let fact = TeamFact::SettingsChanged { settings: valid.settings.clone() };
        let rescheduled = self.write(|tx| {
            shared::record(tx, &fact, &by.person, now, shared::About::default())?;
            let rebuilt = shared::rebuild_people_and_settings(tx, now)?;
            tracing::info!(by = %by.person, "desk settings changed");
            // Saving the same settings again still moves every reminder to the plan, as before.
            if rebuilt.settings_changed { Ok(rebuilt.rescheduled) } else { crate::reminders::reschedule(tx, now) }
        })?;
        Ok((valid, rescheduled))
    }
}
