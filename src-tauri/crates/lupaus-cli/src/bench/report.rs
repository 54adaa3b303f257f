//! The summary table (each number against its target), and a note for each target missed.

use super::intake::BLOCK;
use super::measure::Stats;
use super::{BenchReport, Dataset, Measurements, Row, SMALL_CASES};

pub const FULL_SCALE: i64 = 1_000_000;
/// The targets for a durable save.
const INTAKE_P99_MS: f64 = 5.0;
const INTAKE_RATIO: f64 = 1.5;
const IMPORT_SECONDS: f64 = 10.0;

fn verdict(pass: bool) -> String {
    if pass { "PASS" } else { "FAIL" }.to_owned()
}

pub fn ms(value: f64) -> String {
    if value < 1.0 { format!("{value:.3} ms") } else { format!("{value:.1} ms") }
}

fn row(measure: &str, target: &str, stats: Option<Stats>, verdict: String, summary: String) -> Row {
    Row { measure: measure.to_owned(), target: target.to_owned(), stats, verdict, summary }
}

fn worst<T>(items: &[T], stats: impl Fn(&T) -> Stats) -> Option<&T> {
    items.iter().max_by(|a, b| stats(a).p95_ms.total_cmp(&stats(b).p95_ms))
}

/// `LIKE` median over full-text search median, per comparable query.
pub fn like_ratios(measurements: &Measurements) -> Vec<(String, f64)> {
    measurements
        .search
        .iter()
        .filter_map(|query| query.like.map(|like| (query.label.clone(), like.p50_ms / query.stats.p50_ms.max(1e-6))))
        .collect()
}

pub fn rows(dataset: &Dataset, m: &Measurements) -> Vec<Row> {
    let mut rows = Vec::new();
    let intake = &m.intake;
    let ratio_p50 = intake.saves.p50_ms / intake.bare_insert.p50_ms.max(1e-6);
    let ratio_p99 = intake.saves.p99_ms / intake.bare_insert.p99_ms.max(1e-6);
    rows.push(row(
        "Durable intake (case + event + promise)",
        "p99 < 5 ms; ≤ 1.5× bare INSERT",
        Some(intake.saves),
        verdict(intake.saves.p99_ms < INTAKE_P99_MS && ratio_p50 <= INTAKE_RATIO),
        format!(
            "p99 {}; {ratio_p50:.2}× bare INSERT at p50, {ratio_p99:.2}× at p99; a commit writes {} WAL pages \
             (median) against {}",
            if intake.saves.p99_ms < INTAKE_P99_MS { "met" } else { "missed" },
            intake.saves_wal_pages,
            intake.bare_insert_wal_pages
        ),
    ));
    rows.push(row(
        "Bare one-row INSERT, same durability",
        "reference",
        Some(intake.bare_insert),
        "—".into(),
        "BEGIN IMMEDIATE; INSERT; COMMIT with synchronous=FULL".into(),
    ));
    rows.push(row(
        "Same intake, synchronous=OFF",
        "reference",
        Some(intake.unflushed),
        "—".into(),
        "the save's own work (rows, indexes, JSON), without waiting for the disk".into(),
    ));
    rows.push(row(
        "Search indexing of new cases (upkeep step)",
        "off the save path",
        Some(intake.indexing),
        "—".into(),
        format!(
            "{} cases per run: the search terms each save used to write; search matches them directly until then",
            intake.indexed_per_run
        ),
    ));
    rows.push(row(
        "Idle upkeep (search merge step, WAL checkpoint)",
        "off the save path",
        Some(intake.upkeep),
        "—".into(),
        format!("run after every {} saves, as the app does when saves pause; not inside any save", 2 * (BLOCK + 1)),
    ));
    rows.push(row(
        "Lead view: overdue and due soon, all agents",
        "p95 < 10 ms",
        Some(m.lead_view),
        verdict(m.lead_view.p95_ms < 10.0),
        format!("{} promises on the page (limit 200)", m.lead_view_rows),
    ));
    if let Some(slowest) = worst(&m.lists, |variant| variant.stats) {
        rows.push(row(
            "Case list page (9 variants, slowest shown)",
            "p95 < 20 ms",
            Some(slowest.stats),
            verdict(m.lists.iter().all(|variant| variant.stats.p95_ms < 20.0)),
            format!("slowest: {}", slowest.name),
        ));
    }
    if let Some(slowest) = worst(&m.search, |query| query.stats) {
        rows.push(row(
            &format!("Full-text search ({} query kinds, slowest shown)", m.search.len()),
            "p95 < 50 ms",
            Some(slowest.stats),
            verdict(m.search.iter().all(|query| query.stats.p95_ms < 50.0)),
            format!("slowest: {}", slowest.label),
        ));
    }
    for quality in &m.search_quality {
        let (pass, goal) = super::quality::verdict(quality);
        rows.push(row(
            &format!("Search recall and precision, {}", quality.morphology),
            goal,
            None,
            verdict(pass),
            format!(
                "recall {:.1} %, precision {:.1} %: {} queries over {} cases ({} words); see below",
                quality.recall * 100.0,
                quality.precision * 100.0,
                quality.queries,
                quality.cases,
                quality.words
            ),
        ));
    }
    let ratios = like_ratios(m);
    if let Some((label, lowest)) = ratios.iter().min_by(|a, b| a.1.total_cmp(&b.1)) {
        rows.push(row(
            "Search against LIKE '%term%' (same text, same run)",
            "≥ 100× faster, every query",
            None,
            verdict(*lowest >= 100.0),
            format!("lowest {lowest:.0}× ({label}); see the table below"),
        ));
    }
    rows.push(row(
        "Next reminder due",
        "< 1 ms (p99)",
        Some(m.next_reminder),
        verdict(m.next_reminder.p99_ms < 1.0),
        "one index lookup".into(),
    ));
    rows.push(row(
        "Customer look-up by name prefix",
        "— (no target set)",
        Some(m.customer_lookup),
        "—".into(),
        "find_customers, first 4 letters of a customer's name, limit 20".into(),
    ));
    let import = &m.import;
    rows.push(row(
        &format!("Import of {} CSV rows", import.rows),
        "< 10 s",
        None,
        if import.rows < super::import::ROWS {
            "—".into() // A small bench imports a small file: it shows the import works, not its speed.
        } else {
            verdict(import.import_seconds < IMPORT_SECONDS && import.dry_run_seconds < IMPORT_SECONDS)
        },
        format!(
            "dry run {:.1} s, import {:.1} s ({} cases, {} customers, {:.1} MiB file); see below",
            import.dry_run_seconds,
            import.import_seconds,
            import.cases_created,
            import.customers_created,
            import.file_bytes as f64 / (1u64 << 20) as f64
        ),
    ));
    let search_share = m
        .size
        .parts
        .iter()
        .find(|(part, _)| part.starts_with("search index"))
        .map_or(0.0, |(_, bytes)| *bytes as f64 / m.size.file_bytes.max(1) as f64 * 100.0);
    rows.push(row(
        "Database size",
        "reported per case",
        None,
        "—".into(),
        format!(
            "{:.1} KiB per case; {:.2} GiB for {} cases; search index {search_share:.0}% of it",
            m.size.per_case_bytes / 1024.0,
            m.size.file_bytes as f64 / (1u64 << 30) as f64,
            dataset.cases
        ),
    ));
    let scans: usize = m.plans.iter().flat_map(|plan| &plan.statements).map(|s| s.full_scans().len()).sum();
    let same = if m.plans_differing_at_small_scale.is_empty() {
        format!("same plans at {SMALL_CASES} cases")
    } else {
        format!("plans differ at {SMALL_CASES} cases for: {}", m.plans_differing_at_small_scale.join(", "))
    };
    rows.push(row(
        "Hot queries use an index (EXPLAIN QUERY PLAN)",
        "no full table scan",
        None,
        verdict(scans == 0),
        format!("{} hot queries, {scans} full scans; {same}", m.plans.len()),
    ));
    for measure in ["App cold start", "Idle memory"] {
        rows.push(row(measure, "see docs/measurements.md", None, "measured separately".into(), String::new()));
    }
    rows
}

/// A paragraph for each failed target (and each slow hot query without one), from the numbers.
pub fn notes(report: &BenchReport) -> Vec<String> {
    let m = &report.measurements;
    let failed =
        |measure: &str| report.rows.iter().any(|row| row.measure.starts_with(measure) && row.verdict == "FAIL");
    let mut notes = Vec::new();
    if failed("Durable intake") {
        notes.push(intake_note(&m.intake));
    }
    if failed("Lead view") {
        notes.push(format!(
            "**Lead view.** {} open promises, {} overdue, are read through `promises_open_by_due`; each row on \
             the page also parses the promise's JSON record. Fix: a narrower page, or columns for what the view \
             shows instead of the JSON record.",
            report.dataset.open_promises, report.dataset.overdue_promises
        ));
    }
    if failed("Case list") {
        let slow: Vec<&str> = m
            .lists
            .iter()
            .filter(|variant| variant.stats.p95_ms >= 20.0)
            .map(|variant| variant.name.as_str())
            .collect();
        notes.push(format!(
            "**Case list.** Slow variants: {}. Check their plans below: a filter that no index leads with makes \
             SQLite walk the cases newest first and read each row to test it.",
            slow.join(", ")
        ));
    }
    if failed("Full-text search") {
        let slow: Vec<&str> =
            m.search.iter().filter(|query| query.stats.p95_ms >= 50.0).map(|query| query.label.as_str()).collect();
        notes.push(format!(
            "**Search.** Slow queries: {}. A query that reaches the prefix match of a code, or a term with \
             hundreds of thousands of postings in every tier, reads more of the index than a page needs.",
            slow.join(", ")
        ));
    }
    if failed("Search against LIKE") {
        let low: Vec<String> = like_ratios(m)
            .into_iter()
            .filter(|(_, ratio)| *ratio < 100.0)
            .map(|(label, ratio)| format!("{label} ({ratio:.0}×)"))
            .collect();
        notes.push(format!(
            "**Search against LIKE.** Below 100×: {}. LIKE reads every stored case whatever the text, so the \
             ratio is lowest where search itself does the most work.",
            low.join(", ")
        ));
    }
    if m.customer_lookup.p95_ms >= 20.0 {
        notes.push(format!(
            "**Customer look-up** (no target in the issue, but a hot query): p95 {}. Check its plan below: the \
             name-prefix part must walk `customers_by_name` in order and stop at its `LIMIT`, counting cases \
             only for the customers returned.",
            ms(m.customer_lookup.p95_ms)
        ));
    }
    if failed("Import of") {
        notes.push(format!(
            "**Import.** {} rows: dry run {:.1} s, import {:.1} s. Each row is parsed, validated and written \
             through the desk's own insert path (customer look-up or creation, case, first event, search \
             terms) inside one transaction; the dry run does the same work but the search terms, and rolls back.",
            m.import.rows, m.import.dry_run_seconds, m.import.import_seconds
        ));
    }
    notes
}

/// Why the durable save misses its target, from this run's numbers.
fn intake_note(intake: &super::intake::IntakeMeasurement) -> String {
    let (saves, bare, unflushed) = (intake.saves, intake.bare_insert, intake.unflushed);
    let ratio = saves.p50_ms / bare.p50_ms.max(1e-6);
    let work_ratio = unflushed.p50_ms / bare.p50_ms.max(1e-6);
    let mut note = String::from("**Durable intake.** ");
    if ratio > INTAKE_RATIO {
        // What the durable commit adds to the save's own work: mostly writing and syncing its pages.
        let flush = (saves.p50_ms - unflushed.p50_ms).max(0.0);
        let flush_ratio = flush / bare.p50_ms.max(1e-6);
        note += &format!(
            "At p50 an intake costs {ratio:.2}× the bare one-row INSERT ({} against {}). The same intake with \
             `synchronous=OFF`, which never waits for the disk, takes {} (p50; {work_ratio:.1}× the bare INSERT's \
             whole durable commit): the save's own work (a customer, the case, its first event, the promise and its \
             event, and the JSON records; the search terms are written by the idle upkeep). The durable commit adds \
             {} to that: it writes and syncs {} WAL pages (every table and index B-tree page the save touches, \
             each serving a list, the lead view or the case view) against the bare INSERT's {}. ",
            ms(saves.p50_ms),
            ms(bare.p50_ms),
            ms(unflushed.p50_ms),
            ms(flush),
            intake.saves_wal_pages,
            intake.bare_insert_wal_pages
        );
        if flush_ratio > INTAKE_RATIO || work_ratio > INTAKE_RATIO {
            note += &format!(
                "So ≤ {INTAKE_RATIO}× cannot be reached on this disk by trimming the save: even at no CPU cost its \
                 commit alone is {flush_ratio:.1}× the bare INSERT's. It needs a save that writes one or two pages (an \
                 intake journal, with the case lists updated after the commit), or a disk whose flush takes \
                 milliseconds (a physical SSD or HDD), where the flush dominates both commits. "
            );
        }
    }
    if saves.p99_ms >= INTAKE_P99_MS {
        note += &format!(
            "The p99 ({}, max {}) misses {INTAKE_P99_MS} ms. Checkpoints and search-index merges run in the idle \
             upkeep, not in saves (p50 {}, max {} per run); the bare INSERT's own p99 is {} on this disk.",
            ms(saves.p99_ms),
            ms(saves.max_ms),
            ms(intake.upkeep.p50_ms),
            ms(intake.upkeep.max_ms),
            ms(bare.p99_ms)
        );
    } else {
        note += &format!(
            "The p99 target is met ({}, max {}): checkpoints and search-index merges now run in the idle upkeep \
             (p50 {}, max {} per run), never inside a save.",
            ms(saves.p99_ms),
            ms(saves.max_ms),
            ms(intake.upkeep.p50_ms),
            ms(intake.upkeep.max_ms)
        );
    }
    note
}
