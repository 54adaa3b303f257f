//! Reading a spreadsheet export into rows of text: the encoding (UTF-8 with or without BOM,
//! UTF-16 with BOM, else Windows-1252), the separator (`;` as Finnish Excel writes it, else tab
//! or `,`), and the row numbers a person sees in Excel (the header is row 1).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use lupaus_core::reason::Reason;

use super::problems::{self, Problem};

/// Largest file accepted; a desk's complaint history is far smaller.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// Most data rows accepted in one import.
pub const MAX_ROWS: usize = 100_000;

/// A sheet as text: the header row and the data rows, each with its row number in the sheet.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    pub encoding: String,
    /// The file's byte order mark named an encoding its bytes break: the cells holding the
    /// broken bytes (shown as U+FFFD) are problems, never text (see [`Table::undecodable_cells`]).
    pub undecodable: bool,
}

impl Table {
    /// Every cell, header included, that held bytes the file's declared encoding cannot read:
    /// (row, column as headed, the cell as far as it could be read).
    pub(crate) fn undecodable_cells(&self) -> Vec<(usize, String, String)> {
        if !self.undecodable {
            return Vec::new();
        }
        let header =
            |column: usize| self.headers.get(column).cloned().unwrap_or_else(|| format!("column {}", column + 1));
        std::iter::once((1, &self.headers))
            .chain(self.rows.iter().map(|(row, cells)| (*row, cells)))
            .flat_map(|(row, cells)| {
                cells
                    .iter()
                    .enumerate()
                    .filter(|(_, cell)| cell.contains(char::REPLACEMENT_CHARACTER))
                    .map(move |(column, cell)| (row, header(column), cell.clone()))
            })
            .collect()
    }
}

/// Decodes a CSV (or tab-separated) export.
pub(crate) fn read_csv(bytes: &[u8]) -> Result<Table, Problem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len(), "The file"));
    }
    let (text, encoding, undecodable) = decode(bytes);
    if text.contains('\0') {
        return Err(Problem::file(
            Reason::new(problems::BINARY_FILE),
            "The file holds binary data, not text. Save it from Excel as \"CSV (semicolon separated)\" and import that.",
        ));
    }
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b','].into_iter().find(|&d| first_line.contains(d as char)).unwrap_or(b';');
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut table = Table { encoding: encoding.to_owned(), undecodable, ..Table::default() };
    for (index, record) in reader.records().enumerate() {
        let row = index + 1;
        let record = record.map_err(|error| {
            let reason = Reason::new(problems::CSV_ROW_UNREADABLE).with("detail", &error);
            Problem::new(row, "", reason, format!("This row cannot be read as CSV ({error}); check its quotes."))
        })?;
        let cells: Vec<String> = record.iter().map(clean_cell).collect();
        if row == 1 {
            table.headers = cells;
        } else if cells.iter().any(|cell| !cell.is_empty()) {
            if table.rows.len() == MAX_ROWS {
                return Err(too_many_rows("file"));
            }
            table.rows.push((row, cells));
        }
    }
    if table.headers.iter().all(String::is_empty) {
        return Err(Problem::file(
            Reason::new(problems::FILE_EMPTY),
            "The file is empty: the first row must name the columns.",
        ));
    }
    Ok(table)
}

/// The file (`what`: "The file", "The workbook") is larger than an import takes.
pub(crate) fn too_large(size: usize, what: &str) -> Problem {
    let (size_mb, max_mb) = (size / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
    Problem::file(
        Reason::new(problems::FILE_TOO_LARGE).with("size_mb", size_mb).with("max_mb", max_mb),
        format!("{what} is {size_mb} MB; import at most {max_mb} MB at a time (split it into several files)."),
    )
}

/// The file (`what`: "file" or "sheet") has more rows than an import takes.
pub(crate) fn too_many_rows(what: &str) -> Problem {
    Problem::file(
        Reason::new(problems::TOO_MANY_ROWS).with("max", MAX_ROWS),
        format!("The {what} has more than {MAX_ROWS} rows; import it in parts."),
    )
}

/// A trimmed cell, without the `'` our own CSV export puts before formula-like text.
fn clean_cell(cell: &str) -> String {
    let cell = cell.trim();
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// Text from bytes, its encoding, and whether a BOM claimed an encoding the bytes break: a BOM
/// decides; otherwise valid UTF-8 is UTF-8 and anything else is taken as Windows-1252, which is
/// what Excel writes on a Finnish Windows without "UTF-8".
pub(crate) fn decode(bytes: &[u8]) -> (String, &'static str, bool) {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, broken) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return (text.into_owned(), encoding.name(), broken);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), UTF_8.name(), false),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), WINDOWS_1252.name(), false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_keep_finnish_letters() {
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("Äijälä;Åbo\r\n".as_bytes());
        assert_eq!(decode(&with_bom), ("Äijälä;Åbo\r\n".to_owned(), "UTF-8", false));
        // "Äijälä;Åbo" in Windows-1252.
        let cp1252 = [0xC4, b'i', b'j', 0xE4, b'l', 0xE4, b';', 0xC5, b'b', b'o'];
        assert_eq!(decode(&cp1252), ("Äijälä;Åbo".to_owned(), "windows-1252", false));
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Öljy".encode_utf16().flat_map(|unit| unit.to_le_bytes())).collect();
        assert_eq!(decode(&utf16).0, "Öljy");
    }

    #[test]
    fn rows_are_numbered_as_in_excel_and_blank_rows_skipped() {
        let table = read_csv("nimi;kuvaus\n\"Virtanen; Matti\";\"rivi 1\nrivi 2\"\n;;\nLahtinen;x\n".as_bytes())
            .expect("table");
        assert_eq!(table.headers, vec!["nimi", "kuvaus"]);
        let rows: Vec<usize> = table.rows.iter().map(|(row, _)| *row).collect();
        assert_eq!(rows, vec![2, 4]);
        assert_eq!(table.rows[0].1, vec!["Virtanen; Matti", "rivi 1\nrivi 2"]);
    }
}
