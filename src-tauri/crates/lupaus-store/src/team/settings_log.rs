//! The settings audit trail a lead reads: every change of the desk-team settings in the
//! canonical order, who made it, when (by the recording desk's clock), which fields changed
//! from what to what, and whether it took effect (a change by someone who was not a lead at
//! its place in the order is kept, flagged and shown as not applied).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use lupaus_core::settings::DeskSettings;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::shared::TeamFact;
use crate::{Store, StoreError, time};

/// One field that changed: its dotted path and its JSON values before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// One settings event as the audit trail shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SettingsChange {
    pub at: DateTime<Utc>,
    /// Who made it; empty for the settings a desk had before team mode.
    pub by: String,
    pub changes: Vec<FieldChange>,
    /// False for a change refused at its place in the order, or a desk's old settings that
    /// came after the team had its own.
    pub applied: bool,
}

/// A JSON value as path → leaf (objects are opened, arrays and scalars are leaves).
fn flatten(prefix: &str, value: &Value, into: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                flatten(&path, field, into);
            }
        }
        leaf => {
            into.insert(prefix.to_owned(), leaf.to_string());
        }
    }
}

fn diff(before: &DeskSettings, after: &DeskSettings) -> Result<Vec<FieldChange>, StoreError> {
    let json = |settings: &DeskSettings| {
        serde_json::to_value(settings).map_err(|error| StoreError::Corrupt(format!("desk settings: {error}")))
    };
    let (mut old, mut new) = (BTreeMap::new(), BTreeMap::new());
    flatten("", &json(before)?, &mut old);
    flatten("", &json(after)?, &mut new);
    let fields: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let missing = "null".to_owned();
    Ok(fields
        .into_iter()
        .filter_map(|field| {
            let (was, is) = (old.get(field).unwrap_or(&missing), new.get(field).unwrap_or(&missing));
            (was != is).then(|| FieldChange { field: field.clone(), before: was.clone(), after: is.clone() })
        })
        .collect())
}

impl Store {
    /// Every settings change, oldest first in the team's order.
    pub fn settings_history(&self) -> Result<Vec<SettingsChange>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT e.at, e.actor, e.record_json, f.event_id IS NOT NULL FROM team_events e
             LEFT JOIN sync_canon k ON k.event_id = e.event_id
             LEFT JOIN sync_flags f ON f.event_id = e.event_id
             WHERE e.log = 'settings' ORDER BY k.pos IS NULL, k.pos, e.id",
        )?;
        let rows: Vec<(i64, String, String, bool)> = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut current: Option<DeskSettings> = None;
        let mut history = Vec::with_capacity(rows.len());
        for (at, by, json, flagged) in rows {
            let fact: TeamFact = serde_json::from_str(&json)
                .map_err(|error| StoreError::Corrupt(format!("a settings event: {error}")))?;
            let (settings, applied) = match fact {
                TeamFact::SettingsListed { settings } => {
                    let applied = current.is_none();
                    (settings, applied)
                }
                TeamFact::SettingsChanged { settings } => (settings, !flagged),
                _ => continue,
            };
            let before = current.clone().unwrap_or_default();
            let changes = diff(&before, &settings)?;
            if applied {
                current = Some(settings);
            }
            history.push(SettingsChange { at: time::from_millis(at)?, by, changes, applied });
        }
        Ok(history)
    }
}
