//! The desk's settings as one record: calendar, reminder plan, SLA targets and policy.
//! Only a team lead may change them; that rule lives here, not in the UI.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::CoreError;
use crate::calendar::{CalendarSettings, DeskCalendar, SlaTargets};
use crate::lifecycle::{Actor, Policy, Role};
use crate::reason::{self as why, Reason, RefusalCode};
use crate::reminder::ReminderPlan;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeskSettings {
    pub calendar: CalendarSettings,
    pub reminder_plan: ReminderPlan,
    pub sla_targets: SlaTargets,
    pub policy: Policy,
    /// Business minutes added to a suggested due time, so we promise a little later than we
    /// expect to deliver.
    #[serde(default = "default_promise_buffer_minutes")]
    pub promise_buffer_minutes: u32,
    /// A hand-off to someone not signed in on any desk for this many business days warns the
    /// sender (issue 17); 0 turns the warning off.
    #[serde(default = "default_away_after_business_days")]
    pub away_after_business_days: u32,
}

fn default_away_after_business_days() -> u32 {
    5
}

/// The most business days the away warning may wait: about three months.
pub const MAX_AWAY_AFTER_BUSINESS_DAYS: u32 = 60;

fn default_promise_buffer_minutes() -> u32 {
    60
}

impl Default for DeskSettings {
    fn default() -> Self {
        DeskSettings {
            calendar: CalendarSettings::default(),
            reminder_plan: ReminderPlan::default(),
            sla_targets: SlaTargets::default(),
            policy: Policy::default(),
            promise_buffer_minutes: default_promise_buffer_minutes(),
            away_after_business_days: default_away_after_business_days(),
        }
    }
}

/// Settings that passed validation, with the calendar ready to use.
#[derive(Debug, Clone)]
pub struct ValidDeskSettings {
    pub settings: DeskSettings,
    pub calendar: DeskCalendar,
}

impl DeskSettings {
    /// Checks every part; used when loading stored settings too, so a bad file cannot slip in.
    pub fn validate(self) -> Result<ValidDeskSettings, CoreError> {
        let calendar = self.calendar.clone().validate()?;
        self.reminder_plan.validate()?;
        self.sla_targets.validate()?;
        if self.promise_buffer_minutes > 5 * 8 * 60 {
            return Err(CoreError::invalid_because(
                "promise_buffer_minutes",
                Reason::new(why::PROMISE_BUFFER_TOO_LONG).with("max", 2400),
                "The promise buffer is more than a working week; use at most 2400 business minutes.",
            ));
        }
        if self.away_after_business_days > MAX_AWAY_AFTER_BUSINESS_DAYS {
            return Err(CoreError::invalid_because(
                "away_after_business_days",
                Reason::new(why::AWAY_DAYS_OUT_OF_RANGE).with("max", MAX_AWAY_AFTER_BUSINESS_DAYS),
                format!(
                    "Warn about hand-offs after at most {MAX_AWAY_AFTER_BUSINESS_DAYS} business days away (0 turns the warning off)."
                ),
            ));
        }
        Ok(ValidDeskSettings { settings: self, calendar })
    }

    /// A change of settings by `by`: leads only.
    pub fn change(self, by: &Actor) -> Result<ValidDeskSettings, CoreError> {
        if by.role != Role::Lead {
            return Err(CoreError::refused(
                RefusalCode::LeadOnly,
                Reason::new(why::LEAD_CHANGES_SETTINGS),
                "Only a team lead can change the desk settings. Ask your team lead to make the change.",
            ));
        }
        self.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_cannot_change_settings_and_leads_can() {
        let error = DeskSettings::default().change(&Actor::agent("Aino")).expect_err("agent refused");
        assert_eq!(error.code(), "lead_only");
        assert!(DeskSettings::default().change(&Actor::lead("Leena")).is_ok());
    }

    #[test]
    fn a_bad_time_zone_is_refused_naming_the_field() {
        let mut settings = DeskSettings::default();
        settings.calendar.time_zone = "Europe/Helsingfors".into();
        let error = settings.change(&Actor::lead("Leena")).expect_err("bad zone");
        assert_eq!(error.code(), "invalid_input");
    }

    #[test]
    fn the_away_warning_waits_at_most_sixty_business_days_and_settings_without_it_read_five() {
        let settings = DeskSettings { away_after_business_days: 61, ..DeskSettings::default() };
        let error = settings.change(&Actor::lead("Leena")).expect_err("too long");
        assert_eq!(error.reason(), Some("away_days_out_of_range"));
        let old: DeskSettings = serde_json::from_value(serde_json::json!({
            "calendar": CalendarSettings::default(),
            "reminder_plan": ReminderPlan::default(),
            "sla_targets": SlaTargets::default(),
            "policy": Policy::default(),
        }))
        .expect("settings saved before the field");
        assert_eq!(old.away_after_business_days, 5);
    }
}
