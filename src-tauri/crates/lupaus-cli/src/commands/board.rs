//! `lupaus-cli due --team`: the lead's team board on the command line: overdue and due-soon
//! promises of every desk, grouped by person and by desk, each desk's last sync and each
//! person's load. The same `Desk::team_board` the window shows.

use lupaus_desk::{PromiseGroup, TeamBoard};
use lupaus_store::StoreError;
use lupaus_store::team::Conflict;

use super::Context;
use crate::args::ConflictCommand;
use crate::output;

/// `conflict list` and `conflict resolve`: the lead's review of conflicts between desks.
pub fn conflict(context: &mut Context, command: ConflictCommand) -> Result<(), StoreError> {
    let zone = context.desk.zone()?;
    match command {
        ConflictCommand::List { all } => {
            let conflicts = context.desk.conflicts(all)?;
            context.print(&conflicts, |conflicts| {
                if conflicts.is_empty() {
                    return "No conflicts waiting for review.".to_owned();
                }
                conflicts.iter().map(|conflict| conflict_line(conflict, zone)).collect::<Vec<_>>().join("\n")
            })
        }
        ConflictCommand::Resolve { event_id, note } => {
            let resolved = context.desk.resolve_conflict(&event_id, &note)?;
            context.print(&resolved, |conflict| format!("Resolved: {}", conflict_line(conflict, zone)))
        }
    }
}

fn conflict_line(conflict: &Conflict, zone: chrono_tz::Tz) -> String {
    let review = conflict.review.as_ref().map_or_else(String::new, |review| format!("  [resolved by {}]", review.by));
    format!(
        "{}  {:<18} {:<7} {:<22} {:<12} {}: {}{review}",
        conflict.event_id,
        conflict.case_reference,
        conflict.log,
        conflict.kind,
        conflict.actor,
        output::desk_time(conflict.at, zone),
        conflict.detail
    )
}

pub fn due_team(context: &Context, within_hours: u32) -> Result<(), StoreError> {
    let board = context.desk.team_board(within_hours)?;
    let zone = context.desk.zone()?;
    context.print(&board, |board| text(board, zone))
}

fn text(board: &TeamBoard, zone: chrono_tz::Tz) -> String {
    let mut out = Vec::new();
    if !board.desks.is_empty() {
        out.push("Desks:".to_owned());
        for desk in &board.desks {
            let synced = desk.last_sync_at.map_or_else(|| "never synced".to_owned(), |at| output::desk_time(at, zone));
            let note = match (desk.this_desk, desk.stale) {
                (true, _) => "  (this desk)",
                (false, true) => "  (out of touch: its latest work may be missing here)",
                (false, false) => "",
            };
            out.push(format!("  {:<10} {synced}{note}", desk.desk_code));
        }
    }
    if board.by_person.is_empty() {
        out.push("Nothing overdue or due soon on any desk.".to_owned());
    } else {
        out.push("By person:".to_owned());
        groups(&board.by_person, zone, &mut out);
        out.push("By desk:".to_owned());
        groups(&board.by_desk, zone, &mut out);
    }
    out.push("Workload (open cases, overdue, due soon):".to_owned());
    for load in &board.workload {
        out.push(format!("  {:<20} {:>5} {:>5} {:>5}", load.person, load.open_cases, load.overdue, load.due_soon));
    }
    if board.truncated {
        out.push("Only the first 500 promises are listed.".to_owned());
    }
    out.join("\n")
}

fn groups(groups: &[PromiseGroup], zone: chrono_tz::Tz, out: &mut Vec<String>) {
    for group in groups {
        let key = if group.key.is_empty() { "(this desk)" } else { group.key.as_str() };
        out.push(format!("  {key}: {} overdue, {} due soon", group.overdue, group.due_soon));
        for item in &group.promises {
            let view = &item.view;
            out.push(format!(
                "    #{:<5} {}  {:<13} {:<8} {:?}  {:<16} {}",
                view.promise.id,
                output::desk_time(view.promise.due_at, zone),
                view.case_reference,
                item.desk_code,
                view.status,
                view.promise.owner,
                view.promise.text
            ));
        }
    }
}
