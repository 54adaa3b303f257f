//! Full-text search over cases: Finnish-aware, instant on a million cases, safe on any input.
//!
//! **Index.** `case_search` is a contentless FTS5 table (rowid = `cases.id`) that stores only
//! terms this module has already made (see [`terms`]): FTS5's own tokenizer merely splits them
//! at spaces. Four columns: `keys` (customer name, e-mail, phone, customer number, product ref,
//! case reference, category, tags: not stemmed), `words` (the complaint's words, folded), `stems`
//! (their Snowball stems) and `tails` (stems reversed, for compound words).
//!
//! **Maintenance.** [`index_case`] is called by `cases::insert_case`, in the transaction that
//! creates the case; the intake text never changes afterwards. Anything that rewrites a case's
//! intake or customer (anonymisation, an import that writes rows itself) calls [`reindex_case`],
//! or [`forget_case`] when the case goes; [`Store::rebuild_search_index`] redoes every case.
//! Rust functions rather than SQL triggers, because triggers cannot stem.
//!
//! **Query.** The agent's text goes through the same term maker; each token becomes a group of
//! quoted FTS5 phrases (prefix on names and words, exact word, any of three stems, prefix on
//! the reversed stem), and groups are ANDed. Nothing typed reaches FTS5 unquoted, so `"`, `*`,
//! `-`, `(`, `:`, `NOT` are just text. No tokens → no results, never an error.
//!
//! **Ranking.** Among the newest [`CANDIDATES`] matching cases: first those whose names and
//! references (customer, e-mail, phone, customer number, product or order, case reference) match
//! every typed word, since that is what an agent types most; then by FTS5's bm25 (which adds up
//! the phrases a case matches), scaled down with age: a year-old case needs twice the relevance
//! of today's to rank above it. A query matching more cases than that ranks only the newest ones;
//! a narrower query (a name, a second word) reaches older cases.

mod terms;
#[cfg(test)]
mod tests;

use std::collections::{BTreeSet, HashSet};

use lupaus_core::case::{CaseRef, NewCase};
use lupaus_core::lifecycle::CaseState;
use rusqlite::{Transaction, params};

use crate::cases::CaseSummary;
use crate::{Store, StoreError};
use terms::{Language, Token};

/// How many of the newest matches are ranked.
pub const CANDIDATES: u32 = 1000;
/// At most this many results per query.
pub const MAX_RESULTS: u32 = 200;
/// Tokens beyond this many in one query are ignored; eight words already pin a case down.
const MAX_QUERY_TOKENS: usize = 8;
/// bm25 weights of `keys`, `words`, `stems`, `tails`. FTS5 weighs term frequency before it
/// saturates, so these nudge rather than decide; names come first by rule (see [`rank`]).
const WEIGHTS: [f64; 4] = [5.0, 3.0, 3.0, 1.5];
const MILLIS_PER_DAY: f64 = 86_400_000.0;

/// The terms of one case, column by column, ready for FTS5.
#[derive(Debug, Default)]
struct Document {
    keys: BTreeSet<String>,
    words: BTreeSet<String>,
    stems: BTreeSet<String>,
    tails: BTreeSet<String>,
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
            if let Some(tail) = terms::tail(&stem) {
                self.tails.insert(tail);
            }
            self.stems.insert(stem);
        }
        self.words.insert(word);
    }

    fn column(terms: &BTreeSet<String>) -> String {
        terms.iter().map(String::as_str).collect::<Vec<_>>().join(" ")
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
    tx.prepare_cached("INSERT INTO case_search (rowid, keys, words, stems, tails) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![
            case_id,
            Document::column(&document.keys),
            Document::column(&document.words),
            Document::column(&document.stems),
            Document::column(&document.tails)
        ])?;
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

/// The FTS5 queries for what an agent typed: anywhere, and in names and references only.
/// `None` when the text holds nothing to search for.
fn match_expressions(query: &str) -> Option<(String, String)> {
    let tokens = query_tokens(query);
    if tokens.is_empty() {
        return None;
    }
    let anywhere = tokens.iter().map(|token| match token {
        Token::Word(word) => word_group(word),
        Token::Code(parts) => format!("keys : {}*", quote(&Token::joined(parts))),
    });
    let in_names = tokens.iter().map(|token| match token {
        Token::Word(word) => format!("keys : {}{}", quote(word), prefix_mark(word)),
        Token::Code(parts) => format!("keys : {}*", quote(&Token::joined(parts))),
    });
    Some((anywhere.collect::<Vec<_>>().join(" AND "), in_names.collect::<Vec<_>>().join(" AND ")))
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

/// Short prefixes would touch a large part of the index; such words are matched whole.
fn prefix_mark(word: &str) -> &'static str {
    if word.chars().count() >= 3 { "*" } else { "" }
}

/// Everything one typed word may match, ORed: a name or reference starting with it, a word
/// starting with it, the word itself, a word with the same stem, a word whose stem ends in its
/// stem. bm25 adds up the phrases a case matches, so an exact word outranks an inflection, which
/// outranks a compound that merely ends in it.
fn word_group(word: &str) -> String {
    let prefix = prefix_mark(word);
    let mut alternatives = vec![
        format!("keys : {}{prefix}", quote(word)),
        format!("words : {}{prefix}", quote(word)),
        format!("words : {}", quote(word)),
    ];
    let stems: BTreeSet<String> = Language::ALL.iter().filter_map(|language| terms::stem(word, *language)).collect();
    if !stems.is_empty() {
        let stem_terms: Vec<String> = stems.iter().map(|stem| quote(stem)).collect();
        alternatives.push(format!("stems : ({})", stem_terms.join(" OR ")));
        let tails: Vec<String> =
            stems.iter().filter_map(|stem| terms::tail(stem)).map(|tail| quote(&tail) + "*").collect();
        if !tails.is_empty() {
            alternatives.push(format!("tails : ({})", tails.join(" OR ")));
        }
    }
    format!("({})", alternatives.join(" OR "))
}

/// Terms are letters and digits only, but quoting keeps FTS5 from reading any of them as syntax.
fn quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// A matching case before ranking: bm25 (lower is better), when it was received, and whether
/// its names and references alone match the query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Candidate {
    pub id: i64,
    pub bm25: f64,
    pub received_at_millis: i64,
    pub names_match: bool,
}

/// Orders candidates best first: name and reference matches first, then relevance (-bm25)
/// divided by `1 + age in years`, age counted from the newest candidate so the order does not
/// depend on the wall clock.
pub(crate) fn rank(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let newest = candidates.iter().map(|candidate| candidate.received_at_millis).max().unwrap_or(0);
    let score = |candidate: &Candidate| {
        let age_years = (newest - candidate.received_at_millis) as f64 / MILLIS_PER_DAY / 365.0;
        -candidate.bm25 / (1.0 + age_years.max(0.0))
    };
    candidates.sort_by(|a, b| {
        b.names_match
            .cmp(&a.names_match)
            .then(score(b).total_cmp(&score(a)))
            .then(b.received_at_millis.cmp(&a.received_at_millis))
            .then(b.id.cmp(&a.id))
    });
    candidates
}

impl Store {
    /// Cases matching what an agent typed, best first. Empty or punctuation-only text gives no
    /// results; no input gives an error.
    pub fn search_cases(&self, query: &str, limit: u32) -> Result<Vec<CaseSummary>, StoreError> {
        let Some((anywhere, in_names)) = match_expressions(query) else {
            return Ok(Vec::new());
        };
        let limit = limit.clamp(1, MAX_RESULTS) as usize;
        let wanted = CANDIDATES.max(limit as u32);
        let names_match: HashSet<i64> = self
            .conn
            .prepare_cached("SELECT rowid FROM case_search WHERE case_search MATCH ?1 ORDER BY rowid DESC LIMIT ?2")?
            .query_map(params![in_names, wanted], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let sql = format!(
            "SELECT h.id, h.score, c.received_at
             FROM (SELECT rowid AS id, bm25(case_search, {}, {}, {}, {}) AS score
                   FROM case_search WHERE case_search MATCH ?1 ORDER BY rowid DESC LIMIT ?2) AS h
             JOIN cases c ON c.id = h.id",
            WEIGHTS[0], WEIGHTS[1], WEIGHTS[2], WEIGHTS[3]
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let candidates = statement
            .query_map(params![anywhere, wanted], |row| {
                let id = row.get(0)?;
                Ok(Candidate {
                    id,
                    bm25: row.get(1)?,
                    received_at_millis: row.get(2)?,
                    names_match: names_match.contains(&id),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rank(candidates).into_iter().take(limit).map(|candidate| self.case_summary(candidate.id)).collect()
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
