//! Full-text search over cases: Finnish-aware, instant on a million cases, safe on any input.
//!
//! **Index.** `case_search` is a contentless FTS5 table (rowid = `cases.id`, no positions) that
//! stores only terms this module has already made (see [`terms`]); FTS5's own tokenizer merely
//! splits them at spaces. Five kinds of term, each behind its own digit ([`Kind`]): keys
//! (customer name, e-mail, phone, customer number, product ref, case reference, category, tags;
//! not stemmed), words (the complaint's words, folded), stems (their Snowball stems), beginnings
//! of words and names, and endings of long words and stems (compound parts).
//!
//! **Maintenance.** [`index_case`] is called by `cases::insert_case`, in the transaction that
//! creates the case; the intake text never changes afterwards. Anything that rewrites a case's
//! intake or customer (anonymisation, an import that writes rows itself) calls [`reindex_case`],
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

mod terms;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use lupaus_core::case::{CaseRef, NewCase};
use lupaus_core::lifecycle::CaseState;
use rusqlite::{Transaction, params};

use crate::cases::CaseSummary;
use crate::{Store, StoreError};
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
}

impl Kind {
    fn mark(self) -> char {
        match self {
            Kind::Key => '1',
            Kind::Word => '2',
            Kind::Stem => '3',
            Kind::Ending => '4',
            Kind::Beginning => '5',
        }
    }

    /// The stored form of `term` of this kind.
    pub(crate) fn term(self, term: &str) -> String {
        format!("{}{term}", self.mark())
    }
}

/// The terms of one case, by kind, ready for FTS5.
#[derive(Debug, Default)]
struct Document {
    keys: BTreeSet<String>,
    words: BTreeSet<String>,
    stems: BTreeSet<String>,
    endings: BTreeSet<String>,
    beginnings: BTreeSet<String>,
}

impl Document {
    fn of_case(reference: CaseRef, intake: &NewCase) -> Document {
        let mut document = Document::default();
        let customer = &intake.customer;
        let phone_digits: Option<String> =
            customer.phone.as_ref().map(|phone| phone.chars().filter(char::is_ascii_digit).collect());
        let key_fields = [
            Some(reference.to_string()),
            Some(customer.name.clone()),
            customer.email.clone(),
            customer.phone.clone(),
            phone_digits,
            customer.customer_number.clone(),
            intake.product_ref.clone(),
            intake.category.clone(),
        ];
        for field in key_fields.iter().flatten().chain(&intake.tags) {
            document.add_keys(field);
        }
        let text_fields = [Some(&intake.description), Some(&intake.requested_remedy), intake.product_ref.as_ref()];
        let text: Vec<Token> = text_fields.into_iter().flatten().flat_map(|field| terms::tokens(field)).collect();
        let language = terms::guess_language(text.iter().filter_map(|token| match token {
            Token::Word(word) => Some(word.as_str()),
            Token::Code(_) => None,
        }));
        for token in text {
            match token {
                Token::Word(word) => document.add_word(word, language),
                Token::Code(parts) => {
                    document.keys.extend(terms::code_keys(&parts));
                    for part in parts {
                        document.add_word(part, language);
                    }
                }
            }
        }
        document
    }

    fn add_keys(&mut self, field: &str) {
        for token in terms::tokens(field) {
            match token {
                Token::Word(word) => {
                    if !word.chars().any(|c| c.is_ascii_digit()) {
                        self.beginnings.extend(terms::beginnings(&word));
                    }
                    self.keys.insert(word);
                }
                Token::Code(parts) => self.keys.extend(terms::code_keys(&parts)),
            }
        }
    }

    fn add_word(&mut self, word: String, language: Language) {
        if !terms::is_stop_word(&word)
            && let Some(stem) = terms::stem(&word, language)
        {
            self.endings.extend(terms::endings(&stem));
            self.endings.extend(terms::endings(&word));
            self.stems.insert(stem);
        }
        if !word.chars().any(|c| c.is_ascii_digit()) {
            self.beginnings.extend(terms::beginnings(&word));
        }
        self.words.insert(word);
    }

    /// Every term behind its kind's digit, space-separated: FTS5's text for the case.
    fn text(&self) -> String {
        let kinds = [
            (Kind::Key, &self.keys),
            (Kind::Word, &self.words),
            (Kind::Stem, &self.stems),
            (Kind::Ending, &self.endings),
            (Kind::Beginning, &self.beginnings),
        ];
        kinds.iter().flat_map(|(kind, terms)| terms.iter().map(|term| kind.term(term))).collect::<Vec<_>>().join(" ")
    }
}

/// Adds a new case to the search index. Called in the transaction that inserts the case.
pub(crate) fn index_case(
    tx: &Transaction<'_>,
    case_id: i64,
    reference: CaseRef,
    intake: &NewCase,
) -> Result<(), StoreError> {
    let document = Document::of_case(reference, intake);
    tx.prepare_cached("INSERT INTO case_search (rowid, terms) VALUES (?1, ?2)")?
        .execute(params![case_id, document.text()])?;
    Ok(())
}

/// Removes a case from the search index (when its intake is erased or the case removed).
pub fn forget_case(tx: &Transaction<'_>, case_id: i64) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM case_search WHERE rowid = ?1")?.execute([case_id])?;
    Ok(())
}

/// Re-indexes a case from its stored state, after something rewrote its intake.
pub fn reindex_case(tx: &Transaction<'_>, case_id: i64) -> Result<(), StoreError> {
    let (year, number): (i32, u32) =
        tx.query_row("SELECT ref_year, ref_number FROM cases WHERE id = ?1", [case_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let state = crate::cases::load_state(tx, case_id)?;
    forget_case(tx, case_id)?;
    index_case(tx, case_id, CaseRef { year, number }, &state.intake)
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

/// The FTS5 query for `tokens` at `tier`: one group per token, ANDed.
pub(crate) fn tier_expression(tokens: &[Token], tier: Tier) -> String {
    let groups: Vec<String> = tokens
        .iter()
        .map(|token| match token {
            // A code is specific enough as it is: R-2026-000123, 2026-11873, WX-700.
            Token::Code(parts) => quote(&Kind::Key.term(&Token::joined(parts))) + "*",
            Token::Word(word) => word_group(word, tier),
        })
        .collect();
    groups.join(" AND ")
}

/// What one typed word may match at `tier`, ORed; whole terms only.
fn word_group(word: &str, tier: Tier) -> String {
    let mut alternatives = vec![Kind::Key.term(word)];
    if tier >= Tier::Words {
        alternatives.push(Kind::Word.term(word));
    }
    if tier >= Tier::Inflections {
        let stems: BTreeSet<String> =
            Language::ALL.iter().filter_map(|language| terms::stem(word, *language)).collect();
        if tier >= Tier::Beginnings && word.chars().count() >= terms::MIN_BEGINNING_CHARS {
            alternatives.push(Kind::Beginning.term(word));
        }
        if tier >= Tier::Compounds {
            let ends: BTreeSet<&str> = stems.iter().map(String::as_str).chain([word]).collect();
            alternatives
                .extend(ends.into_iter().filter(|end| terms::is_ending_length(end)).map(|end| Kind::Ending.term(end)));
        }
        alternatives.extend(stems.iter().map(|stem| Kind::Stem.term(stem)));
    }
    let quoted: Vec<String> = alternatives.iter().map(|term| quote(term)).collect();
    if quoted.len() == 1 { quoted[0].clone() } else { format!("({})", quoted.join(" OR ")) }
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
        let mut found = Vec::with_capacity(limit);
        let mut previous = String::new();
        for tier in Tier::ALL {
            let expression = tier_expression(&tokens, tier);
            // Codes and short words read the same at several tiers; ask once.
            if expression == previous {
                continue;
            }
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

    /// Rebuilds the whole search index from the stored cases (after a restore from an old
    /// backup, or if the index is suspected broken). One transaction.
    pub fn rebuild_search_index(&mut self) -> Result<u64, StoreError> {
        self.write(|tx| {
            tx.execute("INSERT INTO case_search (case_search) VALUES ('delete-all')", [])?;
            let mut statement = tx.prepare("SELECT id, ref_year, ref_number, state_json FROM cases ORDER BY id")?;
            let mut rows = statement.query([])?;
            let mut count = 0;
            while let Some(row) = rows.next()? {
                let id: i64 = row.get(0)?;
                let reference = CaseRef { year: row.get(1)?, number: row.get(2)? };
                let json: String = row.get(3)?;
                let state: CaseState =
                    serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(format!("case {id}: {error}")))?;
                index_case(tx, id, reference, &state.intake)?;
                count += 1;
            }
            Ok(count)
        })
    }
}
