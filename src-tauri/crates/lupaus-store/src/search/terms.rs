//! Text to search terms, the same way for what is indexed and what an agent types.
//!
//! - **Folding**: compatibility decomposition (NFKD), combining marks dropped, lowercase. "Päätös",
//!   "PAATOS" and "paatos" become one term, so a query typed without ä/ö/å finds them. Only the
//!   index is folded; stored and displayed text keeps its letters.
//! - **Words and codes**: letters and digits make words. Parts joined by `-` `/` `.` `_` `:` `#`
//!   with a digit among them make a code (`R-2026-000123`, `WX-700`, `2026-11873`), indexed whole
//!   and from every part on, so `000123` and `2026-000123` find it too.
//! - **Stems**: Snowball (Finnish, Swedish, English). A document is stemmed in the language its
//!   stop words suggest (Finnish when unsure); a query in all three, since it is too short to tell.
//! - **Beginnings**: every proper prefix of a word or name from three letters on, so a word half
//!   typed, or the first part of a compound (`laskutus` in `laskutusvirhe`), is one exact lookup.
//! - **Endings**: every proper suffix, from three letters on, of a word or stem long enough to be
//!   a compound (the stemmer trims `pesukone` to `pesukon` but leaves `kone` whole, so both): the last part of a compound is the part that names the thing in Finnish and
//!   Swedish (`laatureklamaatio` is a `reklamaatio`, `tvättmaskin` a `maskin`).
//!
//! Beginnings and endings are stored rather than asked for with FTS5 prefix queries, because
//! FTS5 merges every posting of every matching term before it returns the first row: 50 ms for
//! a half-typed common word on a million cases, against well under one for an exact term.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longer "words" (pasted hashes, base64) are skipped: nobody types them.
const MAX_TERM_CHARS: usize = 48;
/// Stems below this length match too much to be useful.
const MIN_STEM_CHARS: usize = 3;
const MIN_GRADATION_KEY_CHARS: usize = 4;
/// The shortest beginning stored, and the longest (a prefix longer than this is a whole word).
pub(crate) const MIN_BEGINNING_CHARS: usize = 3;
const MAX_BEGINNING_CHARS: usize = 20;
/// The shortest compound part, and the shortest word that may be a compound of two parts.
const MIN_ENDING_CHARS: usize = 3;
const MIN_COMPOUND_CHARS: usize = 6;
const JOINERS: [char; 6] = ['-', '/', '.', '_', ':', '#'];

/// One unit of text: a plain word, or a code whose parts were joined by punctuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token {
    Word(String),
    Code(Vec<String>),
}

impl Token {
    /// A code's parts joined: `R-2026-000123` → `r2026000123`.
    pub(crate) fn joined(parts: &[String]) -> String {
        parts.concat()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    Finnish,
    Swedish,
    English,
}

impl Language {
    pub(crate) const ALL: [Language; 3] = [Language::Finnish, Language::Swedish, Language::English];

    fn stemmer(self) -> Stemmer {
        Stemmer::create(match self {
            Language::Finnish => Algorithm::Finnish,
            Language::Swedish => Algorithm::Swedish,
            Language::English => Algorithm::English,
        })
    }

    fn stop_words(self) -> &'static [&'static str] {
        // Folded forms. Words shared by two languages ("en", "on", "i") are left out.
        match self {
            Language::Finnish => &[
                "ja", "ei", "se", "etta", "oli", "kun", "mutta", "tai", "myos", "jo", "ole", "olen", "ollut", "niin",
                "kuin", "viela", "nyt", "sen", "sita", "siita", "mita", "koska", "joka", "ovat", "vaan", "vain",
                "eika", "meille", "minulle", "tama", "taman", "sain", "mina", "on",
            ],
            Language::Swedish => &[
                "och", "ar", "att", "inte", "det", "jag", "har", "som", "med", "pa", "for", "av", "till", "ett", "den",
                "var", "om", "men", "kan", "efter", "redan", "min", "mitt", "fick", "eller",
            ],
            Language::English => &[
                "the", "and", "is", "was", "to", "of", "my", "it", "not", "for", "with", "but", "have", "has", "this",
                "that", "me", "you", "your", "we", "they", "were", "been", "or", "a",
            ],
        }
    }
}

/// Whether FTS5's `unicode61` tokenizer keeps `c` inside a token. It splits at combining marks
/// and at a few letter-like symbols that Rust counts as alphabetic; dropping those here keeps one
/// term one FTS5 token, so a quoted query term never turns into a phrase. The ranges were found by
/// probing the bundled SQLite with every code point (test `every_code_point_is_one_token`).
fn is_term_char(c: char) -> bool {
    c.is_alphanumeric()
        && !is_combining_mark(c)
        && !matches!(c as u32, 0x19B0..=0x19C9 | 0x1CF2..=0x1CF3 | 0x1F130..=0x1F189)
}

/// `Päätös` → `paatos`: what every term is made of.
pub(crate) fn fold(text: &str) -> String {
    // Most words are plain ASCII, where folding is lowercasing: skip the Unicode machinery.
    if text.is_ascii() {
        return text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    }
    text.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).filter(|c| is_term_char(*c)).collect()
}

/// Splits `text` into words and codes, folded. Punctuation never reaches FTS5.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for segment in text.split(|c: char| !(c.is_alphanumeric() || JOINERS.contains(&c) || is_combining_mark(c))) {
        let parts: Vec<String> = segment
            .split(JOINERS)
            .map(fold)
            .filter(|part| !part.is_empty() && part.chars().count() <= MAX_TERM_CHARS)
            .collect();
        if parts.len() > 1 && parts.iter().any(|part| part.chars().any(|c| c.is_ascii_digit())) {
            tokens.push(Token::Code(parts));
        } else {
            tokens.extend(parts.into_iter().map(Token::Word));
        }
    }
    tokens
}

pub(crate) fn is_stop_word(word: &str) -> bool {
    Language::ALL.iter().any(|language| language.stop_words().contains(&word))
}

/// The language whose stop words `words` use most; Finnish when none stands out.
pub(crate) fn guess_language<'a>(words: impl Iterator<Item = &'a str>) -> Language {
    let mut counts = [0usize; 3];
    for word in words {
        for (index, language) in Language::ALL.iter().enumerate() {
            if language.stop_words().contains(&word) {
                counts[index] += 1;
            }
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    if best == 0 || counts[0] == best {
        return Language::Finnish;
    }
    if counts[1] == best { Language::Swedish } else { Language::English }
}

/// The stem of a folded word in `language`, or `None` for words too short to stem.
pub(crate) fn stem(word: &str, language: Language) -> Option<String> {
    if word.chars().count() < MIN_STEM_CHARS || word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(language.stemmer().stem(word).into_owned())
}

/// A Finnish Snowball stem with consonant gradation and the commonest stem changes undone, for
/// desks without Voikko: `pöydä`/`pöytä` → `poyt`, `vastauks`/`vastaus`/`vastau` → `vasta`,
/// `puhelim`/`puhel` → `puhel`, `keng`/`kenk` → `kenk`. Lossy on purpose (it only has to make
/// a word's forms meet); `None` when it would leave fewer than four letters, which would make
/// short words meet (`takuu` and `takki` both `tak`).
pub(crate) fn gradation_key(stem: &str) -> Option<String> {
    let mut key = stem.to_owned();
    // -us/-ys/-os words: `vastauksen` stems to `vastauks`, `vastausta` to `vastau`.
    if key.ends_with("ks") {
        key.truncate(key.len() - 2);
        key.push('s');
    }
    // -in words: `puhelimen` stems to `puhelim`, `puhelin` to `puhel`.
    for ending in ["im", "in"] {
        if key.len() > 4 && key.ends_with(ending) {
            key.truncate(key.len() - 2);
        }
    }
    // Strong and weak grades read alike: nk/ng, t/d, and double consonants single.
    let key = key.replace("ng", "nk").replace('d', "t");
    let mut folded = String::with_capacity(key.len());
    for c in key.chars() {
        if !folded.ends_with(c) || is_vowel(c) {
            folded.push(c);
        }
    }
    if folded.len() > 4 && folded.ends_with('s') {
        folded.pop();
    }
    if folded.len() > 2 && folded.ends_with(is_vowel) {
        folded.pop();
    }
    (folded.chars().count() >= MIN_GRADATION_KEY_CHARS).then_some(folded)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// The proper prefixes of `word` worth storing: `laskutus` → `las lask lasku laskut laskutu`.
/// Slices of `word`, so a case's few hundred terms cost no allocation each.
pub(crate) fn beginnings(word: &str) -> impl Iterator<Item = &str> {
    // Char k starts where the prefix of k chars ends; only chars before the last make proper prefixes.
    word.char_indices()
        .skip(MIN_BEGINNING_CHARS)
        .take(MAX_BEGINNING_CHARS + 1 - MIN_BEGINNING_CHARS)
        .map(move |(end, _)| &word[..end])
}

/// The proper suffixes of a word or stem that may be a compound's last part:
/// `laatureklamaatio` → `aatureklamaatio … reklamaatio … tio`; none for words too short to be
/// compounds.
pub(crate) fn endings(word: &str) -> impl Iterator<Item = &str> {
    let chars = word.chars().count();
    let count = if chars < MIN_COMPOUND_CHARS { 0 } else { chars - MIN_ENDING_CHARS };
    word.char_indices().skip(1).take(count).map(move |(start, _)| &word[start..])
}

/// Whether a typed word or stem can be looked up among endings.
pub(crate) fn is_ending_length(word: &str) -> bool {
    word.chars().count() >= MIN_ENDING_CHARS
}

/// Every way a code can be looked up: whole, from each part on, each part, and numbers without
/// leading zeros (`R-2026-000123` → `r2026000123 2026000123 000123 r 2026 123`).
pub(crate) fn code_keys(parts: &[String]) -> Vec<String> {
    let mut keys = Vec::with_capacity(parts.len() * 2 + 1);
    for start in 0..parts.len() {
        keys.push(Token::joined(&parts[start..]));
    }
    for part in parts {
        keys.push(part.clone());
        let trimmed = part.trim_start_matches('0');
        if trimmed.len() != part.len() && !trimmed.is_empty() && part.chars().all(|c| c.is_ascii_digit()) {
            keys.push(trimmed.to_owned());
        }
    }
    keys
}
