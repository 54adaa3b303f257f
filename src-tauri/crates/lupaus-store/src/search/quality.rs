//! How well search finds inflected words: recall and precision over the committed corpus
//! (`corpus.txt`), for either morphology. The bench prints it (`lupaus-cli bench --only
//! search-quality`) and a test holds it to issue 19's goals.

use chrono::{DateTime, Duration, TimeZone, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::Actor;
use serde::Serialize;

use super::{MAX_RESULTS, Morphology};
use crate::{Store, StoreError};

const CORPUS: &str = include_str!("corpus.txt");

/// One line of the corpus: a word and the forms of it that complaints write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub language: String,
    pub word: String,
    pub forms: Vec<String>,
    /// Forms an agent also types as the query (marked `*` in the file).
    pub typed_forms: Vec<String>,
}

/// The corpus as committed: one entry per line, comments and blank lines skipped.
pub fn corpus() -> Vec<Entry> {
    CORPUS
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (head, forms) = line.split_once(':')?;
            let (language, word) = head.trim().split_once(' ')?;
            let mut entry = Entry {
                language: language.to_owned(),
                word: word.trim().to_owned(),
                forms: Vec::new(),
                typed_forms: Vec::new(),
            };
            for form in forms.split_whitespace() {
                let plain = form.trim_start_matches('*').to_owned();
                if form.starts_with('*') {
                    entry.typed_forms.push(plain.clone());
                }
                entry.forms.push(plain);
            }
            Some(entry)
        })
        .collect()
}

/// Recall and precision of one morphology over the corpus, micro-averaged over every query.
#[derive(Debug, Clone, Serialize)]
pub struct SearchQuality {
    pub morphology: &'static str,
    pub words: usize,
    /// Cases in the corpus database: every word and every form, one case each.
    pub cases: usize,
    pub queries: usize,
    /// Relevant cases found / relevant cases.
    pub recall: f64,
    /// Relevant cases found / cases found.
    pub precision: f64,
    /// `query → form` for every relevant case not found.
    pub missed: Vec<String>,
    /// `query → form` for every case found that belongs to another word.
    pub wrong: Vec<String>,
}

/// A complaint whose text is `form` in a sentence of its language's stop words only, so that
/// the document is read in that language and no other word can match a query.
pub(super) fn intake(language: &str, form: &str) -> NewCase {
    let description = match language {
        "sv" => format!("det är {form} och"),
        "en" => format!("it was the {form}"),
        _ => form.to_owned(),
    };
    NewCase {
        channel: Channel::Email,
        customer: CustomerInput { name: "Mirja Salmi".into(), email: None, phone: None, customer_number: None },
        product_ref: None,
        description,
        requested_remedy: "…".into(),
        priority: Priority::Normal,
        category: None,
        tags: vec![],
        acknowledged: true,
        former_ref: None,
    }
}

/// Builds the corpus desk in memory with `morphology`, indexes it as the idle upkeep would, asks
/// every query and counts.
pub fn measure(morphology: Morphology) -> Result<SearchQuality, StoreError> {
    let entries = corpus();
    let mut store = Store::open_in_memory()?;
    store.set_morphology(morphology);
    let agent = Actor::agent("Bench");
    let start: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).single().unwrap_or_default();
    // Case id → the entry it belongs to, and its form.
    let mut owner: Vec<(usize, String)> = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for (index, entry) in entries.iter().enumerate() {
        for form in std::iter::once(&entry.word).chain(&entry.forms) {
            let at = start + Duration::minutes(owner.len() as i64);
            let summary = store.create_case(intake(&entry.language, form).validate()?, &agent, at)?;
            ids.insert(summary.id, owner.len());
            owner.push((index, form.clone()));
        }
    }
    store.index_new_cases()?;
    let (mut relevant, mut found, mut right, mut queries) = (0usize, 0usize, 0usize, 0usize);
    let (mut missed, mut wrong) = (Vec::new(), Vec::new());
    for (index, entry) in entries.iter().enumerate() {
        for query in std::iter::once(&entry.word).chain(&entry.typed_forms) {
            queries += 1;
            let results = store.search_cases(query, MAX_RESULTS)?;
            let hits: Vec<usize> = results.iter().filter_map(|summary| ids.get(&summary.id).copied()).collect();
            let own = owner.iter().filter(|(line, _)| *line == index).count();
            relevant += own;
            found += hits.len();
            for &hit in &hits {
                if owner[hit].0 == index {
                    right += 1;
                } else {
                    wrong.push(format!("{query} → {}", owner[hit].1));
                }
            }
            for (case, (line, form)) in owner.iter().enumerate() {
                if *line == index && !hits.contains(&case) {
                    missed.push(format!("{query} → {form}"));
                }
            }
        }
    }
    let ratio = |part: usize, whole: usize| if whole == 0 { 1.0 } else { part as f64 / whole as f64 };
    Ok(SearchQuality {
        morphology: morphology.name(),
        words: entries.len(),
        cases: owner.len(),
        queries,
        recall: ratio(right, relevant),
        precision: ratio(right, found),
        missed,
        wrong,
    })
}
