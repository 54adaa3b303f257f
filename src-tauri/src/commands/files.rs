//! The desk without a terminal: import, export, the calendar of my promises and a lead's privacy
//! requests. Every file is chosen in the OS's own dialog, opened here in Rust: the window holds
//! no dialog or file-system permission, and a path it sends is only ever read for an import (a
//! file the person picked or dropped). Where something is written, the path comes from the
//! dialog, never from the window. A closed dialog answers `null`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lupaus_core::language::Language;
use lupaus_desk::{CalendarFile, ExportSaved};
use lupaus_store::export::{ExportFormat, ExportWhat};
use lupaus_store::import::ImportReport;
use lupaus_store::privacy::AnonymisationReport;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

use crate::{error::IpcError, state::AppState};

/// The open dialog for an Excel workbook or a CSV file to import.
#[tauri::command(async)]
pub fn choose_import_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    let title = Title::Import.words(state.spoken().language());
    let chosen = dialog(&app, title)
        .add_filter("Excel, CSV", &["xlsx", "csv", "txt"])
        .blocking_pick_file()
        .and_then(|file| file.into_path().ok());
    Ok(chosen.map(|path| path.display().to_string()))
}

/// Checks every row of the file and saves nothing: the problems by row and column.
#[tauri::command(async)]
pub fn check_import(state: State<'_, AppState>, path: String) -> Result<ImportReport, IpcError> {
    Ok(state.desk()?.import_file(&importable(&path)?, true)?)
}

/// Imports the file: every row or, when any row has a problem, none (the report says which).
#[tauri::command(async)]
pub fn run_import(state: State<'_, AppState>, path: String) -> Result<ImportReport, IpcError> {
    Ok(state.desk()?.import_file(&importable(&path)?, false)?)
}

/// Cases, customers, promises or events to an Excel workbook or CSV where the person chooses.
#[tauri::command(async)]
pub fn export_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    what: ExportWhat,
    format: ExportFormat,
) -> Result<Option<ExportSaved>, IpcError> {
    let extension = extension_of(format)?;
    let language = state.spoken().language();
    let stem = file_stem(language, what);
    let today = state.desk()?.now().date_naive();
    let Some(path) = save_dialog(&app, language, &format!("{stem}-{today}.{extension}"), extension) else {
        return Ok(None);
    };
    Ok(Some(state.desk()?.export_to(what, format, &path)?))
}

/// The lead's figures for the days `from`..=`to` as an Excel workbook or CSV where the person
/// chooses (the documents folder is offered first), for the desk and person the figures screen
/// shows (`desk`, `agent`; none: the whole team).
#[tauri::command(async)]
pub fn export_figures<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
    format: ExportFormat,
    desk: Option<String>,
    agent: Option<String>,
) -> Result<Option<String>, IpcError> {
    let extension = extension_of(format)?;
    let language = state.spoken().language();
    let Some(path) = save_dialog(&app, language, &format!("lupaus-luvut-{from}-{to}.{extension}"), extension) else {
        return Ok(None);
    };
    state.desk()?.export_figures(from, to, &lupaus_store::figures::FiguresScope { desk, agent }, &path)?;
    Ok(Some(path.display().to_string()))
}

/// "Add my promises to my calendar": my open promises as an `.ics` file where I choose.
#[tauri::command(async)]
pub fn save_my_calendar<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<CalendarFile>, IpcError> {
    let language = state.spoken().language();
    let Some(path) = save_dialog(&app, language, "lupaukset.ics", "ics") else { return Ok(None) };
    Ok(Some(state.desk()?.save_my_calendar(&path)?))
}

/// The calendar file the app keeps current for me on this computer, if any.
#[tauri::command(async)]
pub fn my_calendar_feed(state: State<'_, AppState>) -> Result<Option<CalendarFile>, IpcError> {
    Ok(state.desk()?.my_calendar_feed()?)
}

/// Asks for a folder and keeps my calendar file there from now on; `null` when no folder was chosen.
#[tauri::command(async)]
pub fn keep_my_calendar<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<CalendarFile>, IpcError> {
    let title = Title::CalendarFolder.words(state.spoken().language());
    let Some(folder) = dialog(&app, title).blocking_pick_folder().and_then(|folder| folder.into_path().ok()) else {
        return Ok(None);
    };
    Ok(state.desk()?.keep_my_calendar_in(Some(&folder))?)
}

/// Stops keeping my calendar file (the last one written stays where it is).
#[tauri::command(async)]
pub fn stop_my_calendar(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.desk()?.keep_my_calendar_in(None)?;
    Ok(())
}

/// A lead exports everything about a customer (JSON) where they choose; logged.
#[tauri::command(async)]
pub fn export_customer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    customer_id: i64,
) -> Result<Option<ExportSaved>, IpcError> {
    // Refused before the dialog: an agent is not asked where to save what they may not export.
    state.desk()?.actor()?.require_lead("export everything about a customer").map_err(IpcError::from)?;
    let language = state.spoken().language();
    let Some(path) = save_dialog(&app, language, &format!("asiakas-{customer_id}.json"), "json") else {
        return Ok(None);
    };
    Ok(Some(state.desk()?.export_customer_to(customer_id, &path)?))
}

/// A lead anonymises a customer on request, after the window's confirmation; logged.
#[tauri::command(async)]
pub fn anonymise_customer(state: State<'_, AppState>, customer_id: i64) -> Result<AnonymisationReport, IpcError> {
    Ok(state.desk()?.anonymise_customer_on_request(customer_id)?)
}

/// The OS's file dialog over the main window (modal to it, where the OS allows), opening in the
/// documents folder: never in Lupaus's own data folder, whose database a dialog must not read
/// (a file opened and closed in the app's process drops SQLite's locks on it).
fn dialog<R: Runtime>(app: &AppHandle<R>, title: &str) -> FileDialogBuilder<R> {
    let builder = app.dialog().file().set_title(title).set_directory(crate::paths::documents_dir());
    match app.get_webview_window("main") {
        Some(window) => builder.set_parent(&window),
        None => builder,
    }
}

/// The save dialog in the documents folder with `name` offered; the chosen path gets `extension`
/// when the person typed a name without it.
fn save_dialog<R: Runtime>(app: &AppHandle<R>, language: Language, name: &str, extension: &str) -> Option<PathBuf> {
    let chosen = dialog(app, Title::Save.words(language))
        .set_file_name(name)
        .add_filter(extension.to_uppercase(), &[extension])
        .blocking_save_file()?
        .into_path()
        .ok()?;
    Some(if chosen.extension().is_some() { chosen } else { chosen.with_extension(extension) })
}

/// A path the window sent for an import: only a CSV or Excel file is read.
fn importable(path: &str) -> Result<PathBuf, IpcError> {
    let path = Path::new(path);
    let extension = path.extension().and_then(|extension| extension.to_str()).unwrap_or("").to_lowercase();
    if !matches!(extension.as_str(), "xlsx" | "csv" | "txt") {
        return Err(IpcError::invalid("path", "Choose an Excel workbook (.xlsx) or a CSV file (.csv)."));
    }
    Ok(path.to_path_buf())
}

fn extension_of(format: ExportFormat) -> Result<&'static str, IpcError> {
    match format {
        ExportFormat::Csv => Ok("csv"),
        ExportFormat::Xlsx => Ok("xlsx"),
        ExportFormat::Json => Err(IpcError::invalid("format", "Choose Excel (xlsx) or CSV.")),
    }
}

/// The offered file name, in the language the window speaks.
fn file_stem(language: Language, what: ExportWhat) -> &'static str {
    match (language, what) {
        (Language::Finnish, ExportWhat::Cases) => "lupaus-tapaukset",
        (Language::Finnish, ExportWhat::Customers) => "lupaus-asiakkaat",
        (Language::Finnish, ExportWhat::Promises) => "lupaus-lupaukset",
        (Language::Finnish, ExportWhat::Events) => "lupaus-tapahtumat",
        (Language::Swedish, ExportWhat::Cases) => "lupaus-arenden",
        (Language::Swedish, ExportWhat::Customers) => "lupaus-kunder",
        (Language::Swedish, ExportWhat::Promises) => "lupaus-loften",
        (Language::Swedish, ExportWhat::Events) => "lupaus-handelser",
        (Language::English, ExportWhat::Cases) => "lupaus-cases",
        (Language::English, ExportWhat::Customers) => "lupaus-customers",
        (Language::English, ExportWhat::Promises) => "lupaus-promises",
        (Language::English, ExportWhat::Events) => "lupaus-events",
    }
}

/// The dialogs' titles, in the language the window speaks (the OS words the buttons).
enum Title {
    Import,
    Save,
    CalendarFolder,
}

impl Title {
    fn words(self, language: Language) -> &'static str {
        match (language, self) {
            (Language::Finnish, Title::Import) => "Valitse tuotava tiedosto",
            (Language::Finnish, Title::Save) => "Tallenna nimellä",
            (Language::Finnish, Title::CalendarFolder) => "Valitse kalenteritiedoston kansio",
            (Language::Swedish, Title::Import) => "Välj filen som ska importeras",
            (Language::Swedish, Title::Save) => "Spara som",
            (Language::Swedish, Title::CalendarFolder) => "Välj mapp för kalenderfilen",
            (Language::English, Title::Import) => "Choose the file to import",
            (Language::English, Title::Save) => "Save as",
            (Language::English, Title::CalendarFolder) => "Choose the folder for the calendar file",
        }
    }
}
