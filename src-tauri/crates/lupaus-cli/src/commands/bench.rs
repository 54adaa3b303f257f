//! `lupaus-cli bench`: generate (or reuse) a large database, measure, write the report.

use std::path::Path;

use lupaus_store::StoreError;

use chrono::{DateTime, Utc};

use crate::bench::{self, BenchArgs};
use crate::output;

/// Measures the store itself (below the desk), on a generated database at `path`.
pub fn run(path: &Path, args: BenchArgs, json: bool, now: DateTime<Utc>) -> Result<(), StoreError> {
    if let Some(only) = args.only {
        let report = bench::run_only(path, &args, only, now)?;
        return output::print(json, &report, |report| {
            serde_json::to_string_pretty(report).unwrap_or_else(|error| format!("unprintable report: {error}"))
        });
    }
    let report = bench::run(path, &args, now)?;
    output::print(json, &report, |report| {
        let mut lines = vec![format!("Wrote {}", args.out.display())];
        lines.extend(report.rows.iter().map(|row| format!("{:<34} {:>10}  {}", row.measure, row.verdict, row.summary)));
        lines.join("\n")
    })
}
