//! `lupaus-cli bench`: does Lupaus stay instant with ten years of a big desk's history?
//!
//! Builds (or reuses) a database of generated cases through the store's own insert code, then
//! times the desk's hot paths through the store's public API, the way the app calls them, and
//! writes a Markdown report with each number against its target. Generation runs with
//! `synchronous=OFF` per batch; every measured write runs with the desk's `synchronous=FULL`.
//! The two baselines (a bare INSERT and a `LIKE '%term%'` search) run on a second connection.

mod corpus;
mod generate;
mod machine;
mod measure;
mod report;
mod rng;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use clap::Args;
use lupaus_core::CoreError;
use lupaus_core::lifecycle::Actor;
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_store::cases::CaseListQuery;
use lupaus_store::plans::HotQueryPlan;
use lupaus_store::{Store, StoreError};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use machine::Machine;
use measure::{Stats, repeat, time};
use rng::Rng;

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Cases to generate, two promises each. A bench database that already holds them is reused.
    #[arg(long, default_value_t = 1_000_000)]
    pub cases: u64,
    /// Where to write the report.
    #[arg(long, default_value = "BENCHMARKS.md")]
    pub out: PathBuf,
    /// Seed of the generator: the same seed gives the same database.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

/// Cases in the small database whose query plans are compared with the large one's.
const SMALL_CASES: u64 = 3_000;
const LIST_PAGE: u32 = 100;
const SEARCH_PAGE: u32 = 20;

/// What was measured on, and how it was made.
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    pub cases: i64,
    pub customers: i64,
    pub promises: i64,
    pub case_events: i64,
    pub promise_events: i64,
    pub open_promises: i64,
    pub overdue_promises: i64,
    pub generated_now: bool,
    pub generation_seconds: f64,
    /// The "now" the data was generated against; measurements use it too.
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Variant {
    pub name: String,
    pub rows: usize,
    pub stats: Stats,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchQuery {
    pub label: String,
    pub example: String,
    pub hits: usize,
    pub stats: Stats,
    /// The same text with `LIKE '%text%'` over the stored cases, finding every match (what
    /// ranking or a result count needs); `None` where LIKE has no equivalent (a case reference is
    /// not in the stored text).
    pub like: Option<Stats>,
    /// The same LIKE stopping at the newest 20 matches: fast for very common words, which it
    /// finds among the newest few cases.
    pub like_newest: Option<Stats>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Size {
    pub file_bytes: u64,
    pub wal_bytes: u64,
    pub per_case_bytes: f64,
    /// Bytes per part of the schema (table with its indexes), largest first.
    pub parts: Vec<(String, u64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Measurements {
    pub intake: Stats,
    pub bare_insert: Stats,
    /// WAL pages one commit writes: every B-tree page the save touches, plus the commit record.
    pub intake_wal_pages: u64,
    pub bare_insert_wal_pages: u64,
    pub lead_view: Stats,
    pub lead_view_rows: usize,
    pub lists: Vec<Variant>,
    pub search: Vec<SearchQuery>,
    pub next_reminder: Stats,
    pub customer_lookup: Stats,
    pub size: Size,
    pub plans: Vec<HotQueryPlan>,
    /// Hot queries whose plan differs between the small and the large database.
    pub plans_differing_at_small_scale: Vec<String>,
}

/// One line of the summary table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub measure: String,
    pub target: String,
    pub stats: Option<Stats>,
    pub verdict: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub machine: Machine,
    pub dataset: Dataset,
    pub rows: Vec<Row>,
    pub measurements: Measurements,
}

pub fn run(path: &Path, args: &BenchArgs, now: DateTime<Utc>) -> Result<BenchReport, StoreError> {
    let raw = Connection::open(path)?;
    let (generated_now, generation_seconds, now) = prepare(&raw, path, args, now)?;
    raw.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    let mut store = Store::open(path)?;
    store.analyze()?;
    let dataset = dataset(&raw, generated_now, generation_seconds, now)?;
    eprintln!("Measuring on {} cases…", dataset.cases);
    let measurements = measure_all(&mut store, &raw, path, args.seed, now)?;
    let machine = machine::describe(path, Utc::now());
    let rows = report::rows(&dataset, &measurements);
    let report = BenchReport { machine, dataset, rows, measurements };
    std::fs::write(&args.out, report::markdown(&report, path))?;
    Ok(report)
}

/// Generates the database, or checks that the one given is a finished bench database of the
/// size asked for. Returns whether it generated, how long generation took, and the data's "now".
fn prepare(
    raw: &Connection,
    path: &Path,
    args: &BenchArgs,
    now: DateTime<Utc>,
) -> Result<(bool, f64, DateTime<Utc>), StoreError> {
    let refuse = |message: String| -> StoreError { CoreError::invalid("db", message).into() };
    let is_bench: bool =
        raw.query_row("SELECT count(*) > 0 FROM sqlite_schema WHERE name = 'bench_meta'", [], |row| row.get(0))?;
    let cases: i64 = raw.query_row("SELECT count(*) FROM cases", [], |row| row.get(0))?;
    if is_bench {
        let meta = |key: &str| -> Result<Option<String>, StoreError> {
            Ok(raw.query_row("SELECT value FROM bench_meta WHERE key = ?1", [key], |row| row.get(0)).optional()?)
        };
        let generated: Option<u64> = meta("cases")?.and_then(|value| value.parse().ok());
        if generated != Some(args.cases) {
            return Err(refuse(format!(
                "{} is a bench database with {} generated cases (or an unfinished one); give --db a new file to bench {} cases.",
                path.display(),
                generated.map_or_else(|| "no finished".to_owned(), |n| n.to_string()),
                args.cases
            )));
        }
        let seconds = meta("seconds")?.and_then(|value| value.parse().ok()).unwrap_or(0.0);
        let then = meta("now_ms")?
            .and_then(|value| value.parse().ok())
            .and_then(DateTime::from_timestamp_millis)
            .unwrap_or(now);
        eprintln!("Reusing the {} generated cases in {}.", args.cases, path.display());
        return Ok((false, seconds, then));
    }
    if cases > 0 {
        return Err(refuse(format!(
            "{} already holds {cases} cases that the bench did not make; the bench fills a database of its own. Give --db a new file.",
            path.display()
        )));
    }
    raw.execute_batch(
        "CREATE TABLE bench_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
         CREATE TABLE bench_baseline (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, payload TEXT NOT NULL) STRICT;",
    )?;
    let mut store = Store::open(path)?;
    store.set_cache_size_kib(256 * 1024)?;
    eprintln!("Generating {} cases into {}…", args.cases, path.display());
    let step = (args.cases / 20).max(1);
    let mut reported = 0;
    let generated = generate::generate(&mut store, args.cases, args.seed, now, |done, seconds| {
        if done >= reported + step || done == args.cases {
            reported = done;
            eprintln!("  {done} cases, {seconds:.0} s, {:.0} cases/s", done as f64 / seconds.max(1e-9));
        }
    })?;
    drop(store);
    let mut insert = raw.prepare("INSERT INTO bench_meta (key, value) VALUES (?1, ?2)")?;
    insert.execute(params!["cases", generated.cases.to_string()])?;
    insert.execute(params!["seconds", format!("{:.1}", generated.seconds)])?;
    insert.execute(params!["now_ms", now.timestamp_millis().to_string()])?;
    insert.execute(params!["seed", args.seed.to_string()])?;
    Ok((true, generated.seconds, now))
}

fn dataset(
    raw: &Connection,
    generated_now: bool,
    generation_seconds: f64,
    now: DateTime<Utc>,
) -> Result<Dataset, StoreError> {
    let count =
        |sql: &str| -> Result<i64, StoreError> { Ok(raw.query_row(sql, [now.timestamp_millis()], |row| row.get(0))?) };
    Ok(Dataset {
        cases: count("SELECT count(*) FROM cases WHERE ?1 IS NOT NULL")?,
        customers: count("SELECT count(*) FROM customers WHERE ?1 IS NOT NULL")?,
        promises: count("SELECT count(*) FROM promises WHERE ?1 IS NOT NULL")?,
        case_events: count("SELECT count(*) FROM case_events WHERE ?1 IS NOT NULL")?,
        promise_events: count("SELECT count(*) FROM promise_events WHERE ?1 IS NOT NULL")?,
        open_promises: count("SELECT count(*) FROM promises WHERE state = 'open' AND ?1 IS NOT NULL")?,
        overdue_promises: count("SELECT count(*) FROM promises WHERE state = 'open' AND due_at < ?1")?,
        generated_now,
        generation_seconds,
        now,
    })
}

/// Real values for the queries: names, references and order numbers of random cases.
struct Samples {
    names: Vec<String>,
    references: Vec<String>,
    orders: Vec<String>,
    owner: String,
    middle_case: i64,
}

fn samples(raw: &Connection, seed: u64) -> Result<Samples, StoreError> {
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

fn measure_all(
    store: &mut Store,
    raw: &Connection,
    path: &Path,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Measurements, StoreError> {
    let samples = samples(raw, seed)?;

    eprintln!("  next reminder, lead view, case lists…");
    repeat(50, |_| store.next_reminder_at())?;
    let next_reminder = Stats::of(repeat(2000, |_| store.next_reminder_at())?);

    let due_until = now + Duration::days(1);
    let lead_view_rows = store.open_promises_due_before(due_until, None, now, 200)?.len();
    repeat(20, |_| store.open_promises_due_before(due_until, None, now, 200))?;
    let lead_view = Stats::of(repeat(200, |_| store.open_promises_due_before(due_until, None, now, 200))?);

    let lists = list_variants(store, &samples)?;

    let customer_lookup = Stats::of(repeat(100, |n| {
        let surname = samples.names[n % samples.names.len()].rsplit(' ').next().unwrap_or("Virtanen").to_owned();
        store.find_customers(&surname.chars().take(4).collect::<String>(), 20)
    })?);

    eprintln!("  search, and the same text with LIKE…");
    let search = search_queries(store, raw, &samples)?;

    eprintln!("  durable intake against a bare INSERT…");
    let (intake, bare_insert, intake_wal_pages, bare_insert_wal_pages) =
        intake_against_bare_insert(store, path, seed, now)?;

    eprintln!("  size and query plans…");
    let size = size(raw, path)?;
    let plans = store.hot_query_plans(now)?;
    let plans_differing_at_small_scale = compare_plans(&plans, seed, now)?;
    Ok(Measurements {
        intake,
        bare_insert,
        intake_wal_pages,
        bare_insert_wal_pages,
        lead_view,
        lead_view_rows,
        lists,
        search,
        next_reminder,
        customer_lookup,
        size,
        plans,
        plans_differing_at_small_scale,
    })
}

fn list_variants(store: &Store, samples: &Samples) -> Result<Vec<Variant>, StoreError> {
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

fn search_queries(store: &Store, raw: &Connection, samples: &Samples) -> Result<Vec<SearchQuery>, StoreError> {
    type Pick<'a> = Box<dyn Fn(usize) -> String + 'a>;
    let fixed = |text: &'static str| -> Pick<'_> { Box::new(move |_| text.to_owned()) };
    let queries: Vec<(&str, Pick<'_>, bool)> = vec![
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
    ];
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

/// The desk's real intake path (case, first event, promise; one transaction, `synchronous=FULL`)
/// against a bare one-row INSERT committed the same way, alternating so both see the same disk.
fn intake_against_bare_insert(
    store: &mut Store,
    path: &Path,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<(Stats, Stats, u64, u64), StoreError> {
    let mut baseline = Connection::open(path)?;
    baseline.pragma_update(None, "synchronous", "FULL")?;
    let payload = "x".repeat(300);
    let mut rng = Rng::new(seed ^ 0x1A7A);
    let agent = Actor::agent("Aino Agentti");
    let (mut intake_ms, mut bare_ms) = (Vec::new(), Vec::new());
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let wal_pages = |baseline: &Connection| -> Result<u64, StoreError> {
        let bytes = std::fs::metadata(&wal).map(|meta| meta.len()).unwrap_or(0);
        let page: u64 = baseline.query_row("PRAGMA page_size", [], |row| row.get(0))?;
        // A WAL file is a 32-byte header, then frames of a 24-byte header and one page.
        Ok(bytes.saturating_sub(32) / (page + 24))
    };
    let (mut intake_pages, mut bare_pages) = (Vec::new(), Vec::new());
    for n in 0..320 {
        // During the warm-up, with the WAL emptied before each commit: how many pages a commit
        // writes (the median, since an FTS5 merge step now and then writes many more).
        let count_pages = (5..16).contains(&n);
        if count_pages {
            baseline.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        }
        let at = now + Duration::seconds(n as i64 + 1);
        let (ms, _) = time(|| {
            let intake = corpus::intake(&mut rng, 1_000_000 + n as u64, 2026).validate()?;
            let promise = NewPromise {
                text: "Soitamme takaisin huomenna".into(),
                channel: PromiseChannel::Call,
                due_at: at + Duration::days(1),
                owner: agent.person.clone(),
            };
            store.create_case_with_promise(intake, promise, &agent, at)
        })?;
        if count_pages {
            intake_pages.push(wal_pages(&baseline)?);
            baseline.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        }
        let (bare, _) = time(|| {
            let tx = baseline.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO bench_baseline (at, payload) VALUES (?1, ?2)",
                params![at.timestamp_millis(), payload],
            )?;
            tx.commit()?;
            Ok(())
        })?;
        if count_pages {
            bare_pages.push(wal_pages(&baseline)?);
        }
        // The first twenty of each warm the caches and are not counted.
        if n >= 20 {
            intake_ms.push(ms);
            bare_ms.push(bare);
        }
    }
    let median = |mut pages: Vec<u64>| {
        pages.sort_unstable();
        pages.get(pages.len() / 2).copied().unwrap_or(0)
    };
    Ok((Stats::of(intake_ms), Stats::of(bare_ms), median(intake_pages), median(bare_pages)))
}

fn size(raw: &Connection, path: &Path) -> Result<Size, StoreError> {
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
fn compare_plans(large: &[HotQueryPlan], seed: u64, now: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
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
