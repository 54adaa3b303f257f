//! Intake with a promise: the case, its first event and the promise made while the customer was
//! still on the line, saved in one durable transaction. Either the desk has all of it or none.

use chrono::{DateTime, Utc};
use lupaus_core::case::ValidNewCase;
use lupaus_core::lifecycle::Actor;
use lupaus_core::promise::{NewPromise, Promise};

use crate::cases::{self, CaseSummary};
use crate::{Store, StoreError, promises, settings};

impl Store {
    /// Opens a case and records `promise` on it, in one `BEGIN IMMEDIATE` transaction committed
    /// with `synchronous=FULL`. An invalid promise leaves no case behind.
    pub fn create_case_with_promise(
        &mut self,
        intake: ValidNewCase,
        promise: NewPromise,
        actor: &Actor,
        at: DateTime<Utc>,
    ) -> Result<(CaseSummary, Promise), StoreError> {
        let (case_id, promise) = self.write(|tx| {
            let case_id = cases::insert_case(tx, intake, actor, at)?.id;
            let desk = settings::load(tx)?;
            let promise = promises::make(tx, case_id, promise, &actor.person, at, &desk)?;
            Ok((case_id, promise))
        })?;
        Ok((self.case_summary(case_id)?, promise))
    }
}
