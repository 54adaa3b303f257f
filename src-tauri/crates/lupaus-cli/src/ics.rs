//! iCalendar (RFC 5545) export of open promises, one event per promise at its due time, so an
//! agent sees them in Outlook or any calendar app. Times are written in UTC; the calendar app
//! shows them in local time.

use chrono::{DateTime, Duration, Utc};
use lupaus_store::promises::PromiseView;

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
