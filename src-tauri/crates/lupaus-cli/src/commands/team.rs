//! `team`: set up a team server, add desks, join, sync. A thin layer over lupaus-sync; the
//! secret comes from standard input and is never printed except by `add-desk`, once.

use std::path::Path;

use chrono::{DateTime, Utc};
use std::sync::Arc;

use lupaus_core::clock::{Clock, FixedClock};
use lupaus_desk::Desk;
use lupaus_store::{StoreError, SystemClock};
use lupaus_sync::server::ServerAddress;
use lupaus_sync::{SyncError, admin, round};
use serde_json::json;

use crate::args::TeamCommand;
use crate::error::CliError;
use crate::output;

fn print(json: bool, value: serde_json::Value, text: String) -> Result<(), CliError> {
    if json {
        output::print_json(&value)?;
    } else {
        println!("{text}");
    }
    Ok(())
}

pub fn run(
    path: &Path,
    command: TeamCommand,
    json: bool,
    now: Option<DateTime<Utc>>,
    person: String,
) -> Result<(), CliError> {
    let clock: Arc<dyn Clock> = match now {
        Some(at) => Arc::new(FixedClock::new(at)),
        None => Arc::new(SystemClock),
    };
    let open = move || Desk::open(path, clock, person);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| SyncError::Server(format!("cannot start the network runtime: {error}")))?;
    runtime.block_on(run_async(open, command, json))
}

/// The server at `server`, trusting the team's CA file when one is given.
fn address(server: &str, ca_file: Option<&std::path::Path>) -> Result<ServerAddress, CliError> {
    let address = ServerAddress::parse(server)?;
    Ok(match ca_file {
        Some(path) => address.with_ca_file(path)?,
        None => address,
    })
}

async fn run_async(
    open: impl FnOnce() -> Result<Desk, StoreError>,
    command: TeamCommand,
    json: bool,
) -> Result<(), CliError> {
    match command {
        TeamCommand::ServerInit { server, ca_file } => {
            let address = address(&server, ca_file.as_deref())?;
            let (before, after) = admin::server_init(&address).await?;
            print(
                json,
                json!({ "server": address.shown(), "before": before, "after": after }),
                format!("Team schema on {}: version {before} -> {after}", address.shown()),
            )
        }
        TeamCommand::AddDesk { server, desk, ca_file } => {
            let address = address(&server, ca_file.as_deref())?;
            let added = admin::add_desk(&address, &desk).await?;
            print(
                json,
                json!({ "desk": added.desk, "secret": added.secret }),
                format!(
                    "Desk {} added. Its secret, shown only now (give it to the desk, e.g. `lupaus-cli team join --server URL --desk {} < secret.txt`):\n{}",
                    added.code, added.code, added.secret
                ),
            )
        }
        TeamCommand::RemoveDesk { server, desk, ca_file } => {
            let address = address(&server, ca_file.as_deref())?;
            admin::remove_desk(&address, &desk).await?;
            print(json, json!({ "removed": desk }), format!("Desk {desk} can no longer log in to {}", address.shown()))
        }
        TeamCommand::Join { server, desk: name, ca_file } => {
            let address = address(&server, ca_file.as_deref())?;
            let secret = lupaus_sync::secret::read_from(std::io::stdin().lock())?;
            let mut desk = open()?;
            let (team, report) = round::join(&mut desk, &address, &name, &secret).await?;
            print(
                json,
                json!({ "desk": team.desk_name, "code": team.desk_code, "server": address.shown(), "pushed": report.pushed,
                    "pulled": report.pulled, "pending": report.pending, "conflicts": report.conflicts }),
                format!(
                    "Joined {} as desk {}: pushed {}, pulled {}, {} waiting",
                    address.shown(),
                    team.desk_code,
                    report.pushed,
                    report.pulled,
                    report.pending
                ),
            )
        }
        TeamCommand::Sync => {
            let mut desk = open()?;
            let report = round::sync_desk(&mut desk).await?;
            print(
                json,
                serde_json::to_value(report).map_err(|error| SyncError::Server(error.to_string()))?,
                format!(
                    "Pushed {}, pulled {}, {} waiting, {} flagged",
                    report.pushed, report.pulled, report.pending, report.conflicts
                ),
            )
        }
        TeamCommand::Status => {
            let desk = open()?;
            let status = desk.sync_status()?;
            let on_server = desk.events_on_server()?;
            let text = match &status.team {
                Some(team) => format!(
                    "Desk {} of the team at {}; {} waiting, {} on the server, {} flagged; last sync {}",
                    team.desk_code,
                    team.server_url,
                    status.pending,
                    on_server,
                    status.flagged,
                    team.last_sync_at.map_or("never".to_owned(), |at| at.to_rfc3339())
                ),
                None => "Standalone: this desk is in no team.".to_owned(),
            };
            let mut shown = serde_json::to_value(&status).map_err(|error| SyncError::Server(error.to_string()))?;
            shown["on_server"] = json!(on_server);
            print(json, shown, text)
        }
        TeamCommand::Leave => {
            let mut desk = open()?;
            let left = round::leave(&mut desk)?;
            print(
                json,
                json!({ "left": left }),
                if left { "Left the team; this desk works alone." } else { "This desk was in no team." }.to_owned(),
            )
        }
        TeamCommand::Digest => {
            let desk = open()?;
            let digest = desk.team_digest()?;
            print(
                json,
                serde_json::to_value(&digest).map_err(|error| SyncError::Server(error.to_string()))?,
                format!("{digest:?}"),
            )
        }
    }
}

/// `bench --only team|join --server URL`: prints the measurement as JSON.
pub fn bench(path: &Path, args: &crate::bench::BenchArgs, now: DateTime<Utc>) -> Result<(), CliError> {
    let server = args
        .server
        .as_deref()
        .ok_or_else(|| SyncError::BadInput("bench --only team needs --server URL (an admin login).".into()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| SyncError::Server(format!("cannot start the network runtime: {error}")))?;
    let dir = path.parent().filter(|dir| !dir.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if args.only == Some(crate::bench::Only::Join) {
        let report = runtime.block_on(crate::bench::join::measure(dir, server, args.cases, args.seed, now))?;
        return Ok(output::print_json(&report)?);
    }
    let report = runtime.block_on(crate::bench::team::measure(dir, server, args.cases, args.seed, now))?;
    output::print_json(&report)?;
    Ok(())
}
