//! The answer to a subject access request: everything about one customer as one document.

use chrono::{DateTime, Utc};
use lupaus_core::case::CaseRef;
use lupaus_core::promise::Promise;
use rusqlite::OptionalExtension;

use super::{AnonymisationEntry, CaseRecord, CustomerDossier, DossierAttachment};
use crate::attachments::{FileProblem, verified_bytes};
use crate::{Store, StoreError, cases, time};

impl Store {
    /// A customer by id (`42`) or customer number (`AS-1001`).
    pub fn customer_id_by_key(&self, key: &str) -> Result<i64, StoreError> {
        let key = key.trim();
        let by_number: Option<i64> = self
            .conn
            .query_row("SELECT id FROM customers WHERE customer_number = ?1", [key], |row| row.get(0))
            .optional()?;
        if let Some(id) = by_number {
            return Ok(id);
        }
        let by_id = match key.parse::<i64>() {
            Ok(id) => {
                self.conn.query_row("SELECT id FROM customers WHERE id = ?1", [id], |row| row.get(0)).optional()?
            }
            Err(_) => None,
        };
        by_id.ok_or_else(|| StoreError::NotFound(format!("There is no customer with id or customer number '{key}'.")))
    }

    /// Records that `by` exported everything about the customer (append-only, like anonymisations).
    pub fn log_customer_export(&mut self, customer_id: i64, by: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        let by = by.to_owned();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO customer_exports (at, actor, customer_id) VALUES (?1, ?2, ?3)",
                rusqlite::params![time::to_millis(at), by, customer_id],
            )?;
            Ok(())
        })
    }

    /// Who exported everything about the customer and when, oldest first.
    pub fn customer_exports(&self, customer_id: i64) -> Result<Vec<(DateTime<Utc>, String)>, StoreError> {
        let mut statement =
            self.conn.prepare_cached("SELECT at, actor FROM customer_exports WHERE customer_id = ?1 ORDER BY id")?;
        let rows = statement.query_map([customer_id], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)))?;
        rows.map(|row| {
            let (at, actor) = row?;
            Ok((time::from_millis(at)?, actor))
        })
        .collect()
    }

    /// Everything about one customer, for a subject access request.
    pub fn customer_dossier(&self, customer_id: i64, now: DateTime<Utc>) -> Result<CustomerDossier, StoreError> {
        let customer = self.customer(customer_id)?;
        let created: i64 =
            self.conn.query_row("SELECT created_at FROM customers WHERE id = ?1", [customer_id], |row| row.get(0))?;
        let mut cases_out = Vec::new();
        for (case_id, reference) in case_ids(&self.conn, customer_id)? {
            let mut statement =
                self.conn.prepare_cached("SELECT record_json FROM promises WHERE case_id = ?1 ORDER BY id")?;
            let promises = statement
                .query_map([case_id], |row| row.get::<_, String>(0))?
                .map(|json| {
                    serde_json::from_str(&json?).map_err(|error| StoreError::Corrupt(format!("promise: {error}")))
                })
                .collect::<Result<Vec<Promise>, StoreError>>()?;
            cases_out.push(CaseRecord {
                reference,
                state: cases::load_state(&self.conn, case_id)?,
                events: self.case_events(case_id)?,
                promises,
                attachments: self.dossier_attachments(case_id)?,
            });
        }
        let mut statement = self.conn.prepare(
            "SELECT a.at, a.actor, a.reason, c.ref_year, c.ref_number, a.events_rewritten, a.attachments_removed
             FROM anonymisations a LEFT JOIN cases c ON c.id = a.case_id WHERE a.customer_id = ?1 ORDER BY a.id",
        )?;
        let anonymisations = statement
            .query_map([customer_id], |row| {
                let reference = match (row.get::<_, Option<i32>>(3)?, row.get::<_, Option<u32>>(4)?) {
                    (Some(year), Some(number)) => Some(CaseRef { year, number }.to_string()),
                    _ => None,
                };
                Ok((row.get::<_, i64>(0)?, row.get(1)?, row.get(2)?, reference, row.get(5)?, row.get(6)?))
            })?
            .map(|row| {
                let (at, actor, reason, case_reference, events_rewritten, attachments_removed) = row?;
                let at = time::from_millis(at)?;
                Ok(AnonymisationEntry { at, actor, reason, case_reference, events_rewritten, attachments_removed })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(CustomerDossier {
            exported_at: now,
            customer,
            created_at: time::from_millis(created)?,
            cases: cases_out,
            anonymisations,
        })
    }
}

impl Store {
    /// A case's attachments with their files' bytes, each checked against its hash.
    fn dossier_attachments(&self, case_id: i64) -> Result<Vec<DossierAttachment>, StoreError> {
        use base64::Engine;
        let dir = self.attachments_dir().ok();
        let mut out = Vec::new();
        for attachment in self.attachments(case_id)? {
            let (_, stored) = self.attachment(attachment.id)?;
            let file = match (&attachment.removed_at, &dir) {
                (Some(_), _) => Err("removed"),
                (None, None) => Err("missing"),
                (None, Some(dir)) => verified_bytes(dir, &stored).map_err(|problem| match problem {
                    FileProblem::Missing => "missing",
                    FileProblem::Damaged => "damaged",
                }),
            };
            let (content_base64, content_problem) = match file {
                Ok(bytes) => (Some(base64::engine::general_purpose::STANDARD.encode(bytes)), None),
                Err(problem) => (None, Some(problem)),
            };
            out.push(DossierAttachment { attachment, content_base64, content_problem });
        }
        Ok(out)
    }
}

/// The customer's cases with their references, oldest first.
pub(super) fn case_ids(conn: &rusqlite::Connection, customer_id: i64) -> Result<Vec<(i64, String)>, StoreError> {
    let mut statement =
        conn.prepare_cached("SELECT id, ref_year, ref_number FROM cases WHERE customer_id = ?1 ORDER BY id")?;
    let rows = statement.query_map([customer_id], |row| {
        Ok((row.get(0)?, CaseRef { year: row.get(1)?, number: row.get(2)? }.to_string()))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
