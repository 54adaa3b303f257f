//! Lupaus SQLite store.
//!
//! Opens and checks the database file, applies the embedded migrations atomically, and offers one
//! module per table. Every accepted change to a case is appended to `case_events`, which triggers
//! keep append-only. Write transactions are `BEGIN IMMEDIATE`, with `synchronous=FULL` so an
//! acknowledged save survives a crash or power cut.

mod clock;
mod db;
mod error;
mod migrations;
pub mod paths;
mod time;

pub mod attachments;
pub mod audit;
pub mod backup;
pub mod case_views;
pub mod cases;
pub mod customers;
pub mod escalations;
pub mod events;
pub mod export;
pub mod figures;
pub mod import;
pub mod lessons;
pub mod maintenance;
pub mod notices;
pub mod people;
pub mod preferences;
pub mod presence;
pub mod privacy;
pub mod promises;
pub mod recovery;
pub mod reminders;
pub mod search;
pub mod settings;
pub mod team;
// Search, scale and query plans (search.rs, bulk.rs, plans.rs, intake.rs).
pub mod bulk;
mod intake;
pub mod plans;

pub use clock::SystemClock;
pub use db::{CheckReport, SCHEMA_VERSION, Store};
pub use error::StoreError;
