//! Full-text search over cases: Finnish-aware, instant on a million cases, safe on any input.
//!
//! **Index.** `case_search` is a contentless FTS5 table (rowid = `cases.id`, no positions) that
//! stores only terms this module has already made (see [`terms`]); FTS5's own tokenizer merely
//! splits them at spaces. Five kinds of term, each behind its own digit ([`Kind`]): keys
//! (customer name, e-mail, phone, customer number, product ref, case reference, category, tags;
//! not stemmed), words (the complaint's words, folded), stems (their Snowball stems), beginnings
//! of words and names, and endings of long words and stems (compound parts).
//!
//! **Maintenance.** A save does not index: `search_watermark` holds the id up to which every
//! case is in the index, and [`Store::index_new_cases`] indexes the cases above it and moves it,
//! in one transaction. The idle upkeep (maintenance.rs) and opening the store run it, so a
//! crash loses no indexing: the cases are saved, above the watermark, and caught up at the next
//! open. Until then search reads those few cases' intakes and matches them term by term against
//! the same query (see [`Group::matches`]), so a case is found the moment its save returns. An
//! import indexes its own rows inside its transaction. The intake text never changes afterwards;
//! anything that rewrites a case's intake or customer (anonymisation) calls [`reindex_case`],
//! or [`forget_case`] when the case goes; [`Store::rebuild_search_index`] redoes every case.
//! Rust functions rather than SQL triggers, because triggers cannot stem.
//!
//! **Query and ranking.** The agent's text goes through the same term maker; all its tokens
//! must match (AND). Results come in tiers, each asked only while the page is not yet full; a
//! tier gives its latest entered cases (FTS5 reads rowids newest first), shown by receipt time:
//! 1. *names*: the customer's name, e-mail, phone or number, the product or order, the case
//!    reference hold every typed word (what an agent types most);
//! 2. *words*: the complaint holds every typed word as it was typed;
//! 3. *inflections*: ... or a word with the same stem (`reklamaatiossa` for `reklamaatio`);
//! 4. *beginnings*: ... or a word or name that starts with it (`laskutusvirhe` for `laskutus`, a
//!    name half typed);
//! 5. *compounds*: ... or a word that ends in it or in its stem (`laatureklamaatio`, `pesukone`).
//!
//! Every tier looks up whole terms only (beginnings and endings are stored, see [`terms`]), which
//! FTS5 reads lazily newest-first: a page costs about a millisecond however common the word.
//! Prefix queries are used only for codes, which are specific. The order is deliberate and
//! testable, unlike bm25, whose idf pass reads every matching posting (100+ ms at a million).
//! Terms are always quoted, so `"`, `*`, `-`, `(`, `:`, `NOT` typed by an agent are just text;
//! no tokens → no results, never an error.

mod document;
mod index;
mod morphology;
pub mod quality;
#[cfg(test)]
mod quality_tests;
mod terms;
#[cfg(test)]
mod tests;
mod voikko;

use std::collections::BTreeSet;

use rusqlite::params;

use crate::cases::CaseSummary;
use crate::{Store, StoreError};
pub(crate) use document::Document;
use index::pending_documents;
pub use index::{forget_case, reindex_case};
pub(crate) use index::{index_pending, index_text, set_watermark};
use morphology::BaseForms;
pub use morphology::Morphology;
use terms::{Language, Token};

/// At most this many results per query.
pub const MAX_RESULTS: u32 = 200;
/// Tokens beyond this many in one query are ignored; eight words already pin a case down.
const MAX_QUERY_TOKENS: usize = 8;

/// The kinds of term, each written behind its own digit so that FTS5 keeps them apart: looking
/// up a name never walks the postings of the same word in complaint text (a column filter would:
/// FTS5 filters columns posting by posting). One digit in front keeps every stored term
/// unambiguous (`21abc` is the word `1abc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Key,
    Word,
    Stem,
    Ending,
    Beginning,
    Base,
    Grade,
}

impl Kind {
    fn mark(self) -> char {
        match self {
            Kind::Key => '1',
            Kind::Word => '2',
            Kind::Stem => '3',
            Kind::Ending => '4',
            Kind::Beginning => '5',
            Kind::Base => '6',
            Kind::Grade => '7',
        }
    }

    /// The stored form of `term` of this kind.
    pub(crate) fn term(self, term: &str) -> String {
        format!("{}{term}", self.mark())
    }
}

/// How a typed word may match, from the most to the least specific (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    Names,
    Words,
    Inflections,
    Beginnings,
    Compounds,
}

impl Tier {
    pub(crate) const ALL: [Tier; 5] = [Tier::Names, Tier::Words, Tier::Inflections, Tier::Beginnings, Tier::Compounds];
}

/// The typed tokens worth searching for: stop words dropped unless nothing else is left,
/// duplicates dropped, at most [`MAX_QUERY_TOKENS`].
fn query_tokens(query: &str) -> Vec<Token> {
    let tokens = terms::tokens(query);
    let meaningful = tokens.iter().any(|token| match token {
        Token::Word(word) => !terms::is_stop_word(word),
        Token::Code(_) => true,
    });
    let mut unique = Vec::new();
    for token in tokens {
        let stop = matches!(&token, Token::Word(word) if terms::is_stop_word(word));
        if (!meaningful || !stop) && !unique.contains(&token) && unique.len() < MAX_QUERY_TOKENS {
            unique.push(token);
        }
    }
    unique
}

/// What one typed token may match at a tier: any of `terms` (stored forms, see [`Kind`]); a
/// code matches any stored term that starts with its one term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    terms: Vec<String>,
    prefix: bool,
}

impl Group {
    pub(crate) fn of(token: &Token, tier: Tier, bases: &BaseForms) -> Group {
        match token {
            // A code is specific enough as it is: R-2026-000123, 2026-11873, WX-700.
            Token::Code(parts) => Group { terms: vec![Kind::Key.term(&Token::joined(parts))], prefix: true },
            Token::Word(word) => Group { terms: word_alternatives(word, tier, bases.of(word)), prefix: false },
        }
    }

    /// The group as FTS5 query syntax, every term quoted.
    fn expression(&self) -> String {
        let quoted: Vec<String> = self.terms.iter().map(|term| quote(term)).collect();
        if self.prefix {
            quoted.concat() + "*"
        } else if quoted.len() == 1 {
            quoted[0].clone()
        } else {
            format!("({})", quoted.join(" OR "))
        }
    }

    /// What FTS5 answers for [`Group::expression`], asked of a case not in the index yet.
    fn matches(&self, document: &Document) -> bool {
        self.terms.iter().any(|term| document.has(term, self.prefix))
    }
}

/// The groups of `tokens` at `tier`, all of which a case must match.
pub(crate) fn tier_groups(tokens: &[Token], tier: Tier, bases: &BaseForms) -> Vec<Group> {
    tokens.iter().map(|token| Group::of(token, tier, bases)).collect()
}

/// The FTS5 query for `tokens` at `tier`: one group per token, ANDed.
#[cfg(test)]
pub(crate) fn tier_expression(tokens: &[Token], tier: Tier) -> String {
    expression(&tier_groups(tokens, tier, &BaseForms::default()))
}

fn expression(groups: &[Group]) -> String {
    groups.iter().map(Group::expression).collect::<Vec<_>>().join(" AND ")
}

/// The stored terms one typed word may match at `tier`; whole terms only. A word Voikko knows
/// (`bases` not empty) meets the index on its base forms instead of its Finnish Snowball stem,
/// which would also match unrelated words that happen to stem alike.
fn word_alternatives(word: &str, tier: Tier, bases: &[String]) -> Vec<String> {
    let mut alternatives = vec![Kind::Key.term(word)];
    if tier >= Tier::Words {
        alternatives.push(Kind::Word.term(word));
    }
    if tier >= Tier::Inflections {
        let languages: &[Language] =
            if bases.is_empty() { &Language::ALL } else { &[Language::Swedish, Language::English] };
        let stems: BTreeSet<String> = languages.iter().filter_map(|language| terms::stem(word, *language)).collect();
        alternatives.extend(bases.iter().map(|base| Kind::Base.term(base)));
        if bases.is_empty() {
            let key = terms::stem(word, Language::Finnish).and_then(|stem| terms::gradation_key(&stem));
            alternatives.extend(key.map(|key| Kind::Grade.term(&key)));
        }
        if tier >= Tier::Beginnings && word.chars().count() >= terms::MIN_BEGINNING_CHARS {
            alternatives.push(Kind::Beginning.term(word));
        }
        if tier >= Tier::Compounds {
            // `laatureklamaatiosta` is stored with the endings of its base form, so
            // `reklamaatiossa` (base `reklamaatio`) finds it.
            // A word Voikko knows ends in its base forms; a Swedish stem of it would only
            // match by accident (`kone` as Swedish `kon`, the end of `laatikon`).
            let stems = if bases.is_empty() { &stems } else { &BTreeSet::new() };
            let ends: BTreeSet<&str> =
                stems.iter().map(String::as_str).chain(bases.iter().map(String::as_str)).chain([word]).collect();
            alternatives
                .extend(ends.into_iter().filter(|end| terms::is_ending_length(end)).map(|end| Kind::Ending.term(end)));
        }
        alternatives.extend(stems.iter().map(|stem| Kind::Stem.term(stem)));
    }
    alternatives
}

/// Terms are letters and digits only, but quoting keeps FTS5 from reading any of them as syntax.
fn quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// Appends `ids` (one tier's matches, latest entered first) to `found` with their tier, skipping
/// cases an earlier tier already placed, until `found` holds `limit`.
pub(crate) fn merge_tier(found: &mut Vec<(Tier, i64)>, tier: Tier, ids: impl IntoIterator<Item = i64>, limit: usize) {
    for id in ids {
        if found.len() >= limit {
            return;
        }
        if !found.iter().any(|(_, seen)| *seen == id) {
            found.push((tier, id));
        }
    }
}

impl Store {
    /// Cases matching what an agent typed, best first. Empty or punctuation-only text gives no
    /// results; no input gives an error.
    pub fn search_cases(&self, query: &str, limit: u32) -> Result<Vec<CaseSummary>, StoreError> {
        let tokens = query_tokens(query);
        if tokens.is_empty() {
            return Ok(Vec::new());
        }
        let limit = limit.clamp(1, MAX_RESULTS) as usize;
        let mut statement = self
            .conn
            .prepare_cached("SELECT rowid FROM case_search WHERE case_search MATCH ?1 ORDER BY rowid DESC LIMIT ?2")?;
        // Cases saved since the upkeep last indexed: matched here, term by term, so a case is
        // found the moment it is saved. They are the newest, so they come before the index's.
        let pending = pending_documents(&self.conn, true, self.morphology)?;
        // Base forms only when every indexed case carries them (see `index::base_forms_indexed`).
        let morphology = if index::base_forms_indexed(&self.conn)? { self.morphology } else { Morphology::Snowball };
        let bases = morphology.base_forms([query].into_iter());
        let mut found = Vec::with_capacity(limit);
        let mut previous = String::new();
        for tier in Tier::ALL {
            let groups = tier_groups(&tokens, tier, &bases);
            let expression = expression(&groups);
            // Codes and short words read the same at several tiers; ask once.
            if expression == previous {
                continue;
            }
            let new = pending
                .iter()
                .filter(|(_, document)| groups.iter().all(|group| group.matches(document)))
                .map(|(id, _)| *id);
            merge_tier(&mut found, tier, new, limit);
            // Ask for a full page: cases found at an earlier tier come again here.
            let ids = statement.query_map(params![expression, limit as i64], |row| row.get::<_, i64>(0))?;
            merge_tier(&mut found, tier, ids.collect::<Result<Vec<_>, _>>()?, limit);
            if found.len() >= limit {
                break;
            }
            previous = expression;
        }
        // A case missing from `cases` (removed without forget_case) is skipped, not an error.
        let mut summaries = Vec::with_capacity(found.len());
        for (tier, id) in found {
            match self.case_summary(id) {
                Ok(summary) => summaries.push((tier, summary)),
                Err(StoreError::NotFound(_)) => {}
                Err(error) => return Err(error),
            }
        }
        // FTS5 hands cases over in the order they were entered; within a tier, show them by
        // when they were received (a letter logged a week late sorts where it belongs).
        summaries.sort_by(|(tier_a, a), (tier_b, b)| tier_a.cmp(tier_b).then(b.received_at.cmp(&a.received_at)));
        Ok(summaries.into_iter().map(|(_, summary)| summary).collect())
    }
}

impl Store {
    /// The Finnish morphology this store indexes and searches with.
    pub fn morphology(&self) -> Morphology {
        self.morphology
    }

    /// Indexes and searches with `morphology` from now on (tests and the bench compare both).
    /// Cases already indexed keep their terms; [`Store::rebuild_search_index`] redoes them.
    pub fn set_morphology(&mut self, morphology: Morphology) {
        self.morphology = morphology;
    }
}
