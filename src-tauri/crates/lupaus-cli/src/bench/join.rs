//! `bench --only join`: a new desk joins a team whose server holds `--cases` cases (issue 16:
//! "time until its lists and due promises are usable, and until the whole history is local").
//! Desk A holds the generated cases (the bench generator: ten years, the recent ones still
//! open) and pushes them; desk B joins. B's first round takes the team's people and settings
//! and the open cases first (lupaus_sync's live_first.rs); that step is timed on its own, then
//! the rest of the round, which brings the whole history in the server's order.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};
use lupaus_core::clock::FixedClock;
use lupaus_desk::{Desk, NoListener};
use lupaus_store::Store;
use lupaus_sync::server::ServerAddress;
use lupaus_sync::{SyncError, admin, round};
use serde::Serialize;

use crate::error::CliError;

#[derive(Debug, Clone, Serialize)]
pub struct JoinMeasurement {
    pub server: String,
    pub cases: u64,
    pub events: i64,
    pub generate_seconds: f64,
    pub push_seconds: f64,
    /// Cases open on the server when B joined, and the open promises B listed after the first step.
    pub open_cases: u64,
    pub open_promises: usize,
    /// From B's first connection until its open cases, their promises and the team's people
    /// and settings were here: when its lists and due promises were usable.
    pub lists_ready_seconds: f64,
    /// From B's first connection until the whole history was here.
    pub whole_history_seconds: f64,
    pub pull_events_per_second: f64,
}

pub async fn measure(
    dir: &Path,
    admin_url: &str,
    cases: u64,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<JoinMeasurement, CliError> {
    super::team::in_bench_database(admin_url, async |address| run(dir, &address, cases, seed, now).await).await
}

fn fresh_store(dir: &Path, name: &str) -> Result<Store, CliError> {
    Ok(super::fresh_store(&dir.join(format!("join-bench-{name}.db")))?)
}

async fn run(
    dir: &Path,
    address: &ServerAddress,
    cases: u64,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<JoinMeasurement, CliError> {
    admin::server_init(address).await?;
    let (a, b) = (admin::add_desk(address, "A").await?, admin::add_desk(address, "B").await?);
    let clock = Arc::new(FixedClock::new(now));
    let url = format!("postgres://{}", address.shown());

    let mut store_a = fresh_store(dir, "a")?;
    eprintln!("Generating {cases} cases on desk A…");
    let generated = super::generate::generate(&mut store_a, cases, seed, now, |_, _| {})?;
    let mut desk_a = Desk::new(store_a, clock.clone(), "bench".into(), Arc::new(NoListener));
    desk_a.join_team(&url, "A", "A")?;
    let events = desk_a.sync_status()?.pending;
    eprintln!("Pushing {events} events…");
    let mut client_a = address.connect_desk("A", &a.secret).await?;
    let push_seconds = super::team::push_everything(&mut desk_a, &mut client_a, address, 5000).await?;

    eprintln!("Desk B joins: the open cases first, then the whole history…");
    let mut desk_b = Desk::new(fresh_store(dir, "b")?, clock, "bench".into(), Arc::new(NoListener));
    desk_b.join_team(&url, "B", "B")?;
    let started = Instant::now();
    let mut client_b = address.connect_desk("B", &b.secret).await?;
    let first = round::open_cases_first(&mut desk_b, &client_b, address)
        .await?
        .ok_or_else(|| SyncError::Server("the new desk's pull did not start at the beginning".into()))?;
    let lists_ready_seconds = started.elapsed().as_secs_f64();
    let open_promises = desk_b.open_promises(None)?.len();
    eprintln!(
        "B's lists are usable after {lists_ready_seconds:.1} s: {} open cases, {open_promises} open promises; the rest follows…",
        first.cases
    );
    round::sync_round(&mut desk_b, &mut client_b, address).await?;
    let whole_history_seconds = started.elapsed().as_secs_f64();

    // A need not pull its own events back to compare: its derived rows are its own history.
    eprintln!("Checking that B holds what A holds…");
    if desk_a.team_digest()? != desk_b.team_digest()? {
        return Err(SyncError::Server("the joining desk did not end with what the first desk holds".into()).into());
    }
    if desk_a.open_promises(None)?.len() != open_promises {
        return Err(SyncError::Server("the open cases first missed open promises".into()).into());
    }
    let paths = [desk_a.path().to_path_buf(), desk_b.path().to_path_buf()];
    drop((desk_a, desk_b));
    for path in paths {
        super::remove_database(&path);
    }
    Ok(JoinMeasurement {
        server: address.shown().to_owned(),
        cases,
        events,
        generate_seconds: generated.seconds,
        push_seconds,
        open_cases: first.cases,
        open_promises,
        lists_ready_seconds,
        whole_history_seconds,
        pull_events_per_second: events as f64 / whole_history_seconds,
    })
}
