//! `lupaus-cli figures`: the lead's numbers for a period, as text, JSON or CSV for the monthly report;
//! in team mode one desk's (`--desk`) or one person's (`--agent`).

use std::path::PathBuf;

use chrono::NaiveDate;
use lupaus_core::desk_figures::table;
use lupaus_store::StoreError;
use lupaus_store::figures::FiguresScope;

use super::Context;

pub fn run(
    context: &Context,
    from: NaiveDate,
    to: NaiveDate,
    csv: Option<PathBuf>,
    scope: &FiguresScope,
) -> Result<(), StoreError> {
    let figures = match &csv {
        Some(path) => context.desk.export_figures(from, to, scope, path)?,
        None => context.desk.scoped_figures(from, to, scope)?,
    };
    context.print(&figures, |figures| {
        table::to_rows(figures)
            .iter()
            .map(|(measure, value)| format!("{measure:<40} {value}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}
