//! `lupaus-cli case ...`: every case operation the UI offers.

use lupaus_core::CoreError;
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::CaseCommand as LifecycleCommand;
use lupaus_desk::{CaseIntake, HandOffTo};
use lupaus_store::StoreError;
use lupaus_store::cases::{CaseDetail, CaseListQuery};

use super::Context;
use crate::args::{CaseCommand, CreateArgs};

pub fn run(context: &mut Context, command: CaseCommand) -> Result<(), StoreError> {
    match command {
        CaseCommand::Create(args) => {
            let intake = CaseIntake { case: new_case(*args)?, callback: None };
            let created = context.desk.create_case(intake)?.case;
            context.print(&created, |case| format!("{} created for {}", case.reference, case.customer_name))
        }
        CaseCommand::List { stage, owner, limit } => {
            let rows = context.desk.list_cases(&CaseListQuery { stage, owner, limit: Some(limit), after_id: None })?;
            let zone = context.desk.zone()?;
            context.print(&rows, |rows| summary_lines(rows, zone))
        }
        CaseCommand::Show { reference } => {
            let id = context.desk.case_id_by_reference(&reference)?;
            let detail = context.desk.case_detail(id)?;
            context.print(&detail, |detail| {
                let mut lines = vec![
                    format!(
                        "{}  {}  stage {}",
                        detail.summary.reference,
                        detail.customer.name,
                        detail.state.stage.as_str()
                    ),
                    format!("owner {}; next: {:?}", detail.state.owner, detail.allowed_actions),
                ];
                if let Some(lock) = &detail.root_cause_lock {
                    lines.push(format!("root cause locked: {lock}"));
                }
                lines.push(format!("{} events, {} promises", detail.events.len(), detail.promises.len()));
                lines.join("\n")
            })
        }
        CaseCommand::Act { reference, command } => {
            let id = context.desk.case_id_by_reference(&reference)?;
            let detail = apply(context, id, parse_command(&command)?)?;
            context.print(&detail, |detail| {
                format!("{} is now at stage {}", detail.summary.reference, detail.state.stage.as_str())
            })
        }
        CaseCommand::ActMany { .. } => unreachable!("answered in commands::run, whose errors name the line"),
        CaseCommand::Attach { reference, file } => {
            let id = context.desk.case_id_by_reference(&reference)?;
            let attached = context.desk.attach_file(id, &file)?;
            context
                .print(&attached, |a| format!("Attached {} ({} bytes, sha256 {})", a.file_name, a.size_bytes, a.sha256))
        }
        CaseCommand::Events { reference } => {
            let id = context.desk.case_id_by_reference(&reference)?;
            let events = context.desk.case_events(id)?;
            let zone = context.desk.zone()?;
            context.print(&events, |events| {
                events
                    .iter()
                    .map(|record| {
                        format!(
                            "{}  {:<20} {} -> {}  {}",
                            crate::output::desk_time(record.at, zone),
                            record.actor.person,
                            record.stage_before.as_str(),
                            record.stage_after.as_str(),
                            serde_json::to_value(&record.event)
                                .ok()
                                .and_then(|value| value["kind"].as_str().map(str::to_owned))
                                .unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        CaseCommand::Verify { reference } => {
            let report = context.desk.verify_case(&reference)?;
            context.print(&report, |report| {
                format!(
                    "{}: the event log {} the stored state",
                    report.reference,
                    if report.replay_matches { "reproduces" } else { "does NOT reproduce" }
                )
            })?;
            if report.replay_matches {
                Ok(())
            } else {
                Err(StoreError::Corrupt(format!("{}: replaying the event log gives another state", report.reference)))
            }
        }
    }
}

fn new_case(args: CreateArgs) -> Result<NewCase, CoreError> {
    Ok(NewCase {
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
        former_ref: None,
    })
}

/// A case command as typed: a hand-off (with its confirmation) or any other lifecycle command.
pub(super) enum Parsed {
    HandOff(HandOffTo),
    Other(LifecycleCommand),
}

/// A lifecycle command from JSON text (or standard input for `-`).
fn parse_command(text: &str) -> Result<Parsed, StoreError> {
    let text = if text == "-" { crate::output::read_stdin("command", true)? } else { text.to_owned() };
    let value: serde_json::Value = serde_json::from_str(&text).map_err(not_a_command)?;
    parse_value(value)
}

/// A lifecycle command from parsed JSON: `case act`'s argument, or one line of `case act-many`.
pub(super) fn parse_value(value: serde_json::Value) -> Result<Parsed, StoreError> {
    if value.get("kind").and_then(serde_json::Value::as_str) == Some("hand_off") {
        return serde_json::from_value(value).map(Parsed::HandOff).map_err(not_a_command);
    }
    serde_json::from_value(value).map(Parsed::Other).map_err(not_a_command)
}

fn not_a_command(error: serde_json::Error) -> StoreError {
    CoreError::invalid("command", format!("The command is not valid JSON for a case command: {error}")).into()
}

/// Saves one command on a case in its own transaction, as the window's buttons do.
pub(super) fn apply(context: &mut Context, case_id: i64, command: Parsed) -> Result<CaseDetail, StoreError> {
    match command {
        // A hand-off names a person of the team; `away_confirmed` hands to a deactivated one.
        Parsed::HandOff(hand_off) => context.desk.hand_off(case_id, hand_off),
        Parsed::Other(command) => context.desk.act_on_case(case_id, command),
    }
}

/// One line per case for people: reference, received, customer, stage, what happened.
pub fn summary_lines(rows: &[lupaus_store::cases::CaseSummary], zone: chrono_tz::Tz) -> String {
    rows.iter()
        .map(|row| {
            format!(
                "{}  {}  {:<24} {:<16} {}",
                row.reference,
                crate::output::desk_time(row.received_at, zone),
                row.customer_name,
                row.stage,
                row.summary
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
