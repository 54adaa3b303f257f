//! The desk's settings and its calendar.

use chrono::NaiveDate;
use lupaus_core::calendar::CalendarDay;
use lupaus_core::settings::DeskSettings;
use lupaus_store::StoreError;
use lupaus_store::team::SettingsChange;
use serde::Serialize;

use crate::{Change, Desk};

/// Settings as saved, and how many open promises had their next reminder moved to the new plan.
#[derive(Debug, Clone, Serialize)]
pub struct SettingsSaved {
    pub settings: DeskSettings,
    pub reminders_rescheduled: usize,
}

impl Desk {
    pub fn settings(&self) -> Result<DeskSettings, StoreError> {
        Ok(self.store.desk_settings()?.settings)
    }

    /// Saves the desk settings (leads only) and moves every open promise's next reminder to the
    /// new plan, in one transaction: a desk never runs the new calendar with the old reminders.
    pub fn save_settings(&mut self, settings: DeskSettings) -> Result<SettingsSaved, StoreError> {
        let (saved, reminders_rescheduled) = self.store.save_desk_settings(settings, &self.actor()?, self.now())?;
        self.tell(Change::Settings);
        self.tell(Change::Promises);
        Ok(SettingsSaved { settings: saved.settings, reminders_rescheduled })
    }

    /// The settings audit trail: what changed, by whom, when, and whether it took effect.
    /// Team leads read it.
    pub fn settings_history(&self) -> Result<Vec<SettingsChange>, StoreError> {
        self.actor()?.require_lead("read the settings audit trail")?;
        self.store.settings_history()
    }

    /// Business days, holidays and closure days between two dates.
    pub fn calendar_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CalendarDay>, StoreError> {
        Ok(self.store.desk_settings()?.calendar.days(from, to)?)
    }
}
