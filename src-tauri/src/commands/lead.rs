//! The team lead's view: figures, approvals, lessons.

use chrono::NaiveDate;
use lupaus_core::desk_figures::DeskFigures;
use lupaus_core::lessons::{Lesson, LessonEntry};
use lupaus_store::cases::CaseSummary;
use tauri::State;

use crate::{error::IpcError, state::AppState};

/// The figures for the days `from`..=`to` in the desk's zone.
#[tauri::command(async)]
pub fn desk_figures(state: State<'_, AppState>, from: NaiveDate, to: NaiveDate) -> Result<DeskFigures, IpcError> {
    Ok(state.desk()?.figures(from, to)?)
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
