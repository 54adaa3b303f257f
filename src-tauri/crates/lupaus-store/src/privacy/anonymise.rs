//! Anonymisation on request, and the steps it shares with retention: the `anonymisations` log,
//! the event logs' triggers lifted inside one transaction, the customer row, attachment files.

use chrono::{DateTime, Utc};
use lupaus_core::CoreError;
use lupaus_core::lifecycle::Actor;
use rusqlite::{OptionalExtension, Transaction, params};

use super::dossier::case_ids;
use super::scrub::{RemovedFile, scrub_case};
use super::{ANONYMISED_NAME, AnonymisationReport, Reason};
use crate::{Store, StoreError, cases, time};

impl Store {
    /// Anonymises a customer on request: their row and every one of their cases (see the module
    /// documentation). Refused while one of their cases is still open, because the desk still
    /// needs to reach them; close it first.
    pub fn anonymise_customer(
        &mut self,
        customer_id: i64,
        by: &Actor,
        at: DateTime<Utc>,
    ) -> Result<AnonymisationReport, StoreError> {
        let dir = self.attachments_dir().ok();
        let morphology = self.morphology;
        let (report, files) = self.write(|tx| {
            let cases = case_ids(tx, customer_id)?;
            let customer_name: String = tx
                .query_row("SELECT name FROM customers WHERE id = ?1", [customer_id], |row| row.get(0))
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("There is no customer with id {customer_id}.")))?;
            let open: Vec<String> = cases
                .iter()
                .filter(|(case_id, _)| {
                    cases::load_state(tx, *case_id).is_ok_and(|state| state.stage.as_str() != "closed")
                })
                .map(|(_, reference)| reference.clone())
                .collect();
            if !open.is_empty() {
                return Err(CoreError::refused(
                    lupaus_core::reason::RefusalCode::InvalidTransition,
                    lupaus_core::reason::Reason::new(lupaus_core::reason::OPEN_CASES_BEFORE_ANONYMISING)
                        .with("cases", open.join(", ")),
                    format!(
                        "{customer_name} still has open cases ({}); close them before anonymising, because the desk may still need to reach the customer.",
                        open.join(", ")
                    ),
                )
                .into());
            }
            let mut report = AnonymisationReport { customer_id, ..Default::default() };
            let pending: Vec<(i64, String)> = cases
                .into_iter()
                .filter(|(case_id, _)| !is_case_anonymised(tx, *case_id).unwrap_or(false))
                .collect();
            if pending.is_empty() && is_customer_anonymised(tx, customer_id)? {
                report.already_anonymised = true;
                return Ok((report, Vec::new()));
            }
            let mut files = Vec::new();
            with_log_unlocked(tx, |tx| {
                for (case_id, reference) in &pending {
                    let scrubbed = scrub_case(tx, *case_id, customer_id, at, by, morphology)?;
                    let changed = Changed { events: scrubbed.events, files: scrubbed.files.len() };
                    log(tx, Reason::Request, by, at, Some(customer_id), Some(*case_id), changed)?;
                    report.events_rewritten += scrubbed.events;
                    report.cases.push(reference.clone());
                    files.extend(scrubbed.files);
                }
                anonymise_customer_row(tx, customer_id)?;
                log(tx, Reason::Request, by, at, Some(customer_id), None, Changed::default())?;
                Ok(())
            })?;
            report.attachments_removed = files.len();
            Ok((report, files))
        })?;
        remove_files(dir.as_deref(), &files);
        tracing::info!(customer_id, cases = report.cases.len(), "customer anonymised on request");
        Ok(report)
    }
}

pub(super) fn is_case_anonymised(tx: &Transaction<'_>, case_id: i64) -> Result<bool, StoreError> {
    Ok(tx.query_row("SELECT EXISTS (SELECT 1 FROM anonymisations WHERE case_id = ?1)", [case_id], |row| row.get(0))?)
}

pub(super) fn is_customer_anonymised(tx: &Transaction<'_>, customer_id: i64) -> Result<bool, StoreError> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM anonymisations WHERE customer_id = ?1 AND case_id IS NULL)",
        [customer_id],
        |row| row.get(0),
    )?)
}

/// What one logged anonymisation changed: event rows rewritten, attachment files deleted.
#[derive(Default, Clone, Copy)]
pub(super) struct Changed {
    pub(super) events: i64,
    pub(super) files: usize,
}

pub(super) fn log(
    tx: &Transaction<'_>,
    reason: Reason,
    by: &Actor,
    at: DateTime<Utc>,
    customer_id: Option<i64>,
    case_id: Option<i64>,
    changed: Changed,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO anonymisations (at, actor, reason, customer_id, case_id, events_rewritten, attachments_removed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            time::to_millis(at),
            by.person,
            reason.as_str(),
            customer_id,
            case_id,
            changed.events,
            changed.files as i64
        ],
    )?;
    Ok(())
}

/// Runs `work` with the append-only UPDATE triggers of the two event logs dropped, and recreates
/// them from their own stored SQL afterwards, in the caller's transaction. If `work` fails the
/// transaction is rolled back by the caller and the triggers were never gone for anyone else.
pub(super) fn with_log_unlocked(
    tx: &Transaction<'_>,
    work: impl FnOnce(&Transaction<'_>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let triggers: Vec<(String, String)> = {
        let mut statement = tx.prepare(
            "SELECT name, sql FROM sqlite_schema
             WHERE type = 'trigger' AND tbl_name IN ('case_events', 'promise_events') AND name LIKE '%_no_update'",
        )?;
        statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?
    };
    if triggers.len() != 2 {
        return Err(StoreError::Corrupt(format!(
            "expected the two append-only update triggers on the event logs, found {}",
            triggers.len()
        )));
    }
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    work(tx)?;
    for (_, sql) in &triggers {
        tx.execute_batch(sql)?;
    }
    Ok(())
}

pub(super) fn anonymise_customer_row(tx: &Transaction<'_>, customer_id: i64) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE customers SET name = ?2, email = NULL, phone = NULL, customer_number = NULL WHERE id = ?1",
        params![customer_id, ANONYMISED_NAME],
    )?;
    Ok(())
}

/// Deletes attachment files, and copies opened from them, after the commit that forgot them (a
/// rollback must not lose files).
pub(super) fn remove_files(dir: Option<&std::path::Path>, files: &[RemovedFile]) {
    let Some(dir) = dir else { return };
    for file in files {
        if let Err(error) = std::fs::remove_file(dir.join(&file.stored_name))
            && error.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!(file = file.stored_name, %error, "could not delete an anonymised attachment");
        }
        let opened = dir.join(crate::attachments::OPENED_DIR).join(file.id.to_string());
        if let Err(error) = std::fs::remove_dir_all(&opened)
            && error.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!(folder = %opened.display(), %error, "could not delete an opened copy of an anonymised attachment");
        }
    }
}
