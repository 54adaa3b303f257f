//! `lupaus-cli calendar`, `settings` and `person`.

use chrono::NaiveDate;
use lupaus_core::CoreError;
use lupaus_core::lessons::LessonEntry;
use lupaus_core::lifecycle::Role;
use lupaus_core::settings::DeskSettings;
use lupaus_store::StoreError;
use lupaus_store::people::PinHash;
use serde_json::json;

use super::Context;
use crate::args::{LessonCommand, PersonCommand, SettingsCommand};

pub fn calendar(context: &Context, from: NaiveDate, to: NaiveDate) -> Result<(), StoreError> {
    let days = context.desk.calendar_days(from, to)?;
    context.print(&days, |days| {
        days.iter()
            .map(|day| {
                let what = match (&day.holiday, day.closure, day.business_day) {
                    (Some(name), _, _) => format!("{} / {}", name.fi, name.en),
                    (None, true, _) => "closure day".to_owned(),
                    (None, false, true) => "business day".to_owned(),
                    (None, false, false) => "closed".to_owned(),
                };
                format!("{} {}  {}", day.date, day.date.format("%a"), what)
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub fn settings(context: &mut Context, command: SettingsCommand) -> Result<(), StoreError> {
    match command {
        SettingsCommand::Show => {
            let settings = context.desk.settings()?;
            crate::output::print_json(&settings)
        }
        SettingsCommand::Set { file } => {
            let text = std::fs::read_to_string(&file)?;
            let settings: DeskSettings = serde_json::from_str(&text).map_err(|error| {
                CoreError::invalid("settings", format!("{} is not valid desk settings JSON: {error}", file.display()))
            })?;
            let saved = context.desk.save_settings(settings)?;
            let moved = saved.reminders_rescheduled;
            context.print(&saved.settings, |_| {
                format!("Desk settings saved; reminders of {moved} open promises rescheduled.")
            })
        }
        SettingsCommand::History => {
            let history = context.desk.settings_history()?;
            let zone = context.desk.zone()?;
            context.print(&history, |history| {
                let mut lines = Vec::new();
                for change in history {
                    let by = if change.by.is_empty() { "(before team mode)" } else { change.by.as_str() };
                    let applied = if change.applied { "" } else { "  [not applied]" };
                    lines.push(format!("{}  {by}{applied}", crate::output::desk_time(change.at, zone)));
                    for field in &change.changes {
                        lines.push(format!("    {}: {} → {}", field.field, field.before, field.after));
                    }
                }
                if lines.is_empty() { "No settings changes recorded.".to_owned() } else { lines.join("\n") }
            })
        }
    }
}

pub fn person(context: &mut Context, command: PersonCommand) -> Result<(), StoreError> {
    match command {
        PersonCommand::Add { name, role } => {
            let role = match role.as_str() {
                "agent" => Role::Agent,
                "lead" => Role::Lead,
                other => {
                    return Err(
                        CoreError::invalid("role", format!("Unknown role '{other}'; use agent or lead.")).into()
                    );
                }
            };
            let person = context.desk.save_person(&name, role)?;
            context.print(&person, |person| format!("{} is a {:?}", person.name, person.role))
        }
        PersonCommand::List => {
            let people = context.desk.people()?;
            context.print(&people, |people| {
                people
                    .iter()
                    .map(|p| format!("{:<24} {:?}{}", p.name, p.role, if p.has_pin { "  (PIN)" } else { "" }))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        PersonCommand::Deactivate { name } => {
            context.desk.deactivate_person(&name)?;
            context.print(&json!({ "deactivated": name }), |_| format!("{name} is no longer on the desk's list."))
        }
        PersonCommand::SetPin { name } => {
            let pin = PinHash::of(&read_pin()?)?;
            context.desk.set_pin(&name, &pin)?;
            context.print(&json!({ "pin_set": name }), |_| format!("{name}'s PIN is set."))
        }
        PersonCommand::ClearPin { name } => {
            context.desk.clear_pin(&name)?;
            context.print(&json!({ "pin_cleared": name }), |_| format!("{name} has no PIN now."))
        }
    }
}

/// One line from standard input, without its line ending.
fn read_pin() -> Result<String, StoreError> {
    let line = crate::output::read_stdin("pin", false)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

pub fn lesson(context: &mut Context, command: LessonCommand) -> Result<(), StoreError> {
    let (reference, entry) = match command {
        LessonCommand::Debrief { reference, reason } => (reference, LessonEntry::DebriefRequested { reason }),
        LessonCommand::Record { reference, text } => (reference, LessonEntry::LessonRecorded { text }),
        LessonCommand::List { query, limit } => {
            let lessons = context.desk.lessons(query.as_deref(), Some(limit))?;
            return context.print(&lessons, |lessons| {
                lessons
                    .iter()
                    .map(|lesson| {
                        let text = match &lesson.entry {
                            LessonEntry::DebriefRequested { reason } => format!("debrief: {reason}"),
                            LessonEntry::LessonRecorded { text } => format!("lesson: {text}"),
                        };
                        format!("{}  {}  {:<16} {text}", lesson.at.format("%Y-%m-%d"), lesson.case_reference, lesson.by)
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    };
    let case_id = context.desk.case_id_by_reference(&reference)?;
    let saved = context.desk.add_lesson_entry(case_id, entry)?;
    context.print(&saved, |saved| format!("Saved for {}", saved.case_reference))
}
