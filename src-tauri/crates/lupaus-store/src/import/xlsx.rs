//! Reading the first sheet of an Excel workbook (`.xlsx`, `.xls`, `.ods`) into the same [`Table`]
//! as a CSV. Dates Excel stores as serial numbers become `24.12.2025 14.30` text, so one parser
//! reads both; numbers lose a trailing `.0`; a cell showing an Excel error is a problem.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use chrono::{NaiveDate, TimeDelta};

use lupaus_core::reason::Reason;

use super::problems::{self, Problem};
use super::table::{MAX_FILE_BYTES, MAX_ROWS, Table, too_large, too_many_rows};
use super::values::CellProblem;

/// Whether `bytes` look like a workbook: a zip (`.xlsx`, `.ods`) or an OLE file (`.xls`).
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

pub(crate) fn read_workbook(bytes: &[u8]) -> Result<Table, Problem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len(), "The workbook"));
    }
    let unreadable = |error: String| {
        let message = format!(
            "The workbook cannot be read ({error}). Open it in Excel and save it again, or save it as CSV (semicolon delimited) and import that."
        );
        Problem::file(Reason::new(problems::WORKBOOK_UNREADABLE).with("detail", error), message)
    };
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| unreadable(e.to_string()))?;
    let name = workbook.sheet_names().first().cloned().ok_or_else(|| unreadable("it has no sheets".into()))?;
    let range = workbook.worksheet_range(&name).map_err(|e| unreadable(e.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let mut table = Table { encoding: format!("Excel workbook, sheet '{name}'"), ..Table::default() };
    let mut found = Vec::new();
    for (index, cells) in range.rows().enumerate() {
        let row = first_row + index + 1;
        let mut texts = Vec::with_capacity(cells.len());
        for (column, cell) in cells.iter().enumerate() {
            match cell_text(cell) {
                Ok(text) => texts.push(text),
                Err(problem) => {
                    let header = table.headers.get(column).cloned().unwrap_or_default();
                    found.push(problem.at(row, header));
                    texts.push(String::new());
                }
            }
        }
        if table.headers.is_empty() {
            if texts.iter().any(|text| !text.is_empty()) {
                table.headers = texts;
            }
        } else if texts.iter().any(|text| !text.is_empty()) {
            if table.rows.len() == MAX_ROWS {
                return Err(too_many_rows("sheet"));
            }
            table.rows.push((row, texts));
        }
    }
    if let Some(problem) = found.into_iter().next() {
        return Err(problem);
    }
    if table.headers.is_empty() {
        return Err(Problem::file(
            Reason::new(problems::SHEET_EMPTY),
            "The first sheet is empty: its first row must name the columns.",
        ));
    }
    Ok(table)
}

fn cell_text(cell: &Data) -> Result<String, CellProblem> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.trim().to_owned(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{}", *number as i64),
        Data::Float(number) => number.to_string(),
        Data::Int(number) => number.to_string(),
        Data::Bool(true) => "kyllä".to_owned(),
        Data::Bool(false) => "ei".to_owned(),
        Data::DateTime(serial) => excel_date(serial.as_f64())?,
        Data::Error(error) => return Err(CellProblem::ExcelError(error.to_string())),
    })
}

/// An Excel serial date (days since 30.12.1899, the 1900 system) as local `d.m.yyyy h.mm` text.
fn excel_date(serial: f64) -> Result<String, CellProblem> {
    let seconds = (serial * 86_400.0).round();
    if !(0.0..=1e11).contains(&seconds) {
        return Err(CellProblem::NotAnExcelDate(serial.to_string()));
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).and_then(|day| day.and_hms_opt(0, 0, 0));
    let at = epoch
        .and_then(|epoch| epoch.checked_add_signed(TimeDelta::seconds(seconds as i64)))
        .ok_or_else(|| CellProblem::NotAnExcelDate(serial.to_string()))?;
    Ok(if seconds % 86_400.0 == 0.0 {
        at.format("%-d.%-m.%Y").to_string()
    } else {
        at.format("%-d.%-m.%Y %H.%M").to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_dates_become_finnish_text() {
        assert_eq!(excel_date(46015.604166666664), Ok("24.12.2025 14.30".to_owned()));
        assert_eq!(excel_date(46015.0), Ok("24.12.2025".to_owned()));
        assert!(excel_date(-5.0).is_err());
        assert_eq!(cell_text(&Data::Float(401234567.0)), Ok("401234567".to_owned()));
        assert_eq!(cell_text(&Data::Float(49.9)), Ok("49.9".to_owned()));
    }
}
