//! Finding one customer's identifiers in free text and JSON payloads, and blanking them out.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{ANONYMISED_NAME, REDACTED};

/// Keys whose values are staff names or fixed vocabulary, never customer data.
const KEPT_KEYS: &[&str] = &[
    "actor",
    "person",
    "role",
    "by",
    "owner",
    "made_by",
    "proposed_by",
    "from",
    "to",
    "kind",
    "stage_before",
    "stage_after",
];

/// The strings that identify one customer, and how to blank them out of free text.
#[derive(Default)]
pub(super) struct Identifiers {
    /// Replaced wherever they occur, ignoring case: full name, e-mail, phone, customer number.
    exact: BTreeSet<String>,
    /// Word beginnings, case as written: the parts of the name (a whole inflected word goes).
    words: BTreeSet<String>,
}

impl Identifiers {
    pub(super) fn add_name(&mut self, name: &str) {
        self.add_exact(name);
        for word in name.split(|c: char| !c.is_alphanumeric()).filter(|word| word.chars().count() >= 3) {
            self.words.insert(word.to_owned());
            // Finnish -nen names inflect on an -s- stem: Virtanen, Virtasen, Virtaselle.
            if let Some(stem) = word.strip_suffix("nen").filter(|stem| stem.chars().count() >= 3) {
                self.words.insert(format!("{stem}s"));
            }
        }
    }

    pub(super) fn add_exact(&mut self, value: &str) {
        let value = value.trim();
        if value.chars().count() >= 3 {
            self.exact.insert(value.to_owned());
            let digits: String = value.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
            if digits != value && digits.chars().filter(char::is_ascii_digit).count() >= 6 {
                self.exact.insert(digits);
            }
        }
    }

    /// Redacts every string in `value`, except under [`KEPT_KEYS`].
    pub(super) fn redact(&self, value: &mut Value) {
        match value {
            Value::String(text) => *text = self.redact_text(text),
            Value::Array(items) => items.iter_mut().for_each(|item| self.redact(item)),
            Value::Object(fields) => {
                for (key, field) in fields.iter_mut() {
                    if !KEPT_KEYS.contains(&key.as_str()) {
                        self.redact(field);
                    }
                }
            }
            _ => {}
        }
    }

    fn redact_text(&self, text: &str) -> String {
        if text == ANONYMISED_NAME {
            return text.to_owned();
        }
        let mut out = text.to_owned();
        // Longest first, so "Maija Meikäläinen" goes before "Maija".
        let mut exact: Vec<&String> = self.exact.iter().collect();
        exact.sort_by_key(|value| std::cmp::Reverse(value.len()));
        for value in exact {
            out = replace_ignoring_case(&out, value);
        }
        for word in &self.words {
            out = replace_word(&out, word);
        }
        out
    }
}

/// Replaces every occurrence of `needle` in `text`, comparing letter by letter without regard to
/// case. Letter by letter, because lower-casing a whole string changes its byte length for some
/// letters (`İ`, `ẞ`), so positions found in a lower-cased copy do not fit the original.
fn replace_ignoring_case(text: &str, needle: &str) -> String {
    let needle: Vec<char> = needle.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(matched) = match_len_ignoring_case(rest, &needle) {
            out.push_str(REDACTED);
            rest = &rest[matched..];
        } else {
            let mut chars = rest.chars();
            if let Some(letter) = chars.next() {
                out.push(letter);
            }
            rest = chars.as_str();
        }
    }
    out
}

/// The byte length of `needle` at the start of `text`, when it is there in any case.
fn match_len_ignoring_case(text: &str, needle: &[char]) -> Option<usize> {
    let mut letters = text.char_indices();
    for wanted in needle {
        let (_, letter) = letters.next()?;
        if !(letter == *wanted || letter.to_lowercase().eq(wanted.to_lowercase())) {
            return None;
        }
    }
    Some(letters.next().map_or(text.len(), |(at, _)| at))
}

/// Replaces every word that starts with `stem` (a name and its inflected forms: Maija, Maijan,
/// Maijalle) by [`REDACTED`].
fn replace_word(text: &str, stem: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    while let Some(found) = text[rest..].find(stem) {
        let start = rest + found;
        let at_word_start = !text[..start].chars().next_back().is_some_and(char::is_alphanumeric);
        let word_end = text[start..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |end| start + end);
        out.push_str(&text[rest..start]);
        if at_word_start {
            out.push_str(REDACTED);
            rest = word_end;
        } else {
            out.push_str(stem);
            rest = start + stem.len();
        }
    }
    out.push_str(&text[rest..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_redacted_as_whole_words_and_in_any_case() {
        let mut ids = Identifiers::default();
        ids.add_name("Maija Meikäläinen");
        ids.add_exact("maija@example.fi");
        ids.add_exact("040 123 4567");
        assert_eq!(
            ids.redact_text(
                "Maija soitti numerosta 0401234567, MAIJA@example.fi; Meikäläisen? Maijalle ei. Ei Kotimaija."
            ),
            "[poistettu] soitti numerosta [poistettu], [poistettu]; [poistettu]? [poistettu] ei. Ei Kotimaija."
        );
        assert_eq!(ids.redact_text("Soitettu: Maija Meikäläinen, 040 123 4567"), "Soitettu: [poistettu], [poistettu]");
        assert_eq!(ids.redact_text(ANONYMISED_NAME), ANONYMISED_NAME);
    }

    /// Letters whose lower case has another byte length: nothing panics, and the name is still
    /// found in capitals beside them (it was left in place before: a silent miss).
    #[test]
    fn names_are_redacted_beside_letters_that_change_length_in_lower_case() {
        let mut ids = Identifiers::default();
        ids.add_name("Maija Meikäläinen");
        ids.add_exact("JÜRGEN.STRAẞE@EXAMPLE.DE");
        assert_eq!(
            ids.redact_text("İstanbulista soitti MAIJA MEIKÄLÄINEN, jürgen.straße@example.de; İİİ ẞẞ"),
            "İstanbulista soitti [poistettu], [poistettu]; İİİ ẞẞ"
        );
        assert_eq!(ids.redact_text("İ"), "İ");
        assert_eq!(ids.redact_text(""), "");
    }

    #[test]
    fn staff_names_are_kept() {
        let mut ids = Identifiers::default();
        ids.add_name("Aino Asiakas");
        let mut value =
            serde_json::json!({ "by": "Aino Agentti", "text": "Aino kertoi", "actor": { "person": "Aino" } });
        ids.redact(&mut value);
        assert_eq!(
            value,
            serde_json::json!({ "by": "Aino Agentti", "text": "[poistettu] kertoi", "actor": { "person": "Aino" } })
        );
    }
}
