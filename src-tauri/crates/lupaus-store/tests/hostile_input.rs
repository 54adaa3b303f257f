//! Hostile and broken input, in the normal test suite: the same surfaces the cargo-fuzz targets
//! in `fuzz/` hammer (docs/fuzzing.md), as fast property tests so CI exercises them without a
//! nightly toolchain. Whatever arrives, the importer, the cell parsers and the case commands
//! answer with a sentence that says what to fix, never a panic or a database error.

mod common;

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use lupaus_core::lifecycle::{self, CaseCommand, CaseState, Policy};
use lupaus_store::Store;
use lupaus_store::import::{ImportOptions, ImportReport, values};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().expect("time")
}

/// A message a person reads: a non-empty, whole sentence.
/// A problem the UI can word: its reason is an import key or one of the core's.
fn has_known_reason(problem: &lupaus_store::import::Problem) -> bool {
    let reason = problem.reason.as_str();
    lupaus_store::import::problems::ALL.contains(&reason) || lupaus_core::reason::ALL.contains(&reason)
}

fn is_sentence(message: &str) -> bool {
    let message = message.trim();
    !message.is_empty() && message.ends_with(['.', '!', '?', ')'])
}

fn dry_run(store: &mut Store, bytes: &[u8]) -> ImportReport {
    let actor = common::agent();
    let options = ImportOptions { dry_run: true, actor: &actor, now: now() };
    store.import_bytes("hostile.csv", bytes, &options).expect("no file makes the database fail")
}

/// Cells as offices and attackers write them: Finnish values, formulas, quotes, separators,
/// control characters, BOMs, very long text.
fn hostile_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("24.12.2025 14.30".to_owned()),
        Just("30.3.2025 3.30".to_owned()),
        Just("1 234,50 €".to_owned()),
        Just("=HYPERLINK(\"http://x\")".to_owned()),
        Just("'=1+1".to_owned()),
        Just("\"".to_owned()),
        Just(";;;".to_owned()),
        Just("\u{feff}kuvaus".to_owned()),
        Just("a\u{0}b".to_owned()),
        "\\PC{0,30}",
        "[0-9.,: -]{0,12}",
        "x{200,260}",
    ]
}

const HEADERS: [&str; 10] =
    ["Asiakas", "Kuvaus", "Toive", "Vastaanotettu", "Kanava", "Korvaus", "Peruste", "Sähköposti", "Kuitattu", ""];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_cell_text_is_parsed_or_refused_with_a_sentence(text in "\\PC{0,24}") {
        let zone = chrono_tz::Europe::Helsinki;
        match values::received_at(&text, zone, now()) {
            Ok(at) => prop_assert!(at <= now() + TimeDelta::days(1)),
            Err(problem) => prop_assert!(is_sentence(&problem.to_string()), "{problem}"),
        }
        if let Err(problem) = values::euros_to_cents(&text) {
            prop_assert!(is_sentence(&problem.to_string()), "{problem}");
        }
        for refused in [
            values::channel(&text).err(),
            values::priority(&text).err(),
            values::yes_no(&text).err(),
            values::compensation_basis(&text).err(),
        ].into_iter().flatten() {
            prop_assert!(is_sentence(&refused.to_string()), "{refused}");
        }
    }

    #[test]
    fn amounts_written_the_finnish_way_are_read_to_the_cent(euros in 0u64..10_000_000, cents in 0u64..100, style in 0usize..5) {
        let whole = euros.to_string();
        let grouped = |separator: &str| {
            let digits: Vec<char> = whole.chars().collect();
            let groups: Vec<String> = digits.rchunks(3).rev().map(|group| group.iter().collect()).collect();
            groups.join(separator)
        };
        let text = match style {
            0 => format!("{whole},{cents:02}"),
            1 => format!("{},{cents:02} €", grouped(" ")),
            2 => format!("{},{cents:02}", grouped("\u{a0}")),
            3 => format!("{},{cents:02} EUR", grouped(".")),
            _ => format!("{whole}.{cents:02}"),
        };
        prop_assert_eq!(values::euros_to_cents(&text), Ok(euros * 100 + cents), "{}", text);
    }

    #[test]
    fn finnish_dates_name_the_same_local_minute(day in 0i64..13_000, minute in 0u32..1440) {
        let zone = chrono_tz::Europe::Helsinki;
        let date = NaiveDate::from_ymd_opt(1991, 1, 1).expect("date") + TimeDelta::days(day);
        let local = date.and_hms_opt(minute / 60, minute % 60, 0).expect("time");
        let text = local.format("%-d.%-m.%Y %-H.%M").to_string();
        match zone.from_local_datetime(&local).earliest() {
            Some(at) => prop_assert_eq!(values::received_at(&text, zone, now()), Ok(at.with_timezone(&Utc))),
            // The spring's skipped hour does not exist; the problem says so.
            None => prop_assert!(values::received_at(&text, zone, now()).expect_err(&text).to_string().contains("does not exist")),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_imported_or_refused_with_sentences(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut store = Store::open_in_memory().expect("store");
        let report = dry_run(&mut store, &bytes);
        prop_assert!(!report.saved);
        for problem in &report.problems {
            prop_assert!(is_sentence(&problem.message), "{problem:?}");
            prop_assert!(has_known_reason(problem), "{problem:?}");
        }
    }

    #[test]
    fn hostile_cells_under_real_headers_are_checked_row_by_row(
        headers in proptest::sample::subsequence(HEADERS.to_vec(), 1..HEADERS.len()),
        rows in proptest::collection::vec(proptest::collection::vec(hostile_cell(), 0..12), 0..6),
        separator in prop_oneof![Just(';'), Just(','), Just('\t')],
    ) {
        let quote = |cell: &str| format!("\"{}\"", cell.replace('"', "\"\""));
        let mut file = headers.iter().map(|header| quote(header)).collect::<Vec<_>>().join(&separator.to_string());
        for row in &rows {
            file.push_str("\r\n");
            file.push_str(&row.iter().map(|cell| quote(cell)).collect::<Vec<_>>().join(&separator.to_string()));
        }
        let mut store = Store::open_in_memory().expect("store");
        let report = dry_run(&mut store, file.as_bytes());
        for problem in &report.problems {
            prop_assert!(is_sentence(&problem.message), "{problem:?}");
            prop_assert!(has_known_reason(problem), "{problem:?}");
            prop_assert!(problem.row <= rows.len() + 1, "{problem:?} points past the last row");
        }
        prop_assert_eq!(store.check().expect("check").cases, 0, "a dry run saves nothing");
    }

    /// The JSON the UI sends to `act_on_case`, with any kind and hostile payloads: it is refused
    /// at the boundary, or decided; what is decided applies and replays.
    #[test]
    fn any_case_command_json_is_refused_or_decided(
        kind in prop_oneof![
            Just("start_solving"), Just("propose_remedy_option"), Just("agree_remedy"), Just("deliver_remedy"),
            Just("propose_compensation"), Just("approve_compensation"), Just("hand_off"), Just("record_root_cause"),
            Just("record_cost"), Just("close"), Just("reopen"), Just("no_such_command"),
        ],
        text in prop_oneof![Just(String::new()), Just("   ".to_owned()), "\\PC{0,20}", "x{20001}"],
        number in prop_oneof![Just(0u64), Just(u64::MAX), Just(u64::from(u32::MAX) + 1), any::<u64>()],
    ) {
        let json = serde_json::json!({
            "kind": kind, "remedy": { "forms": ["refund"], "description": text }, "option_id": number,
            "summary": text, "informed_via": "email", "amount_cents": number, "form": text, "basis": "goodwill",
            "note": text, "compensation_id": number, "to": text, "customer_told": text, "callback": null,
            "category": "process", "description": text, "borne_by": "us", "closing_gesture": text,
            "lessons_learned": text, "not_analysed_reason": text, "reason": text,
        });
        let Ok(command) = serde_json::from_value::<CaseCommand>(json) else { return Ok(()) };
        let intake = common::intake("Maija Meikäläinen").validate().expect("valid");
        let mut records = vec![lifecycle::open_case(intake, common::agent(), now())];
        let mut state = CaseState::replay(&records).expect("replays");
        for actor in [common::agent(), common::lead()] {
            match lifecycle::decide(&state, command.clone(), &actor, now(), &Policy::default()) {
                Ok(new) => {
                    for record in &new {
                        lifecycle::apply(&mut state, record).expect("decided events apply");
                    }
                    records.extend(new);
                }
                Err(error) => prop_assert!(is_sentence(&error.to_string()), "{error}"),
            }
        }
        prop_assert_eq!(CaseState::replay(&records).expect("replays"), state);
    }
}

/// Found by the `cell_values` fuzz target (docs/fuzzing.md): a received time written as RFC 3339
/// skipped the future and before-1990 checks, so a complaint could be imported as received in
/// 2027. It is refused at its row and column like a Finnish date.
#[test]
fn an_rfc3339_received_time_in_the_future_is_refused_at_its_row() {
    let mut store = Store::open_in_memory().expect("store");
    let file = "Asiakas;Kuvaus;Toive;Vastaanotettu\n\
                Maija Meikäläinen;Pesukone vuotaa;Uusi kone;2027-12-24T12:30:00Z\n\
                Matti Virtanen;Lasku väärin;Hyvitys;1989-12-31T21:59:00Z\n\
                Liisa Laine;Kenkä hajosi;Rahat takaisin;2025-12-24T12:30:00Z\n";
    let report = dry_run(&mut store, file.as_bytes());
    let problems: Vec<(usize, &str, &str)> = report
        .problems
        .iter()
        .map(|problem| (problem.row, problem.column.as_str(), problem.message.as_str()))
        .collect();
    assert_eq!(
        problems,
        vec![
            (2, "Vastaanotettu", "2027-12-24T12:30:00Z is in the future; check the date (day.month.year)."),
            (3, "Vastaanotettu", "1989-12-31T21:59:00Z is before 1990; check the year."),
        ]
    );
    assert_eq!(report.cases_created, 1, "the row received in 2025 passes");
}
