//! A case's timeline on a team desk is the team's canonical order (issue 16): the server's commit
//! order, this desk's unpushed events on top, each shown with the time the recording desk's
//! clock said and that desk's code. A desk whose clock is hours off does not reorder it.
//! Unix only: the test server runs Debian's PostgreSQL binaries (initdb, pg_ctl, `su postgres`).
#![cfg(unix)]

mod common;

use std::sync::Arc;

use chrono::TimeDelta;
use common::{at, intake, team};
use lupaus_core::clock::FixedClock;
use lupaus_core::lifecycle::CaseCommand;
use lupaus_desk::{CaseIntake, Desk};
use lupaus_sync::admin;
use lupaus_sync::round::{self, sync_desk};
use lupaus_sync::server::ServerAddress;
use lupaus_sync::test_server::TestServer;

fn note(text: &str) -> CaseCommand {
    serde_json::from_value(serde_json::json!({ "kind": "add_note", "visibility": "internal", "text": text }))
        .expect("a note")
}

/// The timeline as (note text or event kind, desk, recorded time).
fn timeline(desk: &Desk, case_id: i64) -> Vec<(String, String, chrono::DateTime<chrono::Utc>)> {
    let detail = desk.case_detail(case_id).expect("detail");
    detail
        .events
        .iter()
        .zip(&detail.event_desks)
        .map(|(record, desk)| {
            let value = serde_json::to_value(&record.event).expect("event");
            let what = value["text"].as_str().or(value["kind"].as_str()).unwrap_or_default().to_owned();
            (what, desk.clone(), record.at)
        })
        .collect()
}

#[tokio::test]
async fn a_desk_whose_clock_is_hours_off_does_not_reorder_the_timeline() {
    let server = TestServer::start();
    let admin_address = team(&server, "clock1").await;
    let address = ServerAddress::parse(&server.desk_url("clock1")).expect("address");
    let dir = tempfile::tempdir().expect("dir");
    // A's clock is right; B's is five hours behind.
    let mut desks = Vec::new();
    let mut clocks = Vec::new();
    for (name, offset) in [("A", TimeDelta::zero()), ("B", TimeDelta::hours(-5))] {
        let added = admin::add_desk(&admin_address, name).await.expect("add-desk");
        let clock = Arc::new(FixedClock::new(at() + offset));
        let mut desk = Desk::open(&dir.path().join(format!("{name}.db")), clock.clone(), "Aino".into()).expect("desk");
        round::join(&mut desk, &address, name, &added.secret).await.expect("join");
        desks.push(desk);
        clocks.push(clock);
    }
    let [mut a, mut b] = <[Desk; 2]>::try_from(desks).ok().expect("two desks");

    let case = a.create_case(CaseIntake { case: intake("Maija"), callback: None }).expect("case").case.id;
    sync_desk(&mut a).await.expect("A pushes the case");
    sync_desk(&mut b).await.expect("B pulls it");
    let case_on_b = b.browse_cases(&Default::default()).expect("list")[0].id;

    // An hour later both write on the case before either syncs. B's clock says 04.00; its core
    // records no time before the case's last event, so B's note says 08.00, A's says 09.00.
    for clock in &clocks {
        clock.advance(TimeDelta::hours(1));
    }
    a.act_on_case(case, note("A tilasi varaosan")).expect("A's note");
    b.act_on_case(case_on_b, note("B soitti asiakkaalle")).expect("B's note");
    // B's own note is on top of what it holds until the server orders it.
    let before = timeline(&b, case_on_b);
    let kinds: Vec<(&str, &str)> = before.iter().map(|(what, desk, _)| (what.as_str(), desk.as_str())).collect();
    assert_eq!(kinds, [("opened", "A"), ("B soitti asiakkaalle", "B")]);

    // A reaches the server first: its note comes first in the team's order, though B's clock
    // recorded an earlier time.
    sync_desk(&mut a).await.expect("A pushes");
    sync_desk(&mut b).await.expect("B pushes and pulls");
    sync_desk(&mut a).await.expect("A pulls");
    let on_a = timeline(&a, case);
    let kinds: Vec<(&str, &str)> = on_a.iter().map(|(what, desk, _)| (what.as_str(), desk.as_str())).collect();
    assert_eq!(kinds, [("opened", "A"), ("A tilasi varaosan", "A"), ("B soitti asiakkaalle", "B")]);
    assert_eq!((on_a[1].2, on_a[2].2), (at() + TimeDelta::hours(1), at()), "each desk's own recorded time");
    assert_eq!(timeline(&b, case_on_b), on_a, "both desks show the same timeline");

    // A new note not pushed yet goes on top, by this desk's own order.
    b.act_on_case(case_on_b, note("B lähetti tarjouksen")).expect("another note");
    let on_b = timeline(&b, case_on_b);
    assert_eq!(on_b[..3], on_a[..]);
    assert_eq!((on_b[3].0.as_str(), on_b[3].1.as_str()), ("B lähetti tarjouksen", "B"));
    sync_desk(&mut b).await.expect("B pushes");
    sync_desk(&mut a).await.expect("A pulls");
    assert_eq!(timeline(&a, case), timeline(&b, case_on_b));
    assert_eq!(b.case_detail(case_on_b).expect("detail").state, a.case_detail(case).expect("detail").state);
}
