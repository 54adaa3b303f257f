//! Importing 100,000 complaints from a spreadsheet, as a desk moving from Excel would: a CSV as
//! Finnish Excel saves it (UTF-8 with a byte-order mark, `;` between cells, dd.mm.yyyy dates,
//! decimal commas, quoted cells where the text has a `;`), through the store's own import code
//! (`Store::import_bytes`), into a new database file beside the bench database (same disk).
//! The dry run checks every row and rolls back; the import then saves it all in one transaction.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};
use lupaus_core::case::{Channel, Priority};
use lupaus_core::lifecycle::Actor;
use lupaus_store::import::{ImportOptions, ImportReport};
use lupaus_store::{Store, StoreError};
use serde::Serialize;

use super::corpus;
use super::measure::time;
use super::rng::Rng;

/// The file size, imported when the bench runs at scale.
pub const ROWS: usize = 100_000;
/// Below this many bench cases (tests, quick runs) a small file only checks that import works.
pub const FULL_IMPORT_FROM_CASES: u64 = 100_000;
const SMOKE_ROWS: usize = 1_000;

/// Rows to import for a bench of `cases` cases.
pub fn rows_for(cases: u64) -> usize {
    if cases >= FULL_IMPORT_FROM_CASES { ROWS } else { SMOKE_ROWS }
}
const HEADER: &str = "Asiakas;Sähköposti;Puhelin;Asiakasnumero;Kanava;Vastaanotettu;Tuote/tilaus;Kuvaus;Toive;\
                      Korvaus (€);Kiireellisyys;Luokka";

#[derive(Debug, Clone, Serialize)]
pub struct ImportMeasurement {
    pub rows: usize,
    pub file_bytes: usize,
    pub dry_run_seconds: f64,
    pub import_seconds: f64,
    pub cases_created: usize,
    pub customers_created: usize,
}

pub fn measure(bench_db: &Path, rows: usize, seed: u64, now: DateTime<Utc>) -> Result<ImportMeasurement, StoreError> {
    let csv = finnish_excel_csv(rows, seed, now);
    let path = PathBuf::from(format!("{}.import-bench.db", bench_db.display()));
    super::remove_database(&path);
    let result = import_twice(&path, &csv, now);
    super::remove_database(&path);
    result
}

fn import_twice(path: &Path, csv: &[u8], now: DateTime<Utc>) -> Result<ImportMeasurement, StoreError> {
    let mut store = Store::open(path)?;
    let actor = Actor::agent("Aino Agentti");
    let run = |store: &mut Store, dry_run: bool| -> Result<(f64, ImportReport), StoreError> {
        let options = ImportOptions { dry_run, actor: &actor, now };
        let (ms, report) = time(|| store.import_bytes("reklamaatiot.csv", csv, &options))?;
        if !report.problems.is_empty() {
            let first: Vec<String> = report.problems.iter().take(3).map(|p| format!("{p:?}")).collect();
            return Err(StoreError::Corrupt(format!(
                "the generated CSV has {} problem(s), e.g. {}; the bench's generator is wrong",
                report.problems.len(),
                first.join("; ")
            )));
        }
        Ok((ms / 1000.0, report))
    };
    let (dry_run_seconds, _) = run(&mut store, true)?;
    let (import_seconds, report) = run(&mut store, false)?;
    Ok(ImportMeasurement {
        rows: report.rows,
        file_bytes: csv.len(),
        dry_run_seconds,
        import_seconds,
        cases_created: report.cases_created,
        customers_created: report.customers_created,
    })
}

/// Complaints a day in the file: 100,000 rows cover about three years.
const ROWS_A_DAY: usize = 92;

/// `rows` complaints from the bench's own corpus, received in office hours (local time, as the
/// desk's spreadsheet has them) on the days before `now`, each at a minute of its own.
pub fn finnish_excel_csv(rows: usize, seed: u64, now: DateTime<Utc>) -> Vec<u8> {
    let mut rng = Rng::new(seed ^ 0x1C5F);
    let mut out = String::from("\u{feff}");
    out.push_str(HEADER);
    out.push_str("\r\n");
    let days = rows.div_ceil(ROWS_A_DAY) as i64;
    let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default();
    for row in 0..rows {
        // Distinct times, so no row is a duplicate of another (same customer, time and text).
        let day = now.date_naive() - Duration::days(days - (row / ROWS_A_DAY) as i64);
        let received = day.and_time(eight) + Duration::minutes(5 * (row % ROWS_A_DAY) as i64);
        let intake = corpus::intake(&mut rng, row as u64, received.year());
        let received = received.format("%-d.%-m.%Y %H.%M").to_string();
        let amount = rng.percent(20).then(|| format!("{},{:02}", 5 + rng.below(400), rng.below(100)));
        let cells = [
            intake.customer.name.as_str(),
            intake.customer.email.as_deref().unwrap_or(""),
            intake.customer.phone.as_deref().unwrap_or(""),
            intake.customer.customer_number.as_deref().unwrap_or(""),
            channel_fi(intake.channel),
            &received,
            intake.product_ref.as_deref().unwrap_or(""),
            &intake.description,
            &intake.requested_remedy,
            amount.as_deref().unwrap_or(""),
            priority_fi(intake.priority),
            intake.category.as_deref().unwrap_or(""),
        ];
        let line: Vec<String> = cells.iter().map(|cell| excel_cell(cell)).collect();
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// Excel quotes a cell holding the separator, a quote or a line break, doubling its quotes.
fn excel_cell(cell: &str) -> String {
    if cell.contains([';', '"', '\n', '\r']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell.to_owned() }
}

fn channel_fi(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "puhelin",
        Channel::Email => "sähköposti",
        Channel::WebForm => "verkkolomake",
        Channel::Chat => "chat",
        Channel::Counter => "tiski",
        Channel::Letter => "kirje",
    }
}

fn priority_fi(priority: Priority) -> &'static str {
    match priority {
        Priority::Low => "matala",
        Priority::Normal => "normaali",
        Priority::High => "korkea",
        Priority::Urgent => "kiireellinen",
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn the_generated_csv_looks_like_finnish_excel_and_imports_without_a_problem() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).single().expect("time");
        let csv = finnish_excel_csv(300, 7, now);
        assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 byte-order mark");
        let text = String::from_utf8(csv.clone()).expect("utf-8");
        let rows: Vec<Vec<&str>> = text.lines().skip(1).map(|line| line.split(';').collect::<Vec<_>>()).collect();
        assert_eq!(rows.len(), 300);
        for cells in rows.iter().filter(|cells| cells.len() == 12) {
            let received = chrono::NaiveDateTime::parse_from_str(cells[5], "%d.%m.%Y %H.%M");
            assert!(received.is_ok(), "dd.mm.yyyy hh.mm: {}", cells[5]);
            assert!(cells[9].is_empty() || (cells[9].contains(',') && !cells[9].contains('.')), "{}", cells[9]);
        }
        assert!(rows.iter().any(|cells| cells.len() == 12 && !cells[9].is_empty()), "some rows have an amount");

        let mut store = Store::open_in_memory().expect("store");
        let actor = Actor::agent("Aino Agentti");
        let report = store
            .import_bytes("reklamaatiot.csv", &csv, &ImportOptions { dry_run: false, actor: &actor, now })
            .expect("import runs");
        assert!(report.problems.is_empty(), "{:?}", &report.problems[..report.problems.len().min(3)]);
        assert_eq!((report.rows, report.cases_created, report.saved), (300, 300, true));
    }
}
