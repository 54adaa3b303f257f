//! The team lead's view: figures, approvals, lessons.

use chrono::NaiveDate;
use lupaus_core::desk_figures::DeskFigures;
use lupaus_core::lessons::{Lesson, LessonEntry};
use lupaus_store::cases::CaseSummary;
use lupaus_store::figures::FiguresScope;
use tauri::State;

use crate::{error::IpcError, state::AppState};

/// The figures for the days `from`..=`to` in the desk's zone: the whole team's, or one desk's
/// (`desk`, its code) or one person's (`agent`) in team mode.
#[tauri::command(async)]
pub fn desk_figures(
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
    desk: Option<String>,
    agent: Option<String>,
) -> Result<DeskFigures, IpcError> {
    Ok(state.desk()?.scoped_figures(from, to, &FiguresScope { desk, agent })?)
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
    let folder = crate::paths::documents_dir();
    std::fs::create_dir_all(&folder).map_err(|error| IpcError::io(&folder, &error))?;
    let path = folder.join(format!("lupaus-luvut-{from}-{to}.{extension}"));
    state.desk()?.export_figures(from, to, &FiguresScope::default(), &path)?;
    Ok(path.display().to_string())
}

/// Compensation waiting for a lead's decision. Only leads see this list.
#[tauri::command(async)]
pub fn approvals(state: State<'_, AppState>) -> Result<Vec<CaseSummary>, IpcError> {
    Ok(state.desk()?.approvals()?)
}

#[tauri::command(async)]
pub fn lessons(state: State<'_, AppState>, query: Option<String>) -> Result<Vec<Lesson>, IpcError> {
    Ok(state.desk()?.lessons(query.as_deref(), None)?)
}

#[tauri::command(async)]
pub fn add_lesson_entry(state: State<'_, AppState>, case_id: i64, entry: LessonEntry) -> Result<Lesson, IpcError> {
    Ok(state.desk()?.add_lesson_entry(case_id, entry)?)
}
