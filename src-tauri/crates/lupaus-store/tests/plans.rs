//! Guard rails for scale: every hot query is answered through an index, never by reading the
//! whole `cases` table. Checked on a few thousand cases after `ANALYZE` (as `lupaus-cli bench`
//! does on a million), so the planner sees the same kind of statistics it sees at scale.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::{Actor, CaseCommand, Party, Remedy, RemedyForm, RootCauseCategory};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_store::Store;
use lupaus_store::plans::HotQueryPlan;

const CASES: usize = 3000;
const FIRST: [&str; 8] = ["Maija", "Matti", "Aino", "Eero", "Sanna", "Karin", "John", "Liisa"];
const LAST: [&str; 7] = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Lindqvist", "Smith", "Laine"];
const AGENTS: [&str; 5] = ["Aino Agentti", "Ville Palvelu", "Sara Asiakaspalvelu", "Oona Olkkonen", "Pekka Puhelin"];
const TEXTS: [&str; 4] = [
    "Pesukone vuotaa vettä lattialle; tämä on jo toinen reklamaatio.",
    "Laskutusvirhe: sama toimitusmaksu kahdesti.",
    "The parcel arrived broken and I want a refund.",
    "Fakturan har fel belopp.",
];

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2023, 1, 2, 8, 0, 0).single().expect("valid time")
}

fn intake(n: usize) -> NewCase {
    let name = format!("{} {}", FIRST[n % FIRST.len()], LAST[(n / FIRST.len()) % LAST.len()]);
    NewCase {
        channel: Channel::ALL[n % Channel::ALL.len()],
        customer: CustomerInput {
            email: Some(format!("asiakas{}@example.fi", n % 900)),
            name,
            phone: Some(format!("040 {:03} {:04}", n % 1000, n % 10_000)),
            customer_number: n.is_multiple_of(3).then(|| format!("AS-{:05}", n % 400)),
        },
        product_ref: Some(format!("Tilaus {}", 100_000 + n)),
        description: TEXTS[n % TEXTS.len()].into(),
        requested_remedy: "Korjaus tai hyvitys".into(),
        priority: Priority::ALL[n % Priority::ALL.len()],
        category: None,
        tags: vec![],
        acknowledged: true,
        former_ref: None,
    }
}

/// Three years of a desk: most cases closed with their promise kept, the newest still open.
fn desk() -> (Store, DateTime<Utc>) {
    let mut store = Store::open_in_memory().expect("store");
    let policy = store.desk_settings().expect("settings").settings.policy;
    let step = Duration::minutes(525);
    let now = start() + step * CASES as i32 + Duration::days(1);
    for batch in 0..CASES / 500 {
        store
            .bulk_batch(|batch_writer| {
                for n in batch * 500..(batch + 1) * 500 {
                    let at = start() + step * n as i32;
                    let agent = Actor::agent(AGENTS[n % AGENTS.len()]);
                    let case_id = batch_writer.create_case(intake(n).validate()?, &agent, at)?;
                    let due = at + Duration::days(1);
                    let promise = NewPromise {
                        text: "Soitamme takaisin".into(),
                        channel: PromiseChannel::Call,
                        due_at: due,
                        owner: agent.person.clone(),
                        // Generated load at any hour of the day, as if each were agreed.
                        outside_hours_confirmed: true,
                    };
                    let promise = batch_writer.make_promise(case_id, promise, &agent, at)?;
                    if n + 60 > CASES {
                        continue;
                    }
                    batch_writer.keep_promise(&promise, "Soitettu", due - Duration::hours(1), &agent)?;
                    batch_writer.act_on_case(case_id, lifecycle(n, at), &agent, &policy)?;
                }
                Ok(())
            })
            .expect("batch");
    }
    store.analyze().expect("analyze");
    (store, now)
}

fn lifecycle(n: usize, at: DateTime<Utc>) -> Vec<(CaseCommand, DateTime<Utc>)> {
    let steps = vec![
        CaseCommand::StartSolving,
        CaseCommand::AgreeRemedy {
            remedy: Remedy { forms: vec![RemedyForm::Repair], description: "Korjaus".into() },
            option_id: None,
        },
        CaseCommand::DeliverRemedy { summary: "Korjattu".into(), informed_via: Channel::Phone },
        CaseCommand::RecordRootCause { category: RootCauseCategory::ProductDefect, description: "Vika".into() },
        CaseCommand::AssignResponsibility { party: Party::Supplier, party_name: None, note: None },
        CaseCommand::Close { closing_gesture: None, lessons_learned: None, not_analysed_reason: None },
    ];
    // One case in ten stalls on the way, as real ones do.
    let reached = if n.is_multiple_of(10) { 1 + n % 4 } else { steps.len() };
    steps
        .into_iter()
        .take(reached)
        .enumerate()
        .map(|(i, step)| (step, at + Duration::hours(2 * (i as i64 + 1))))
        .collect()
}

fn plans() -> Vec<HotQueryPlan> {
    let (store, now) = desk();
    store.hot_query_plans(now).expect("plans")
}

#[test]
fn no_hot_query_reads_a_whole_table() {
    let plans = plans();
    let mut failures = Vec::new();
    for query in &plans {
        assert!(!query.statements.is_empty(), "{} ran no statement", query.name);
        for statement in &query.statements {
            let scans = statement.full_scans();
            if !scans.is_empty() {
                failures.push(format!(
                    "{}: {:?}\n  {}\n  {}",
                    query.name,
                    scans,
                    statement.sql,
                    statement.plan.join("\n  ")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "full table scans:\n{}", failures.join("\n"));
}

#[test]
fn cases_is_only_ever_searched_through_an_index() {
    for query in plans() {
        for statement in &query.statements {
            for line in &statement.plan {
                let line = line.trim();
                let bare_scan = ["SCAN cases", "SCAN c"].contains(&line);
                assert!(!bare_scan, "{}: {line}\n{}", query.name, statement.sql);
            }
        }
    }
}

#[test]
fn each_hot_query_uses_an_index_or_the_search_index() {
    for query in plans() {
        let indexed = query
            .statements
            .iter()
            .flat_map(|statement| &statement.plan)
            .any(|line| line.contains(" USING ") || line.contains("VIRTUAL TABLE"));
        assert!(indexed, "{} uses no index: {:#?}", query.name, query.statements);
    }
}

#[test]
fn the_desk_is_what_the_plans_were_made_on() {
    let (store, now) = desk();
    let report = store.check().expect("check");
    assert_eq!(report.cases, CASES as i64);
    assert!(!store.open_promises_due_before(now, None, now, 500).expect("due").is_empty(), "some promises are open");
    assert!(store.next_reminder_at().expect("next").is_some());
    assert!(!store.search_cases("reklamaatio", 20).expect("search").is_empty());
    assert_eq!(common::agent().person, "Aino Agentti");
}

/// The customer look-up walks `customers_by_name` in name order and stops at its limit: the
/// name-prefix part needs no sort of its own, and cases are counted only for the page returned
/// (a common four-letter prefix matched thousands of customers, each counted, before the limit).
#[test]
fn customer_look_up_stops_walking_the_name_index_at_its_limit() {
    let plans = plans();
    let look_up = plans.iter().find(|plan| plan.name == "customer look-up").expect("customer look-up is a hot query");
    let [statement] = look_up.statements.as_slice() else { panic!("one statement: {:#?}", look_up.statements) };
    let plan = statement.plan.join("\n");
    let name_walk = statement
        .plan
        .iter()
        .position(|line| line.contains("customers_by_name (name>? AND name<?)"))
        .unwrap_or_else(|| panic!("walks customers_by_name:\n{plan}"));
    // The next line at the same depth would be a sort of every prefix match.
    let depth = |line: &str| line.len() - line.trim_start().len();
    let sorts_the_matches = statement.plan[name_walk + 1..]
        .iter()
        .take_while(|line| depth(line) >= depth(&statement.plan[name_walk]))
        .any(|line| line.contains("TEMP B-TREE FOR ORDER BY"));
    assert!(!sorts_the_matches, "the prefix matches are sorted instead of read in index order:\n{plan}");
    assert!(statement.sql.contains("LIMIT ?2)"), "the name walk is limited: {}", statement.sql);
}
