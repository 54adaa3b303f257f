//! `lupaus-cli bench`: does Lupaus stay instant with ten years of a big desk's history?
//!
//! Builds (or reuses) a database of generated cases through the store's own insert code, then
//! times the desk's hot paths through the store's public API, the way the app calls them, and
//! writes a Markdown report with each number against its target. Generation runs with
//! `synchronous=OFF` per batch; every measured write runs with the desk's `synchronous=FULL`.
//! The two baselines (a bare INSERT and a `LIKE '%term%'` search) run on a second connection.

mod corpus;
mod generate;
mod import;
mod intake;
pub mod join;
mod machine;
mod markdown;
mod measure;
mod quality;
mod queries;
mod report;
mod rng;
pub mod team;
mod team_live;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use clap::Args;
use lupaus_core::CoreError;
use lupaus_store::plans::HotQueryPlan;
use lupaus_store::{Store, StoreError};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use machine::Machine;
use measure::{Stats, repeat};

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
    /// Run one measurement alone and print it instead of writing the report (for profiling).
    #[arg(long, value_enum)]
    pub only: Option<Only>,
    /// `--only team` and `--only join`: a PostgreSQL admin URL; the bench makes and drops a database of its own there.
    #[arg(long)]
    pub server: Option<String>,
}

/// One measurement run alone: `import` needs no bench database and always imports the issue's
/// 100,000 rows; `intake` runs on the bench database (generated first if need be);
/// `search-quality` needs none (it builds the corpus desk in memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    Import,
    Intake,
    SearchQuality,
    /// Search timings alone, with each morphology in turn on the same database (no LIKE).
    Search,
    /// Push and pull throughput with a team server (`--server`), and a new desk's join.
    Team,
    /// A new desk joins a team server (`--server`) holding `--cases` cases: until its lists and
    /// due promises are usable, and until the whole history is local.
    Join,
}

/// What `--only` measured.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum OnlyReport {
    Import(import::ImportMeasurement),
    Intake(intake::IntakeMeasurement),
    SearchQuality(Vec<lupaus_store::search::quality::SearchQuality>),
    Search(Vec<queries::MorphologySearch>),
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
    /// The schema the file had before this run opened it, and how long opening (and migrating) took.
    pub schema_before_opening: i64,
    pub opening_seconds: f64,
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
    pub intake: intake::IntakeMeasurement,
    pub import: import::ImportMeasurement,
    pub lead_view: Stats,
    pub lead_view_rows: usize,
    pub lists: Vec<Variant>,
    pub search: Vec<SearchQuery>,
    /// Recall and precision over the committed corpus, per morphology.
    pub search_quality: Vec<lupaus_store::search::quality::SearchQuality>,
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
    // Opening an older bench database migrates it, as the app would on a desk's million cases.
    let schema_before_opening: i64 = raw.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let (opening_ms, mut store) = measure::time(|| Store::open(path))?;
    store.analyze()?;
    let mut dataset = dataset(&raw, generated_now, generation_seconds, now)?;
    dataset.schema_before_opening = schema_before_opening;
    dataset.opening_seconds = opening_ms / 1000.0;
    eprintln!("Measuring on {} cases…", dataset.cases);
    let load_at_start = machine::load_average();
    let measurements = measure_all(&mut store, &raw, path, args.seed, now)?;
    let machine = machine::describe(path, Utc::now(), load_at_start);
    let rows = report::rows(&dataset, &measurements);
    let report = BenchReport { machine, dataset, rows, measurements };
    std::fs::write(&args.out, markdown::markdown(&report, path))?;
    Ok(report)
}

/// Runs only the measurement `only` names, on the bench database at `path`.
pub fn run_only(path: &Path, args: &BenchArgs, only: Only, now: DateTime<Utc>) -> Result<OnlyReport, StoreError> {
    match only {
        Only::Import => Ok(OnlyReport::Import(import::measure(path, import::ROWS, args.seed, now)?)),
        Only::Intake => {
            let raw = Connection::open(path)?;
            let (_, _, now) = prepare(&raw, path, args, now)?;
            let mut store = Store::open(path)?;
            Ok(OnlyReport::Intake(intake::measure(&mut store, path, args.seed, now)?))
        }
        Only::SearchQuality => Ok(OnlyReport::SearchQuality(quality::measure()?)),
        Only::Search => {
            let raw = Connection::open(path)?;
            prepare(&raw, path, args, now)?;
            let mut store = Store::open(path)?;
            let samples = queries::samples(&raw, args.seed)?;
            Ok(OnlyReport::Search(queries::search_by_morphology(&mut store, &samples)?))
        }
        // Routed to team::measure before the store opens (commands/mod.rs); it needs a server.
        Only::Team | Only::Join => {
            Err(CoreError::invalid("server", "bench --only team and --only join need --server URL").into())
        }
    }
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
        schema_before_opening: lupaus_store::SCHEMA_VERSION,
        opening_seconds: 0.0,
    })
}

fn measure_all(
    store: &mut Store,
    raw: &Connection,
    path: &Path,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<Measurements, StoreError> {
    let samples = queries::samples(raw, seed)?;

    eprintln!("  next reminder, lead view, case lists…");
    repeat(50, |_| store.next_reminder_at())?;
    let next_reminder = Stats::of(repeat(2000, |_| store.next_reminder_at())?);

    let due_until = now + Duration::days(1);
    let lead_view_rows = store.open_promises_due_before(due_until, None, now, 200)?.len();
    repeat(20, |_| store.open_promises_due_before(due_until, None, now, 200))?;
    let lead_view = Stats::of(repeat(200, |_| store.open_promises_due_before(due_until, None, now, 200))?);

    let lists = queries::list_variants(store, &samples)?;

    let customer_lookup = queries::customer_look_up(store, &samples)?;

    eprintln!("  search, and the same text with LIKE…");
    let search = queries::search_queries(store, raw, &samples)?;
    let search_quality = quality::measure()?;

    eprintln!("  durable intake against a bare INSERT…");
    let intake = intake::measure(store, path, seed, now)?;

    eprintln!("  size and query plans…");
    let size = queries::size(raw, path)?;
    let plans = store.hot_query_plans(now)?;
    let plans_differing_at_small_scale = queries::compare_plans(&plans, seed, now)?;

    let import_rows = import::rows_for(raw.query_row("SELECT count(*) FROM cases", [], |row| row.get(0))?);
    eprintln!("  import of {import_rows} CSV rows into a new database…");
    let import = import::measure(path, import_rows, seed, now)?;
    Ok(Measurements {
        intake,
        import,
        lead_view,
        lead_view_rows,
        lists,
        search,
        search_quality,
        next_reminder,
        customer_lookup,
        size,
        plans,
        plans_differing_at_small_scale,
    })
}

/// Removes a bench database with its WAL and shared-memory files, whatever of them exists.
fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// A new, empty store at `path`, in place of whatever a run before left there.
fn fresh_store(path: &Path) -> Result<Store, StoreError> {
    remove_database(path);
    Store::open(path)
}
