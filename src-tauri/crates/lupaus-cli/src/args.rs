//! The command line, as clap parses it. Dispatch lives in `commands/`.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use clap::{Args, Parser, Subcommand};

mod team;
pub use team::{ConflictCommand, PersonCommand, SettingsCommand, TeamCommand};

/// A time typed on the command line: an exact instant (RFC 3339), or a wall-clock time that the
/// desk reads on its own clocks (its calendar's zone, Europe/Helsinki by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeArg {
    Exact(DateTime<Utc>),
    Local(NaiveDateTime),
}

/// `2026-03-10T08:00:00Z`, or `2026-03-10 10:00`, `2026-03-10T10:00`, `10.3.2026 10.00`.
pub fn parse_time(text: &str) -> Result<TimeArg, lupaus_core::CoreError> {
    if let Ok(exact) = DateTime::parse_from_rfc3339(text) {
        return Ok(TimeArg::Exact(exact.with_timezone(&Utc)));
    }
    ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text.trim(), format).ok())
        .map(TimeArg::Local)
        .ok_or_else(|| {
            lupaus_core::CoreError::invalid(
                "time",
                format!(
                    "'{text}' is not a time; write it as \"2026-03-10 10:00\" (the desk's time) or 2026-03-10T08:00:00Z"
                ),
            )
        })
}

/// Examples in `--help` start with `  $ lupaus-cli`: tests/examples.rs runs every one as printed.
#[derive(Debug, Parser)]
#[command(
    name = "lupaus-cli",
    version,
    about = "Lupaus complaint desk, headless",
    after_help = "Examples:\n  \
    $ lupaus-cli case create --customer \"Maija Meikäläinen\" --description \"Pesukone vuotaa\" --requested-remedy \"Uusi kone\"\n  \
    $ lupaus-cli --json case list --limit 5\n  \
    $ lupaus-cli search pesukoneesta\n  \
    $ lupaus-cli promise make R-2026-000001 --text \"Soitan asiakkaalle\" --due \"2026-03-10 10:00\""
)]
pub struct Cli {
    /// Database file (default: $LUPAUS_DB, else the OS data directory's lupaus.db).
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Who is doing this; recorded on every change. Their role comes from `person add`.
    #[arg(long, global = true, env = "LUPAUS_PERSON", default_value = "cli")]
    pub person: String,
    /// Act as if it were this time (RFC 3339), for scripts and tests; default: now.
    #[arg(long, global = true, env = "LUPAUS_NOW")]
    pub now: Option<DateTime<Utc>>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Integrity and schema check of the database.
    Check,
    /// Rebuild the search index from the stored cases (after installing libvoikko and voikko-fi,
    /// so older cases are found by Finnish base forms too).
    Reindex,
    /// Team mode: server set-up, desks, join, sync, status.
    #[command(subcommand)]
    Team(TeamCommand),
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
    /// Promises made to customers.
    #[command(subcommand)]
    Promise(PromiseCommand),
    /// Open promises due or overdue at a time: what the desk must act on.
    Due {
        /// The moment to look from (RFC 3339); default: now.
        #[arg(long)]
        at: Option<DateTime<Utc>>,
        /// Include promises falling due within this many hours after `--at`.
        #[arg(long, default_value_t = 0)]
        within_hours: u32,
        #[arg(long)]
        owner: Option<String>,
        /// Every desk of the team, grouped by person and by desk, with each desk's last sync and
        /// each person's open cases (the lead's team board). Looks from now.
        #[arg(long, conflicts_with_all = ["at", "owner"])]
        team: bool,
    },
    /// Raise the reminders due now, exactly once each (what the app's scheduler does).
    Remind,
    /// Export open promises as an iCalendar (.ics) file that Outlook and other calendars import.
    Ics {
        /// Only this owner's promises.
        #[arg(long)]
        owner: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The desk's business calendar for a date range: business days, holidays, closure days.
    Calendar {
        #[arg(long)]
        from: NaiveDate,
        #[arg(long)]
        to: NaiveDate,
    },
    /// The lead's figures for a period (dates in the desk's zone, `--to` inclusive).
    Figures {
        #[arg(long)]
        from: NaiveDate,
        #[arg(long)]
        to: NaiveDate,
        /// Also write the figures to this file: `.xlsx` for Excel, otherwise CSV (`;`-separated,
        /// UTF-8 with BOM, decimal commas). Its first rows name the desk and person counted.
        #[arg(long, alias = "csv")]
        out: Option<PathBuf>,
        /// Team mode: only the cases opened on this desk (its code) and their promises.
        #[arg(long)]
        desk: Option<String>,
        /// Only the cases this person owns and the promises they must keep.
        #[arg(long)]
        agent: Option<String>,
    },
    /// Debriefs and lessons learned from hard cases.
    #[command(subcommand)]
    Lesson(LessonCommand),
    /// Conflicts between the team's desks, for a lead's review (team mode).
    #[command(subcommand)]
    Conflict(ConflictCommand),
    /// Desk settings.
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// People and roles.
    #[command(subcommand)]
    Person(PersonCommand),
    /// Back up the database (online, verified) into the backups folder, or `--to` a file.
    Backup(crate::commands::data::BackupArgs),
    /// The backups in the backups folder, newest first, each verified.
    Backups,
    /// Replace the database with a verified backup, keeping a copy of what it replaces.
    Restore(crate::commands::data::RestoreArgs),
    /// Import complaints or customers from a CSV file saved by Excel; all rows or none.
    Import(crate::commands::data::ImportArgs),
    /// Export cases, customers, promises or the event log as CSV (for Excel) or JSON.
    Export(crate::commands::data::ExportArgs),
    /// A customer's personal data: export it all, or anonymise it.
    #[command(subcommand)]
    Customer(crate::commands::data::CustomerCommand),
    /// Anonymise closed cases older than a period (and customers left with only such cases).
    Retention(crate::commands::data::RetentionArgs),
    /// Search cases by words (Finnish, Swedish, English), names, references and order numbers.
    Search(crate::commands::search::SearchArgs),
    /// Build a large realistic database, measure the hot paths and write BENCHMARKS.md.
    Bench(crate::bench::BenchArgs),
}

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Log a new complaint.
    Create(Box<CreateArgs>),
    /// List cases, newest first.
    List {
        #[arg(long)]
        stage: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Everything about one case: state, allowed next actions, figures, timeline, promises.
    Show { reference: String },
    /// Run one lifecycle command on a case, given as JSON (see README for every kind).
    #[command(after_help = "Examples:\n  \
    $ lupaus-cli case act R-2026-000001 '{\"kind\":\"start_solving\"}'\n  \
    $ lupaus-cli case act R-2026-000001 '{\"kind\":\"agree_remedy\",\"remedy\":{\"forms\":[\"replacement\"],\"description\":\"Uusi kone\"},\"option_id\":null}'")]
    Act {
        reference: String,
        /// The command as JSON; `-` reads it from standard input. A `hand_off` names one of
        /// the team's people in `to`; add `"away_confirmed": true` to hand to a deactivated one.
        command: String,
    },
    /// Run many lifecycle commands, one JSON object a line: `{"case": REF, "command": {...}}`.
    /// Every line is read and its case found before anything is saved; then each is saved on
    /// its own, in order, and the first one refused stops the run, naming its line.
    #[command(
        name = "act-many",
        after_help = "Example:\n  \
    $ printf '%s\\n' '{\"case\":\"R-2026-000001\",\"command\":{\"kind\":\"start_solving\"}}' | lupaus-cli case act-many -"
    )]
    ActMany {
        /// A file of JSON lines; `-` reads standard input. Blank lines are skipped.
        file: PathBuf,
    },
    /// Attach a file (copied into the data folder, at most 25 MB, with its SHA-256).
    Attach { reference: String, file: PathBuf },
    /// The case's event log, oldest first.
    Events { reference: String },
    /// Rebuild the case from its event log and compare with the stored state.
    Verify { reference: String },
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

#[derive(Debug, Subcommand)]
pub enum PromiseCommand {
    /// Record a promise made to the customer of a case.
    Make {
        reference: String,
        /// What we promised, in the words the customer heard.
        #[arg(long)]
        text: String,
        /// call, email, sms, letter or visit.
        #[arg(long, default_value = "call")]
        channel: String,
        /// Due time on the desk's clocks (`"2026-03-10 10:00"`) or RFC 3339. Or use --within.
        #[arg(long, conflicts_with = "within", value_parser = parse_time)]
        due: Option<TimeArg>,
        /// Business time from now, e.g. `4h`, `90m`, `2d`; the desk's buffer is added.
        #[arg(long, conflicts_with = "by")]
        within: Option<String>,
        /// When, as an agent says it: `pe`, `fre`, `fri`, `huomenna`, `11.12.`, `11.12. 14.30`.
        #[arg(long, conflicts_with = "due")]
        by: Option<String>,
        /// Who must keep it (default: the person).
        #[arg(long)]
        owner: Option<String>,
        /// The customer agreed to a time outside opening hours (otherwise such a time is refused).
        #[arg(long)]
        outside_hours: bool,
    },
    /// Record that a promise was kept, with the outcome of the contact.
    Keep {
        id: i64,
        #[arg(long)]
        outcome: String,
        /// When the contact happened (default: now).
        #[arg(long)]
        at: Option<DateTime<Utc>>,
    },
    /// Move a promise to a new time the customer agreed to before the old one passed.
    Renegotiate {
        id: i64,
        /// The new due time on the desk's clocks (`"2026-03-10 10:00"`) or RFC 3339.
        #[arg(long, value_parser = parse_time)]
        due: TimeArg,
        /// When the customer was told (default: now).
        #[arg(long)]
        told_at: Option<DateTime<Utc>>,
    },
    /// Give an open promise to another person.
    Reassign {
        id: i64,
        #[arg(long)]
        owner: String,
    },
    /// Withdraw an open promise with a reason the lead sees (before closing or declining).
    Withdraw {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Promises of one case.
    List { reference: String },
}

#[derive(Debug, Subcommand)]
pub enum LessonCommand {
    /// Mark a hard or escalated case for a debrief.
    Debrief {
        reference: String,
        #[arg(long)]
        reason: String,
    },
    /// Record what the desk learned from a case (team leads only).
    Record {
        reference: String,
        #[arg(long)]
        text: String,
    },
    /// Lessons and debrief requests, newest first.
    List {
        /// Only entries whose text contains this.
        #[arg(long)]
        query: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
}
