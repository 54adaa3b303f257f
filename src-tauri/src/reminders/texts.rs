//! The few sentences the shell itself shows (notifications, tray), in Finnish, Swedish and
//! English: the language the person at the keyboard chose (see `crate::language`), else the
//! computer's locale, as in the UI; everything else is in the UI.

use lupaus_core::language::Language;
use lupaus_core::reminder::ReminderKind;
use lupaus_store::notices::HandOffNotice;
use lupaus_store::reminders::RaisedReminder;

/// The shell's sentences in `language`.
pub fn of(language: Language) -> &'static Texts {
    match language {
        Language::Finnish => &FINNISH,
        Language::Swedish => &SWEDISH,
        Language::English => &ENGLISH,
    }
}

/// The computer's language, for a person who has chosen none.
pub fn os_language() -> Language {
    sys_locale::get_locale().map_or(Language::English, |locale| Language::of_locale(&locale))
}

/// One language's texts. `{name}` marks where a value goes.
#[derive(Debug)]
pub struct Texts {
    before_due: &'static str,
    at_due: &'static str,
    overdue: &'static str,
    escalation: &'static str,
    /// The owner's line: `{due}`, `{owner}`.
    owner_line: &'static str,
    /// The team lead's line: `{leads}` (with its parentheses, or empty), `{owner}`, `{due}`.
    lead_line: &'static str,
    /// A hand-off's notice to its receiver: the headline, then `{from}`, `{at}`, `{note}`, `{told}`.
    hand_off: &'static str,
    hand_off_line: &'static str,
    /// chrono format of the due time, in the computer's time zone.
    time_format: &'static str,
    /// `{count}` open promises past their due time.
    tray_tooltip: &'static str,
    pub open_case: &'static str,
    pub tray_open: &'static str,
    pub tray_quit: &'static str,
}

const FINNISH: Texts = Texts {
    before_due: "Lupaus erääntyy pian",
    at_due: "Lupaus erääntyy nyt",
    overdue: "Lupaus on myöhässä",
    escalation: "Lupaus jäi pitämättä",
    owner_line: "Määräaika {due} · vastuussa {owner}",
    lead_line: "Tiiminvetäjälle{leads}: {owner} ei pitänyt lupausta, määräaika oli {due}.",
    hand_off: "Sinulle siirrettiin tapaus",
    hand_off_line: "{from} siirsi tapauksen sinulle {at}: {note}\nAsiakkaalle kerrottu: {told}",
    time_format: "%-d.%-m. klo %H.%M",
    tray_tooltip: "Lupaus – myöhässä olevia lupauksia: {count}",
    open_case: "Avaa tapaus",
    tray_open: "Avaa Lupaus",
    tray_quit: "Lopeta",
};

const SWEDISH: Texts = Texts {
    before_due: "Löftet förfaller snart",
    at_due: "Löftet förfaller nu",
    overdue: "Löftet är försenat",
    escalation: "Löftet hölls inte",
    owner_line: "Tidsfrist {due} · ansvarig {owner}",
    lead_line: "Till teamledaren{leads}: {owner} höll inte löftet, tidsfristen var {due}.",
    hand_off: "Ett ärende har överförts till dig",
    hand_off_line: "{from} överförde ärendet till dig {at}: {note}\nKunden har fått veta: {told}",
    time_format: "%-d.%-m. kl. %H.%M",
    tray_tooltip: "Lupaus – försenade löften: {count}",
    open_case: "Öppna ärendet",
    tray_open: "Öppna Lupaus",
    tray_quit: "Avsluta",
};

const ENGLISH: Texts = Texts {
    before_due: "Promise due soon",
    at_due: "Promise due now",
    overdue: "Promise overdue",
    escalation: "Promise missed",
    owner_line: "Due {due} · owner {owner}",
    lead_line: "For the team lead{leads}: {owner} did not keep the promise due {due}.",
    hand_off: "A case was handed to you",
    hand_off_line: "{from} handed it to you {at}: {note}\nThe customer was told: {told}",
    time_format: "%-d %b %H:%M",
    tray_tooltip: "Lupaus – overdue promises: {count}",
    open_case: "Open case",
    tray_open: "Open Lupaus",
    tray_quit: "Quit",
};

/// A notification's summary (plain text) and body (escaped for servers that read markup).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationText {
    pub summary: String,
    pub body: String,
}

impl Texts {
    /// What the notification for `reminder` says: kind, case reference and customer in the
    /// summary; the promise, its due time and who must act in the body.
    pub fn notification(
        &self,
        reminder: &RaisedReminder,
        team_leads: &[String],
        zone: chrono_tz::Tz,
    ) -> NotificationText {
        let view = &reminder.promise;
        let headline = match reminder.kind {
            ReminderKind::BeforeDue => self.before_due,
            ReminderKind::AtDue => self.at_due,
            ReminderKind::Overdue => self.overdue,
            ReminderKind::Escalation => self.escalation,
        };
        let due = view.promise.due_at.with_timezone(&zone).format(self.time_format).to_string();
        let who = if reminder.kind == ReminderKind::Escalation {
            let leads = if team_leads.is_empty() { String::new() } else { format!(" ({})", team_leads.join(", ")) };
            fill(self.lead_line, &[("leads", &leads), ("owner", &view.promise.owner), ("due", &due)])
        } else {
            fill(self.owner_line, &[("due", &due), ("owner", &view.promise.owner)])
        };
        NotificationText {
            summary: format!("{headline}: {} {}", view.case_reference, view.customer_name),
            body: escape_markup(&format!("{}\n{who}", view.promise.text)),
        }
    }

    /// What the receiver's notification of a hand-off says: the case in the summary; who
    /// handed it over, when, their note and what the customer was told in the body.
    pub fn hand_off_notification(&self, notice: &HandOffNotice, zone: chrono_tz::Tz) -> NotificationText {
        let at = notice.handed_at.with_timezone(&zone).format(self.time_format).to_string();
        let values =
            [("from", notice.from.as_str()), ("at", &at), ("note", &notice.note), ("told", &notice.customer_told)];
        NotificationText {
            summary: format!("{}: {} {}", self.hand_off, notice.case_reference, notice.customer_name),
            body: escape_markup(&fill(self.hand_off_line, &values)),
        }
    }

    pub fn tray_tooltip(&self, overdue: u64) -> String {
        fill(self.tray_tooltip, &[("count", &overdue.to_string())])
    }
}

/// Puts values into a template in one pass, so a value that looks like `{name}` stays as typed.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after
            .find('}')
            .and_then(|end| values.iter().find(|(name, _)| *name == &after[..end]).map(|(_, value)| (end, *value)));
        match value {
            Some((end, value)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Complaint text is data: many notification servers read the body as markup, so `<`, `>` and
/// `&` are escaped (servers without markup support are asked by the spec to strip it).
fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_filled_once_and_never_reread_as_placeholders() {
        assert_eq!(fill("{owner} at {due}", &[("owner", "{due}"), ("due", "14.00")]), "{due} at 14.00");
        assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
    }

    #[test]
    fn a_hand_off_notice_names_the_case_the_sender_and_what_the_customer_heard_in_each_language() {
        let notice = HandOffNotice {
            event_id: String::new(),
            case_id: 7,
            case_reference: "2026-12/A".into(),
            customer_name: "Maija".into(),
            from: "Aino".into(),
            to: "Ville".into(),
            note: "Varaosa <tilattu>".into(),
            customer_told: "Ville soittaa".into(),
            handed_at: chrono::DateTime::from_timestamp(1_796_040_000, 0).expect("time"),
        };
        let fi = of(Language::Finnish).hand_off_notification(&notice, chrono_tz::Europe::Helsinki);
        assert_eq!(fi.summary, "Sinulle siirrettiin tapaus: 2026-12/A Maija");
        assert_eq!(
            fi.body,
            "Aino siirsi tapauksen sinulle 30.11. klo 14.00: Varaosa &lt;tilattu&gt;\nAsiakkaalle kerrottu: Ville soittaa"
        );
        let sv = of(Language::Swedish).hand_off_notification(&notice, chrono_tz::Europe::Helsinki);
        assert!(sv.summary.starts_with("Ett ärende har överförts till dig") && sv.body.contains("kl. 14.00"), "{sv:?}");
        let en = of(Language::English).hand_off_notification(&notice, chrono_tz::Europe::Helsinki);
        assert!(en.body.contains("The customer was told: Ville soittaa"), "{en:?}");
    }

    #[test]
    fn markup_in_complaint_text_is_shown_as_text() {
        assert_eq!(escape_markup("<b>R&D</b>"), "&lt;b&gt;R&amp;D&lt;/b&gt;");
    }
}
