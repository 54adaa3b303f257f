//! The `cases` table (the current state of each case) and the case list queries.

use chrono::{DateTime, Utc};
use lupaus_core::case::{CaseRef, ValidNewCase};
use lupaus_core::lifecycle::{
    self, ActionKind, Actor, CaseCommand, CaseFigures, CaseState, CompensationStatus, EventRecord, Policy, figures,
    open_case,
};
use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::customers::Customer;
use crate::events::EncodedEvent;
use crate::{Store, StoreError, customers, events, time};

/// One row of the case list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseSummary {
    pub id: i64,
    pub reference: String,
    pub received_at: DateTime<Utc>,
    pub customer_name: String,
    pub channel: String,
    pub priority: String,
    pub stage: String,
    pub owner: String,
    /// The start of the customer's description, for the list.
    pub summary: String,
    /// The earliest due time of the case's open promises.
    pub next_promise_due: Option<DateTime<Utc>>,
    /// From when that promise counts as due soon: its earliest reminder on the desk's calendar
    /// (`Store::browse_cases`, the case list). `None` in other lists, which show no closeness.
    pub next_promise_soon_from: Option<DateTime<Utc>>,
}

/// Everything the case view shows: the current state, what may be done next, the history.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CaseDetail {
    pub summary: CaseSummary,
    pub customer: Customer,
    pub state: CaseState,
    /// What the person asking may do next, from the same rules that accept or refuse a command.
    pub allowed_actions: Vec<ActionKind>,
    /// Why root cause and responsibility are still locked, if they are.
    pub root_cause_lock: Option<String>,
    /// The same as a reason key (`lupaus_core::reason`), so the UI says it in the person's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub root_cause_lock_reason: Option<String>,
    pub figures: CaseFigures,
    /// The event log, oldest first: the case's timeline.
    pub events: Vec<EventRecord>,
    /// Positions in `events` of the losing sides of team conflicts (made offline on two desks):
    /// kept and shown, not applied, waiting for a lead's review. Empty on a standalone desk.
    pub conflict_losers: Vec<u32>,
    /// The losers among `conflict_losers` a lead has resolved, and who: shown as reviewed.
    pub conflict_reviews: Vec<crate::team::PositionReview>,
    /// Promise changes that lost a team conflict (the same promise kept twice...): kept, shown
    /// struck through in the timeline, with their review once a lead has resolved them.
    pub promise_conflicts: Vec<crate::team::Conflict>,
    /// The code of the desk that recorded each of `events` (same positions), shown with the
    /// time that desk's clock said. All '' on a desk that never joined a team.
    pub event_desks: Vec<String>,
    /// The promises made on this case, by due time.
    pub promises: Vec<crate::promises::PromiseView>,
    /// Due times against the desk's SLA targets, paused while waiting.
    pub sla: lupaus_core::sla_status::SlaStatus,
    /// Files the customer sent or the agent added.
    pub attachments: Vec<crate::attachments::Attachment>,
}

/// Which cases to list: newest first, one page at a time.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct CaseListQuery {
    /// Only cases in this stage.
    pub stage: Option<String>,
    /// Only cases owned by this person.
    pub owner: Option<String>,
    /// Page size; at most 500.
    pub limit: Option<u32>,
    /// Continue after this case (the last id of the previous page).
    pub after_id: Option<i64>,
}

pub(crate) const SUMMARY_CHARS: usize = 140;
pub(crate) const MAX_PAGE: u32 = 500;

impl Store {
    /// Opens a new case from a validated intake, in one transaction: customer, case, first event.
    /// Search finds it at once; the idle upkeep adds it to the index (search.rs).
    pub fn create_case(
        &mut self,
        intake: ValidNewCase,
        actor: &Actor,
        at: DateTime<Utc>,
    ) -> Result<CaseSummary, StoreError> {
        let id = self.write(|tx| Ok(insert_case(tx, intake, actor, at)?.id))?;
        self.case_summary(id)
    }

    /// Runs one command on a case through the core's lifecycle rules and stores the resulting
    /// events and state in one transaction. A refused command changes nothing.
    pub fn act_on_case(
        &mut self,
        case_id: i64,
        command: CaseCommand,
        actor: &Actor,
        at: DateTime<Utc>,
        policy: &Policy,
    ) -> Result<CaseDetail, StoreError> {
        self.write(|tx| {
            let mut state = load_state(tx, case_id)?;
            lupaus_core::promise::settle::require_settled(command.kind(), &crate::promises::of_case(tx, case_id)?)?;
            let records = lifecycle::decide(&state, command, actor, at, policy)?;
            for record in &records {
                lifecycle::apply(&mut state, record)?;
            }
            events::append(tx, case_id, &records)?;
            save_state(tx, case_id, &state)?;
            crate::promises::insert_hand_off_callbacks(tx, case_id, &records)?;
            if records.iter().any(|record| matches!(record.event, lupaus_core::lifecycle::CaseEvent::HandedOff { .. }))
            {
                // A receiver who also works on this desk hears of it at their next sign-in here.
                crate::notices::consider(tx, case_id, &actor.person)?;
            }
            Ok(())
        })?;
        self.case_detail(case_id, actor, at)
    }

    /// The case view for `viewer`: what they may do depends on their role.
    pub fn case_detail(&self, case_id: i64, viewer: &Actor, now: DateTime<Utc>) -> Result<CaseDetail, StoreError> {
        let summary = self.case_summary(case_id)?;
        let state = load_state(&self.conn, case_id)?;
        let ordered = crate::events::in_canonical_order(&self.conn, case_id)?;
        let losers: Vec<(u32, Vec<u8>)> = ordered
            .iter()
            .enumerate()
            .filter(|(_, event)| event.flagged)
            .map(|(at, event)| (at as u32, event.event_id.clone()))
            .collect();
        let conflict_losers = losers.iter().map(|(at, _)| *at).collect();
        let conflict_reviews = crate::team::position_reviews(&self.conn, &losers)?;
        let mut promise_conflicts = self.case_conflicts(case_id)?;
        promise_conflicts.retain(|conflict| conflict.log == "promise");
        let event_desks = ordered.iter().map(|event| event.desk.clone()).collect();
        let events: Vec<EventRecord> = ordered.into_iter().map(|event| event.record).collect();
        let customer_id: i64 =
            self.conn.query_row("SELECT customer_id FROM cases WHERE id = ?1", [case_id], |row| row.get(0))?;
        let desk = self.desk_settings()?;
        Ok(CaseDetail {
            sla: lupaus_core::sla_status::sla_status(&state, &desk.settings.sla_targets, &desk.calendar),
            attachments: self.attachments(case_id)?,
            summary,
            customer: self.customer(customer_id)?,
            allowed_actions: state.allowed_actions(viewer.role),
            root_cause_lock: state.root_cause_lock(),
            root_cause_lock_reason: state.root_cause_lock_reason().map(str::to_owned),
            figures: figures(&events),
            promises: self.case_promises(case_id, now)?,
            state,
            events,
            conflict_losers,
            conflict_reviews,
            promise_conflicts,
            event_desks,
        })
    }

    /// The id of the case with this reference, e.g. `R-2026-000123`, or `R-2026-000123/KASSA2`
    /// for the case of another desk of the team. Without a desk, this desk's own case wins.
    pub fn case_id_by_reference(&self, reference: &str) -> Result<i64, StoreError> {
        let (reference, desk) = match reference.trim().split_once('/') {
            Some((reference, desk)) => (reference, Some(desk.trim().to_uppercase())),
            None => (reference, None),
        };
        let parsed = CaseRef::parse(reference)?;
        let mut statement = self.conn.prepare_cached(
            "SELECT c.id, c.desk_code, c.desk_code = (SELECT code FROM desk_identity WHERE id = 1)
             FROM desk_codes JOIN cases c ON c.desk_code = desk_codes.code AND c.ref_year = ?1 AND c.ref_number = ?2",
        )?;
        let found: Vec<(i64, String, bool)> = statement
            .query_map(params![parsed.year, parsed.number], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let pick = match &desk {
            Some(desk) => found.iter().find(|(_, code, _)| code == desk),
            None if found.len() == 1 => found.first(),
            None => found.iter().find(|(_, _, own)| *own),
        };
        match pick {
            Some((id, _, _)) => Ok(*id),
            None if found.is_empty() || desk.is_some() => Err(StoreError::NotFound(format!(
                "There is no case {parsed}{}.",
                desk.map(|desk| format!(" of desk {desk}")).unwrap_or_default()
            ))),
            None => {
                let desks: Vec<String> = found.into_iter().map(|(_, code, _)| format!("{parsed}/{code}")).collect();
                Err(StoreError::NotFound(format!(
                    "Several desks of the team have a case {parsed}: write one of {}.",
                    desks.join(", ")
                )))
            }
        }
    }

    pub fn case_summary(&self, id: i64) -> Result<CaseSummary, StoreError> {
        let sql = format!("{SUMMARY_SELECT} WHERE c.id = ?1");
        self.conn.prepare_cached(&sql)?.query_row([id], summary_from_row).map_err(|error| match error {
            rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound(format!("There is no case with id {id}.")),
            other => other.into(),
        })?
    }

    /// Cases with compensation waiting for a lead's decision, oldest change first.
    pub fn cases_awaiting_approval(&self, limit: u32) -> Result<Vec<CaseSummary>, StoreError> {
        let sql = format!("{SUMMARY_SELECT} WHERE c.pending_approvals > 0 ORDER BY c.updated_at LIMIT ?1");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([limit.min(MAX_PAGE)], summary_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// One page of the case list, newest first.
    pub fn list_cases(&self, query: &CaseListQuery) -> Result<Vec<CaseSummary>, StoreError> {
        let limit = query.limit.unwrap_or(100).clamp(1, MAX_PAGE);
        let (after_received, after_id) = match query.after_id {
            Some(id) => {
                let received: i64 =
                    self.conn.query_row("SELECT received_at FROM cases WHERE id = ?1", [id], |row| row.get(0))?;
                (received, id)
            }
            None => (i64::MAX, i64::MAX),
        };
        // Only the filters given appear in the SQL, so cases_by_stage, cases_by_owner or
        // cases_by_owner_stage serves them; `?3 IS NULL OR ...` would make SQLite walk every case
        // newest-first to test it (measured in BENCHMARKS.md). Unused parameters are harmless.
        let stage_filter = if query.stage.is_some() { "AND c.stage = ?3" } else { "" };
        let owner_filter = if query.owner.is_some() { "AND c.owner = ?4" } else { "" };
        let sql = format!(
            "{SUMMARY_SELECT}
             WHERE (c.received_at, c.id) < (?1, ?2) {stage_filter} {owner_filter}
             ORDER BY c.received_at DESC, c.id DESC
             LIMIT ?5"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement
            .query_map(params![after_received, after_id, query.stage, query.owner, limit], summary_from_row)?;
        rows.map(|row| row?).collect()
    }
}

pub(crate) const SUMMARY_SELECT: &str =
    "SELECT c.id, c.ref_year, c.ref_number, c.received_at, cu.name, c.channel, c.priority,
        c.stage, c.owner, c.summary,
        (SELECT MIN(p.due_at) FROM promises p WHERE p.case_id = c.id AND p.state = 'open')
    FROM cases c JOIN customers cu ON cu.id = c.customer_id";

pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<Result<CaseSummary, StoreError>> {
    let reference = CaseRef { year: row.get(1)?, number: row.get(2)? }.to_string();
    let received_at: i64 = row.get(3)?;
    let next_due: Option<i64> = row.get(10)?;
    let build = || -> Result<CaseSummary, StoreError> {
        Ok(CaseSummary {
            id: row.get(0)?,
            reference,
            received_at: time::from_millis(received_at)?,
            customer_name: row.get(4)?,
            channel: row.get(5)?,
            priority: row.get(6)?,
            stage: row.get(7)?,
            owner: row.get(8)?,
            summary: row.get(9)?,
            next_promise_due: next_due.map(time::from_millis).transpose()?,
            next_promise_soon_from: None,
        })
    };
    Ok(build())
}

/// A case just inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Inserted {
    pub(crate) id: i64,
    pub(crate) reference: CaseRef,
    /// The intake named a customer not known before.
    pub(crate) new_customer: bool,
}

/// Inserts a case with its customer and first event. The search index catches up later (see
/// search.rs), so the save writes no index terms.
pub(crate) fn insert_case(
    tx: &Transaction<'_>,
    intake: ValidNewCase,
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<Inserted, StoreError> {
    insert_new_case(tx, &NewCaseRow::new(intake, actor, at)?)
}

/// A new case as its rows hold it: the state its first event makes, encoded, and that event.
/// Making one needs no database, so the import makes them on a second thread while the first
/// one writes; only the customer, the reference number and the ids come from the database.
#[derive(Debug)]
pub(crate) struct NewCaseRow {
    pub(crate) state: CaseState,
    state_json: String,
    summary: String,
    opened: EncodedEvent,
}

impl NewCaseRow {
    pub(crate) fn new(intake: ValidNewCase, actor: &Actor, at: DateTime<Utc>) -> Result<NewCaseRow, StoreError> {
        let opened = open_case(intake, actor.clone(), at);
        let state = CaseState::replay(std::slice::from_ref(&opened))?;
        let summary: String = state.intake.description.chars().take(SUMMARY_CHARS).collect();
        Ok(NewCaseRow { state_json: to_json(&state)?, summary, opened: EncodedEvent::of(&opened)?, state })
    }
}

/// Inserts a case made by [`NewCaseRow::new`], with its customer (found or created) and first event.
pub(crate) fn insert_new_case(tx: &Transaction<'_>, case: &NewCaseRow) -> Result<Inserted, StoreError> {
    let state = &case.state;
    let at = state.received_at;
    // References count per desk code: a desk numbers its own cases without asking the server.
    let desk_code = customers::own_desk_code(tx)?;
    let (customer_id, new_customer) = customers::find_or_create(tx, &state.intake.customer, at, &desk_code)?;
    let year = CaseRef::for_received(at, 0).year;
    let number: u32 = tx
        .prepare_cached("SELECT COALESCE(MAX(ref_number), 0) + 1 FROM cases WHERE ref_year = ?1 AND desk_code = ?2")?
        .query_row(params![year, desk_code], |row| row.get(0))?;
    tx.prepare_cached(
        "INSERT INTO cases (ref_year, ref_number, customer_id, received_at, channel, priority, stage, owner, summary,
             updated_at, state_json, gid, desk_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?4, ?10, ?11, ?12)",
    )?
    .execute(params![
        year,
        number,
        customer_id,
        time::to_millis(at),
        state.intake.channel.as_str(),
        state.intake.priority.as_str(),
        state.stage.as_str(),
        state.owner,
        case.summary,
        case.state_json,
        uuid::Uuid::now_v7().as_bytes(),
        desk_code
    ])?;
    let case_id = tx.last_insert_rowid();
    events::insert_encoded(tx, case_id, 1, &case.opened)?;
    Ok(Inserted { id: case_id, reference: CaseRef { year, number }, new_customer })
}

pub(crate) fn load_state(conn: &rusqlite::Connection, case_id: i64) -> Result<CaseState, StoreError> {
    let json: String = conn
        .prepare_cached("SELECT state_json FROM cases WHERE id = ?1")?
        .query_row([case_id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("There is no case with id {case_id}.")))?;
    serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(format!("case {case_id}: {error}")))
}

/// Updates the projection row from the state the events produced.
pub(crate) fn save_state(tx: &Transaction<'_>, case_id: i64, state: &CaseState) -> Result<(), StoreError> {
    save_encoded_state(tx, case_id, state, &to_json(state)?)
}

/// [`save_state`] with the state already encoded as `state_json` (by the import's second thread).
pub(crate) fn save_encoded_state(
    tx: &Transaction<'_>,
    case_id: i64,
    state: &CaseState,
    state_json: &str,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "UPDATE cases SET stage = ?2, owner = ?3, priority = ?4, updated_at = ?5, state_json = ?6,
             pending_approvals = ?7, waiting = ?8 WHERE id = ?1",
    )?
    .execute(params![
        case_id,
        state.stage.as_str(),
        state.owner,
        state.intake.priority.as_str(),
        time::to_millis(state.last_event_at),
        state_json,
        pending_approvals(state),
        i64::from(state.waiting.is_some())
    ])?;
    Ok(())
}

fn pending_approvals(state: &CaseState) -> i64 {
    state.compensations.iter().filter(|item| matches!(item.status, CompensationStatus::PendingLead)).count() as i64
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|error| StoreError::Corrupt(error.to_string()))
}
