//! Working as a team over a real PostgreSQL the test starts itself (issue 17): a lead's desk L
//! and two agents' desks A and B. People, PINs and settings set on L reach A and B; a person
//! added on L signs in on A; a hand-off on A to a person reaches B's "my cases" with its note;
//! every desk ends with the same derived people and settings. One server for the whole file
//! (each scenario in its own database) keeps CI time down.
//! Unix only: the test server runs Debian's PostgreSQL binaries (initdb, pg_ctl, `su postgres`).
#![cfg(unix)]

mod common;

use chrono::NaiveDate;
use common::{desk, intake, team};
use lupaus_core::lifecycle::{CaseCommand, Role};
use lupaus_desk::{CaseIntake, Desk, HandOffTo};
use lupaus_store::case_views::CaseFilter;
use lupaus_store::people::PinHash;
use lupaus_sync::round::sync_desk;
use lupaus_sync::test_server::TestServer;
use lupaus_sync::{admin, schema};

/// Switches the desk to `name`, giving `pin` if they have one.
fn sign_in(desk: &mut Desk, name: &str, pin: Option<&str>) -> Result<(), lupaus_store::StoreError> {
    let started = desk.start_switch(name)?;
    let checked = started.check_pin(pin, desk.now());
    desk.finish_switch(checked).map(|_| ())
}

fn my_cases(desk: &Desk, person: &str) -> Vec<String> {
    let filter = CaseFilter { owner: Some(person.into()), ..CaseFilter::default() };
    desk.browse_cases(&filter).expect("my cases").into_iter().map(|case| case.reference).collect()
}

#[tokio::test]
async fn people_settings_and_hand_offs_reach_every_desk_of_the_team() {
    let server = TestServer::start();
    let admin_address = team(&server, "people1").await;
    let mut l = desk(&server, &admin_address, "people1", "L").await;
    let mut a = desk(&server, &admin_address, "people1", "A").await;
    let mut b = desk(&server, &admin_address, "people1", "B").await;

    // The lead lists the team on L; Aino chooses her PIN there.
    sign_in(&mut l.desk, "Leena", None).expect("nobody listed yet");
    l.desk.save_person("Leena", Role::Lead).expect("the first lead");
    for name in ["Aino", "Ville", "Kaisa"] {
        l.desk.save_person(name, Role::Agent).expect("a lead adds people");
    }
    sign_in(&mut l.desk, "Aino", None).expect("Aino");
    l.desk.set_pin("Aino", &PinHash::of("2468").expect("hash")).expect("her own PIN");
    sign_in(&mut l.desk, "Leena", None).expect("back to the lead");
    let mut settings = l.desk.settings().expect("settings");
    settings.promise_buffer_minutes = 90;
    settings.calendar.closure_days.insert(NaiveDate::from_ymd_opt(2026, 12, 28).expect("date"));
    l.desk.save_settings(settings.clone()).expect("a lead saves the team's settings");
    let report = sync_desk(&mut l.desk).await.expect("L syncs");
    assert_eq!((report.pushed, report.pending), (9, 0), "4 people, a PIN, the settings, 3 sign-ins");

    for desk in [&mut a.desk, &mut b.desk] {
        sync_desk(desk).await.expect("sync");
        assert_eq!(desk.settings().expect("settings"), settings, "L's settings reached this desk");
    }
    // Aino, added on L, signs in on A with the PIN she chose on L; a wrong one is refused.
    assert!(sign_in(&mut a.desk, "Aino", Some("1111")).is_err());
    sign_in(&mut a.desk, "Aino", Some("2468")).expect("Aino signs in on A");
    assert_eq!(a.desk.actor().expect("actor").role, Role::Agent);
    // An agent cannot change the team's people, on any desk.
    let refused = a.desk.save_person("Mallory", Role::Lead).expect_err("not a lead");
    assert_eq!(refused.reason(), Some("lead_only"), "{refused}");
    let refused = a.desk.settings_history().expect_err("leads read the trail");
    assert_eq!(refused.code(), "lead_only");

    // Aino takes a call on A and hands the case to Ville, who works on B.
    let created = a.desk.create_case(CaseIntake { case: intake("Maija"), callback: None }).expect("case");
    let unknown = HandOffTo {
        to: "Ville Tuntematon".into(),
        note: "Varaosa tilattu".into(),
        customer_told: "Ville soittaa huomenna".into(),
        callback: None,
        away_confirmed: false,
    };
    let refused = a.desk.hand_off(created.case.id, unknown.clone()).expect_err("not a person of the team");
    assert_eq!(refused.reason(), Some("hand_off_unknown_person"), "{refused}");
    a.desk.hand_off(created.case.id, HandOffTo { to: "Ville".into(), ..unknown.clone() }).expect("handed off");
    assert!(my_cases(&a.desk, "Aino").is_empty(), "it left Aino's cases");
    sync_desk(&mut a.desk).await.expect("A syncs");
    sync_desk(&mut b.desk).await.expect("B syncs");
    sign_in(&mut b.desk, "Ville", None).expect("Ville signs in on B");
    assert_eq!(my_cases(&b.desk, "Ville"), std::slice::from_ref(&created.case.reference), "in Ville's cases on B");
    let on_b = b.desk.case_id_by_reference(&format!("{}/A", created.case.reference)).expect("found on B");
    let handed = b.desk.case_detail(on_b).expect("detail").state.hand_offs;
    assert_eq!(
        (handed[0].from.as_str(), handed[0].note.as_str(), handed[0].customer_told.as_str()),
        ("Aino", "Varaosa tilattu", "Ville soittaa huomenna")
    );

    // Kaisa leaves: the lead deactivates her on L. A hand-off to her on A is a warning first.
    l.desk.deactivate_person("Kaisa").expect("deactivated");
    sync_desk(&mut l.desk).await.expect("L");
    sync_desk(&mut a.desk).await.expect("A");
    let second = a.desk.create_case(CaseIntake { case: intake("Pekka"), callback: None }).expect("case");
    let to_kaisa = CaseCommand::HandOff {
        to: "Kaisa".into(),
        note: "Jatka".into(),
        customer_told: "Kaisa soittaa".into(),
        callback: None,
    };
    let warned = a.desk.act_on_case(second.case.id, to_kaisa).expect_err("warned");
    assert_eq!(warned.reason(), Some("hand_off_person_away"), "{warned}");
    let confirmed = HandOffTo { to: "Kaisa".into(), away_confirmed: true, ..unknown };
    assert_eq!(a.desk.hand_off(second.case.id, confirmed).expect("confirmed").state.owner, "Kaisa");

    // The lead reads the audit trail on B, and every desk holds the same people and settings.
    sign_in(&mut b.desk, "Leena", None).expect("the lead on B");
    // B first: its sign-ins (Ville's, the lead's) are team facts the others must hold too.
    sync_desk(&mut b.desk).await.expect("B");
    for desk in [&mut a.desk, &mut l.desk, &mut b.desk] {
        sync_desk(desk).await.expect("sync");
    }
    let trail = b.desk.settings_history().expect("trail");
    assert_eq!((trail.len(), trail[0].by.as_str(), trail[0].applied), (1, "Leena", true));
    let digests = [&l, &a, &b].map(|desk| desk.desk.team_digest().expect("digest"));
    assert_eq!(digests[0], digests[1]);
    assert_eq!(digests[1], digests[2]);
    assert_eq!(digests[0].team_event_count, 13, "4 people, a PIN, settings, a deactivation, 6 sign-ins");

    a_schema_1_server_migrates(&server).await;
}

/// A server that a Lupaus of schema 1 set up migrates in place, and takes person events.
async fn a_schema_1_server_migrates(server: &TestServer) {
    let url = server.create_database("old1");
    let address = lupaus_sync::server::ServerAddress::parse(&url).expect("address");
    let client = address.connect().await.expect("admin");
    client.batch_execute(include_str!("../src/migrations/0001_events.sql")).await.expect("schema 1");
    client.execute("UPDATE lupaus_schema SET version = 1", &[]).await.expect("version 1");
    assert_eq!(admin::server_init(&address).await.expect("migrates"), (1, schema::SERVER_SCHEMA_VERSION));
    let mut a = desk(server, &address, "old1", "A").await;
    common::new_case(&mut a.desk, "Maija");
    a.desk.store_mut().upsert_person("Aino", Role::Agent).expect("listed");
    let report = sync_desk(&mut a.desk).await.expect("sync");
    assert_eq!((report.pushed, report.pending), (2, 0), "a case event and a person event");
}
