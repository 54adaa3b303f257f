//! Retention: closed cases past a period are anonymised, and customers left with only such cases.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeDelta, Utc};
use lupaus_core::case::CaseRef;
use lupaus_core::lifecycle::Actor;
use rusqlite::TransactionBehavior;

use super::anonymise::{Changed, anonymise_customer_row, is_customer_anonymised, log, remove_files, with_log_unlocked};
use super::scrub::scrub_case;
use super::{Reason, RetentionReport};
use crate::{Store, StoreError, time};

impl Store {
    /// Anonymises every closed case whose last change is more than `older_than_days` before
    /// `now`, and the customers left with only anonymised cases. All in one transaction; a dry
    /// run does the same work and rolls it back.
    pub fn apply_retention(
        &mut self,
        older_than_days: u32,
        by: &Actor,
        now: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<RetentionReport, StoreError> {
        let cutoff = now - TimeDelta::days(i64::from(older_than_days));
        let dir = self.attachments_dir().ok();
        let morphology = self.morphology;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut report = RetentionReport {
            older_than_days,
            cutoff,
            dry_run,
            cases: Vec::new(),
            customers_anonymised: Vec::new(),
            events_rewritten: 0,
            attachments_removed: 0,
        };
        let due: Vec<(i64, i64, String)> = {
            let mut statement = tx.prepare(
                "SELECT c.id, c.customer_id, c.ref_year, c.ref_number FROM cases c
                 WHERE c.stage = 'closed' AND c.updated_at < ?1
                   AND NOT EXISTS (SELECT 1 FROM anonymisations a WHERE a.case_id = c.id)
                 ORDER BY c.id",
            )?;
            statement
                .query_map([time::to_millis(cutoff)], |row| {
                    Ok((row.get(0)?, row.get(1)?, CaseRef { year: row.get(2)?, number: row.get(3)? }.to_string()))
                })?
                .collect::<Result<_, _>>()?
        };
        let mut files = Vec::new();
        if !due.is_empty() {
            with_log_unlocked(&tx, |tx| {
                let mut customers = BTreeSet::new();
                for (case_id, customer_id, reference) in &due {
                    let scrubbed = scrub_case(tx, *case_id, *customer_id, now, by, morphology)?;
                    let changed = Changed { events: scrubbed.events, files: scrubbed.files.len() };
                    log(tx, Reason::Retention, by, now, Some(*customer_id), Some(*case_id), changed)?;
                    report.events_rewritten += scrubbed.events;
                    report.cases.push(reference.clone());
                    files.extend(scrubbed.files);
                    customers.insert(*customer_id);
                }
                for customer_id in customers {
                    let remaining: i64 = tx.query_row(
                        "SELECT COUNT(*) FROM cases c WHERE c.customer_id = ?1
                           AND NOT EXISTS (SELECT 1 FROM anonymisations a WHERE a.case_id = c.id)",
                        [customer_id],
                        |row| row.get(0),
                    )?;
                    if remaining == 0 && !is_customer_anonymised(tx, customer_id)? {
                        anonymise_customer_row(tx, customer_id)?;
                        log(tx, Reason::Retention, by, now, Some(customer_id), None, Changed::default())?;
                        report.customers_anonymised.push(customer_id);
                    }
                }
                Ok(())
            })?;
        }
        report.attachments_removed = files.len();
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
            remove_files(dir.as_deref(), &files);
            tracing::info!(cases = report.cases.len(), older_than_days, "retention applied");
        }
        Ok(report)
    }
}
