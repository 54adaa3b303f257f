//! `lupaus-cli bench`: generate (or reuse) a large database, measure, write the report.

use std::path::Path;

use lupaus_store::StoreError;

use super::Context;
use crate::bench::{self, BenchArgs};

pub fn run(context: &Context, path: &Path, args: BenchArgs) -> Result<(), StoreError> {
    let report = bench::run(path, &args, context.now)?;
    context.print(&report, |report| {
        let mut lines = vec![format!("Wrote {}", args.out.display())];
        lines.extend(report.rows.iter().map(|row| format!("{:<34} {:>10}  {}", row.measure, row.verdict, row.summary)));
        lines.join("\n")
    })
}
