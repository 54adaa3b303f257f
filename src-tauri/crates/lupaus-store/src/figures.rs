//! Loads what the desk figures are computed from and hands it to the core: the event logs of the
//! cases received in the period, the promises due in it, and every open case's stage and age.

use chrono::{DateTime, Utc};
use lupaus_core::desk_figures::table;
use lupaus_core::desk_figures::{DeskFigures, FiguresInput, Period, desk_figures};
use lupaus_core::lifecycle::{EventRecord, Stage};
use lupaus_core::promise::Promise;
use rusqlite::params;
use serde::Deserialize;
use ts_rs::TS;

use crate::{Store, StoreError, time};

impl Store {
    pub fn desk_figures(&self, period: Period, now: DateTime<Utc>) -> Result<DeskFigures, StoreError> {
        self.scoped_figures(period, now, &FiguresScope::default())
    }

    /// The figures of one desk of the team, or one person, or both (`scope`); the whole team's
    /// when the scope is empty. In the team's order, without conflict losers: every desk that
    /// holds the same events computes the same figures.
    pub fn scoped_figures(
        &self,
        period: Period,
        now: DateTime<Utc>,
        scope: &FiguresScope,
    ) -> Result<DeskFigures, StoreError> {
        let desk = self.desk_settings()?;
        let case_logs = self.logs_of_cases_received(period, scope)?;
        let promises = self.promises_due_in(period, scope)?;
        let open_cases = self.open_case_ages(scope)?;
        Ok(desk_figures(&FiguresInput {
            period,
            now,
            calendar: &desk.calendar,
            case_logs: &case_logs,
            promises: &promises,
            open_cases: &open_cases,
        }))
    }

    fn logs_of_cases_received(
        &self,
        period: Period,
        scope: &FiguresScope,
    ) -> Result<Vec<Vec<EventRecord>>, StoreError> {
        // The case view's order (events.rs): the server's, then this desk's unpushed events.
        let mut statement = self.conn.prepare_cached(
            "SELECT e.case_id, e.record_json FROM cases c JOIN case_events e ON e.case_id = c.id
             LEFT JOIN sync_canon k ON k.event_id = e.event_id
             WHERE c.received_at >= ?1 AND c.received_at < ?2
                 AND (?3 IS NULL OR c.desk_code = ?3) AND (?4 IS NULL OR c.owner = ?4)
                 AND NOT EXISTS (SELECT 1 FROM sync_flags f WHERE f.event_id = e.event_id)
             ORDER BY e.case_id, k.pos IS NULL, k.pos, e.seq",
        )?;
        let bounds = params![time::to_millis(period.from), time::to_millis(period.to), scope.desk, scope.agent];
        let rows = statement.query_map(bounds, |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)))?;
        let mut logs: Vec<Vec<EventRecord>> = Vec::new();
        let mut current: Option<i64> = None;
        for row in rows {
            let (case_id, json) = row?;
            let record: EventRecord = serde_json::from_str(&json)
                .map_err(|error| StoreError::Corrupt(format!("case {case_id} has an unreadable event: {error}")))?;
            if current != Some(case_id) {
                logs.push(Vec::new());
                current = Some(case_id);
            }
            if let Some(log) = logs.last_mut() {
                log.push(record);
            }
        }
        Ok(logs)
    }

    fn promises_due_in(&self, period: Period, scope: &FiguresScope) -> Result<Vec<Promise>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT p.record_json FROM promises p JOIN cases c ON c.id = p.case_id
             WHERE p.due_at >= ?1 AND p.due_at < ?2 AND (?3 IS NULL OR c.desk_code = ?3) AND (?4 IS NULL OR p.owner = ?4)",
        )?;
        let bounds = params![time::to_millis(period.from), time::to_millis(period.to), scope.desk, scope.agent];
        let rows = statement.query_map(bounds, |row| row.get::<_, String>(0))?;
        rows.map(|json| serde_json::from_str(&json?).map_err(|error| StoreError::Corrupt(format!("promise: {error}"))))
            .collect()
    }

    fn open_case_ages(&self, scope: &FiguresScope) -> Result<Vec<(Stage, DateTime<Utc>)>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT stage, received_at FROM cases
             WHERE stage IN ('intake', 'solving', 'remedy_agreed', 'remedy_delivered', 'root_cause')
                 AND (?1 IS NULL OR desk_code = ?1) AND (?2 IS NULL OR owner = ?2)",
        )?;
        let rows = statement
            .query_map(params![scope.desk, scope.agent], |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)))?;
        rows.map(|row| {
            let (stage, received) = row?;
            let stage: Stage = serde_json::from_value(serde_json::Value::String(stage.clone()))
                .map_err(|_| StoreError::Corrupt(format!("unknown stage '{stage}'")))?;
            Ok((stage, time::from_millis(received)?))
        })
        .collect()
    }
}

/// Whose figures: one desk of the team (by its code: the cases opened there and their promises),
/// one person (the cases they own now and the promises they must keep), or both. Empty: all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct FiguresScope {
    #[serde(default)]
    pub desk: Option<String>,
    #[serde(default)]
    pub agent: Option<String>,
}

impl FiguresScope {
    /// The rows that open an exported file and say whose figures it holds: a file sent on as the
    /// monthly report must not pass one desk's or one person's numbers off as the team's.
    pub fn rows(&self) -> Vec<(String, String)> {
        vec![
            ("desk".to_owned(), self.desk.clone().unwrap_or_else(|| "all desks".to_owned())),
            ("person".to_owned(), self.agent.clone().unwrap_or_else(|| "everyone".to_owned())),
        ]
    }
}

/// Writes the figures for the monthly report: an Excel workbook for `.xlsx`, CSV otherwise;
/// its first rows name the `scope` the figures were counted for.
pub fn write_figures(path: &std::path::Path, figures: &DeskFigures, scope: &FiguresScope) -> Result<(), StoreError> {
    let is_xlsx = path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| ext.eq_ignore_ascii_case("xlsx"));
    let rows: Vec<(String, String)> = scope.rows().into_iter().chain(table::to_rows(figures)).collect();
    if !is_xlsx {
        return Ok(std::fs::write(path, table::rows_to_csv(&rows))?);
    }
    let failed = |error: rust_xlsxwriter::XlsxError| StoreError::Io(std::io::Error::other(error.to_string()));
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Lupaus").map_err(failed)?;
    sheet.write_string(0, 0, "measure").map_err(failed)?;
    sheet.write_string(0, 1, "value").map_err(failed)?;
    for (row, (measure, value)) in rows.into_iter().enumerate() {
        let row = u32::try_from(row + 1).unwrap_or(u32::MAX);
        sheet.write_string(row, 0, &measure).map_err(failed)?;
        // Numbers stay numbers in Excel; empty values stay empty.
        match value.parse::<f64>() {
            Ok(number) => sheet.write_number(row, 1, number).map_err(failed)?,
            Err(_) => sheet.write_string(row, 1, &value).map_err(failed)?,
        };
    }
    sheet.set_column_width(0, 42).map_err(failed)?;
    workbook.save(path).map_err(failed)
}
