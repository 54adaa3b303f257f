//! "Add my promises to my calendar": the iCalendar (RFC 5545) file of a person's open promises,
//! one event per promise at its due time, saved once where the person chooses, or kept current in
//! a folder they chose so Outlook or another calendar app can subscribe to it. The folder is a
//! device preference; the file is rewritten atomically (a whole new file renamed over the old)
//! after every change to promises, so a calendar app never reads half a file. Times are written
//! in UTC; the calendar app shows them in local time.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use lupaus_store::StoreError;
use lupaus_store::promises::PromiseView;
use serde::Serialize;
use ts_rs::TS;

use crate::Desk;
use crate::files::write_atomically;

/// A calendar file written: where, and how many open promises it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarFile {
    pub path: String,
    pub promises: u32,
}

impl Desk {
    /// The calendar of open promises (of `owner`, when given) and how many it holds.
    pub fn promises_ics(&self, owner: Option<&str>) -> Result<(String, usize), StoreError> {
        let promises = self.open_promises(owner)?;
        Ok((promises_to_ics(&promises, self.now()), promises.len()))
    }

    /// Saves the calendar of my open promises to `path` (replacing a file there as a whole).
    pub fn save_my_calendar(&self, path: &Path) -> Result<CalendarFile, StoreError> {
        let me = self.actor()?.person;
        write_calendar(self, &me, path)
    }

    /// The calendar file the app keeps current for me on this computer, if I asked for one.
    pub fn my_calendar_feed(&self) -> Result<Option<CalendarFile>, StoreError> {
        let me = self.actor()?.person;
        let Some(folder) = self.store.calendar_folder_of(&me)? else { return Ok(None) };
        let (_, count) = self.promises_ics(Some(&me))?;
        Ok(Some(CalendarFile { path: feed_path(&folder, &me).display().to_string(), promises: count as u32 }))
    }

    /// Keeps my calendar file in `folder` from now on (written at once), or with `None` stops
    /// keeping it (the last file written stays, so a subscribed calendar keeps what it had).
    pub fn keep_my_calendar_in(&mut self, folder: Option<&Path>) -> Result<Option<CalendarFile>, StoreError> {
        let me = self.actor()?.person;
        let Some(folder) = folder else {
            self.store.set_calendar_folder_of(&me, None)?;
            return Ok(None);
        };
        if !folder.is_dir() {
            return Err(StoreError::Core(lupaus_core::CoreError::invalid(
                "folder",
                format!("{} is not a folder on this computer. Choose an existing folder.", folder.display()),
            )));
        }
        // Written first: a folder that cannot be written to is never remembered.
        let file = write_calendar(self, &me, &feed_path(folder, &me))?;
        self.store.set_calendar_folder_of(&me, Some(folder))?;
        Ok(Some(file))
    }

    /// Rewrites every calendar file kept on this computer. A file that cannot be written is
    /// logged and left as it was: the change that caused this is already saved.
    pub(crate) fn refresh_calendar_feeds(&self) {
        let feeds = match self.store.calendar_folders() {
            Ok(feeds) => feeds,
            Err(error) => return tracing::warn!(%error, "could not read the calendar folders"),
        };
        for (person, folder) in feeds {
            if let Err(error) = write_calendar(self, &person, &feed_path(&folder, &person)) {
                tracing::warn!(%person, folder = %folder.display(), %error, "could not rewrite a calendar file");
            }
        }
    }
}

fn write_calendar(desk: &Desk, owner: &str, path: &Path) -> Result<CalendarFile, StoreError> {
    let (calendar, count) = desk.promises_ics(Some(owner))?;
    write_atomically(path, calendar.as_bytes())?;
    Ok(CalendarFile { path: path.display().to_string(), promises: count as u32 })
}

/// `lupaus-<person>.ics`: people sharing a computer (or a network folder) each get their own file.
pub fn feed_path(folder: &Path, person: &str) -> PathBuf {
    let name: String = person
        .trim()
        .chars()
        .map(|character| if character.is_alphanumeric() || character == '-' { character } else { '-' })
        .collect();
    folder.join(format!("lupaus-{name}.ics"))
}

pub fn promises_to_ics(promises: &[PromiseView], now: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Lupaus//Promises//FI".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    for view in promises {
        let promise = &view.promise;
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:lupaus-promise-{}@lupaus.local", promise.id),
            format!("DTSTAMP:{}", stamp(now)),
            format!("DTSTART:{}", stamp(promise.due_at - Duration::minutes(15))),
            format!("DTEND:{}", stamp(promise.due_at)),
            format!("SUMMARY:{}", escape(&format!("{} {}: {}", view.case_reference, view.customer_name, promise.text))),
            format!(
                "DESCRIPTION:{}",
                escape(&format!("Lupaus {} — {} — owner {}", view.case_reference, promise.text, promise.owner))
            ),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            "TRIGGER:-PT15M".to_owned(),
            format!("DESCRIPTION:{}", escape(&promise.text)),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold(line)).collect::<Vec<_>>().join("")
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Text values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace("\r\n", "\\n").replace('\n', "\\n")
}

/// Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut octets = 0;
    for character in line.chars() {
        let width = character.len_utf8();
        if octets + width > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(character);
        octets += width;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_finnish_lines_fold_at_75_octets_without_splitting_characters() {
        let folded = fold(&format!("SUMMARY:{}", "Soitamme perjantaina klo 14 mennessä, äöå ".repeat(4)));
        for line in folded.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert!(unfolded.contains("mennessä, äöå"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
