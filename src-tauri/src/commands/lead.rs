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
