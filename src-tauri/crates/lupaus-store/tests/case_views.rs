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
