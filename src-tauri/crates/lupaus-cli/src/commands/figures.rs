//! `lupaus-cli figures`: the lead's numbers for a period, as text, JSON or CSV for the monthly report.

use std::path::PathBuf;

use chrono::{Duration, NaiveDate};
use lupaus_core::CoreError;
use lupaus_core::desk_figures::{Period, table};
use lupaus_core::reason::{self as why, Reason};
use lupaus_store::StoreError;

use super::Context;

pub fn run(context: &Context, from: NaiveDate, to: NaiveDate, csv: Option<PathBuf>) -> Result<(), StoreError> {
    if to < from {
        return Err(CoreError::invalid_because(
            "to",
            Reason::new(why::END_BEFORE_START),
            "The period ends before it starts; swap --from and --to.",
        )
        .into());
    }
    let calendar = context.store.desk_settings()?.calendar;
    let midnight = |date: NaiveDate| calendar.instant_at(date.and_time(chrono::NaiveTime::MIN));
    let period = Period { from: midnight(from), to: midnight(to + Duration::days(1)) };
    let figures = context.store.desk_figures(period, context.now)?;
    if let Some(path) = csv {
        lupaus_store::figures::write_figures(&path, &figures)?;
    }
    context.print(&figures, |figures| {
        table::to_rows(figures)
            .iter()
            .map(|(measure, value)| format!("{measure:<40} {value}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}
