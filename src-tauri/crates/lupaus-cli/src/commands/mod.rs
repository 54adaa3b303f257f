//! Dispatch: each subcommand is a few lines over the desk (`lupaus_desk::Desk`, the same use
//! cases the app's window calls), printing text or JSON. Only the generators and measurements
//! (`demo`, `bench`) work below the desk, on the store itself.

mod batch;
mod bench;
mod board;
mod case;
pub mod data;
mod desk;
mod figures;
mod promise;
pub mod search;
mod team;

use std::sync::Arc;

use lupaus_core::clock::{Clock, FixedClock};
use lupaus_desk::Desk;
use lupaus_store::{Store, StoreError, SystemClock};
use serde::Serialize;

use crate::args::{CaseCommand, Cli, Command};
use crate::error::CliError;
use crate::{demo, output};

/// What every subcommand works with: the desk, acting as `--person` at `--now` (or the wall
/// clock), and whether to answer in JSON.
pub struct Context {
    pub desk: Desk,
    pub json: bool,
}

impl Context {
    /// Prints `value` as JSON, or `text` for people.
    pub fn print<T: Serialize>(&self, value: &T, text: impl FnOnce(&T) -> String) -> Result<(), StoreError> {
        output::print(self.json, value, text)
    }
}

pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        // Team mode talks to a server; its errors are the sync crate's.
        Command::Team(command) => {
            let path = lupaus_store::paths::resolve_db_path(cli.db.clone());
            team::run(&path, command, cli.json, cli.now, cli.person)
        }
        Command::Bench(ref args) if matches!(args.only, Some(crate::bench::Only::Team | crate::bench::Only::Join)) => {
            let path = lupaus_store::paths::resolve_db_path(cli.db.clone());
            team::bench(&path, args, cli.now.unwrap_or_else(|| SystemClock.now()))
        }
        // Its errors name the line of the file they are about.
        Command::Case(CaseCommand::ActMany { ref file }) => {
            let file = file.clone();
            batch::run(&mut open(&cli)?, &file)
        }
        _ => Ok(run_desk(cli)?),
    }
}

/// The desk at `--db`, acting as `--person` at `--now` (or the wall clock).
fn open(cli: &Cli) -> Result<Context, StoreError> {
    let path = lupaus_store::paths::resolve_db_path(cli.db.clone());
    let clock: Arc<dyn Clock> = match cli.now {
        Some(at) => Arc::new(FixedClock::new(at)),
        None => Arc::new(SystemClock),
    };
    Ok(Context { desk: Desk::open(&path, clock, cli.person.clone())?, json: cli.json })
}

fn run_desk(cli: Cli) -> Result<(), StoreError> {
    let path = lupaus_store::paths::resolve_db_path(cli.db.clone());
    let now = cli.now.unwrap_or_else(|| SystemClock.now());
    match cli.command {
        // The file being replaced may not even open, so restore never opens the desk first.
        Command::Restore(args) => return data::restore(&path, args, cli.json, now),
        // Generators and measurements write synthetic history below the use cases.
        Command::Demo { cases, seed } => {
            let made = demo::fill(&mut Store::open(&path)?, cases, seed, now)?;
            // Opening the desk indexes the new cases for search, as the next command would.
            return open(&cli)?.print(&made, |made| {
                format!("Added {} demo cases ({} events) to {}", made.cases, made.events, path.display())
            });
        }
        Command::Bench(args) => {
            // Created (or migrated) first, as every command's database is; the bench then tells a
            // generated database from a desk's own.
            drop(Store::open(&path)?);
            return bench::run(&path, args, cli.json, now);
        }
        _ => {}
    }
    let mut context = open(&cli)?;
    match cli.command {
        Command::Check => {
            let report = context.desk.check()?;
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
        Command::Reindex => {
            let indexed = context.desk.rebuild_search_index()?;
            context.print(&indexed, |indexed| format!("Search index rebuilt: {indexed} cases"))
        }
        Command::Case(command) => case::run(&mut context, command),
        Command::Promise(command) => promise::run(&mut context, command),
        Command::Due { team: true, within_hours, .. } => board::due_team(&context, within_hours),
        Command::Due { at, within_hours, owner, .. } => promise::due(&context, at, within_hours, owner),
        Command::Remind => promise::remind(&mut context),
        Command::Ics { owner, out } => promise::ics(&context, owner, out),
        Command::Calendar { from, to } => desk::calendar(&context, from, to),
        Command::Figures { from, to, out, desk, agent } => {
            figures::run(&context, from, to, out, &lupaus_store::figures::FiguresScope { desk, agent })
        }
        Command::Lesson(command) => desk::lesson(&mut context, command),
        Command::Conflict(command) => board::conflict(&mut context, command),
        Command::Settings(command) => desk::settings(&mut context, command),
        Command::Person(command) => desk::person(&mut context, command),
        Command::Backup(args) => data::backup(&context, args),
        Command::Backups => data::backups(&context),
        Command::Import(args) => data::import(&mut context, args),
        Command::Export(args) => data::export(&context, args),
        Command::Customer(command) => data::customer(&mut context, command),
        Command::Retention(args) => data::retention(&mut context, args),
        Command::Search(args) => search::run(&context, args),
        Command::Restore(_) | Command::Demo { .. } | Command::Bench(_) | Command::Team(_) => {
            unreachable!("answered above")
        }
    }
}
