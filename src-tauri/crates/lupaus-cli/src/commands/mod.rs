//! Dispatch: each subcommand is a few lines over the store, printing text or JSON.

mod bench;
mod case;
pub mod data;
mod desk;
mod figures;
mod promise;
pub mod search;
mod team;

use chrono::{DateTime, Utc};
use lupaus_core::clock::Clock;
use lupaus_core::lifecycle::Actor;
use lupaus_store::{Store, StoreError, SystemClock};
use serde::Serialize;

use crate::args::{Cli, Command};
use crate::error::CliError;
use crate::{demo, output};

/// What every subcommand works with.
pub struct Context {
    pub store: Store,
    pub json: bool,
    pub actor: Actor,
    pub now: DateTime<Utc>,
}

impl Context {
    /// Prints `value` as JSON, or `text` for people.
    pub fn print<T: Serialize>(&self, value: &T, text: impl FnOnce(&T) -> String) -> Result<(), StoreError> {
        if self.json {
            output::print_json(value)
        } else {
            println!("{}", text(value));
            Ok(())
        }
    }
}

pub fn run(cli: Cli) -> Result<(), CliError> {
    let path = lupaus_store::paths::resolve_db_path(cli.db.clone());
    let now = cli.now.unwrap_or_else(|| SystemClock.now());
    if let Command::Team(command) = cli.command {
        return team::run(&path, command, cli.json, now);
    }
    if let Command::Bench(args) = &cli.command
        && args.only == Some(crate::bench::Only::Team)
    {
        return team::bench(&path, args, now);
    }
    Ok(run_desk(cli, path)?)
}

fn run_desk(cli: Cli, path: std::path::PathBuf) -> Result<(), StoreError> {
    if let Command::Restore(args) = cli.command {
        // The file being replaced may not even open, so restore never opens the store first.
        return data::restore(&path, args, cli.json, cli.now.unwrap_or_else(|| SystemClock.now()));
    }
    let store = Store::open(&path)?;
    let actor = store.actor(&cli.person)?;
    let now = cli.now.unwrap_or_else(|| SystemClock.now());
    let mut context = Context { store, json: cli.json, actor, now };
    match cli.command {
        Command::Check => {
            let report = context.store.check()?;
            context.print(&report, |report| {
                format!(
                    "{}: integrity {}, schema {} of {}\n{} cases, {} customers, {} promises, {} events",
                    report.path,
                    report.integrity,
                    report.schema_version,
                    report.supported_schema_version,
                    report.cases,
                    report.customers,
                    report.promises,
                    report.events
                )
            })?;
            if !report.is_ok() {
                return Err(StoreError::Corrupt(format!("integrity check says: {}", report.integrity)));
            }
            Ok(())
        }
        Command::Demo { cases, seed } => {
            let made = demo::fill(&mut context.store, cases, seed, now)?;
            context.print(&made, |made| format!("Added {} demo cases to {}", made.cases, path.display()))
        }
        Command::Case(command) => case::run(&mut context, command),
        Command::Promise(command) => promise::run(&mut context, command),
        Command::Due { at, within_hours, owner } => promise::due(&context, at, within_hours, owner),
        Command::Remind => promise::remind(&mut context),
        Command::Ics { owner, out } => promise::ics(&context, owner, out),
        Command::Calendar { from, to } => desk::calendar(&context, from, to),
        Command::Figures { from, to, out } => figures::run(&context, from, to, out),
        Command::Lesson(command) => desk::lesson(&mut context, command),
        Command::Settings(command) => desk::settings(&mut context, command),
        Command::Person(command) => desk::person(&mut context, command),
        Command::Backup(args) => data::backup(&context, args),
        Command::Backups => data::backups(&context),
        Command::Restore(_) => unreachable!("restore runs before the store is opened"),
        Command::Team(_) => unreachable!("team commands run before the store is opened"),
        Command::Import(args) => data::import(&mut context, args),
        Command::Export(args) => data::export(&context, args),
        Command::Customer(command) => data::customer(&mut context, command),
        Command::Retention(args) => data::retention(&mut context, args),
        Command::Search(args) => search::run(&context, args),
        Command::Bench(args) => bench::run(&context, &path, args),
    }
}
