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

pub mod cases;
pub mod customers;
pub mod events;
pub mod people;
pub mod promises;
pub mod reminders;
pub mod settings;

pub use clock::SystemClock;
pub use db::{CheckReport, SCHEMA_VERSION, Store};
pub use error::StoreError;
