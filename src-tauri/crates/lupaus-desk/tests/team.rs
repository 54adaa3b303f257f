//! The desk's team-mode steps without a network: joining gives the desk's references its code
//! and makes its history pending; applying another desk's events tells the hosts; leaving keeps
//! everything. The server itself is tested in lupaus-sync, the whole loop in lupaus-cli.

use std::sync::{Arc, Mutex};

use chrono::{TimeZone, Utc};
use lupaus_core::clock::FixedClock;
use lupaus_core::lifecycle::Actor;
use lupaus_desk::{Change, Desk, DeskListener};
use lupaus_store::team::PulledBatch;

#[derive(Default)]
struct Heard(Mutex<Vec<Change>>);

impl DeskListener for Heard {
    fn changed(&self, change: Change) {
        if let Ok(mut heard) = self.0.lock() {
            heard.push(change);
        }
    }
}

/// A desk on its own file; `history` cases were opened on it before (below the use cases).
fn desk(dir: &tempfile::TempDir, name: &str, heard: Arc<Heard>, history: usize) -> Desk {
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).single().expect("time");
    let mut store = lupaus_store::Store::open(&dir.path().join(format!("{name}.db"))).expect("store");
    for n in 0..history {
        store.create_case(intake(&format!("Asiakas {n}")), &Actor::agent("Aino"), at).expect("case");
    }
    Desk::new(store, Arc::new(FixedClock::new(at)), "Aino".into(), heard)
}

fn intake(name: &str) -> lupaus_core::case::ValidNewCase {
    let fixture = lupaus_fixtures::intake(name);
    fixture.validate().expect("valid")
}

#[test]
fn a_desk_joins_pushes_applies_and_leaves() {
    let dir = tempfile::tempdir().expect("dir");
    let (heard_a, heard_b) = (Arc::new(Heard::default()), Arc::new(Heard::default()));
    let mut a = desk(&dir, "a", heard_a, 1);
    let mut b = desk(&dir, "b", heard_b.clone(), 0);
    assert!(a.outbox(10).is_err(), "a standalone desk has no outbox");

    a.join_team("postgres://localhost/team", "Kassa1", "KASSA1").expect("join");
    b.join_team("postgres://localhost/team", "Kassa2", "KASSA2").expect("join");
    assert_eq!(a.sync_status().expect("status").pending, 1, "its history waits for the server");
    let batch = a.outbox(10).expect("outbox");
    assert_eq!(
        batch.events[0].case.as_ref().map(|case| case.desk.as_str()),
        Some("KASSA1"),
        "the reference carries the desk's code"
    );
    a.mark_pushed(&batch).expect("pushed");
    assert_eq!(a.sync_status().expect("status").pending, 0);

    heard_b.0.lock().expect("lock").clear();
    let pulled = PulledBatch { epoch: "e".into(), events: batch.events, cursor: Some(("1".into(), 1)) };
    let applied = b.apply_pulled(&pulled).expect("apply");
    assert_eq!((applied.new_events, applied.touched_cases), (1, 1));
    assert!(heard_b.0.lock().expect("lock").contains(&Change::Cases), "the lists hear of the new case");
    assert_eq!(b.team_digest().expect("b").cases, a.team_digest().expect("a").cases);

    assert!(b.leave_team().expect("leave"));
    assert_eq!(b.team().expect("team"), None);
    assert_eq!(b.check().expect("check").cases, 1, "leaving keeps everything");
}

/// People and settings a lead changed on another desk reach this one's hosts: the people list,
/// the settings screen and (for a settings change) the reminders hear of it.
#[test]
fn a_leads_people_and_settings_from_another_desk_are_told_to_the_hosts() {
    let dir = tempfile::tempdir().expect("dir");
    let heard = Arc::new(Heard::default());
    let mut lead = desk(&dir, "l", Arc::new(Heard::default()), 0);
    let mut agent = desk(&dir, "a", heard.clone(), 0);
    lead.join_team("postgres://localhost/team", "L", "L").expect("join");
    agent.join_team("postgres://localhost/team", "A", "A").expect("join");
    // "Aino" is at both keyboards; on the lead's desk she is the first lead.
    lead.save_person("Aino", lupaus_core::lifecycle::Role::Lead).expect("first lead");
    let mut settings = lead.settings().expect("settings");
    settings.promise_buffer_minutes = 45;
    lead.save_settings(settings.clone()).expect("a lead saves");
    let batch = lead.outbox(10).expect("outbox");
    heard.0.lock().expect("lock").clear();
    let pulled = PulledBatch { epoch: "e".into(), events: batch.events, cursor: Some(("1".into(), 1)) };
    let applied = agent.apply_pulled(&pulled).expect("apply");
    assert!(applied.settings_changed && applied.people_or_settings);
    let told = heard.0.lock().expect("lock").clone();
    for change in [Change::People, Change::Settings, Change::Promises] {
        assert!(told.contains(&change), "{change:?} not told: {told:?}");
    }
    assert_eq!(agent.settings().expect("settings"), settings);
    assert_eq!(agent.actor().expect("Aino").role, lupaus_core::lifecycle::Role::Lead, "Aino leads on A too");
}

/// The window's act command carries the sender's confirmation: without it a hand-off to a
/// deactivated person is a warning; with it the case is handed over; other commands ignore it.
#[test]
fn a_confirmed_hand_off_to_a_deactivated_person_goes_through_the_window_command() {
    let dir = tempfile::tempdir().expect("dir");
    let mut desk = desk(&dir, "w", Arc::new(Heard::default()), 1);
    desk.save_person("Aino", lupaus_core::lifecycle::Role::Lead).expect("first lead");
    desk.save_person("Kaisa", lupaus_core::lifecycle::Role::Agent).expect("Kaisa");
    desk.deactivate_person("Kaisa").expect("left");
    let hand_off = || lupaus_core::lifecycle::CaseCommand::HandOff {
        to: "Kaisa".into(),
        note: "Jatka".into(),
        customer_told: "Soitamme".into(),
        callback: None,
    };
    let warned = desk.act_on_case_confirming(1, hand_off(), false).expect_err("warned");
    assert_eq!(warned.reason(), Some("hand_off_person_away"));
    assert_eq!(desk.act_on_case_confirming(1, hand_off(), true).expect("confirmed").state.owner, "Kaisa");
}
