//! Tauri commands, one file per area. Each is a few lines: take the input, call the store or the
//! core, convert the error.

pub mod app;
pub mod autostart;
pub mod board;
pub mod cases;
pub mod data;
pub mod files;
pub mod lead;
pub mod notices;
pub mod people;
pub mod promises;
pub mod recovery;
pub mod settings;
pub mod team;
