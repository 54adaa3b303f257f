//! Shared fixtures for the store's integration tests.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
#[allow(unused_imports)]
pub use lupaus_fixtures::{agent, helsinki, intake, lead};
use lupaus_store::Store;

/// A store at `path` with `cases` cases received a minute apart.
pub fn store_with_cases(path: &std::path::Path, cases: usize) -> Store {
    let mut store = Store::open(path).expect("open");
    for n in 0..cases {
        new_case(&mut store, helsinki(2026, 11, 2, 9, 0) + chrono::TimeDelta::minutes(n as i64));
    }
    store
}

pub fn new_case(store: &mut Store, at: DateTime<Utc>) -> i64 {
    store.create_case(intake("Maija Meikäläinen").validate().expect("valid intake"), &agent(), at).expect("created").id
}
