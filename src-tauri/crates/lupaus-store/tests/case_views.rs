//! The case list's views: each returns exactly the cases an agent expects to see there.

mod common;

use chrono::Duration;
use common::{agent, helsinki, new_case};
use lupaus_core::case::Channel;
use lupaus_core::lifecycle::{CaseCommand, Policy, Remedy, RemedyForm, RootCauseCategory, WaitingOn};
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_store::Store;
use lupaus_store::case_views::{CaseFilter, CaseSort, CaseView};

fn references(store: &Store, filter: CaseFilter, now: chrono::DateTime<chrono::Utc>) -> Vec<String> {
    store.browse_cases(&filter, now).expect("browse").into_iter().map(|row| row.reference).collect()
}

#[test]
fn each_view_lists_the_right_cases() {
    let mut store = Store::open_in_memory().expect("store");
    let monday = helsinki(2026, 11, 23, 9, 0);
    let policy = Policy::default();
    let waiting = new_case(&mut store, monday); // 000001
    let closed = new_case(&mut store, monday + Duration::minutes(1)); // 000002
    let overdue = new_case(&mut store, monday + Duration::minutes(2)); // 000003
    let later_today = new_case(&mut store, monday + Duration::minutes(3)); // 000004
    let at = monday + Duration::minutes(10);
    store
        .act_on_case(
            waiting,
            CaseCommand::WaitFor { on: WaitingOn::Supplier, reason: "Varaosa".into(), until: None },
            &agent(),
            at,
            &policy,
        )
        .expect("waiting");
    let remedy = Remedy { forms: vec![RemedyForm::Refund], description: "Hyvitys".into() };
    for command in [
        CaseCommand::AgreeRemedy { remedy, option_id: None },
        CaseCommand::DeliverRemedy { summary: "Hyvitetty".into(), informed_via: Channel::Phone },
        CaseCommand::RecordRootCause { category: RootCauseCategory::Billing, description: "Tuplaveloitus".into() },
        CaseCommand::Close { closing_gesture: None, lessons_learned: None, not_analysed_reason: None },
    ] {
        store.act_on_case(closed, command, &agent(), at, &policy).expect("step");
    }
    let promise = |due| NewPromise {
        text: "Soitamme".into(),
        channel: PromiseChannel::Call,
        due_at: due,
        owner: "Aino Agentti".into(),
        outside_hours_confirmed: false,
    };
    store.make_promise(overdue, promise(monday + Duration::hours(1)), &agent(), at).expect("promise");
    store.make_promise(later_today, promise(monday + Duration::hours(6)), &agent(), at).expect("promise");
    let now = monday + Duration::hours(2); // 11:00: the first promise is overdue

    let view = |view: CaseView| CaseFilter { view, ..Default::default() };
    assert_eq!(references(&store, view(CaseView::All), now).len(), 4);
    assert_eq!(references(&store, view(CaseView::Open), now), vec!["R-2026-000004", "R-2026-000003", "R-2026-000001"]);
    assert_eq!(references(&store, view(CaseView::Waiting), now), vec!["R-2026-000001"]);
    assert_eq!(references(&store, view(CaseView::Closed), now), vec!["R-2026-000002"]);
    assert_eq!(references(&store, view(CaseView::Overdue), now), vec!["R-2026-000003"]);
    assert_eq!(references(&store, view(CaseView::DueToday), now), vec!["R-2026-000003", "R-2026-000004"]);
    let by_promise = CaseFilter { sort: CaseSort::NextPromise, ..Default::default() };
    assert_eq!(references(&store, by_promise, now), vec!["R-2026-000003", "R-2026-000004"]);
    let mine = CaseFilter { owner: Some("Someone Else".into()), ..Default::default() };
    assert!(references(&store, mine, now).is_empty());
    // A search within a view keeps to that view: "waiting" means waiting, not merely open.
    let search = |view: CaseView| CaseFilter { view, search: Some("pesukone".into()), ..Default::default() };
    assert_eq!(references(&store, search(CaseView::Waiting), now), vec!["R-2026-000001"]);
    assert_eq!(references(&store, search(CaseView::Closed), now), vec!["R-2026-000002"]);
    assert_eq!(references(&store, search(CaseView::Overdue), now), vec!["R-2026-000003"]);
}

#[test]
fn open_and_waiting_lists_walk_their_partial_indexes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("lupaus.db");
    drop(Store::open(&path).expect("create"));
    let conn = rusqlite::Connection::open(&path).expect("raw");
    for (condition, index) in
        [("c.stage != 'closed'", "cases_open_by_received"), ("c.waiting = 1", "cases_waiting_by_received")]
    {
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT c.id FROM cases c WHERE {condition} AND (c.received_at, c.id) < (1, 1)
             ORDER BY c.received_at DESC, c.id DESC LIMIT 100"
        );
        let mut statement = conn.prepare(&sql).expect("plan");
        let plan: Vec<String> =
            statement.query_map([], |row| row.get(3)).expect("rows").map(|r| r.expect("row")).collect();
        let plan = plan.join(" | ");
        assert!(plan.contains(index) && !plan.contains("TEMP B-TREE"), "{plan}");
    }
}

/// Reads a whole list page by page, continuing from each page's last row as the UI does.
fn all_pages(store: &Store, filter: CaseFilter, now: chrono::DateTime<chrono::Utc>) -> Vec<String> {
    let mut seen = Vec::new();
    let mut filter = CaseFilter { limit: Some(3), ..filter };
    loop {
        let page = store.browse_cases(&filter, now).expect("page");
        assert!(page.len() <= 3, "a page never holds more than asked for");
        let Some(last) = page.last() else { return seen };
        filter.after_id = Some(last.id);
        filter.after_due = last.next_promise_due;
        filter.offset = Some(filter.offset.unwrap_or(0) + page.len() as u32);
        seen.extend(page.into_iter().map(|row| row.reference));
        assert!(seen.len() <= 20, "paging must end: {seen:?}");
    }
}

#[test]
fn every_view_pages_without_gaps_or_repeats() {
    let mut store = Store::open_in_memory().expect("store");
    let monday = helsinki(2026, 11, 23, 9, 0);
    let at = monday + Duration::minutes(30);
    // Eight cases; promises due in an order unlike their receipt, two of them at the same time
    // so the id breaks the tie.
    let due_in_minutes = [50, 10, 10, 70, 30, 90, 20, 60];
    for minutes in due_in_minutes {
        let case_id = new_case(&mut store, monday);
        let promise = NewPromise {
            text: "Soitamme".into(),
            channel: PromiseChannel::Call,
            due_at: at + Duration::minutes(minutes),
            owner: "Aino Agentti".into(),
            outside_hours_confirmed: false,
        };
        store.make_promise(case_id, promise, &agent(), at).expect("promise");
    }
    let now = at + Duration::minutes(65); // six promises overdue
    let newest: Vec<String> = (1..=8).rev().map(|n| format!("R-2026-{n:06}")).collect();
    assert_eq!(all_pages(&store, CaseFilter::default(), now), newest);
    assert_eq!(all_pages(&store, CaseFilter { view: CaseView::Open, ..Default::default() }, now), newest);

    let by_due: Vec<String> = [2, 3, 7, 5, 1, 8, 4, 6].iter().map(|n| format!("R-2026-{n:06}")).collect();
    let promise_order = CaseFilter { sort: CaseSort::NextPromise, ..Default::default() };
    assert_eq!(all_pages(&store, promise_order, now), by_due);
    let open_by_promise = CaseFilter { view: CaseView::Open, sort: CaseSort::NextPromise, ..Default::default() };
    assert_eq!(all_pages(&store, open_by_promise, now), by_due);
    let overdue = CaseFilter { view: CaseView::Overdue, ..Default::default() };
    assert_eq!(all_pages(&store, overdue, now), by_due[..6].to_vec());

    let search = CaseFilter { search: Some("pesukone".into()), ..Default::default() };
    let mut found = all_pages(&store, search, now);
    found.sort();
    let mut expected = newest.clone();
    expected.sort();
    assert_eq!(found, expected, "a search pages through every match once");
}

#[test]
fn a_row_says_from_when_its_promise_is_due_soon_on_the_desks_calendar() {
    let mut store = Store::open_in_memory().expect("store");
    let friday = helsinki(2026, 11, 27, 10, 0);
    let (monday_case, friday_case) = (new_case(&mut store, friday), new_case(&mut store, friday));
    let _no_promise = new_case(&mut store, friday);
    let promise = |due| NewPromise {
        text: "Soitamme".into(),
        channel: PromiseChannel::Call,
        due_at: due,
        owner: "Aino Agentti".into(),
        outside_hours_confirmed: false,
    };
    // The default plan reminds one business hour before: for a quarter past opening on Monday,
    // that hour reaches back into Friday afternoon, long before two wall hours would.
    let monday_morning = helsinki(2026, 11, 30, 8, 15);
    store.make_promise(monday_case, promise(monday_morning), &agent(), friday).expect("promise");
    let friday_afternoon = helsinki(2026, 11, 27, 15, 0);
    store.make_promise(friday_case, promise(friday_afternoon), &agent(), friday).expect("promise");

    let rows = store.browse_cases(&CaseFilter::default(), friday).expect("browse");
    let soon_from = |id: i64| rows.iter().find(|row| row.id == id).expect("listed").next_promise_soon_from;
    let monday_soon = soon_from(monday_case).expect("has a promise");
    assert!(monday_soon < helsinki(2026, 11, 28, 0, 0), "soon already on Friday: {monday_soon}");
    assert_eq!(soon_from(friday_case), Some(friday_afternoon - Duration::hours(2)), "two wall hours at least");
    assert_eq!(rows.iter().filter(|row| row.next_promise_soon_from.is_none()).count(), 1, "no promise, no time");
}
