//! `crash-writer`: proves that an acknowledged save survives the writer being killed.
//!
//! `crash-writer write --db FILE` saves cases in a loop through the real store (create, then two
//! lifecycle commands per case) and prints `REFERENCE EVENTS` on stdout only after each commit has
//! returned: a printed line is an acknowledged save.
//!
//! `crash-writer torture --db FILE --iterations N` starts the writer, kills it with SIGKILL after a
//! random delay, reopens the database and checks that every acknowledged save is there with at
//! least the acknowledged number of events, that nothing is half-written (every case starts with
//! its `opened` event; the stored state equals a replay of the log; foreign keys hold) and that
//! `PRAGMA integrity_check` says ok, and that reopening caught up the search index (saves leave it
//! to the idle upkeep) so the newest acknowledged case is found. It prints a JSON report and exits
//! 1 if anything was lost.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::clock::Clock;
use lupaus_core::lifecycle::{Actor, CaseCommand};
use lupaus_store::{Store, StoreError, SystemClock};
use serde::Serialize;

#[derive(Parser)]
#[command(name = "crash-writer", about = "Kill-at-random durability test of the Lupaus store")]
struct Cli {
    #[command(subcommand)]
    mode: Mode,
}

#[derive(Subcommand)]
enum Mode {
    /// Save cases in a loop, printing each acknowledged save.
    Write {
        #[arg(long)]
        db: PathBuf,
    },
    /// Start the writer, SIGKILL it at a random moment, verify; repeat.
    Torture {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 30)]
        iterations: u32,
        /// Longest time the writer runs before it is killed, in milliseconds.
        #[arg(long, default_value_t = 80)]
        max_delay_ms: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Self-test: pretend a save was acknowledged that never happened; the run must fail.
        #[arg(long, hide = true)]
        forge_ack: bool,
    },
}

fn main() -> ExitCode {
    match Cli::parse().mode {
        Mode::Write { db } => match write_forever(&db) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("crash-writer: {error} [{}]", error.code());
                ExitCode::from(2)
            }
        },
        Mode::Torture { db, iterations, max_delay_ms, seed, forge_ack } => {
            let report = torture(&Torture { db, iterations, max_delay_ms, seed, forge_ack });
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
            if report.ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
        }
    }
}

/// The writer: it only returns on an error (the disk filled up, say).
fn write_forever(db: &Path) -> Result<(), StoreError> {
    let mut store = Store::open(db)?;
    let actor = Actor::agent("Crash Writer");
    let policy = store.desk_settings()?.settings.policy;
    let stdout = std::io::stdout();
    let commands = [
        serde_json::json!({ "kind": "start_solving" }),
        serde_json::json!({ "kind": "add_note", "visibility": "internal", "text": "Soitettu asiakkaalle, odottaa vastausta." }),
    ];
    for i in 0u64.. {
        let intake = NewCase {
            channel: Channel::Phone,
            // Every third case is a returning customer, so the find-or-create path is exercised.
            customer: CustomerInput {
                name: format!("Asiakas Äijälä {}", i % 50),
                email: None,
                phone: Some("040 123 4567".into()),
                customer_number: (i % 3 == 0).then(|| format!("AS-{}", i % 50)),
            },
            product_ref: Some(format!("Tilaus {i}")),
            description: "Pesukone vuotaa vettä lattialle; asiakas pyytää uutta konetta.".into(),
            requested_remedy: "Uusi kone tilalle".into(),
            priority: Priority::Normal,
            category: None,
            tags: vec![],
            acknowledged: true,
            former_ref: None,
        };
        let created = store.create_case(intake.validate()?, &actor, SystemClock.now())?;
        acknowledge(&stdout, &created.reference, 1)?;
        for (index, command) in commands.iter().enumerate() {
            let command: CaseCommand = serde_json::from_value(command.clone())
                .map_err(|error| StoreError::Corrupt(format!("test command: {error}")))?;
            store.act_on_case(created.id, command, &actor, SystemClock.now(), &policy)?;
            acknowledge(&stdout, &created.reference, index as i64 + 2)?;
        }
    }
    Ok(())
}

/// Printed only after the commit returned: the line is the acknowledgement.
fn acknowledge(stdout: &std::io::Stdout, reference: &str, events: i64) -> Result<(), StoreError> {
    let mut out = stdout.lock();
    writeln!(out, "{reference} {events}")?;
    out.flush()?;
    Ok(())
}

struct Torture {
    db: PathBuf,
    iterations: u32,
    max_delay_ms: u64,
    seed: u64,
    forge_ack: bool,
}

#[derive(Debug, Default, Serialize)]
struct TortureReport {
    ok: bool,
    iterations: u32,
    /// Kills that came before the writer acknowledged anything (while opening, migrating...).
    kills_before_first_ack: u32,
    /// Saves acknowledged over the whole run (case creations plus lifecycle commands).
    acknowledged_saves: u64,
    acknowledged_cases: usize,
    /// Cases in the file at the end, acknowledged or committed just before the kill.
    cases_in_file: usize,
    /// Events in the file beyond what was acknowledged: committed, then killed before the print.
    committed_not_acknowledged: i64,
    lost: Vec<String>,
    audit_failures: Vec<String>,
    elapsed_seconds: f64,
}

fn torture(config: &Torture) -> TortureReport {
    let started = Instant::now();
    let mut report = TortureReport { iterations: config.iterations, ..Default::default() };
    let writer = match std::env::current_exe() {
        Ok(path) => path,
        Err(error) => {
            report.audit_failures.push(format!("cannot find the writer binary: {error}"));
            return report;
        }
    };
    let mut random = XorShift(config.seed.max(1));
    let mut acked: HashMap<String, i64> = HashMap::new();
    let mut audited_up_to = 0;
    for iteration in 0..config.iterations {
        let lines = match run_and_kill(&writer, &config.db, random.below(config.max_delay_ms * 1000 + 1)) {
            Ok(lines) => lines,
            Err(error) => {
                report.audit_failures.push(format!("iteration {iteration}: {error}"));
                break;
            }
        };
        if lines.is_empty() {
            report.kills_before_first_ack += 1;
        }
        for line in lines {
            if let Some((reference, events)) = line.split_once(' ')
                && let Ok(events) = events.parse::<i64>()
            {
                report.acknowledged_saves += 1;
                let entry = acked.entry(reference.to_owned()).or_default();
                *entry = (*entry).max(events);
            }
        }
        if config.forge_ack && iteration == 0 {
            acked.insert("R-2099-999999".into(), 1);
        }
        match verify(&config.db, &acked, audited_up_to) {
            Ok((lost, audit, counts)) => {
                report.lost.extend(lost.into_iter().map(|what| format!("after kill {}: {what}", iteration + 1)));
                if !audit.is_ok() {
                    report.audit_failures.push(format!("after kill {}: {audit:?}", iteration + 1));
                }
                audited_up_to = audit.max_case_id;
                report.cases_in_file = counts.len();
                report.committed_not_acknowledged =
                    counts.values().sum::<i64>() - acked.values().filter(|&&n| n > 0).sum::<i64>();
            }
            Err(error) => report.audit_failures.push(format!("after kill {}: {error}", iteration + 1)),
        }
        if !report.lost.is_empty() || !report.audit_failures.is_empty() {
            break;
        }
    }
    report.acknowledged_cases = acked.len();
    report.ok = report.lost.is_empty() && report.audit_failures.is_empty();
    report.elapsed_seconds = started.elapsed().as_secs_f64();
    report
}

/// Starts the writer, lets it run for `delay_micros`, kills it with SIGKILL and returns the
/// complete lines it printed (a line cut off by the kill was never acknowledged).
fn run_and_kill(writer: &Path, db: &Path, delay_micros: u64) -> std::io::Result<Vec<String>> {
    let mut child = Command::new(writer)
        .arg("write")
        .arg("--db")
        .arg(db)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::sleep(Duration::from_micros(delay_micros));
    // `Child::kill` sends SIGKILL on Unix: no destructor, no flush, no rollback runs.
    let _ = child.kill();
    child.wait()?;
    let mut output = String::new();
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_to_string(&mut output)?;
    }
    let complete = output.rfind('\n').map_or("", |end| &output[..end]);
    Ok(complete.lines().map(str::to_owned).collect())
}

type Verified = (Vec<String>, lupaus_store::audit::AuditReport, HashMap<String, i64>);

/// Reopens the database the way the app does after a crash and checks every acknowledged save.
fn verify(db: &Path, acked: &HashMap<String, i64>, audited_up_to: i64) -> Result<Verified, StoreError> {
    let mut store = Store::open(db)?;
    let counts = store.event_counts()?;
    let mut lost = Vec::new();
    for (reference, &events) in acked {
        match counts.get(reference) {
            None => lost.push(format!("{reference} was acknowledged but is missing")),
            Some(&found) if found < events => {
                lost.push(format!("{reference} has {found} events, {events} were acknowledged"))
            }
            Some(_) => {}
        }
    }
    // Saves leave search indexing to the upkeep; opening catches up, so nothing is left to index
    // and the newest acknowledged case is found through the index itself.
    let unindexed = store.index_new_cases()?;
    if unindexed > 0 {
        lost.push(format!("{unindexed} cases were still missing from the search index after reopening"));
    }
    if let Some(newest) = acked.keys().max()
        && !store.search_cases(newest, 5)?.iter().any(|row| &row.reference == newest)
    {
        lost.push(format!("{newest} is not found by search after reopening"));
    }
    lost.sort();
    let audit = store.audit(audited_up_to)?;
    Ok((lost, audit, counts))
}

/// A tiny deterministic generator: the same seed gives the same kill moments.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}
