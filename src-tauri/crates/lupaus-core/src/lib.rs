//! Lupaus domain core.
//!
//! Everything here is plain Rust: no Tauri, no SQL, no wall clock. Time comes in through
//! [`clock::Clock`] or as an argument, so a week of reminders can be tested in a millisecond.
#![forbid(unsafe_code)]

pub mod attachment;
pub mod calendar;
pub mod case;
pub mod clock;
pub mod desk_figures;
pub mod error;
pub mod language;
pub mod lessons;
pub mod lifecycle;
pub mod people;
pub mod presence;
pub mod promise;
pub mod reason;
pub mod reminder;
pub mod review;
pub mod settings;
pub mod sla_status;
pub mod text;

pub use error::CoreError;
