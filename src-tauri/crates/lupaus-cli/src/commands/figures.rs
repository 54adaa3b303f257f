//! `lupaus-cli figures`: the lead's numbers for a period, as text, JSON or CSV for the monthly report.

use std::path::PathBuf;

use chrono::NaiveDate;
use lupaus_core::desk_figures::table;
use lupaus_store::StoreError;

use super::Context;

pub fn run(context: &Context, from: NaiveDate, to: NaiveDate, csv: Option<PathBuf>) -> Result<(), StoreError> {
    let figures = match &csv {
        Some(path) => context.desk.export_figures(from, to, path)?,
        None => context.desk.figures(from, to)?,
    };
    context.print(&figures, |figures| {
        table::to_rows(figures)
            .iter()
            .map(|(measure, value)| format!("{measure:<40} {value}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}
