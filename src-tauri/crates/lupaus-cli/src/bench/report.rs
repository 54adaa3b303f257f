//! The summary table (each number against its target) and the Markdown report.

use std::fmt::Write;
use std::path::Path;

use super::measure::Stats;
use super::{BenchReport, Dataset, Measurements, Row, SMALL_CASES};

const FULL_SCALE: i64 = 1_000_000;

fn verdict(pass: bool) -> String {
    if pass { "PASS" } else { "FAIL" }.to_owned()
}

fn ms(value: f64) -> String {
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
    let ratio_p50 = m.intake.p50_ms / m.bare_insert.p50_ms.max(1e-6);
    let ratio_p99 = m.intake.p99_ms / m.bare_insert.p99_ms.max(1e-6);
    rows.push(row(
        "Durable intake (case + event + promise)",
        "p99 < 5 ms; ≤ 1.5× bare INSERT",
        Some(m.intake),
        verdict(m.intake.p99_ms < 5.0 && ratio_p50 <= 1.5),
        format!(
            "{ratio_p50:.2}× bare INSERT at p50, {ratio_p99:.2}× at p99; a commit writes {} WAL pages (median) against {}",
            m.intake_wal_pages, m.bare_insert_wal_pages
        ),
    ));
    rows.push(row(
        "Bare one-row INSERT, same durability",
        "reference",
        Some(m.bare_insert),
        "—".into(),
        "BEGIN IMMEDIATE; INSERT; COMMIT with synchronous=FULL".into(),
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
        "find_customers, 4 letters, limit 20".into(),
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
    for measure in ["Import of 100,000 CSV rows", "App cold start", "Idle memory"] {
        rows.push(row(measure, "see docs/measurements.md", None, "measured separately".into(), String::new()));
    }
    rows
}

fn cell(stats: &Option<Stats>, pick: fn(&Stats) -> f64) -> String {
    stats.as_ref().map_or_else(|| "".to_owned(), |stats| ms(pick(stats)))
}

pub fn markdown(report: &BenchReport, path: &Path) -> String {
    let (machine, dataset, m) = (&report.machine, &report.dataset, &report.measurements);
    let mut out = String::new();
    let _ = writeln!(out, "# Lupaus benchmarks\n");
    let _ = writeln!(
        out,
        "Generated by `lupaus-cli bench --cases {} --db {}` ({}). Do not edit by hand: run the \
         command again. Each number is measured through the store's public API, the way the app calls it, \
         on a database of ten years of generated complaints.\n",
        dataset.cases,
        path.display(),
        if cfg!(debug_assertions) { "DEBUG BUILD: numbers not representative" } else { "release build" }
    );
    if dataset.cases < FULL_SCALE {
        let _ = writeln!(
            out,
            "**Scale: {} cases, not {FULL_SCALE}.** See the generation rate below for why.\n",
            dataset.cases
        );
    }
    let _ = writeln!(out, "## Machine\n");
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| CPU | {} |", machine.cpu);
    let _ = writeln!(out, "| Cores | {} |", machine.cores);
    let _ = writeln!(out, "| Memory | {} |", machine.memory);
    let _ = writeln!(out, "| Disk | {} |", machine.disk);
    let _ = writeln!(out, "| Kernel | {} |", machine.kernel);
    let _ = writeln!(out, "| SQLite | {} (bundled) |", machine.sqlite);
    let _ = writeln!(out, "| Date | {} |", machine.date);
    let _ = writeln!(out, "| Commit | {} |\n", machine.commit);

    let _ = writeln!(out, "## Results\n");
    let _ = writeln!(out, "| Measure | Target | p50 | p95 | p99 | Result | Notes |\n|---|---|---:|---:|---:|---|---|");
    for row in &report.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | **{}** | {} |",
            row.measure,
            row.target,
            cell(&row.stats, |s| s.p50_ms),
            cell(&row.stats, |s| s.p95_ms),
            cell(&row.stats, |s| s.p99_ms),
            row.verdict,
            row.summary
        );
    }

    let _ = writeln!(out, "\n## Data\n");
    let _ = writeln!(
        out,
        "{} cases, {} customers, {} promises ({} open, {} of them overdue), {} case events, {} promise events. \
         Received over ten years up to {}, Monday to Saturday in office hours, yearly volume growing fourfold; \
         75% Finnish, 15% English, 10% Swedish text; 40% of cases from returning members.",
        dataset.cases,
        dataset.customers,
        dataset.promises,
        dataset.open_promises,
        dataset.overdue_promises,
        dataset.case_events,
        dataset.promise_events,
        dataset.now.format("%Y-%m-%d")
    );
    let rate = dataset.cases as f64 / dataset.generation_seconds.max(1e-9);
    let _ = writeln!(
        out,
        "\nGeneration: {:.0} s, {rate:.0} cases/s ({}), through the store's insert code in transactions of 2,000 \
         cases with `synchronous=OFF`; then `ANALYZE` (analysis_limit 1000). Measurements ran with the desk's \
         settings (`synchronous=FULL`, SQLite's default 2 MiB page cache) and a warm operating-system file cache.\n",
        dataset.generation_seconds,
        if dataset.generated_now { "this run" } else { "an earlier run; database reused" }
    );

    let _ = writeln!(out, "## Details\n");
    let _ = writeln!(out, "### Durable intake\n");
    let _ = writeln!(
        out,
        "`Store::create_case_with_promise`: customer, case, first event, search index and a call-back promise with \
         its event, in one `BEGIN IMMEDIATE` transaction committed with `synchronous=FULL` (WAL), {} times, \
         alternating with a bare one-row INSERT committed the same way on a second connection.\n",
        m.intake.samples
    );
    let _ = writeln!(out, "| | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|");
    for (name, stats) in [("Intake", m.intake), ("Bare INSERT", m.bare_insert)] {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} |",
            ms(stats.p50_ms),
            ms(stats.p95_ms),
            ms(stats.p99_ms),
            ms(stats.max_ms)
        );
    }

    let _ = writeln!(out, "\n### Case list (`list_cases`, 100 per page)\n");
    let _ = writeln!(out, "| Variant | rows | p50 | p95 | p99 |\n|---|---:|---:|---:|---:|");
    for variant in &m.lists {
        let s = variant.stats;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            variant.name,
            variant.rows,
            ms(s.p50_ms),
            ms(s.p95_ms),
            ms(s.p99_ms)
        );
    }

    let _ = writeln!(out, "\n### Search (`search_cases`, 20 results) against `LIKE '%text%'`\n");
    let _ = writeln!(
        out,
        "LIKE runs `SELECT id FROM cases WHERE state_json LIKE '%text%'` over the stored cases: every case whose \
         text contains the typed text, as ranking results or counting them needs, with no inflection, no folding \
         of ä/ö and no ranking; the ratio (and the verdict above) uses it. \"LIKE, newest 20\" adds `ORDER BY \
         received_at DESC LIMIT 20`, which stops early when the text is very common and reads the whole table \
         when it is rare (a name, a number). Names, references and numbers vary per run (random cases).\n"
    );
    let _ = writeln!(
        out,
        "| Query | example | hits | p50 | p95 | p99 | LIKE p50 | LIKE ÷ search | LIKE, newest 20, p50 |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---:|"
    );
    for query in &m.search {
        let s = query.stats;
        let (like, ratio) = match query.like {
            Some(like) => (ms(like.p50_ms), format!("{:.0}×", like.p50_ms / s.p50_ms.max(1e-6))),
            None => ("—".into(), "—".into()),
        };
        let newest = query.like_newest.map_or_else(|| "—".to_owned(), |like| ms(like.p50_ms));
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {} | {like} | {ratio} | {newest} |",
            query.label,
            query.example.replace('|', "\\|"),
            query.hits,
            ms(s.p50_ms),
            ms(s.p95_ms),
            ms(s.p99_ms)
        );
    }

    let _ = writeln!(out, "\n### Database size\n");
    let _ = writeln!(
        out,
        "File {:.2} GiB (+ WAL {:.1} MiB), {:.1} KiB per case.\n",
        m.size.file_bytes as f64 / (1u64 << 30) as f64,
        m.size.wal_bytes as f64 / (1u64 << 20) as f64,
        m.size.per_case_bytes / 1024.0
    );
    let _ = writeln!(out, "| Part (table with its indexes) | MiB | per case |\n|---|---:|---:|");
    for (part, bytes) in &m.size.parts {
        let _ = writeln!(
            out,
            "| {part} | {:.0} | {:.0} B |",
            *bytes as f64 / (1u64 << 20) as f64,
            *bytes as f64 / dataset.cases.max(1) as f64
        );
    }

    let notes = notes(report);
    if !notes.is_empty() {
        let _ = writeln!(out, "\n## Why a target fails, and what would fix it\n");
        for note in notes {
            let _ = writeln!(out, "- {note}");
        }
    }

    let _ = writeln!(out, "\n### Query plans at this scale\n");
    let _ = writeln!(
        out,
        "Every statement each hot query ran, traced and given to `EXPLAIN QUERY PLAN` (`Store::hot_query_plans`). \
         The store test `tests/plans.rs` asserts the same on {SMALL_CASES} cases; {}.\n",
        if m.plans_differing_at_small_scale.is_empty() {
            format!("the plans there are identical to these (compared in this run on {SMALL_CASES} generated cases)")
        } else {
            format!("these differ there: {}", m.plans_differing_at_small_scale.join(", "))
        }
    );
    for plan in &m.plans {
        let _ = writeln!(out, "**{}**\n```", plan.name);
        for statement in &plan.statements {
            let sql: String = statement.sql.split_whitespace().collect::<Vec<_>>().join(" ");
            let _ = writeln!(
                out,
                "{}",
                if sql.len() > 110 { format!("{}…", &sql[..sql.floor_char_boundary(110)]) } else { sql }
            );
            for line in &statement.plan {
                let _ = writeln!(out, "    {line}");
            }
        }
        let _ = writeln!(out, "```");
    }
    out
}

/// A paragraph for each failed target (and each slow hot query without one), from the numbers.
fn notes(report: &BenchReport) -> Vec<String> {
    let m = &report.measurements;
    let failed =
        |measure: &str| report.rows.iter().any(|row| row.measure.starts_with(measure) && row.verdict == "FAIL");
    let mut notes = Vec::new();
    if failed("Durable intake") {
        let ratio = m.intake.p50_ms / m.bare_insert.p50_ms.max(1e-6);
        let mut note = String::from("**Durable intake.** ");
        if ratio > 1.5 {
            note += &format!(
                "One intake commits {} WAL pages (the case row and its indexes, the search index segment, the \
                 first event, the customer, the promise and its event, each with their indexes) where the bare \
                 row commits {}; with this disk's flush at about {} (bare INSERT p50), writing those pages, not \
                 the flush, decides the {ratio:.2}× ratio. Fewer indexes written per intake would cut it. ",
                m.intake_wal_pages,
                m.bare_insert_wal_pages,
                ms(m.bare_insert.p50_ms)
            );
        } else {
            note += &format!(
                "At p50 an intake costs {ratio:.2}× the bare one-row INSERT: the flush to disk dominates, although \
                 an intake commits {} WAL pages (median) against {}. ",
                m.intake_wal_pages, m.bare_insert_wal_pages
            );
        }
        if m.intake.p99_ms >= 5.0 {
            note += &format!(
                "The p99 ({}) misses 5 ms. The bare one-row INSERT's own p99 is {} on this disk, so no save can \
                 meet it here; on top of that, WAL auto-checkpoints land on saves: every 1,000 WAL pages (about \
                 every {} intakes) the save that crosses the line also copies the WAL into the database file and \
                 flushes it, and FTS5 now and then merges index segments inside a save. Fixes: checkpoint off \
                 the save path (`PRAGMA wal_autocheckpoint=0` on the desk's connection and a \
                 `PRAGMA wal_checkpoint(PASSIVE)` from the scheduler when idle) and merge the search index there \
                 too (`INSERT INTO case_search(case_search, rank) VALUES('merge', 500)`). The durability itself \
                 (`synchronous=FULL`, one transaction) should stay.",
                ms(m.intake.p99_ms),
                ms(m.bare_insert.p99_ms),
                1000 / m.intake_wal_pages.max(1)
            );
        }
        notes.push(note);
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
            "**Customer look-up** (no target in the issue, but a hot query): p95 {}. `find_customers` counts \
             the cases of every customer whose name starts with the text before it sorts and takes 20, and a \
             four-letter prefix of a common surname matches thousands of customers. Fix: walk \
             `customers_by_name` in name order with `LIMIT`, and count cases only for the page.",
            ms(m.customer_lookup.p95_ms)
        ));
    }
    notes
}
