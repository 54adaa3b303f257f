//! The terms of one case: what the index stores for it, and what search matches directly for a
//! case saved since the last indexing.

use std::collections::HashSet;

use lupaus_core::case::{CaseRef, NewCase};

use super::Kind;
use super::morphology::{BaseForms, Morphology};
use super::terms::{self, Language, Token};

/// The terms of one case, each behind its kind's digit, ready for FTS5. Kept in one buffer
/// (a case has a few hundred terms), without repeats once [`Document::finish`]ed.
#[derive(Debug, Default)]
pub(crate) struct Document {
    buffer: String,
    spans: Vec<(u32, u32)>,
}

impl Document {
    pub(crate) fn of_case(reference: CaseRef, intake: &NewCase, morphology: Morphology) -> Document {
        let mut document = Document::default();
        let customer = &intake.customer;
        let phone_digits: Option<String> =
            customer.phone.as_ref().map(|phone| phone.chars().filter(char::is_ascii_digit).collect());
        // A number stored as E.164 is still found as a Finn types it: `040 123 4567`, `0401234567`.
        let national_phone: Option<String> = customer.phone.as_ref().and_then(|phone| {
            crate::import::phone::display(phone).strip_prefix("+358 ").map(|rest| format!("0{rest}"))
        });
        let national_digits: Option<String> =
            national_phone.as_ref().map(|phone| phone.chars().filter(char::is_ascii_digit).collect());
        let reference = reference.to_string();
        let key_fields = [
            Some(&reference),
            Some(&customer.name),
            customer.email.as_ref(),
            customer.phone.as_ref(),
            phone_digits.as_ref(),
            national_phone.as_ref(),
            national_digits.as_ref(),
            customer.customer_number.as_ref(),
            intake.product_ref.as_ref(),
            intake.category.as_ref(),
            intake.former_ref.as_ref(),
        ];
        for field in key_fields.into_iter().flatten().chain(&intake.tags) {
            document.add_keys(field);
        }
        let text_fields = [Some(&intake.description), Some(&intake.requested_remedy), intake.product_ref.as_ref()];
        let text: Vec<Token> = text_fields.into_iter().flatten().flat_map(|field| terms::tokens(field)).collect();
        let language = terms::guess_language(text.iter().filter_map(|token| match token {
            Token::Word(word) => Some(word.as_str()),
            Token::Code(_) => None,
        }));
        // Base forms only for Finnish text: Voikko would read some Swedish words as Finnish.
        let bases = match language {
            Language::Finnish => morphology.base_forms(text_fields.into_iter().flatten().map(String::as_str)),
            Language::Swedish | Language::English => BaseForms::default(),
        };
        for token in &text {
            match token {
                Token::Word(word) => document.add_word(word, language, &bases),
                Token::Code(parts) => {
                    for key in terms::code_keys(parts) {
                        document.push(Kind::Key, &key);
                    }
                    for part in parts {
                        document.add_word(part, language, &bases);
                    }
                }
            }
        }
        document.finish();
        document
    }

    pub(super) fn push(&mut self, kind: Kind, term: &str) {
        let start = self.buffer.len() as u32;
        self.buffer.push(kind.mark());
        self.buffer.push_str(term);
        self.spans.push((start, self.buffer.len() as u32));
    }

    fn add_keys(&mut self, field: &str) {
        for token in terms::tokens(field) {
            match token {
                Token::Word(word) => {
                    if !word.chars().any(|c| c.is_ascii_digit()) {
                        for beginning in terms::beginnings(&word) {
                            self.push(Kind::Beginning, beginning);
                        }
                    }
                    self.push(Kind::Key, &word);
                }
                Token::Code(parts) => {
                    for key in terms::code_keys(&parts) {
                        self.push(Kind::Key, &key);
                    }
                }
            }
        }
    }

    fn add_word(&mut self, word: &str, language: Language, bases: &BaseForms) {
        if !terms::is_stop_word(word) {
            // Snowball stems are stored even where Voikko gives base forms, so that a desk
            // without Voikko still finds these cases (a database moved to a Windows PC).
            if let Some(stem) = terms::stem(word, language) {
                for ending in terms::endings(&stem).chain(terms::endings(word)) {
                    self.push(Kind::Ending, ending);
                }
                if language == Language::Finnish
                    && let Some(key) = terms::gradation_key(&stem)
                {
                    self.push(Kind::Grade, &key);
                }
                self.push(Kind::Stem, &stem);
            }
            for base in bases.of(word) {
                for ending in terms::endings(base) {
                    self.push(Kind::Ending, ending);
                }
                self.push(Kind::Base, base);
            }
        }
        if !word.chars().any(|c| c.is_ascii_digit()) {
            for beginning in terms::beginnings(word) {
                self.push(Kind::Beginning, beginning);
            }
        }
        self.push(Kind::Word, word);
    }

    fn term(&self, (start, end): (u32, u32)) -> &str {
        &self.buffer[start as usize..end as usize]
    }

    /// Drops repeated terms. FTS5 needs no order; hashing is cheaper than sorting a case's terms.
    fn finish(&mut self) {
        let buffer = &self.buffer;
        let mut seen = HashSet::with_capacity(self.spans.len());
        self.spans.retain(|&(start, end)| seen.insert(&buffer[start as usize..end as usize]));
    }

    fn terms(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|span| self.term(*span))
    }

    /// Whether the case holds `term`, or with `prefix` any term starting with it. A plain walk:
    /// only the few cases not yet in the index are asked.
    pub(super) fn has(&self, term: &str, prefix: bool) -> bool {
        self.terms().any(|found| if prefix { found.starts_with(term) } else { found == term })
    }

    /// Every term, space-separated: FTS5's text for the case.
    pub(crate) fn text(&self) -> String {
        let mut text = String::with_capacity(self.buffer.len() + self.spans.len());
        for (n, term) in self.terms().enumerate() {
            if n > 0 {
                text.push(' ');
            }
            text.push_str(term);
        }
        text
    }
}
