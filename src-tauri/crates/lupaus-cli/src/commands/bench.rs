//! `lupaus-cli bench`: generate (or reuse) a large database, measure, write the report.

use std::path::Path;

use lupaus_store::StoreError;

use super::Context;
use crate::bench::{self, BenchArgs};

pub fn run(context: &Context, path: &Path, args: BenchArgs) -> Result<(), StoreError> {
    if let Some(only) = args.only {
        let report = bench::run_only(path, &args, only, context.now)?;
        return context.print(&report, |report| {
            serde_json::to_string_pretty(report).unwrap_or_else(|error| format!("unprintable report: {error}"))
        });
    }
    let report = bench::run(path, &args, context.now)?;
    context.print(&report, |report| {
        let mut lines = vec![format!("Wrote {}", args.out.display())];
        lines.extend(report.rows.iter().map(|row| format!("{:<34} {:>10}  {}", row.measure, row.verdict, row.summary)));
        lines.join("\n")
    })
}
