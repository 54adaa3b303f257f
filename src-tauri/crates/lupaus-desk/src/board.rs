//! The lead's team board (issue 17): the overdue and due-soon promises of every desk and agent,
//! grouped by person and by desk, each desk's last sync so a lead knows whether that desk's
//! picture is current, and each agent's open cases. The same board serves the window and
//! `lupaus-cli due --team`. A standalone desk gets the same promises with no desks listed.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use lupaus_core::promise::PromiseStatus;
use lupaus_store::StoreError;
use lupaus_store::promises::PromiseView;
use serde::Serialize;
use ts_rs::TS;

use crate::Desk;

/// A desk that has not synced for this long is shown as out of touch: an online desk syncs
/// every few seconds, so a quarter of an hour means it is off or cut off.
pub const STALE_AFTER_MINUTES: i64 = 15;
/// How many promises the board lists at most; `truncated` says when more were due.
const BOARD_LIMIT: u32 = 500;

/// A desk of the team and how current its picture is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeskSync {
    pub desk_code: String,
    /// When it last finished a sync round, on this desk's clock; `None`: never.
    pub last_sync_at: Option<DateTime<Utc>>,
    /// Not synced for [`STALE_AFTER_MINUTES`] or more, or never: what it holds may be missing here.
    pub stale: bool,
    /// The desk this board is read on.
    pub this_desk: bool,
}

/// An overdue or due-soon promise and the desk its case was opened on.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BoardPromise {
    /// '' on a standalone desk.
    pub desk_code: String,
    pub view: PromiseView,
}

/// The promises of one person or one desk: overdue first (longest late on top), then soonest.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PromiseGroup {
    /// The person's name or the desk's code.
    pub key: String,
    pub overdue: u32,
    pub due_soon: u32,
    pub promises: Vec<BoardPromise>,
}

/// One person's load: open cases they own, and their overdue and due-soon promises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AgentWorkload {
    pub person: String,
    pub open_cases: u32,
    pub overdue: u32,
    pub due_soon: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TeamBoard {
    /// This desk's code; '' on a standalone desk.
    pub this_desk: String,
    /// The team's desks by code; empty on a standalone desk.
    pub desks: Vec<DeskSync>,
    pub by_person: Vec<PromiseGroup>,
    pub by_desk: Vec<PromiseGroup>,
    /// Most open cases first.
    pub workload: Vec<AgentWorkload>,
    /// More promises were due than the board lists.
    pub truncated: bool,
}

impl Desk {
    /// The team board as of now: promises overdue or due within `within_hours` (at most 30
    /// days), of every desk this desk has heard of.
    pub fn team_board(&self, within_hours: u32) -> Result<TeamBoard, StoreError> {
        let now = self.now();
        let until = now + Duration::hours(i64::from(within_hours.min(24 * 30)));
        let mut promises = self.store.team_promises_due_before(until, now, BOARD_LIMIT + 1)?;
        let truncated = promises.len() > BOARD_LIMIT as usize;
        promises.truncate(BOARD_LIMIT as usize);
        let promises: Vec<BoardPromise> =
            promises.into_iter().map(|found| BoardPromise { desk_code: found.desk_code, view: found.view }).collect();
        let this_desk = self.store.team()?.map(|team| team.desk_code).unwrap_or_default();
        let desks = self
            .store
            .desks_last_sync()?
            .into_iter()
            .map(|desk| {
                let last_sync_at = desk.age_when_read.map(|age| desk.read_at - age);
                // Age by the time since this desk read the list plus the age the server gave:
                // right however far this desk's clock is off from the server's.
                let stale = desk.age_when_read.is_none_or(|age| {
                    (now - desk.read_at).max(Duration::zero()) + age >= Duration::minutes(STALE_AFTER_MINUTES)
                });
                DeskSync { this_desk: desk.desk_code == this_desk, desk_code: desk.desk_code, last_sync_at, stale }
            })
            .collect();
        let mut workload: BTreeMap<String, AgentWorkload> = self
            .store
            .open_cases_by_owner()?
            .into_iter()
            .map(|(person, cases)| {
                let open_cases = u32::try_from(cases).unwrap_or(u32::MAX);
                (person.clone(), AgentWorkload { person, open_cases, overdue: 0, due_soon: 0 })
            })
            .collect();
        for found in &promises {
            let owner = &found.view.promise.owner;
            let load = workload.entry(owner.clone()).or_insert_with(|| AgentWorkload {
                person: owner.clone(),
                open_cases: 0,
                overdue: 0,
                due_soon: 0,
            });
            if is_overdue(&found.view) {
                load.overdue += 1;
            } else {
                load.due_soon += 1;
            }
        }
        let mut workload: Vec<AgentWorkload> = workload.into_values().collect();
        workload.sort_by(|a, b| b.open_cases.cmp(&a.open_cases).then(b.overdue.cmp(&a.overdue)));
        Ok(TeamBoard {
            by_person: group(&promises, |found| found.view.promise.owner.clone()),
            by_desk: group(&promises, |found| found.desk_code.clone()),
            this_desk,
            desks,
            workload,
            truncated,
        })
    }
}

fn is_overdue(view: &PromiseView) -> bool {
    view.status == PromiseStatus::Broken
}

/// Groups promises (already soonest first, so overdue first) by `key`; the group whose first
/// promise is due earliest leads, so everyone with a miss comes before anyone without.
fn group(promises: &[BoardPromise], key: impl Fn(&BoardPromise) -> String) -> Vec<PromiseGroup> {
    let mut groups: Vec<PromiseGroup> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for found in promises {
        let name = key(found);
        let at = *index.entry(name.clone()).or_insert_with(|| {
            groups.push(PromiseGroup { key: name, overdue: 0, due_soon: 0, promises: Vec::new() });
            groups.len() - 1
        });
        let group = &mut groups[at];
        if is_overdue(&found.view) {
            group.overdue += 1;
        } else {
            group.due_soon += 1;
        }
        group.promises.push(found.clone());
    }
    groups
}
