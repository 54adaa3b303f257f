//! Shared fixtures for the store's integration tests.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::Actor;
use lupaus_store::Store;

pub fn intake(name: &str) -> NewCase {
    NewCase {
        channel: Channel::Phone,
        customer: CustomerInput {
            name: name.into(),
            email: None,
            phone: Some("040 123 4567".into()),
            customer_number: None,
        },
        product_ref: Some("Tilaus 4471".into()),
        description: "Pesukone vuotaa vettä lattialle.".into(),
        requested_remedy: "Uusi kone tilalle".into(),
        priority: Priority::Normal,
        category: None,
        tags: vec![],
        acknowledged: true,
        former_ref: None,
    }
}

pub fn agent() -> Actor {
    Actor::agent("Aino Agentti")
}

pub fn lead() -> Actor {
    Actor::lead("Leena Lead")
}

/// Helsinki time on a given day, as UTC.
pub fn helsinki(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Helsinki
        .with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .expect("unambiguous Helsinki time")
        .with_timezone(&Utc)
}

pub fn new_case(store: &mut Store, at: DateTime<Utc>) -> i64 {
    store.create_case(intake("Maija Meikäläinen").validate().expect("valid intake"), &agent(), at).expect("created").id
}
