//! Shared by the server tests: a desk that joined a test server.
// The test server runs Debian's PostgreSQL (initdb, pg_ctl, `su postgres`): Unix only.
#![cfg(unix)]
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::Actor;
use std::sync::Arc;

use lupaus_core::clock::FixedClock;
use lupaus_desk::Desk as DeskLayer;
use lupaus_sync::admin;
use lupaus_sync::server::ServerAddress;

pub fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).single().expect("time")
}

pub fn intake(name: &str) -> NewCase {
    NewCase {
        channel: Channel::Phone,
        customer: CustomerInput { name: name.into(), email: None, phone: None, customer_number: None },
        product_ref: None,
        description: format!("{name}: pesukone vuotaa"),
        requested_remedy: "Uusi kone".into(),
        priority: Priority::Normal,
        category: None,
        tags: vec![],
        acknowledged: true,
        former_ref: None,
    }
}

/// A desk on the file at `path`, its clock fixed at [`at`].
pub fn open_desk(path: &std::path::Path) -> DeskLayer {
    DeskLayer::open(path, Arc::new(FixedClock::new(at())), "Aino".into()).expect("desk")
}

/// A case opened below the use cases (the sync tests need many, fast).
pub fn new_case(desk: &mut DeskLayer, name: &str) -> i64 {
    desk.store_mut().create_case(intake(name).validate().expect("valid"), &Actor::agent("Aino"), at()).expect("case").id
}

/// A team database on `server` with its schema; returns the admin's address.
pub async fn team(server: &lupaus_sync::test_server::TestServer, db: &str) -> ServerAddress {
    let url = server.create_database(db);
    let address = ServerAddress::parse(&url).expect("address");
    admin::server_init(&address).await.expect("server-init");
    address
}

pub struct Desk {
    pub desk: DeskLayer,
    pub secret: String,
    pub dir: tempfile::TempDir,
}

/// A new desk store, added to the team and joined.
pub async fn desk(
    server: &lupaus_sync::test_server::TestServer,
    admin_address: &ServerAddress,
    db: &str,
    name: &str,
) -> Desk {
    let added = admin::add_desk(admin_address, name).await.expect("add-desk");
    let dir = tempfile::tempdir().expect("dir");
    let mut desk = open_desk(&dir.path().join("lupaus.db"));
    let desk_address = ServerAddress::parse(&server.desk_url(db)).expect("desk address");
    lupaus_sync::round::join(&mut desk, &desk_address, name, &added.secret).await.expect("join");
    Desk { desk, secret: added.secret, dir }
}

/// Takes a case from intake to closed below the use cases, as a lead.
pub fn close_case(desk: &mut DeskLayer, case_id: i64) {
    use serde_json::json;
    let remedy = json!({ "forms": ["replacement"], "description": "Uusi kone" });
    for command in [
        json!({ "kind": "start_solving" }),
        json!({ "kind": "agree_remedy", "remedy": remedy, "option_id": null }),
        json!({ "kind": "deliver_remedy", "summary": "Kone vaihdettu", "informed_via": "phone" }),
        json!({ "kind": "record_root_cause", "category": "product_defect", "description": "Valmistusvirhe" }),
        json!({ "kind": "close", "closing_gesture": "Kiitossoitto", "lessons_learned": null, "not_analysed_reason": null }),
    ] {
        let command = serde_json::from_value(command).expect("command");
        let policy = desk.store().desk_settings().expect("settings").settings.policy;
        let lead = lupaus_core::lifecycle::Actor::lead("Leena");
        desk.store_mut().act_on_case(case_id, command, &lead, at(), &policy).expect("accepted");
    }
}

/// Reopens a closed case below the use cases, as a lead: the remedy did not hold.
pub fn reopen_case(desk: &mut DeskLayer, case_id: i64) {
    let command = serde_json::json!({ "kind": "reopen", "reason": "Vuotaa taas", "to": "remedy" });
    let command = serde_json::from_value(command).expect("command");
    let policy = desk.store().desk_settings().expect("settings").settings.policy;
    let lead = lupaus_core::lifecycle::Actor::lead("Leena");
    desk.store_mut().act_on_case(case_id, command, &lead, at(), &policy).expect("reopened");
}

/// Creates `case` through the use cases, with a call-back promise due a day after [`at`] when
/// `callback`.
pub fn create_with_callback(desk: &mut DeskLayer, case: NewCase, callback: bool) -> lupaus_desk::CaseCreated {
    let callback = callback.then(|| lupaus_desk::CallbackPromise {
        text: "Soitamme huomenna".into(),
        channel: lupaus_core::promise::PromiseChannel::Call,
        due_at: at() + chrono::TimeDelta::days(1),
        owner: None,
        outside_hours_confirmed: false,
    });
    desk.create_case(lupaus_desk::CaseIntake { case, callback }).expect("case")
}
