//! Shared by the server tests: a desk store that joined a test server.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::Actor;
use lupaus_store::Store;
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
    }
}

pub fn new_case(store: &mut Store, name: &str) -> i64 {
    store.create_case(intake(name).validate().expect("valid"), &Actor::agent("Aino"), at()).expect("case").id
}

/// A team database on `server` with its schema; returns the admin's address.
pub async fn team(server: &lupaus_sync::test_server::TestServer, db: &str) -> ServerAddress {
    let url = server.create_database(db);
    let address = ServerAddress::parse(&url).expect("address");
    admin::server_init(&address).await.expect("server-init");
    address
}

pub struct Desk {
    pub store: Store,
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
    let mut store = Store::open(&dir.path().join("lupaus.db")).expect("store");
    let desk_address = ServerAddress::parse(&server.desk_url(db)).expect("desk address");
    lupaus_sync::round::join(&mut store, &desk_address, name, &added.secret, at()).await.expect("join");
    Desk { store, secret: added.secret, dir }
}
