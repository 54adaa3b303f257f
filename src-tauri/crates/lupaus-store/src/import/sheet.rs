//! The header row understood: which column holds which field, and whether the file is a
//! complaint file or a customer file. Problems with the header are reported on row 1.

use std::collections::HashMap;

use lupaus_core::reason::Reason;

use super::columns::{Field, field_for};
use super::problems::{self, Problem};
use super::table::Table;
use super::{ImportKind, ImportReport};

/// The header row understood: which cell holds which field, and what kind of file this is.
pub(super) struct Sheet {
    pub(super) kind: ImportKind,
    columns: HashMap<Field, (usize, String)>,
}

impl Sheet {
    pub(super) fn new(table: &Table, report: &mut ImportReport) -> Option<Sheet> {
        let mut columns: HashMap<Field, (usize, String)> = HashMap::new();
        for (index, header) in table.headers.iter().enumerate() {
            match field_for(header) {
                Some(field) => {
                    if let Some((_, first)) = columns.get(&field) {
                        let reason = Reason::new(problems::DUPLICATE_COLUMN)
                            .with("first", first)
                            .with("header", header)
                            .with("field", field.key());
                        let message =
                            format!("Columns '{first}' and '{header}' both give {}; keep one of them.", field.label());
                        report.problems.push(Problem::new(1, header, reason, message));
                    } else {
                        columns.insert(field, (index, header.clone()));
                    }
                }
                None if header.is_empty() => {}
                None => report.ignored_columns.push(header.clone()),
            }
        }
        let complaint_only = [Field::Description, Field::RequestedRemedy, Field::Received, Field::Channel];
        let kind = if complaint_only.iter().any(|field| columns.contains_key(field)) {
            ImportKind::Complaints
        } else {
            ImportKind::Customers
        };
        report.kind = Some(kind);
        let required: &[Field] = match kind {
            ImportKind::Complaints => &[Field::Customer, Field::Description, Field::RequestedRemedy, Field::Received],
            ImportKind::Customers => &[Field::Customer],
        };
        for field in required {
            if !columns.contains_key(field) {
                let message = format!(
                    "The file has no {} column, which is required; add it (the header can be Finnish, Swedish or English).",
                    field.label()
                );
                let reason = Reason::new(problems::MISSING_COLUMN).with("field", field.key());
                report.problems.push(Problem::new(1, field.label(), reason, message));
            }
        }
        report.problems.is_empty().then_some(Sheet { kind, columns })
    }

    /// The trimmed cell for `field`, `None` when the column is absent or the cell empty.
    pub(super) fn cell<'a>(&self, cells: &'a [String], field: Field) -> Option<&'a str> {
        let (index, _) = self.columns.get(&field)?;
        cells.get(*index).map(String::as_str).filter(|cell| !cell.is_empty())
    }

    /// The header of `field` as written in the file, for problems.
    pub(super) fn header(&self, field: Field) -> String {
        self.columns.get(&field).map_or_else(|| field.label().to_owned(), |(_, header)| header.clone())
    }
}
