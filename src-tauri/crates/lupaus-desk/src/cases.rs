//! Cases: intake (with its call-back promise in the same save), the case view, acting on a case,
//! the lists, search, a returning customer's history and attachments.

use std::path::Path;

use lupaus_core::CoreError;
use lupaus_core::case::NewCase;
use lupaus_core::lifecycle::{CaseCommand, CaseState, EventRecord};
use lupaus_core::promise::{NewPromise, Promise, PromiseChannel};
use lupaus_store::StoreError;
use lupaus_store::attachments::Attachment;
use lupaus_store::case_views::CaseFilter;
use lupaus_store::cases::{CaseDetail, CaseListQuery, CaseSummary};
use lupaus_store::customers::Customer;
use lupaus_store::promises::PromiseView;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Change, Desk};

/// A call-back promised while the customer is still on the line: saved with the case or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct CallbackPromise {
    /// What we promised, in the words the customer heard.
    pub text: String,
    pub channel: PromiseChannel,
    pub due_at: chrono::DateTime<chrono::Utc>,
    /// Who keeps it; the person at the keyboard when not given.
    #[ts(optional)]
    pub owner: Option<String>,
    /// The agent confirmed a due time outside opening hours.
    #[serde(default)]
    pub outside_hours_confirmed: bool,
}

/// What the intake form sends: the complaint and, optionally, the call-back promised.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct CaseIntake {
    pub case: NewCase,
    pub callback: Option<CallbackPromise>,
}

/// The new case, and its call-back promise when one was made.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CaseCreated {
    pub case: CaseSummary,
    pub callback: Option<Promise>,
}

/// A returning customer's earlier and open cases, with the promises still open on them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CustomerHistory {
    /// Newest first, at most [`HISTORY_CASES`].
    pub cases: Vec<CaseSummary>,
    /// Open promises on those cases, soonest due first.
    pub open_promises: Vec<PromiseView>,
}

/// Whether a case's event log reproduces its stored state (`lupaus-cli case verify`).
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub reference: String,
    pub replay_matches: bool,
    pub state: CaseState,
}

/// How many of a customer's cases the intake form shows.
pub const HISTORY_CASES: u32 = 50;

impl Desk {
    /// Opens a case from the intake and records its call-back promise in the same durable
    /// transaction: the desk has both or neither. An invalid intake or promise saves nothing.
    pub fn create_case(&mut self, intake: CaseIntake) -> Result<CaseCreated, StoreError> {
        let valid = intake.case.validate()?;
        let actor = self.actor()?;
        let now = self.now();
        let created = match intake.callback {
            None => CaseCreated { case: self.store.create_case(valid, &actor, now)?, callback: None },
            Some(callback) => {
                let promise = NewPromise {
                    text: callback.text,
                    channel: callback.channel,
                    due_at: callback.due_at,
                    owner: callback.owner.unwrap_or_else(|| actor.person.clone()),
                    outside_hours_confirmed: callback.outside_hours_confirmed,
                };
                let (case, promise) =
                    self.store.create_case_with_promise(valid, promise, &actor, now).map_err(in_callback)?;
                self.tell(Change::Promises);
                CaseCreated { case, callback: Some(promise) }
            }
        };
        self.tell(Change::Cases);
        Ok(created)
    }

    /// The case view, with what the person at the keyboard may do next.
    pub fn case_detail(&self, case_id: i64) -> Result<CaseDetail, StoreError> {
        self.store.case_detail(case_id, &self.actor()?, self.now())
    }

    /// One lifecycle command on a case, checked against the desk's current policy.
    pub fn act_on_case(&mut self, case_id: i64, command: CaseCommand) -> Result<CaseDetail, StoreError> {
        // A hand-off names one of the team's people (hand_off.rs); confirming a deactivated
        // receiver goes through Desk::hand_off.
        if let CaseCommand::HandOff { to, .. } = &command {
            self.check_receiver(to, false)?;
        }
        self.act_unchecked(case_id, command)
    }

    pub(crate) fn act_unchecked(&mut self, case_id: i64, command: CaseCommand) -> Result<CaseDetail, StoreError> {
        let actor = self.actor()?;
        let policy = self.store.desk_settings()?.settings.policy;
        let detail = self.store.act_on_case(case_id, command, &actor, self.now(), &policy)?;
        self.tell(Change::Cases);
        // A hand-off can promise the customer a call back.
        self.tell(Change::Promises);
        Ok(detail)
    }

    /// The case a customer's reference names (`R-2026-000123`).
    pub fn case_id_by_reference(&self, reference: &str) -> Result<i64, StoreError> {
        self.store.case_id_by_reference(reference)
    }

    /// The case list with a chosen view, "mine only", search and sort.
    pub fn browse_cases(&self, filter: &CaseFilter) -> Result<Vec<CaseSummary>, StoreError> {
        self.store.browse_cases(filter, self.now())
    }

    /// Cases newest first, by stage or owner (`lupaus-cli case list`).
    pub fn list_cases(&self, query: &CaseListQuery) -> Result<Vec<CaseSummary>, StoreError> {
        self.store.list_cases(query)
    }

    /// Words in any inflection, a name, a case reference or an order number; best first.
    pub fn search_cases(&self, query: &str, limit: u32) -> Result<Vec<CaseSummary>, StoreError> {
        self.store.search_cases(query, limit)
    }

    /// Rebuilds the search index from the stored cases, with the morphology this machine has
    /// (after installing Voikko, a desk's older cases get their Finnish base forms); returns
    /// how many cases were indexed. One transaction: search keeps working until it commits.
    pub fn rebuild_search_index(&mut self) -> Result<u64, StoreError> {
        self.store.rebuild_search_index()
    }

    /// Customers whose name, e-mail, phone or number starts with `query`, for the intake form.
    pub fn find_customers(&self, query: &str) -> Result<Vec<Customer>, StoreError> {
        self.store.find_customers(query, 10)
    }

    /// What a returning customer already has with us: their cases and the promises still open.
    pub fn customer_history(&self, customer_id: i64) -> Result<CustomerHistory, StoreError> {
        let cases = self.store.customer_cases(customer_id, HISTORY_CASES)?;
        let now = self.now();
        let mut open_promises = Vec::new();
        for case in cases.iter().filter(|case| case.next_promise_due.is_some()) {
            open_promises.extend(
                self.store
                    .case_promises(case.id, now)?
                    .into_iter()
                    .filter(|view| view.promise.state == lupaus_core::promise::PromiseState::Open)
                    // Named as the history names its case: with the desk's code if another's.
                    .map(|view| PromiseView { case_reference: case.reference.clone(), ..view }),
            );
        }
        open_promises.sort_by_key(|view| view.promise.due_at);
        Ok(CustomerHistory { cases, open_promises })
    }

    /// Copies a file into the data folder and records it on the case.
    pub fn attach_file(&mut self, case_id: i64, file: &Path) -> Result<Attachment, StoreError> {
        let attached = self.store.attach_file(case_id, file, &self.actor()?, self.now())?;
        self.tell(Change::Cases);
        Ok(attached)
    }

    /// A copy of attachment `id` for the OS's default program: checked against its hash, of a
    /// type the desk opens, always inside the attachments folder. The host opens the path.
    pub fn attachment_to_open(&self, id: i64) -> Result<std::path::PathBuf, StoreError> {
        self.store.attachment_for_opening(id)
    }

    /// The case's append-only event log, oldest first.
    pub fn case_events(&self, case_id: i64) -> Result<Vec<EventRecord>, StoreError> {
        self.store.case_events(case_id)
    }

    /// Rebuilds the case from its event log and compares it with the stored state.
    pub fn verify_case(&self, reference: &str) -> Result<VerifyReport, StoreError> {
        let id = self.store.case_id_by_reference(reference)?;
        let replayed = self.store.replay_case(id)?;
        let stored = self.case_detail(id)?.state;
        Ok(VerifyReport { reference: reference.to_owned(), replay_matches: replayed == stored, state: replayed })
    }
}

/// A refused call-back names its field inside the intake (`callback.due_at`), so the form points
/// at the call-back's input rather than at the complaint's.
fn in_callback(error: StoreError) -> StoreError {
    match error {
        StoreError::Core(CoreError::InvalidInput { field, message, reason }) => {
            StoreError::Core(CoreError::InvalidInput { field: format!("callback.{field}"), message, reason })
        }
        other => other,
    }
}
