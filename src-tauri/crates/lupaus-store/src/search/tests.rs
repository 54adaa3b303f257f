//! What an agent typing into the search box must see, on a small desk of known cases.

use chrono::{DateTime, Duration, TimeZone, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::Actor;
use proptest::prelude::*;
use rstest::rstest;

use super::terms::{self, Token};
use super::{Tier, merge_tier, tier_expression};
use crate::Store;

fn day(n: usize) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).single().expect("valid time") + Duration::days(n as i64)
}

struct Case<'a> {
    customer: &'a str,
    description: &'a str,
    product_ref: Option<&'a str>,
}

const fn case<'a>(customer: &'a str, description: &'a str) -> Case<'a> {
    Case { customer, description, product_ref: None }
}

/// The desk: each case has its own customer, so a result is named by its customer.
const DESK: &[Case<'_>] = &[
    case("Aino Aalto", "Haluan tehdä reklamaatiota sohvan kankaasta."),
    case("Bertta Berg", "Mainitsin asian jo edellisessä reklamaatiossa."),
    case("Cecilia Carlsson", "Tämä on laatureklamaatio toimittajalle."),
    case("Daniel Dahl", "Laskutusvirhe: sama toimitusmaksu veloitettiin kahdesti."),
    case("Eetu Eskola", "Päätös tuli liian myöhään, eikä kukaan soittanut."),
    case("Fredrik Fors", "Tvättmaskinen läcker vatten och fakturan är fel."),
    case("Grace Green", "I was charged twice for the same order and I want a refund."),
    Case {
        customer: "Erik Lindqvist", description: "Toimitus myöhästyi viikolla.", product_ref: Some("Tilaus 88210")
    },
    case("Hanna Mäkinen", "Kahvinkeitin ei lämmitä vettä."),
    case("Iida Virtanen", "Imuri pitää kovaa ääntä."),
    case("Jaana Järvi", "Astianpesukoneessa on vika."),
];

fn filler(n: usize) -> Case<'static> {
    const NAMES: [&str; 6] =
        ["Olli Ojala", "Pia Peltola", "Raili Rantanen", "Sami Salo", "Tiina Toivonen", "Ulla Uusi"];
    case(NAMES[n % NAMES.len()], "Kahvinkeitin ei toimi ja asiakas haluaa uuden.")
}

fn intake(case: &Case<'_>) -> NewCase {
    NewCase {
        channel: Channel::Phone,
        customer: CustomerInput { name: case.customer.into(), email: None, phone: None, customer_number: None },
        product_ref: case.product_ref.map(str::to_owned),
        description: case.description.into(),
        requested_remedy: "Korjaus".into(),
        priority: Priority::Normal,
        category: None,
        tags: vec![],
        acknowledged: true,
        former_ref: None,
    }
}

/// The desk with every case in the search index.
fn desk() -> Store {
    let mut store = unindexed_desk();
    assert_eq!(store.index_new_cases().expect("indexed"), (DESK.len() + 30) as u64);
    store
}

/// The desk as saves leave it before the idle upkeep: no case in the search index yet.
fn unindexed_desk() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let agent = Actor::agent("Aino Agentti");
    for (n, case) in DESK.iter().enumerate() {
        store.create_case(intake(case).validate().expect("valid"), &agent, day(n)).expect("created");
    }
    // Unrelated cases, so that words on the desk's cases are rare enough to weigh something.
    for n in 0..30 {
        store.create_case(intake(&filler(n)).validate().expect("valid"), &agent, day(n)).expect("created");
    }
    store
}

fn found(store: &Store, query: &str) -> Vec<String> {
    store.search_cases(query, 50).expect("search never fails").into_iter().map(|case| case.customer_name).collect()
}

#[rstest]
// Finnish inflection and compounds.
#[case::base_form_finds_inflections_and_compound(
    "reklamaatio",
    &["Aino Aalto", "Bertta Berg", "Cecilia Carlsson"]
)]
#[case::inflected_query_finds_other_inflections("reklamaatiossa", &["Aino Aalto", "Bertta Berg", "Cecilia Carlsson"])]
#[case::compound_head_by_itself("virhe", &["Daniel Dahl"])]
#[case::compound_head_of_an_inflected_compound("kone", &["Jaana Järvi"])]
#[case::first_part_of_compound("laskutus", &["Daniel Dahl"])]
#[case::without_umlauts_finds_umlauts("paatos", &["Eetu Eskola"])]
#[case::with_umlauts("päätös", &["Eetu Eskola"])]
#[case::capitals("PÄÄTÖS", &["Eetu Eskola"])]
// Swedish and English.
#[case::swedish_compound("tvättmaskin", &["Fredrik Fors"])]
#[case::swedish_compound_head("maskin", &["Fredrik Fors"])]
#[case::swedish_inflection("faktura", &["Fredrik Fors"])]
#[case::english_stem("charges", &["Grace Green"])]
#[case::english_plural("refunds", &["Grace Green"])]
// Names and references.
#[case::customer_surname("Lindqvist", &["Erik Lindqvist"])]
#[case::customer_name_prefixes("erik lindq", &["Erik Lindqvist"])]
#[case::customer_name_without_umlauts("makinen", &["Hanna Mäkinen"])]
#[case::order_number("88210", &["Erik Lindqvist"])]
#[case::order_ref("Tilaus 88210", &["Erik Lindqvist"])]
#[case::two_words_must_both_match("kahvinkeitin lämmitä", &["Hanna Mäkinen"])]
#[case::no_match("polkupyörä", &[])]
// Typed syntax is text, never FTS5 syntax.
#[case::unbalanced_quote("\"laskutus", &["Daniel Dahl"])]
#[case::star_and_minus("-laskutus*", &["Daniel Dahl"])]
#[case::column_filter_is_text("words:laskutus", &[])]
fn finds(#[case] query: &str, #[case] expected: &[&str]) {
    let mut expected: Vec<String> = expected.iter().map(|name| name.to_string()).collect();
    expected.sort();
    // Through the index, and the instant the cases are saved (matched before the upkeep indexes
    // them): the same cases, in the same order.
    let indexed = found(&desk(), query);
    assert_eq!(found(&unindexed_desk(), query), indexed, "query {query:?}: saved but not yet indexed");
    let mut got = indexed;
    got.sort();
    assert_eq!(got, expected, "query {query:?}");
}

#[test]
fn a_case_is_found_the_moment_it_is_saved_and_after_it_is_indexed() {
    let mut store = desk();
    let agent = Actor::agent("Aino Agentti");
    let new = Case {
        customer: "Zacharias Zetterberg",
        description: "Pesukoneen luukku jäi jumiin.",
        product_ref: Some("WX-700"),
    };
    store.create_case(intake(&new).validate().expect("valid"), &agent, day(60)).expect("created");
    for query in ["Zetterberg", "zetter", "luukku", "luukun", "pesukone", "kone", "WX-700", "wx"] {
        assert_eq!(found(&store, query).first().map(String::as_str), Some("Zacharias Zetterberg"), "{query}");
    }
    assert_eq!(store.index_new_cases().expect("indexed"), 1);
    assert_eq!(store.index_new_cases().expect("nothing left"), 0);
    for query in ["Zetterberg", "zetter", "luukku", "luukun", "pesukone", "kone", "WX-700", "wx"] {
        assert_eq!(found(&store, query).first().map(String::as_str), Some("Zacharias Zetterberg"), "{query}");
    }
}

#[test]
fn reference_finds_its_case_whole_or_by_number() {
    let store = desk();
    let lindqvist = store.search_cases("Lindqvist", 1).expect("search").remove(0);
    let reference = lindqvist.reference.clone();
    let number = reference.rsplit('-').next().expect("number").to_owned();
    for query in [reference.clone(), reference.to_lowercase(), number.clone(), number.trim_start_matches('0').into()] {
        let results = store.search_cases(&query, 5).expect("search");
        assert_eq!(results.first().map(|case| &case.reference), Some(&reference), "query {query:?}");
    }
}

#[rstest]
#[case("")]
#[case("   \t\n")]
#[case("\"")]
#[case("*")]
#[case("-")]
#[case("(")]
#[case(")")]
#[case(":")]
#[case("\"*-():^{}[],.;!?")]
#[case("NOT")]
#[case("AND OR NOT")]
#[case("NEAR(a b, 3)")]
#[case("{keys words}: x")]
#[case("'; DROP TABLE cases; --")]
#[case("💥🔥")]
#[case("\u{0301}\u{0308}")]
#[case("a\u{0301}b ⓐⓑ 🅐🅑 ᦰ")]
fn hostile_or_empty_text_is_no_error(#[case] query: &str) {
    let store = desk();
    store.search_cases(query, 20).unwrap_or_else(|error| panic!("{query:?} failed: {error}"));
}

#[test]
fn punctuation_only_gives_nothing() {
    let store = desk();
    for query in ["", "  ", "\"", "*", "-", "(", ":", "--- ***"] {
        assert!(store.search_cases(query, 20).expect("search").is_empty(), "{query:?}");
    }
}

#[test]
fn exact_word_ranks_above_inflection_above_compound() {
    let mut store = Store::open_in_memory().expect("store");
    let agent = Actor::agent("Aino Agentti");
    let ranked = [
        case("Exact", "Reklamaatio koskee sohvaa."),
        case("Inflected", "Reklamaatiota koskee sohvaa."),
        case("Compound", "Laatureklamaatio koskee sohvaa."),
    ];
    // Oldest first, so relevance has to beat recency.
    for (n, case) in ranked.iter().enumerate() {
        store.create_case(intake(case).validate().expect("valid"), &agent, day(n)).expect("created");
    }
    for n in 0..30 {
        store.create_case(intake(&filler(n)).validate().expect("valid"), &agent, day(n)).expect("created");
    }
    assert_eq!(found(&store, "reklamaatio"), ["Exact", "Inflected", "Compound"]);
}

#[test]
fn customer_name_ranks_above_the_same_word_in_text() {
    let mut store = Store::open_in_memory().expect("store");
    let agent = Actor::agent("Aino Agentti");
    let cases = [
        case("Iida Virtanen", "Imuri pitää kovaa ääntä."),
        case("Olli Ojala", "Soitin Virtaselle ja Virtanen lupasi."),
    ];
    for (n, case) in cases.iter().enumerate() {
        store.create_case(intake(case).validate().expect("valid"), &agent, day(n)).expect("created");
    }
    for n in 0..30 {
        store.create_case(intake(&filler(n + 1)).validate().expect("valid"), &agent, day(n)).expect("created");
    }
    assert_eq!(found(&store, "virtanen").first().map(String::as_str), Some("Iida Virtanen"));
}

#[test]
fn among_equally_good_matches_the_latest_received_comes_first() {
    let mut store = Store::open_in_memory().expect("store");
    let agent = Actor::agent("Aino Agentti");
    for (n, name) in ["Older", "Newest", "Middle"].iter().enumerate() {
        let at = day([0, 40, 20][n]);
        store
            .create_case(intake(&case(name, "Pesukone vuotaa.")).validate().expect("valid"), &agent, at)
            .expect("created");
    }
    assert_eq!(found(&store, "pesukone"), ["Newest", "Middle", "Older"]);
}

#[test]
fn later_tiers_are_asked_only_while_the_page_has_room() {
    let mut store = Store::open_in_memory().expect("store");
    let agent = Actor::agent("Aino Agentti");
    // The compound is the newest, yet a page of one holds the exact word.
    let cases = [case("Exact", "Reklamaatio koskee sohvaa."), case("Compound", "Laatureklamaatio koskee sohvaa.")];
    for (n, case) in cases.iter().enumerate() {
        store.create_case(intake(case).validate().expect("valid"), &agent, day(n)).expect("created");
    }
    let first: Vec<String> =
        store.search_cases("reklamaatio", 1).expect("search").into_iter().map(|case| case.customer_name).collect();
    assert_eq!(first, ["Exact"]);
    assert_eq!(found(&store, "reklamaatio"), ["Exact", "Compound"]);
}

#[test]
fn merging_keeps_earlier_tiers_first_without_repeats() {
    let mut found = vec![(Tier::Names, 7), (Tier::Names, 3)];
    merge_tier(&mut found, Tier::Words, [9, 7, 8, 3, 1], 4);
    assert_eq!(found, [(Tier::Names, 7), (Tier::Names, 3), (Tier::Words, 9), (Tier::Words, 8)]);
}

#[rstest]
#[case::names_are_exact("laskutus", Tier::Names, r#""1laskutus""#)]
#[case::words_are_exact("laskutus", Tier::Words, r#"("1laskutus" OR "2laskutus")"#)]
#[case::inflections_add_stems_and_gradation_keys(
    "lasku",
    Tier::Inflections,
    r#"("1lasku" OR "2lasku" OR "7lask" OR "3lasku")"#
)]
#[case::beginnings_are_stored_prefixes(
    "lindq",
    Tier::Beginnings,
    r#"("1lindq" OR "2lindq" OR "7lintq" OR "5lindq" OR "3lindq")"#
)]
#[case::compounds_add_stored_endings(
    "virhe",
    Tier::Compounds,
    r#"("1virhe" OR "2virhe" OR "7virh" OR "5virhe" OR "4virh" OR "4virhe" OR "3virh")"#
)]
#[case::short_words_are_never_prefixes("ab", Tier::Compounds, r#"("1ab" OR "2ab")"#)]
#[case::codes_are_prefixes_at_every_tier("R-2026-0001", Tier::Names, r#""1r20260001"*"#)]
#[case::typed_syntax_is_quoted("\"lasku\" OR b*", Tier::Words, r#"("1lasku" OR "2lasku") AND ("1b" OR "2b")"#)]
fn tier_expressions(#[case] query: &str, #[case] tier: Tier, #[case] expected: &str) {
    assert_eq!(tier_expression(&super::query_tokens(query), tier), expected);
}

#[test]
fn a_forgotten_case_is_not_found_until_it_is_indexed_again() {
    let mut store = desk();
    let id = store.search_cases("Lindqvist", 1).expect("search")[0].id;
    store.write(|tx| super::forget_case(tx, id)).expect("forget");
    assert!(found(&store, "Lindqvist").is_empty());
    let morphology = store.morphology();
    store.write(|tx| super::reindex_case(tx, id, morphology)).expect("reindex");
    assert_eq!(found(&store, "Lindqvist"), ["Erik Lindqvist"]);
}

#[test]
fn search_survives_a_rebuild_and_forgets_nothing() {
    let mut store = desk();
    let before = found(&store, "reklamaatio");
    assert_eq!(store.rebuild_search_index().expect("rebuild"), (DESK.len() + 30) as u64);
    assert_eq!(found(&store, "reklamaatio"), before);
}

#[rstest]
#[case("R-2026-000123", &[Token::Code(vec!["r".into(), "2026".into(), "000123".into()])])]
#[case("Päätös, WX-700!", &[Token::Word("paatos".into()), Token::Code(vec!["wx".into(), "700".into()])])]
#[case("e-mail", &[Token::Word("e".into()), Token::Word("mail".into())])]
#[case("ﬁnal Ⓐ", &[Token::Word("final".into()), Token::Word("a".into())])]
fn tokens(#[case] text: &str, #[case] expected: &[Token]) {
    assert_eq!(terms::tokens(text), expected);
}

#[test]
fn beginnings_and_endings() {
    assert_eq!(terms::beginnings("lasku").collect::<Vec<_>>(), ["las", "lask"]);
    assert_eq!(
        terms::beginnings("päätöksestä").collect::<Vec<_>>(),
        ["pää", "päät", "päätö", "päätök", "päätöks", "päätökse", "päätökses", "päätöksest"]
    );
    assert_eq!(
        terms::beginnings("abcdefghijklmnopqrstuvwxyz").last(),
        Some("abcdefghijklmnopqrst"),
        "at most 20 letters"
    );
    assert!(terms::beginnings("ab").next().is_none());
    assert!(terms::endings("virhe").next().is_none(), "too short to be a compound");
    let endings: Vec<&str> = terms::endings("laatureklamaatio").collect();
    assert!(endings.contains(&"reklamaatio") && endings.contains(&"tio"), "{endings:?}");
    assert!(!endings.contains(&"laatureklamaatio") && !endings.contains(&"io"));
    assert_eq!(terms::endings("pesukäs").collect::<Vec<_>>(), ["esukäs", "sukäs", "ukäs", "käs"]);
}

#[test]
fn code_keys_cover_what_people_type() {
    let keys = terms::code_keys(&["r".into(), "2026".into(), "000123".into()]);
    for key in ["r2026000123", "2026000123", "000123", "123"] {
        assert!(keys.contains(&key.to_owned()), "{key} in {keys:?}");
    }
}

/// Every code point, folded into a term, is a single token for FTS5's `unicode61`, so indexed and
/// typed terms line up and a quoted term is never split into a phrase. Probed on a scratch table
/// without positions, where a split term is an error.
#[test]
fn every_code_point_is_one_token() {
    let conn = rusqlite::Connection::open_in_memory().expect("connection");
    conn.execute_batch(
        "CREATE VIRTUAL TABLE probe USING fts5 (a, tokenize = 'unicode61 remove_diacritics 0', detail = column)",
    )
    .expect("probe table");
    let splits = |expression: &str| {
        conn.query_row("SELECT count(*) FROM probe WHERE probe MATCH ?1", [expression], |row| row.get::<_, i64>(0))
            .is_err()
    };
    let terms: Vec<String> = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .map(|c| terms::fold(&format!("a{c}b")))
        .filter(|term| term.chars().count() > 2)
        .collect();
    for chunk in terms.chunks(500) {
        let expression = chunk.iter().map(|term| format!("\"{term}\"")).collect::<Vec<_>>().join(" OR ");
        if splits(&expression) {
            let split: Vec<String> = chunk
                .iter()
                .filter(|term| splits(&format!("\"{term}\"")))
                .map(|term| term.chars().map(|c| format!("U+{:04X}", c as u32)).collect::<Vec<_>>().join(" "))
                .collect();
            panic!("terms FTS5 splits: {split:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
    #[test]
    fn any_text_searches_without_error(query in "\\PC{0,40}") {
        let store = Store::open_in_memory().expect("store");
        prop_assert!(store.search_cases(&query, 10).is_ok());
    }

    #[test]
    fn any_syntax_soup_searches_without_error(query in "[\"*()\\-:^{}+ a-zA-ZäöÅ0-9]{0,30}") {
        let store = Store::open_in_memory().expect("store");
        prop_assert!(store.search_cases(&query, 10).is_ok());
    }
}
