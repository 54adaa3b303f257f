//! A returning customer's history across the desks of a team, found by phone and by name (issue
//! 17), over a real PostgreSQL the test starts itself: each desk keeps its own customer row, and
//! the history of one shows the cases and open promises recorded on the others.
//! Unix only: the test server runs Debian's PostgreSQL binaries (initdb, pg_ctl, `su postgres`).
#![cfg(unix)]

mod common;

use common::{desk, intake, team};
use lupaus_desk::Desk;
use lupaus_store::customers::Customer;
use lupaus_sync::round::sync_desk;
use lupaus_sync::test_server::TestServer;

fn open(desk: &mut Desk, name: &str, phone: Option<&str>, callback: bool) -> String {
    let mut case = intake(name);
    case.customer.phone = phone.map(str::to_owned);
    common::create_with_callback(desk, case, callback).case.reference
}

/// The references in the history of the customer `pick` chooses among those `query` finds on
/// `desk`, and how many open promises it lists.
fn history(desk: &Desk, query: &str, pick: impl Fn(&Customer) -> bool) -> (Vec<String>, usize) {
    let found = desk.find_customers(query).expect("look-up");
    let customer = found.iter().find(|customer| pick(customer)).unwrap_or_else(|| panic!("not found: {found:?}"));
    let history = desk.customer_history(customer.id).expect("history");
    let mut references: Vec<String> = history.cases.iter().map(|case| case.reference.clone()).collect();
    references.sort();
    (references, history.open_promises.len())
}

/// `references` sorted, as [`history`] lists them.
fn sorted<const N: usize>(references: [String; N]) -> Vec<String> {
    let mut references = references.to_vec();
    references.sort();
    references
}

fn phone(number: &'static str) -> impl Fn(&Customer) -> bool {
    move |customer| customer.phone.as_deref() == Some(number)
}

#[tokio::test]
async fn a_returning_customer_is_found_by_phone_and_by_name_with_every_desks_cases() {
    let server = TestServer::start();
    let admin_address = team(&server, "history1").await;
    let mut a = desk(&server, &admin_address, "history1", "A").await;
    let mut b = desk(&server, &admin_address, "history1", "B").await;

    // Maija called desk A and desk B, her number typed two ways; B promised a call-back.
    let maija_a = open(&mut a.desk, "Maija Meikäläinen", Some("040 123 4567"), false);
    let maija_b = open(&mut b.desk, "maija meikäläinen", Some("+358 40 1234567"), true);
    // Pekka came to A's counter and gave no number; on B a Pekka with a number called.
    let pekka_a = open(&mut a.desk, "Pekka Virtanen", None, false);
    let pekka_b = open(&mut b.desk, "Pekka Virtanen", Some("050 555 0000"), false);
    // Another Pekka Virtanen, with another number, is another person.
    let other_pekka = open(&mut a.desk, "Pekka Virtanen", Some("044 999 9999"), false);
    for _ in 0..2 {
        sync_desk(&mut a.desk).await.expect("A syncs");
        sync_desk(&mut b.desk).await.expect("B syncs");
    }

    // By phone, typed a third way, on A: both of Maija's rows, each with both cases and B's promise.
    let found = a.desk.find_customers("00358401234567").expect("look-up by phone");
    assert_eq!(found.len(), 2, "{found:?}");
    for number in ["040 123 4567", "+358 40 1234567"] {
        let (cases, promises) = history(&a.desk, "040-1234567", phone(number));
        // Both desks numbered their first case alike: B's is named with its desk's code on A.
        assert_eq!(cases, sorted([maija_a.clone(), format!("{maija_b}/B")]), "{number}: A's and B's case");
        assert_eq!(promises, 1, "B's call-back is in the history seen on A");
    }
    // By name on B: the Pekka who gave no number is the same person as B's Pekka; the Pekka with
    // another number is not.
    let (cases, _) = history(&b.desk, "pekka", phone("050 555 0000"));
    assert_eq!(cases, sorted([format!("{pekka_a}/A"), pekka_b.clone()]), "A's Pekka without a number and B's");
    assert!(!cases.contains(&format!("{other_pekka}/A")));
    let (cases, _) = history(&b.desk, "pekka", phone("044 999 9999"));
    assert_eq!(cases.len(), 2, "the other Pekka and the one without a number: {cases:?}");
    let (cases, _) = history(&b.desk, "pekka", |customer| customer.phone.is_none());
    assert_eq!(cases.len(), 3, "without a number, every Pekka Virtanen may be them: {cases:?}");
    assert_eq!(a.desk.team_digest().expect("digest"), b.desk.team_digest().expect("digest"));
}
