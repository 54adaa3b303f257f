//! The desk's read paths, timed through the store's public API on values taken from the data:
//! case list pages, full-text search against `LIKE '%text%'` on a second connection, and the
//! customer look-up. Also the size of each part of the file, and the query plans compared with
//! a small database made by the same generator.

use chrono::{DateTime, Utc};
use lupaus_store::cases::CaseListQuery;
use lupaus_store::plans::HotQueryPlan;
use lupaus_store::search::Morphology;
use lupaus_store::{Store, StoreError};
use rusqlite::Connection;

use super::measure::{Stats, repeat};
use super::rng::Rng;
use super::{LIST_PAGE, SEARCH_PAGE, SMALL_CASES, SearchQuery, Size, Variant, generate};

/// Real values for the queries: names, references and order numbers of random cases.
pub struct Samples {
    names: Vec<String>,
    references: Vec<String>,
    orders: Vec<String>,
    owner: String,
    middle_case: i64,
}

pub fn samples(raw: &Connection, seed: u64) -> Result<Samples, StoreError> {
    let max: i64 = raw.query_row("SELECT max(id) FROM cases", [], |row| row.get(0))?;
    let mut rng = Rng::new(seed ^ 0xBE4C);
    let mut statement = raw.prepare(
        "SELECT cu.name, c.ref_year, c.ref_number, c.state_json FROM cases c JOIN customers cu ON cu.id = c.customer_id
         WHERE c.id >= ?1 ORDER BY c.id LIMIT 1",
    )?;
    let (mut names, mut references, mut orders) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..64 {
        let id = 1 + rng.below(max.max(1) as u64) as i64;
        let (name, year, number, json): (String, i32, u32, String) =
            statement.query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?;
        names.push(name);
        references.push(lupaus_core::case::CaseRef { year, number }.to_string());
        let state: serde_json::Value =
            serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(error.to_string()))?;
        if let Some(product) = state["intake"]["product_ref"].as_str() {
            // The number or model part, as an agent would type it from an e-mail.
            orders.push(product.rsplit(' ').next().unwrap_or(product).to_owned());
        }
    }
    let owner: String =
        raw.query_row("SELECT owner FROM cases ORDER BY received_at DESC, id DESC LIMIT 1", [], |row| row.get(0))?;
    let middle_case: i64 =
        raw.query_row("SELECT id FROM cases WHERE id >= ?1 ORDER BY id LIMIT 1", [max / 2], |row| row.get(0))?;
    Ok(Samples { names, references, orders, owner, middle_case })
}

/// `find_customers` with the first four letters of a customer's name as an agent types them:
/// common first names match tens of thousands of customers.
pub fn customer_look_up(store: &Store, samples: &Samples) -> Result<Stats, StoreError> {
    let prefix = |n: usize| samples.names[n % samples.names.len()].chars().take(4).collect::<String>();
    repeat(10, |n| store.find_customers(&prefix(n), 20))?;
    Ok(Stats::of(repeat(200, |n| store.find_customers(&prefix(n), 20))?))
}

pub fn list_variants(store: &Store, samples: &Samples) -> Result<Vec<Variant>, StoreError> {
    let owner = Some(samples.owner.clone());
    let deep = Some(samples.middle_case);
    let solving = Some("solving".to_owned());
    let closed = Some("closed".to_owned());
    // (name, stage, owner, after_id)
    type ListVariant<'a> = (&'a str, Option<String>, Option<String>, Option<i64>);
    let variants: Vec<ListVariant<'_>> = vec![
        ("newest, first page", None, None, None),
        ("newest, deep page", None, None, deep),
        ("stage solving, first page", solving.clone(), None, None),
        ("stage solving, deep page", solving.clone(), None, deep),
        ("stage closed, first page", closed.clone(), None, None),
        ("stage closed, deep page", closed, None, deep),
        ("owner, first page", None, owner.clone(), None),
        ("owner, deep page", None, owner.clone(), deep),
        ("stage solving and owner, first page", solving, owner, None),
    ];
    let mut measured = Vec::new();
    for (name, stage, owner, after_id) in variants {
        let query = CaseListQuery { stage, owner, limit: Some(LIST_PAGE), after_id };
        let rows = store.list_cases(&query)?.len();
        repeat(3, |_| store.list_cases(&query))?;
        let stats = Stats::of(repeat(40, |_| store.list_cases(&query))?);
        measured.push(Variant { name: name.to_owned(), rows, stats });
    }
    Ok(measured)
}

type Pick<'a> = Box<dyn Fn(usize) -> String + 'a>;

/// The kinds of query an agent types: (label, the text of the n-th repetition, whether LIKE has
/// an equivalent).
fn search_kinds(samples: &Samples) -> Vec<(&'static str, Pick<'_>, bool)> {
    let fixed = |text: &'static str| -> Pick<'_> { Box::new(move |_| text.to_owned()) };
    vec![
        ("common word, all inflections and compounds", fixed("reklamaatio"), true),
        ("half-typed common word", fixed("rekla"), true),
        ("first part of compounds", fixed("laskutus"), true),
        ("last part of compounds", fixed("kone"), true),
        ("typed without umlauts", fixed("paatos"), true),
        ("two words", fixed("pesukone vuotaa"), true),
        ("English", fixed("refund charged"), true),
        ("Swedish", fixed("fakturan"), true),
        ("customer name", Box::new(|n| samples.names[n % samples.names.len()].clone()), true),
        (
            "half-typed customer name",
            Box::new(|n| {
                let name = &samples.names[n % samples.names.len()];
                let (first, last) = name.rsplit_once(' ').unwrap_or((name, ""));
                format!("{first} {}", last.chars().take(4).collect::<String>())
            }),
            true,
        ),
        ("order, invoice or model number", Box::new(|n| samples.orders[n % samples.orders.len()].clone()), true),
        ("case reference", Box::new(|n| samples.references[n % samples.references.len()].clone()), false),
        ("FTS syntax typed by an agent", fixed("\"laskutus* (- OR:"), false),
    ]
}

/// One query kind's timings with one morphology (`bench --only search`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct MorphologySearch {
    pub morphology: &'static str,
    pub label: String,
    pub example: String,
    pub hits: usize,
    pub stats: Stats,
}

/// Every query kind timed with the store's morphology and then with Snowball, on the same
/// database in the same run: what Voikko's base forms cost at query time, side by side.
pub fn search_by_morphology(store: &mut Store, samples: &Samples) -> Result<Vec<MorphologySearch>, StoreError> {
    let mut morphologies = vec![store.morphology()];
    if store.morphology() != Morphology::Snowball {
        morphologies.push(Morphology::Snowball);
    }
    let mut measured = Vec::new();
    for morphology in morphologies {
        store.set_morphology(morphology);
        for (label, pick, _) in search_kinds(samples) {
            let hits = store.search_cases(&pick(0), SEARCH_PAGE)?.len();
            repeat(3, |n| store.search_cases(&pick(n), SEARCH_PAGE))?;
            let stats = Stats::of(repeat(40, |n| store.search_cases(&pick(n), SEARCH_PAGE))?);
            measured.push(MorphologySearch {
                morphology: morphology.name(),
                label: label.to_owned(),
                example: pick(0),
                hits,
                stats,
            });
        }
    }
    Ok(measured)
}

pub fn search_queries(store: &Store, raw: &Connection, samples: &Samples) -> Result<Vec<SearchQuery>, StoreError> {
    let queries = search_kinds(samples);
    let mut like_all = raw.prepare("SELECT id FROM cases WHERE state_json LIKE ?1")?;
    let mut like_newest =
        raw.prepare("SELECT id FROM cases WHERE state_json LIKE ?1 ORDER BY received_at DESC, id DESC LIMIT 20")?;
    let mut measured = Vec::new();
    for (label, pick, comparable) in queries {
        let hits = store.search_cases(&pick(0), SEARCH_PAGE)?.len();
        repeat(3, |n| store.search_cases(&pick(n), SEARCH_PAGE))?;
        let stats = Stats::of(repeat(20, |n| store.search_cases(&pick(n), SEARCH_PAGE))?);
        let like = |statement: &mut rusqlite::Statement<'_>| -> Result<Option<Stats>, StoreError> {
            if !comparable {
                return Ok(None);
            }
            let timings = repeat(3, |n| {
                let pattern = format!("%{}%", pick(n));
                let ids = statement.query_map([pattern], |row| row.get::<_, i64>(0))?;
                ids.collect::<Result<Vec<_>, _>>().map_err(StoreError::from)
            })?;
            Ok(Some(Stats::of(timings)))
        };
        let (like, like_newest) = (like(&mut like_all)?, like(&mut like_newest)?);
        measured.push(SearchQuery { label: label.to_owned(), example: pick(0), hits, stats, like, like_newest });
    }
    Ok(measured)
}

pub fn size(raw: &Connection, path: &std::path::Path) -> Result<Size, StoreError> {
    let file_bytes = std::fs::metadata(path).map(|meta| meta.len()).unwrap_or(0);
    let wal_bytes = std::fs::metadata(format!("{}-wal", path.display())).map(|meta| meta.len()).unwrap_or(0);
    let cases: i64 = raw.query_row("SELECT count(*) FROM cases", [], |row| row.get(0))?;
    let mut statement = raw.prepare(
        "SELECT CASE WHEN s.tbl_name LIKE 'case_search%' THEN 'search index (case_search)'
                     WHEN s.tbl_name IS NULL THEN d.name ELSE s.tbl_name END AS part,
                SUM(d.pgsize)
         FROM dbstat d LEFT JOIN sqlite_schema s ON s.name = d.name
         GROUP BY part ORDER BY 2 DESC",
    )?;
    let parts = statement
        .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)? as u64)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Size { file_bytes, wal_bytes, per_case_bytes: file_bytes as f64 / cases.max(1) as f64, parts })
}

/// The same hot queries on a small database made by the same generator: the guard-rail test runs
/// at that size, so its plans must be the ones a large desk gets.
pub fn compare_plans(large: &[HotQueryPlan], seed: u64, now: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
    let mut small = Store::open_in_memory()?;
    generate::generate(&mut small, SMALL_CASES, seed, now, |_, _| {})?;
    small.analyze()?;
    let small = small.hot_query_plans(now)?;
    let lines = |plan: &HotQueryPlan| plan.statements.iter().map(|s| s.plan.clone()).collect::<Vec<_>>();
    Ok(large
        .iter()
        .filter(|plan| small.iter().find(|other| other.name == plan.name).map(lines) != Some(lines(plan)))
        .map(|plan| plan.name.clone())
        .collect())
}
