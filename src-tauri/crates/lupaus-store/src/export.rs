//! Exporting cases, customers, promises and the event log to CSV or JSON.
//!
//! CSV is written the way Finnish Excel opens it without a wizard: `;` between cells, CRLF line
//! ends, UTF-8 with a BOM (so ä, ö and å survive), times in the desk's local time as
//! `24.12.2025 14:30`. A cell that Excel would run as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) is prefixed with `'`, so complaint text can never become a formula
//! (the importer strips that prefix again). The case export's headers are ones the importer
//! reads, so an exported file can be imported into another Lupaus.
//!
//! XLSX is one sheet with the CSV's columns; amounts are numbers, times local text, and every
//! text cell is written as a string (never a formula).
//!
//! JSON is one array of objects with times in UTC (RFC 3339); the case and event exports carry
//! the full state and event records. Both formats are streamed row by row.

use std::io::Write;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use lupaus_core::case::CaseRef;
use lupaus_core::lifecycle::CaseState;
use lupaus_core::promise::Promise;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use ts_rs::TS;

use crate::{Store, StoreError, time};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportWhat {
    Cases,
    Customers,
    Promises,
    Events,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Json,
    /// An Excel workbook with one sheet; every cell is written as a value, never as a formula.
    Xlsx,
}

/// One exported row: column names with values, in column order.
type Record = Vec<(&'static str, Value)>;

impl Store {
    /// Writes every row of `what` to `out`; returns how many rows were written. `now` decides
    /// whether an open promise counts as broken.
    pub fn export(
        &self,
        what: ExportWhat,
        format: ExportFormat,
        out: &mut dyn Write,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let zone = self.desk_settings()?.calendar.zone();
        let mut sink = Sink::new(format, zone, out)?;
        match what {
            ExportWhat::Cases => self.export_cases(&mut sink)?,
            ExportWhat::Customers => self.export_customers(&mut sink)?,
            ExportWhat::Promises => self.export_promises(&mut sink, now)?,
            ExportWhat::Events => self.export_events(&mut sink)?,
        }
        sink.finish()
    }

    fn export_cases(&self, sink: &mut Sink<'_>) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT c.ref_year, c.ref_number, c.state_json, cu.name, cu.email, cu.phone, cu.customer_number
             FROM cases c JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let reference = CaseRef { year: row.get(0)?, number: row.get(1)? }.to_string();
            let json: String = row.get(2)?;
            let state: CaseState = serde_json::from_str(&json)
                .map_err(|error| StoreError::Corrupt(format!("case {reference}: {error}")))?;
            let intake = &state.intake;
            let mut record: Record = vec![
                ("reference", json!(reference)),
                ("received", sink.time(state.received_at)),
                ("customer", json!(row.get::<_, String>(3)?)),
                ("email", json!(row.get::<_, Option<String>>(4)?)),
                ("phone", json!(row.get::<_, Option<String>>(5)?)),
                ("customer number", json!(row.get::<_, Option<String>>(6)?)),
                ("channel", json!(intake.channel.as_str())),
                ("priority", json!(intake.priority.as_str())),
                ("stage", json!(state.stage.as_str())),
                ("owner", json!(state.owner)),
                ("product/order", json!(intake.product_ref)),
                ("former reference", json!(intake.former_ref)),
                ("category", json!(intake.category)),
                ("tags", json!(intake.tags.join(", "))),
                ("description", json!(intake.description)),
                ("requested remedy", json!(intake.requested_remedy)),
                ("agreed remedy", json!(state.agreed_remedy.as_ref().map(|agreed| &agreed.remedy.description))),
                ("remedy delivered", sink.optional_time(state.delivery.as_ref().map(|delivery| delivery.at))),
                ("root cause", json!(state.analysis.root_cause.as_ref().map(|cause| &cause.description))),
                ("compensation eur", sink.euros(state.committed_compensation_cents())),
                ("closed", sink.optional_time(state.closing.as_ref().map(|closing| closing.at))),
                ("last change", sink.time(state.last_event_at)),
            ];
            if sink.format == ExportFormat::Json {
                record.push(("state", serde_json::to_value(&state).map_err(|e| StoreError::Corrupt(e.to_string()))?));
            }
            sink.write(&record)?;
        }
        Ok(())
    }

    fn export_customers(&self, sink: &mut Sink<'_>) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT c.id, c.customer_number, c.name, c.email, c.phone, c.created_at,
                    (SELECT COUNT(*) FROM cases WHERE customer_id = c.id)
             FROM customers c ORDER BY c.id",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let created = time::from_millis(row.get(5)?)?;
            sink.write(&vec![
                ("id", json!(row.get::<_, i64>(0)?)),
                ("customer number", json!(row.get::<_, Option<String>>(1)?)),
                ("customer", json!(row.get::<_, String>(2)?)),
                ("email", json!(row.get::<_, Option<String>>(3)?)),
                ("phone", json!(row.get::<_, Option<String>>(4)?)),
                ("created", sink.time(created)),
                ("cases", json!(row.get::<_, i64>(6)?)),
            ])?;
        }
        Ok(())
    }

    fn export_promises(&self, sink: &mut Sink<'_>, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT p.record_json, c.ref_year, c.ref_number, cu.name
             FROM promises p JOIN cases c ON c.id = p.case_id JOIN customers cu ON cu.id = c.customer_id
             ORDER BY p.id",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let json: String = row.get(0)?;
            let promise: Promise =
                serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(format!("promise: {error}")))?;
            let reference = CaseRef { year: row.get(1)?, number: row.get(2)? }.to_string();
            sink.write(&vec![
                ("id", json!(promise.id)),
                ("reference", json!(reference)),
                ("customer", json!(row.get::<_, String>(3)?)),
                ("text", json!(promise.text)),
                ("channel", serde_json::to_value(promise.channel).unwrap_or(Value::Null)),
                ("due", sink.time(promise.due_at)),
                ("owner", json!(promise.owner)),
                ("made by", json!(promise.made_by)),
                ("made", sink.time(promise.made_at)),
                ("status", serde_json::to_value(promise.effective_state(now)).unwrap_or(Value::Null)),
                ("replaces", json!(promise.replaces)),
            ])?;
        }
        Ok(())
    }

    fn export_events(&self, sink: &mut Sink<'_>) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT c.ref_year, c.ref_number, e.seq, e.at, e.actor, e.kind, e.record_json
             FROM case_events e JOIN cases c ON c.id = e.case_id ORDER BY e.id",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let reference = CaseRef { year: row.get(0)?, number: row.get(1)? }.to_string();
            let at = time::from_millis(row.get(3)?)?;
            let record_json: String = row.get(6)?;
            let record = match sink.format {
                ExportFormat::Json => serde_json::from_str(&record_json)
                    .map_err(|error| StoreError::Corrupt(format!("event of {reference}: {error}")))?,
                ExportFormat::Csv | ExportFormat::Xlsx => json!(record_json),
            };
            sink.write(&vec![
                ("reference", json!(reference)),
                ("seq", json!(row.get::<_, i64>(2)?)),
                ("at", sink.time(at)),
                ("actor", json!(row.get::<_, String>(4)?)),
                ("kind", json!(row.get::<_, String>(5)?)),
                ("record", record),
            ])?;
        }
        Ok(())
    }
}

/// Where rows go: a CSV writer with the header written before the first row, or a JSON array.
struct Sink<'a> {
    format: ExportFormat,
    zone: Tz,
    csv: Option<csv::Writer<&'a mut dyn Write>>,
    json: Option<&'a mut dyn Write>,
    xlsx: Option<(rust_xlsxwriter::Workbook, &'a mut dyn Write)>,
    rows: usize,
}

impl<'a> Sink<'a> {
    fn new(format: ExportFormat, zone: Tz, out: &'a mut dyn Write) -> Result<Sink<'a>, StoreError> {
        let mut sink = Sink { format, zone, csv: None, json: None, xlsx: None, rows: 0 };
        match format {
            ExportFormat::Csv => {
                // The BOM tells Excel the file is UTF-8.
                out.write_all(b"\xEF\xBB\xBF")?;
                sink.csv =
                    Some(csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(out));
            }
            ExportFormat::Json => {
                out.write_all(b"[")?;
                sink.json = Some(out);
            }
            ExportFormat::Xlsx => {
                let mut workbook = rust_xlsxwriter::Workbook::new();
                workbook.add_worksheet();
                sink.xlsx = Some((workbook, out));
            }
        }
        Ok(sink)
    }

    /// UTC as RFC 3339 in JSON; the desk's local time as `24.12.2025 14:30` in CSV.
    fn time(&self, at: DateTime<Utc>) -> Value {
        match self.format {
            ExportFormat::Json => json!(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            ExportFormat::Csv | ExportFormat::Xlsx => {
                json!(at.with_timezone(&self.zone).format("%-d.%-m.%Y %H:%M").to_string())
            }
        }
    }

    fn optional_time(&self, at: Option<DateTime<Utc>>) -> Value {
        at.map_or(Value::Null, |at| self.time(at))
    }

    /// Euros as a number in JSON, with a decimal comma in CSV (`49,90`).
    fn euros(&self, cents: u64) -> Value {
        match self.format {
            ExportFormat::Json | ExportFormat::Xlsx => json!(cents as f64 / 100.0),
            ExportFormat::Csv => json!(format!("{},{:02}", cents / 100, cents % 100)),
        }
    }

    fn write(&mut self, record: &Record) -> Result<(), StoreError> {
        let io = |error: std::io::Error| StoreError::Io(error);
        if let Some(csv) = self.csv.as_mut() {
            if self.rows == 0 {
                csv.write_record(record.iter().map(|(name, _)| *name)).map_err(csv_error)?;
            }
            csv.write_record(record.iter().map(|(_, value)| csv_cell(value))).map_err(csv_error)?;
        } else if let Some(out) = self.json.as_mut() {
            let body: Vec<String> = record.iter().map(|(name, value)| format!("{}:{}", json!(name), value)).collect();
            let separator = if self.rows == 0 { "\n" } else { ",\n" };
            write!(out, "{separator}{{{}}}", body.join(",")).map_err(io)?;
        } else if let Some((workbook, _)) = self.xlsx.as_mut() {
            let sheet = workbook.worksheet_from_index(0).map_err(xlsx_error)?;
            let row = self.rows as u32 + 1;
            for (column, (name, value)) in record.iter().enumerate() {
                let column = column as u16;
                if self.rows == 0 {
                    sheet.write_string(0, column, *name).map_err(xlsx_error)?;
                }
                match value {
                    Value::Null => {}
                    Value::Number(number) => {
                        sheet.write_number(row, column, number.as_f64().unwrap_or_default()).map_err(xlsx_error)?;
                    }
                    // write_string stores text as text: "=SUM(A1)" stays a string, never a formula.
                    other => {
                        let text = match other {
                            Value::String(text) => text.clone(),
                            other => other.to_string(),
                        };
                        sheet.write_string(row, column, xlsx_text(&text)).map_err(xlsx_error)?;
                    }
                }
            }
        }
        self.rows += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<usize, StoreError> {
        if let Some(mut csv) = self.csv.take() {
            if self.rows == 0 {
                // Even an empty export has its header... which we only know from a row, so say so.
                csv.write_record(["(no rows)"]).map_err(csv_error)?;
            }
            csv.flush()?;
        } else if let Some(out) = self.json.take() {
            out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
            out.flush()?;
        } else if let Some((mut workbook, out)) = self.xlsx.take() {
            out.write_all(&workbook.save_to_buffer().map_err(xlsx_error)?)?;
            out.flush()?;
        }
        Ok(self.rows)
    }
}

/// A value as one CSV cell, made safe to open in a spreadsheet.
fn csv_cell(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text }
}

/// An Excel cell holds at most 32,767 characters; longer text (a huge event record) is cut.
fn xlsx_text(text: &str) -> String {
    const MAX: usize = 32_000;
    if text.chars().count() <= MAX { text.to_owned() } else { text.chars().take(MAX).chain("…".chars()).collect() }
}

fn xlsx_error(error: rust_xlsxwriter::XlsxError) -> StoreError {
    StoreError::Corrupt(format!("Excel export: {error}"))
}

fn csv_error(error: csv::Error) -> StoreError {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => StoreError::Io(error),
        other => StoreError::Corrupt(format!("CSV export: {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_defused() {
        assert_eq!(csv_cell(&json!("=HYPERLINK(\"http://x\")")), "'=HYPERLINK(\"http://x\")");
        assert_eq!(csv_cell(&json!("+358 40 123 4567")), "'+358 40 123 4567");
        assert_eq!(csv_cell(&json!("@SUM(A1)")), "'@SUM(A1)");
        assert_eq!(csv_cell(&json!("Pesukone vuotaa")), "Pesukone vuotaa");
        assert_eq!(csv_cell(&json!(42)), "42");
        assert_eq!(csv_cell(&Value::Null), "");
    }
}
