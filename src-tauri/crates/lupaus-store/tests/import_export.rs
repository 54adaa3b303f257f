//! Import from spreadsheet exports as Finnish offices make them, and export back out: encodings,
//! dates in Helsinki time, decimal commas, problems by row and column, all-or-nothing.

mod common;

use chrono::{DateTime, Utc};
use lupaus_store::Store;
use lupaus_store::export::{ExportFormat, ExportWhat};
use lupaus_store::import::{ImportOptions, Problem};
use serde_json::Value;

use common::{import, utf8_bom};

fn now() -> DateTime<Utc> {
    common::import_now()
}

/// Windows-1252 bytes, as Excel's plain "CSV (semicolon delimited)" writes on a Finnish PC.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'ä' => 0xE4,
            'ö' => 0xF6,
            'å' => 0xE5,
            'Ä' => 0xC4,
            'Ö' => 0xD6,
            'Å' => 0xC5,
            '€' => 0x80,
            c if c.is_ascii() => c as u8,
            other => panic!("not in the fixture alphabet: {other}"),
        })
        .collect()
}

const FINNISH: &str = "Asiakas;Sähköposti;Puhelin;Kanava;Vastaanotettu;Tuote/tilaus;Kuvaus;Toive;Korvaus (€);Muistiinpanot
Äijälä Åsa;asa@example.fi;040 111 2222;puhelin;24.12.2025 14.30;Tilaus 4471;Pesukone vuotaa vettä lattialle.;Uusi kone;49,90;soita iltapäivällä
Öhman Björn;;;sähköposti;2.1.2026;;\"Lasku väärin; veloitettu kahdesti\";Hyvitys;;
";

#[test]
fn a_utf8_file_with_bom_and_finnish_headers_is_imported_with_letters_dates_and_amounts_intact() {
    let mut store = Store::open_in_memory().expect("store");
    let report = import(&mut store, &utf8_bom(FINNISH), false);
    assert_eq!(report.problems, vec![], "{report:?}");
    assert!(report.saved);
    assert_eq!((report.rows, report.cases_created, report.customers_created), (2, 2, 2));
    assert_eq!(report.ignored_columns, vec!["Muistiinpanot".to_owned()]);
    let cases = store.list_cases(&Default::default()).expect("list");
    let first = cases.iter().find(|case| case.customer_name == "Äijälä Åsa").expect("Åsa's case");
    // 24.12.2025 14.30 in Helsinki (EET, UTC+2).
    assert_eq!(first.received_at.to_rfc3339(), "2025-12-24T12:30:00+00:00");
    assert_eq!(first.reference, "R-2025-000001");
    assert_eq!(first.channel, "phone");
    let detail = store.case_detail(first.id, &common::agent(), now()).expect("detail");
    assert_eq!(detail.state.intake.description, "Pesukone vuotaa vettä lattialle.");
    assert_eq!(detail.state.intake.product_ref.as_deref(), Some("Tilaus 4471"));
    assert_eq!(detail.state.compensations[0].amount_cents, Some(4990), "49,90 €");
    assert_eq!(detail.customer.email.as_deref(), Some("asa@example.fi"));
    let second = cases.iter().find(|case| case.customer_name == "Öhman Björn").expect("Björn's case");
    assert_eq!(second.received_at.to_rfc3339(), "2026-01-01T22:00:00+00:00", "a date alone is local midnight");
    assert_eq!(second.summary, "Lasku väärin; veloitettu kahdesti");
    assert!(store.audit(0).expect("audit").is_ok());
}

#[test]
fn a_windows_1252_file_with_english_headers_keeps_a_o_and_a_ring() {
    let mut store = Store::open_in_memory().expect("store");
    let file = "Customer;Email;Channel;Received;Description;Requested remedy;Priority\n\
                Ström Väinö;vaino@example.fi;counter;5.11.2026 9.15;Kenkä hajosi viikossa, pohja irti.;Rahat takaisin;korkea\n";
    let report = import(&mut store, &windows_1252(file), false);
    assert_eq!(report.problems, vec![], "{report:?}");
    assert_eq!(report.encoding, "windows-1252");
    let cases = store.list_cases(&Default::default()).expect("list");
    assert_eq!(cases[0].customer_name, "Ström Väinö");
    assert_eq!(cases[0].summary, "Kenkä hajosi viikossa, pohja irti.");
    assert_eq!(cases[0].priority, "high");
    assert_eq!(cases[0].received_at.to_rfc3339(), "2026-11-05T07:15:00+00:00");
}

fn problem(row: usize, column: &str, says: &str) -> (usize, String, String) {
    (row, column.to_owned(), says.to_owned())
}

fn matches(problems: &[Problem], expected: &[(usize, String, String)]) {
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for (problem, (row, column, says)) in problems.iter().zip(expected) {
        assert_eq!((problem.row, &problem.column), (*row, column), "{problem:?}");
        assert!(problem.message.contains(says.as_str()), "{problem:?} should say {says}");
    }
}

#[test]
fn every_problem_is_reported_by_row_and_column_and_nothing_is_saved() {
    let mut store = Store::open_in_memory().expect("store");
    let file = "asiakas;kanava;vastaanotettu;kuvaus;toive;korvaus
Hyvä Rivi;puhelin;3.11.2026;Toimii;Korjaus;10
Virheellinen Päivä;puhelin;31.11.2026;Kuvaus;Korjaus;
;puhelin;3.11.2026;Kuvaus;Korjaus;
Väärä Kanava;kirjekyyhky;3.11.2026 25.00;Kuvaus;Korjaus;12,345
Tyhjä Päivä;puhelin;;Kuvaus;Korjaus;
";
    for dry_run in [true, false] {
        let report = import(&mut store, &utf8_bom(file), dry_run);
        matches(
            &report.problems,
            &[
                problem(3, "vastaanotettu", "is not a date"),
                problem(4, "asiakas", "cannot be empty"),
                problem(5, "vastaanotettu", "time"),
                problem(5, "kanava", "not a channel"),
                problem(5, "korvaus", "not an amount"),
                problem(6, "vastaanotettu", "empty"),
            ],
        );
        // Each problem also travels as a key and values, for the UI to say in the person's language.
        let reasons: Vec<(&str, Option<&str>)> = report
            .problems
            .iter()
            .map(|problem| (problem.reason.as_str(), problem.params.get("value").map(String::as_str)))
            .collect();
        assert_eq!(
            reasons,
            [
                ("not_a_date", Some("31.11.2026")),
                ("required", None),
                ("unreadable_time", Some("3.11.2026 25.00")),
                ("unknown_channel", Some("kirjekyyhky")),
                ("not_an_amount", Some("12,345")),
                ("received_empty", None),
            ]
        );
        assert!(!report.saved);
        assert_eq!(store.check().expect("check").cases, 0, "all or nothing: the good row is not saved either");
        assert_eq!(store.check().expect("check").customers, 0);
    }
}

/// An import indexes its cases for search in its own transaction (and the cases saved before it
/// that the idle upkeep had not indexed yet); a refused import indexes nothing either.
#[test]
fn an_import_is_searchable_at_once_and_a_refused_one_leaves_the_index_as_it_was() {
    let mut store = Store::open_in_memory().expect("store");
    let saved = common::intake("Korhonen Kaisa").validate().expect("valid");
    store.create_case(saved, &common::agent(), now()).expect("saved, not yet indexed");

    let refused = "asiakas;kanava;vastaanotettu;kuvaus;toive\nHyvä Rivi;puhelin;3.11.2026;Toimii;Korjaus\nHuono;puhelin;;Kuvaus;Korjaus\n";
    assert!(!import(&mut store, &utf8_bom(refused), false).saved);
    assert!(store.search_cases("Toimii", 5).expect("search").is_empty(), "nothing of a refused import is indexed");
    assert_eq!(store.index_new_cases().expect("catch up"), 1, "the saved case still waited for the upkeep");

    store
        .create_case(common::intake("Laine Leena").validate().expect("valid"), &common::agent(), now())
        .expect("saved");
    assert!(import(&mut store, &utf8_bom(FINNISH), false).saved);
    assert_eq!(store.index_new_cases().expect("catch up"), 0, "the import indexed its cases and the one before it");
    let found: Vec<String> =
        store.search_cases("aijala", 5).expect("search").into_iter().map(|case| case.customer_name).collect();
    assert_eq!(found, ["Äijälä Åsa"]);
    assert_eq!(store.search_cases("Laine", 5).expect("search").len(), 1);
}

/// A file of `rows` complaints, each with its own customer, time and order number (four digits,
/// so that no number begins another), every third
/// with an amount; `bad_row` (a data row, 0-based) gets a date that does not exist.
fn many_rows(rows: usize, bad_row: Option<usize>) -> Vec<u8> {
    let mut file = String::from("asiakas;kanava;vastaanotettu;tuote/tilaus;kuvaus;toive;korvaus\n");
    for n in 0..rows {
        let day = if Some(n) == bad_row { "31.11.2026".to_owned() } else { format!("{}.10.2026", 1 + n % 28) };
        let amount = if n % 3 == 0 { format!("{},50", 10 + n % 90) } else { String::new() };
        file.push_str(&format!(
            "Asiakas {n};puhelin;{day} {}.{:02};TILAUS-{n:04};Pesukone vuotaa, rivi {n};Korjaus;{amount}\n",
            8 + n / 60 % 10,
            n % 60
        ));
    }
    utf8_bom(&file)
}

/// The import checks rows on a second thread a few hundred ahead of the one that writes them:
/// with many more rows than that, a late problem still refuses the whole file and is reported
/// once, at its row; a good file is saved in the file's order, each compensation proposed on
/// its own case, and every case is searchable when the import returns.
#[test]
fn a_long_file_is_checked_and_written_in_order_all_or_nothing() {
    let rows = 1_500;
    let mut store = Store::open_in_memory().expect("store");
    let refused = import(&mut store, &many_rows(rows, Some(1_234)), false);
    matches(&refused.problems, &[problem(1_236, "vastaanotettu", "is not a date")]);
    assert!(!refused.saved);
    assert_eq!(store.check().expect("check").cases, 0);

    let report = import(&mut store, &many_rows(rows, None), false);
    assert_eq!(report.problems, vec![], "{:?}", &report.problems);
    assert_eq!((report.cases_created, report.customers_created, report.saved), (rows, rows, true));
    assert_eq!(store.index_new_cases().expect("catch up"), 0, "the import indexed every case itself");
    for n in [0, 1, 255, 256, 257, 999, rows - 1] {
        let found = store.search_cases(&format!("TILAUS-{n:04}"), 5).expect("search");
        let names: Vec<&str> = found.iter().map(|case| case.customer_name.as_str()).collect();
        assert_eq!(names, [format!("Asiakas {n}")], "row {n}");
        let detail = store.case_detail(found[0].id, &common::agent(), now()).expect("detail");
        assert_eq!(found[0].reference, format!("R-2026-{:06}", n + 1), "references follow the file's order");
        let proposed: Vec<Option<u64>> = detail.state.compensations.iter().map(|item| item.amount_cents).collect();
        let expected = if n % 3 == 0 { vec![Some((10 + n as u64 % 90) * 100 + 50)] } else { vec![] };
        assert_eq!(proposed, expected, "row {n}");
    }
    assert!(store.audit(0).expect("audit").is_ok(), "every case replays from its events to its stored state");
}

#[test]
fn missing_required_columns_are_named() {
    let mut store = Store::open_in_memory().expect("store");
    let report = import(&mut store, &utf8_bom("Asiakas;Puhelin;Kuvaus\nMatti;040;Rikki\n"), true);
    matches(
        &report.problems,
        &[
            problem(1, "toive / requested remedy", "no toive"),
            problem(1, "vastaanotettu / received", "no vastaanotettu"),
        ],
    );
    let report = import(&mut store, &utf8_bom("Asiakas;Kuvaus;Description;Toive;Pvm\nx;y;z;w;1.1.2026\n"), true);
    matches(&report.problems, &[problem(1, "Description", "keep one")]);
}

#[test]
fn a_dry_run_checks_everything_and_saves_nothing_and_a_second_import_finds_duplicates() {
    let mut store = Store::open_in_memory().expect("store");
    let dry = import(&mut store, &utf8_bom(FINNISH), true);
    assert_eq!((dry.problems.len(), dry.cases_created, dry.saved), (0, 2, false));
    assert_eq!(store.check().expect("check").cases, 0);
    assert!(import(&mut store, &utf8_bom(FINNISH), false).saved);
    let again = import(&mut store, &utf8_bom(FINNISH), false);
    matches(
        &again.problems,
        &[problem(2, "Kuvaus", "already in Lupaus as R-2025-000001"), problem(3, "Kuvaus", "already in Lupaus")],
    );
    assert_eq!(store.check().expect("check").cases, 2);
}

#[test]
fn a_customer_file_creates_and_matches_customers() {
    let mut store = Store::open_in_memory().expect("store");
    let file =
        "Asiakasnumero;Nimi;Sähköposti;Puhelin\nAS-1;Åkerman Siiri;siiri@example.fi;050 123 4567\nAS-2;Lahti Olli;;\n";
    let report = import(&mut store, &utf8_bom(file), false);
    assert_eq!(report.problems, vec![]);
    assert_eq!((report.customers_created, report.customers_matched), (2, 0));
    let again = import(&mut store, &utf8_bom(file), false);
    assert_eq!((again.customers_created, again.customers_matched), (0, 2));
    let found = store.find_customers("Åkerman", 5).expect("find");
    assert_eq!(found[0].customer_number.as_deref(), Some("AS-1"));
    assert_eq!(found[0].phone.as_deref(), Some("+358501234567"));
    let bad = import(&mut store, &utf8_bom("Nimi;Sähköposti\nX;ei-osoite\n"), false);
    matches(&bad.problems, &[problem(2, "Sähköposti", "not an e-mail address")]);
}

#[test]
fn hostile_files_are_refused_with_a_reason() {
    let mut store = Store::open_in_memory().expect("store");
    let binary = import(&mut store, b"\x01\x02\0\0binary\0", true);
    assert!(binary.problems[0].message.contains("binary"), "{binary:?}");
    let empty = import(&mut store, b"", true);
    assert!(empty.problems[0].message.contains("empty"), "{empty:?}");
    let huge_cell = format!("asiakas;kuvaus;toive;pvm\nX;{};y;1.1.2026\n", "a".repeat(30_000));
    let report = import(&mut store, huge_cell.as_bytes(), true);
    matches(&report.problems, &[problem(2, "kuvaus", "shorten it")]);
}

fn export(store: &Store, what: ExportWhat, format: ExportFormat) -> Vec<u8> {
    let mut out = Vec::new();
    store.export(what, format, &mut out, now()).expect("export");
    out
}

#[test]
fn a_csv_export_opens_in_excel_and_imports_back() {
    let mut store = Store::open_in_memory().expect("store");
    import(&mut store, &utf8_bom(FINNISH), false);
    let mut hostile = common::intake("=HYPERLINK(\"http://paha.example\")");
    hostile.description = "-2+3 ja @SUM(A1)".into();
    store.create_case(hostile.validate().expect("valid"), &common::agent(), now()).expect("case");

    let csv = export(&store, ExportWhat::Cases, ExportFormat::Csv);
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 with BOM");
    let text = String::from_utf8(csv.clone()).expect("utf-8");
    assert!(text.contains("\r\n") && text.lines().next().expect("header").contains(";received;"), "{text}");
    assert!(text.contains("Äijälä Åsa") && text.contains("24.12.2025 14:30") && text.contains("49,90"), "{text}");
    assert!(text.contains("'=HYPERLINK") && text.contains("'-2+3 ja @SUM(A1)"), "formulas are defused: {text}");
    assert!(!text.contains(";=") && !text.contains(";\"="), "{text}");

    let mut copy = Store::open_in_memory().expect("store");
    let report = import(&mut copy, &csv, false);
    assert_eq!(report.problems, vec![], "an export imports back: {report:?}");
    assert_eq!(report.cases_created, 3);
    let names: Vec<String> =
        copy.list_cases(&Default::default()).expect("list").into_iter().map(|c| c.customer_name).collect();
    assert!(names.contains(&"=HYPERLINK(\"http://paha.example\")".to_owned()), "{names:?}");
    assert!(names.contains(&"Öhman Björn".to_owned()));
}

#[test]
fn json_exports_hold_every_row() {
    let mut store = Store::open_in_memory().expect("store");
    import(&mut store, &utf8_bom(FINNISH), false);
    let events: Value = serde_json::from_slice(&export(&store, ExportWhat::Events, ExportFormat::Json)).expect("json");
    let events = events.as_array().expect("array");
    assert_eq!(events.len(), 3, "two openings and one compensation");
    assert_eq!(events[0]["record"]["event"]["kind"], "opened");
    assert_eq!(events[0]["at"], "2025-12-24T12:30:00Z");
    let customers: Value =
        serde_json::from_slice(&export(&store, ExportWhat::Customers, ExportFormat::Json)).expect("json");
    assert_eq!(customers[0]["customer"], "Äijälä Åsa");
    let cases: Value = serde_json::from_slice(&export(&store, ExportWhat::Cases, ExportFormat::Json)).expect("json");
    assert_eq!(cases[0]["compensation eur"], 49.9);
    assert_eq!(cases[0]["state"]["intake"]["customer"]["name"], "Äijälä Åsa");
    let promises: Value =
        serde_json::from_slice(&export(&store, ExportWhat::Promises, ExportFormat::Json)).expect("json");
    assert_eq!(promises, Value::Array(vec![]));
    let empty_csv = String::from_utf8(export(&store, ExportWhat::Promises, ExportFormat::Csv)).expect("utf-8");
    assert!(empty_csv.contains("(no rows)"));
}

/// A workbook as Excel saves it: a real date cell, a phone stored as a number, an amount.
fn workbook(with_bad_row: bool) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, header) in ["Asiakas", "Puhelin", "Vastaanotettu", "Kuvaus", "Toive", "Korvaus"].iter().enumerate() {
        sheet.write_string(0, column as u16, *header).expect("header");
    }
    let date = Format::new().set_num_format("d.m.yyyy h:mm");
    let received = ExcelDateTime::from_ymd(2025, 12, 24).expect("date").and_hms(14, 30, 0).expect("time");
    sheet.write_string(1, 0, "Äijälä Åsa").expect("cell");
    sheet.write_number(1, 1, 401_234_567.0).expect("cell");
    sheet.write_datetime_with_format(1, 2, &received, &date).expect("cell");
    sheet.write_string(1, 3, "Pesukone vuotaa").expect("cell");
    sheet.write_string(1, 4, "Uusi kone").expect("cell");
    sheet.write_number(1, 5, 49.9).expect("cell");
    if with_bad_row {
        sheet.write_string(2, 0, "Öhman Björn").expect("cell");
        sheet.write_string(2, 2, "32.12.2025").expect("cell");
        sheet.write_string(2, 3, "Lasku väärin").expect("cell");
        sheet.write_string(2, 4, "Hyvitys").expect("cell");
    }
    workbook.save_to_buffer().expect("xlsx")
}

#[test]
fn an_excel_workbook_is_read_like_its_csv() {
    let mut store = Store::open_in_memory().expect("store");
    let report = import(&mut store, &workbook(true), true);
    matches(&report.problems, &[problem(3, "Vastaanotettu", "not a date")]);

    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("reklamaatiot.xlsx");
    std::fs::write(&file, workbook(false)).expect("write");
    let actor = common::agent();
    let report =
        store.import_file(&file, &ImportOptions { dry_run: false, actor: &actor, now: now() }).expect("import");
    assert_eq!(report.problems, vec![], "{report:?}");
    let case = &store.list_cases(&Default::default()).expect("list")[0];
    assert_eq!(case.customer_name, "Äijälä Åsa");
    assert_eq!(case.received_at.to_rfc3339(), "2025-12-24T12:30:00+00:00", "Excel's local 14:30 in Helsinki");
    let detail = store.case_detail(case.id, &common::agent(), now()).expect("detail");
    assert_eq!(detail.state.compensations[0].amount_cents, Some(4990));
    // Excel made a number of 040 123 4567; it comes back as one (E.164).
    assert_eq!(detail.customer.phone.as_deref(), Some("+358401234567"));

    let broken = dir.path().join("rikki.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 not really a zip").expect("write");
    let report = store.import_file(&broken, &ImportOptions { dry_run: true, actor: &actor, now: now() }).expect("runs");
    assert!(report.problems[0].message.contains("save it as CSV"), "{report:?}");
}

#[test]
fn an_xlsx_export_opens_as_a_workbook_with_text_never_formulas() {
    use calamine::Reader;
    let mut store = Store::open_in_memory().expect("store");
    import(&mut store, &utf8_bom(FINNISH), false);
    let mut hostile = common::intake("=1+1");
    hostile.description = "=HYPERLINK(\"http://paha.example\")".into();
    store.create_case(hostile.validate().expect("valid"), &common::agent(), now()).expect("case");
    let bytes = export(&store, ExportWhat::Cases, ExportFormat::Xlsx);
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).expect("a workbook");
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).expect("sheet");
    let rows: Vec<Vec<String>> = range.rows().map(|row| row.iter().map(ToString::to_string).collect()).collect();
    assert_eq!(rows.len(), 4, "header and three cases");
    assert_eq!(rows[0][2], "customer");
    assert_eq!(rows[1][2], "Äijälä Åsa");
    assert!(rows[3].contains(&"=1+1".to_owned()), "{:?}", rows[3]);
    let formulas = workbook.worksheet_formula(&name).expect("formulas");
    assert!(formulas.used_cells().all(|(_, _, formula)| formula.is_empty()), "no cell is a formula");
}
