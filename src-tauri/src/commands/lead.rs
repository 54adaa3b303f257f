//! The team lead's view: figures, approvals, lessons.

use chrono::{Duration, NaiveDate, NaiveTime};
use lupaus_core::desk_figures::{DeskFigures, Period};
use lupaus_core::lessons::{Lesson, LessonEntry};
use lupaus_store::cases::CaseSummary;
use tauri::State;

use crate::{error::IpcError, state::AppState};

/// The figures for the days `from`..=`to` in the desk's zone.
#[tauri::command(async)]
pub fn desk_figures(state: State<'_, AppState>, from: NaiveDate, to: NaiveDate) -> Result<DeskFigures, IpcError> {
    let store = state.store()?;
    let period = period(&store, from, to)?;
    Ok(store.desk_figures(period, state.clock.now())?)
}

/// Writes the figures as an Excel workbook (or CSV) into the user's documents folder and
/// returns the file's path, for the monthly report.
#[tauri::command(async)]
pub fn export_figures(
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
    format: String,
) -> Result<String, IpcError> {
    let extension = match format.as_str() {
        "xlsx" | "csv" => format.as_str(),
        _ => return Err(IpcError::invalid("format", "Choose xlsx or csv.")),
    };
    let store = state.store()?;
    let figures = store.desk_figures(period(&store, from, to)?, state.clock.now())?;
    let folder = crate::paths::documents_dir();
    std::fs::create_dir_all(&folder).map_err(|error| IpcError::io(&folder, &error))?;
    let path = folder.join(format!("lupaus-luvut-{from}-{to}.{extension}"));
    lupaus_store::figures::write_figures(&path, &figures)?;
    Ok(path.display().to_string())
}

/// Compensation waiting for a lead's decision. Only leads see this list.
#[tauri::command(async)]
pub fn approvals(state: State<'_, AppState>) -> Result<Vec<CaseSummary>, IpcError> {
    let store = state.store()?;
    state.actor(&store)?.require_lead("see the approvals waiting for a decision")?;
    Ok(store.cases_awaiting_approval(200)?)
}

#[tauri::command(async)]
pub fn lessons(state: State<'_, AppState>, query: Option<String>) -> Result<Vec<Lesson>, IpcError> {
    Ok(state.store()?.lessons(query.as_deref(), 200)?)
}

#[tauri::command(async)]
pub fn add_lesson_entry(state: State<'_, AppState>, case_id: i64, entry: LessonEntry) -> Result<Lesson, IpcError> {
    let mut store = state.store()?;
    let actor = state.actor(&store)?;
    Ok(store.add_lesson_entry(case_id, entry, &actor, state.clock.now())?)
}

fn period(store: &lupaus_store::Store, from: NaiveDate, to: NaiveDate) -> Result<Period, IpcError> {
    if to < from {
        return Err(IpcError::invalid("to", "The period ends before it starts; swap the dates."));
    }
    let calendar = store.desk_settings()?.calendar;
    let midnight = |date: NaiveDate| calendar.instant_at(date.and_time(NaiveTime::MIN));
    Ok(Period { from: midnight(from), to: midnight(to + Duration::days(1)) })
}
