//! Argument parsing and dispatch. Each subcommand is a few lines over the store.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::clock::Clock;
use lupaus_store::cases::CaseListQuery;
use lupaus_store::{Store, StoreError, SystemClock};

use crate::{demo, output};

#[derive(Debug, Parser)]
#[command(name = "lupaus-cli", version, about = "Lupaus complaint desk, headless")]
pub struct Cli {
    /// Database file (default: $LUPAUS_DB, else the OS data directory's lupaus.db).
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Who is doing this; recorded on every change.
    #[arg(long, global = true, env = "LUPAUS_PERSON", default_value = "cli")]
    pub person: String,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Integrity and schema check of the database.
    Check,
    /// Fill the database with realistic demo complaints over the past months.
    Demo {
        #[arg(long, default_value_t = 200)]
        cases: u32,
        /// Seed for the generator: the same seed gives the same data.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Case operations.
    #[command(subcommand)]
    Case(CaseCommand),
}

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Log a new complaint.
    Create(CreateArgs),
    /// List cases, newest first.
    List {
        #[arg(long)]
        stage: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[arg(long)]
    pub customer: String,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub customer_number: Option<String>,
    /// phone, counter, email, chat, web_form or letter.
    #[arg(long, default_value = "phone")]
    pub channel: String,
    #[arg(long)]
    pub product_ref: Option<String>,
    /// What happened, in the customer's words.
    #[arg(long)]
    pub description: String,
    /// The remedy the customer asks for.
    #[arg(long)]
    pub requested_remedy: String,
    /// low, normal, high or urgent.
    #[arg(long, default_value = "normal")]
    pub priority: String,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// The customer was told the case is received and given its reference.
    #[arg(long)]
    pub acknowledged: bool,
}

pub fn run(cli: Cli) -> Result<(), StoreError> {
    let path = lupaus_store::paths::resolve_db_path(cli.db.clone());
    let mut store = Store::open(&path)?;
    let clock = SystemClock;
    match cli.command {
        Command::Check => {
            let report = store.check()?;
            if cli.json {
                output::print_json(&report)?;
            } else {
                println!(
                    "{}: integrity {}, schema {} of {}",
                    report.path, report.integrity, report.schema_version, report.supported_schema_version
                );
                println!(
                    "{} cases, {} customers, {} promises, {} events",
                    report.cases, report.customers, report.promises, report.events
                );
            }
            if !report.is_ok() {
                return Err(StoreError::Corrupt(format!("integrity check says: {}", report.integrity)));
            }
        }
        Command::Demo { cases, seed } => {
            let made = demo::fill(&mut store, cases, seed, clock.now())?;
            if cli.json {
                output::print_json(&made)?;
            } else {
                println!("Added {} demo cases to {}", made.cases, path.display());
            }
        }
        Command::Case(CaseCommand::Create(args)) => {
            let intake = NewCase {
                channel: Channel::parse(&args.channel)?,
                customer: CustomerInput {
                    name: args.customer,
                    email: args.email,
                    phone: args.phone,
                    customer_number: args.customer_number,
                },
                product_ref: args.product_ref,
                description: args.description,
                requested_remedy: args.requested_remedy,
                priority: Priority::parse(&args.priority)?,
                category: args.category,
                tags: args.tags,
                acknowledged: args.acknowledged,
            }
            .validate()?;
            let actor = store.actor(&cli.person)?;
            let created = store.create_case(intake, &actor, clock.now())?;
            if cli.json {
                output::print_json(&created)?;
            } else {
                println!("{} created for {}", created.reference, created.customer_name);
            }
        }
        Command::Case(CaseCommand::List { stage, owner, limit }) => {
            let rows = store.list_cases(&CaseListQuery { stage, owner, limit: Some(limit), after_id: None })?;
            if cli.json {
                output::print_json(&rows)?;
            } else {
                for row in rows {
                    println!(
                        "{}  {}  {:<24} {:<16} {}",
                        row.reference,
                        row.received_at.format("%Y-%m-%d %H:%M"),
                        row.customer_name,
                        row.stage,
                        row.summary
                    );
                }
            }
        }
    }
    Ok(())
}
