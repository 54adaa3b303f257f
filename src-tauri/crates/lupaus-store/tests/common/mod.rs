//! Shared fixtures for the store's integration tests.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
#[allow(unused_imports)]
pub use lupaus_fixtures::{agent, helsinki, intake, lead};
use lupaus_store::Store;

pub fn new_case(store: &mut Store, at: DateTime<Utc>) -> i64 {
    store.create_case(intake("Maija Meikäläinen").validate().expect("valid intake"), &agent(), at).expect("created").id
}
