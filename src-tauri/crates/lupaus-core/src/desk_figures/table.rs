//! The figures as (measure, value) rows: one shape for the CLI's text, CSV and XLSX exports and
//! the lead view's table fallback.

use super::DeskFigures;

fn percent(value: Option<f64>) -> String {
    value.map(|value| format!("{value:.1}")).unwrap_or_default()
}

fn minutes(value: Option<i64>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

/// Measure names are English; the UI translates them from its own keys.
pub fn to_rows(figures: &DeskFigures) -> Vec<(String, String)> {
    let p = &figures.promises;
    let mut rows = vec![
        ("cases received".to_owned(), figures.cases_received.to_string()),
        ("promises due".to_owned(), p.due.to_string()),
        ("promises kept on time".to_owned(), p.kept_on_time.to_string()),
        ("promises kept late".to_owned(), p.kept_late.to_string()),
        ("promises broken".to_owned(), p.broken.to_string()),
        ("promises renegotiated in time".to_owned(), p.renegotiated_in_time.to_string()),
        ("promises kept on time %".to_owned(), percent(p.kept_on_time_percent)),
        ("time to remedy median (business min)".to_owned(), minutes(figures.time_to_remedy.median)),
        ("time to remedy p90 (business min)".to_owned(), minutes(figures.time_to_remedy.p90)),
        ("time to close median (business min)".to_owned(), minutes(figures.time_to_close.median)),
        ("time to close p90 (business min)".to_owned(), minutes(figures.time_to_close.p90)),
        ("first-contact resolution %".to_owned(), percent(figures.first_contact_resolution_percent)),
        ("customer contacts per case".to_owned(), percent(figures.contacts_per_case)),
        ("hand-offs per case".to_owned(), percent(figures.hand_offs_per_case)),
    ];
    for total in &figures.compensation {
        rows.push((
            format!("compensation {:?} (EUR)", total.basis),
            format!("{:.2}", total.amount_cents as f64 / 100.0),
        ));
    }
    for cause in &figures.root_causes {
        rows.push((format!("root cause {:?}", cause.category), cause.count.to_string()));
    }
    for party in &figures.responsibility {
        rows.push((format!("responsibility {:?}", party.category), party.count.to_string()));
    }
    for stage in &figures.open_by_stage {
        let open = stage.under_2_days + stage.days_2_to_7 + stage.days_7_to_30 + stage.over_30_days;
        rows.push((format!("open at stage {}", stage.stage.as_str()), open.to_string()));
    }
    rows
}

/// (measure, value) rows `;`-separated with decimal commas and a BOM, as Finnish Excel expects.
/// A value that is not a number (a desk code or a person's name saying whose figures these are)
/// is quoted when it needs to be, and defused when Excel would read it as a formula.
pub fn rows_to_csv(rows: &[(String, String)]) -> String {
    let mut out = String::from("\u{feff}measure;value\r\n");
    for (measure, value) in rows {
        let value = if value.parse::<f64>().is_ok() { value.replace('.', ",") } else { text_cell(value) };
        out.push_str(&format!("{};{value}\r\n", text_cell(measure)));
    }
    out
}

fn text_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    if text.contains([';', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}
