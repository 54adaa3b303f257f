//! Personal data (GDPR): everything about one customer as one JSON document, anonymisation on
//! request, and retention (closed cases past a period are anonymised).
//!
//! **What anonymisation changes.** The customer row loses name, e-mail, phone and customer
//! number (the name becomes [`ANONYMISED_NAME`]). In each of the customer's cases the intake's
//! customer fields are replaced the same way, and every other occurrence of those identifiers in
//! the case's texts (notes, contact summaries, promises...) becomes [`REDACTED`]: the full name,
//! e-mail, phone (also written without spaces), customer number, and every word that starts with
//! a part of the name of three letters or more (Maija, Maijalle; for a -nen name also the -s-
//! stem: Virtasen). Staff names (who did what) are kept. Attachment files are deleted (receipts
//! and photos are personal data) and their names redacted. Stages, times, channels, remedies,
//! root causes, costs and every figure stay, so statistics and the history of what was done are
//! unchanged. Personal data typed into free text that is *not* one of the identifiers (a home
//! address in a note, say) cannot be found automatically.
//!
//! **The event log.** `case_events` and `promise_events` are append-only, and their payloads
//! hold the same personal data (the `opened` event carries the intake). Keeping them would make
//! anonymisation a lie, and deleting events would break replay, so anonymisation is the one
//! documented exception to append-only: inside a single `BEGIN IMMEDIATE` transaction the
//! `*_no_update` triggers are dropped, the payloads are rewritten with exactly the same
//! replacement as the projection, the triggers are recreated from their own stored SQL, and a
//! row per case and per customer goes into `anonymisations` (when, who, why, how many events were
//! rewritten). Before commit every touched case is replayed and must equal its stored state, so
//! the log still rebuilds the case. Other connections never see the log without its triggers.
//! No event is ever deleted, and nothing but personal data is changed.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeDelta, Utc};
use lupaus_core::CoreError;
use lupaus_core::case::CaseRef;
use lupaus_core::lifecycle::{Actor, CaseState, EventRecord};
use lupaus_core::promise::Promise;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;
use serde_json::Value;

use crate::attachments::Attachment;
use crate::customers::Customer;
use crate::{Store, StoreError, cases, time};

/// The name an anonymised customer gets.
pub const ANONYMISED_NAME: &str = "Anonymisoitu asiakas";
/// What an identifier found in free text is replaced with.
pub const REDACTED: &str = "[poistettu]";

/// Everything Lupaus holds about one customer: the answer to a subject access request.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerDossier {
    pub exported_at: DateTime<Utc>,
    pub customer: Customer,
    pub created_at: DateTime<Utc>,
    pub cases: Vec<CaseRecord>,
    pub anonymisations: Vec<AnonymisationEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseRecord {
    pub reference: String,
    pub state: CaseState,
    pub events: Vec<EventRecord>,
    pub promises: Vec<Promise>,
    pub attachments: Vec<Attachment>,
}

/// One row of the `anonymisations` log.
#[derive(Debug, Clone, Serialize)]
pub struct AnonymisationEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub reason: String,
    pub case_reference: Option<String>,
    pub events_rewritten: i64,
}

/// What an anonymisation did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AnonymisationReport {
    pub customer_id: i64,
    pub cases: Vec<String>,
    /// `case_events` and `promise_events` rows whose payload was rewritten.
    pub events_rewritten: i64,
    pub attachments_removed: usize,
    /// Nothing to do: the customer was anonymised before.
    pub already_anonymised: bool,
}

/// What a retention run did (or, in a dry run, would do).
#[derive(Debug, Clone, Serialize)]
pub struct RetentionReport {
    pub older_than_days: u32,
    /// Closed cases whose last change is before this were anonymised.
    pub cutoff: DateTime<Utc>,
    pub dry_run: bool,
    pub cases: Vec<String>,
    /// Customers all of whose cases are now anonymised, so their own row was anonymised too.
    pub customers_anonymised: Vec<i64>,
    pub events_rewritten: i64,
    pub attachments_removed: usize,
}

#[derive(Clone, Copy)]
enum Reason {
    Request,
    Retention,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::Request => "request",
            Reason::Retention => "retention",
        }
    }
}

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
                attachments: self.attachments(case_id)?,
            });
        }
        let mut statement = self.conn.prepare(
            "SELECT a.at, a.actor, a.reason, c.ref_year, c.ref_number, a.events_rewritten
             FROM anonymisations a LEFT JOIN cases c ON c.id = a.case_id WHERE a.customer_id = ?1 ORDER BY a.id",
        )?;
        let anonymisations = statement
            .query_map([customer_id], |row| {
                let reference = match (row.get::<_, Option<i32>>(3)?, row.get::<_, Option<u32>>(4)?) {
                    (Some(year), Some(number)) => Some(CaseRef { year, number }.to_string()),
                    _ => None,
                };
                Ok((row.get::<_, i64>(0)?, row.get(1)?, row.get(2)?, reference, row.get(5)?))
            })?
            .map(|row| {
                let (at, actor, reason, case_reference, events_rewritten) = row?;
                Ok(AnonymisationEntry { at: time::from_millis(at)?, actor, reason, case_reference, events_rewritten })
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
                return Err(CoreError::InvalidTransition(format!(
                    "{customer_name} still has open cases ({}); close them before anonymising, because the desk may still need to reach the customer.",
                    open.join(", ")
                ))
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
                    let scrubbed = scrub_case(tx, *case_id, customer_id)?;
                    log(tx, Reason::Request, by, at, Some(customer_id), Some(*case_id), scrubbed.events)?;
                    report.events_rewritten += scrubbed.events;
                    report.cases.push(reference.clone());
                    files.extend(scrubbed.files);
                }
                anonymise_customer_row(tx, customer_id)?;
                log(tx, Reason::Request, by, at, Some(customer_id), None, 0)?;
                Ok(())
            })?;
            report.attachments_removed = files.len();
            Ok((report, files))
        })?;
        remove_files(dir.as_deref(), &files);
        tracing::info!(customer_id, cases = report.cases.len(), "customer anonymised on request");
        Ok(report)
    }

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
                    let scrubbed = scrub_case(tx, *case_id, *customer_id)?;
                    log(tx, Reason::Retention, by, now, Some(*customer_id), Some(*case_id), scrubbed.events)?;
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
                        log(tx, Reason::Retention, by, now, Some(customer_id), None, 0)?;
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

/// The customer's cases with their references, oldest first.
fn case_ids(conn: &rusqlite::Connection, customer_id: i64) -> Result<Vec<(i64, String)>, StoreError> {
    let mut statement =
        conn.prepare_cached("SELECT id, ref_year, ref_number FROM cases WHERE customer_id = ?1 ORDER BY id")?;
    let rows = statement.query_map([customer_id], |row| {
        Ok((row.get(0)?, CaseRef { year: row.get(1)?, number: row.get(2)? }.to_string()))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn is_case_anonymised(tx: &Transaction<'_>, case_id: i64) -> Result<bool, StoreError> {
    Ok(tx.query_row("SELECT EXISTS (SELECT 1 FROM anonymisations WHERE case_id = ?1)", [case_id], |row| row.get(0))?)
}

fn is_customer_anonymised(tx: &Transaction<'_>, customer_id: i64) -> Result<bool, StoreError> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM anonymisations WHERE customer_id = ?1 AND case_id IS NULL)",
        [customer_id],
        |row| row.get(0),
    )?)
}

fn log(
    tx: &Transaction<'_>,
    reason: Reason,
    by: &Actor,
    at: DateTime<Utc>,
    customer_id: Option<i64>,
    case_id: Option<i64>,
    events_rewritten: i64,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO anonymisations (at, actor, reason, customer_id, case_id, events_rewritten) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![time::to_millis(at), by.person, reason.as_str(), customer_id, case_id, events_rewritten],
    )?;
    Ok(())
}

/// Runs `work` with the append-only UPDATE triggers of the two event logs dropped, and recreates
/// them from their own stored SQL afterwards, in the caller's transaction. If `work` fails the
/// transaction is rolled back by the caller and the triggers were never gone for anyone else.
fn with_log_unlocked(
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

struct Scrubbed {
    events: i64,
    files: Vec<String>,
}

/// Replaces the customer's identifiers in one case: projection, event payloads, promises,
/// attachment names. Checks that the rewritten log still replays to the rewritten state.
fn scrub_case(tx: &Transaction<'_>, case_id: i64, customer_id: i64) -> Result<Scrubbed, StoreError> {
    let state = cases::load_state(tx, case_id)?;
    let mut identifiers = Identifiers::default();
    let (name, email, phone, number): (String, Option<String>, Option<String>, Option<String>) = tx.query_row(
        "SELECT name, email, phone, customer_number FROM customers WHERE id = ?1",
        [customer_id],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
    )?;
    if name != ANONYMISED_NAME {
        identifiers.add_name(&name);
    }
    let typed = &state.intake.customer;
    identifiers.add_name(&typed.name);
    for value in [email, phone, number, typed.email.clone(), typed.phone.clone(), typed.customer_number.clone()]
        .into_iter()
        .flatten()
    {
        identifiers.add_exact(&value);
    }

    let corrupt = |error: serde_json::Error| StoreError::Corrupt(format!("case {case_id}: {error}"));
    let mut state_json = serde_json::to_value(&state).map_err(corrupt)?;
    anonymise_intake(&mut state_json["intake"]["customer"]);
    identifiers.redact(&mut state_json);
    let new_state: CaseState = serde_json::from_value(state_json).map_err(corrupt)?;
    let summary: String = new_state.intake.description.chars().take(cases::SUMMARY_CHARS).collect();
    tx.execute(
        "UPDATE cases SET state_json = ?2, summary = ?3 WHERE id = ?1",
        params![case_id, serde_json::to_string(&new_state).map_err(corrupt)?, summary],
    )?;

    let mut events = 0;
    for (table, column) in [("case_events", "case_id"), ("promise_events", "case_id"), ("promises", "case_id")] {
        let rows: Vec<(i64, String)> = {
            let mut statement = tx.prepare(&format!("SELECT id, record_json FROM {table} WHERE {column} = ?1"))?;
            statement.query_map([case_id], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?
        };
        for (id, json) in rows {
            let mut value: Value = serde_json::from_str(&json).map_err(corrupt)?;
            if value["event"]["kind"] == "opened" {
                anonymise_intake(&mut value["event"]["intake"]["customer"]);
            }
            identifiers.redact(&mut value);
            let rewritten = value.to_string();
            if rewritten != json {
                tx.execute(&format!("UPDATE {table} SET record_json = ?2 WHERE id = ?1"), params![id, rewritten])?;
                if table != "promises" {
                    events += 1;
                }
            }
        }
    }
    tx.execute(
        "UPDATE promises SET text = (SELECT json_extract(record_json, '$.text')) WHERE case_id = ?1",
        [case_id],
    )?;

    let files: Vec<String> = {
        let mut statement = tx.prepare("SELECT stored_name FROM attachments WHERE case_id = ?1")?;
        statement.query_map([case_id], |row| row.get(0))?.collect::<Result<_, _>>()?
    };
    tx.execute("UPDATE attachments SET file_name = ?2 WHERE case_id = ?1", params![case_id, REDACTED])?;

    // The log must still rebuild the case exactly.
    let replayed = {
        let mut statement = tx.prepare("SELECT record_json FROM case_events WHERE case_id = ?1 ORDER BY seq")?;
        let records = statement
            .query_map([case_id], |row| row.get::<_, String>(0))?
            .map(|json| serde_json::from_str::<EventRecord>(&json?).map_err(corrupt))
            .collect::<Result<Vec<_>, StoreError>>()?;
        CaseState::replay(&records)?
    };
    if replayed != new_state {
        return Err(StoreError::Corrupt(format!(
            "anonymising case {case_id} would make its log disagree with its state; nothing was changed"
        )));
    }
    crate::search::reindex_case(tx, case_id)?;
    Ok(Scrubbed { events, files })
}

fn anonymise_intake(customer: &mut Value) {
    *customer = serde_json::json!({
        "name": ANONYMISED_NAME, "email": null, "phone": null, "customer_number": null
    });
}

fn anonymise_customer_row(tx: &Transaction<'_>, customer_id: i64) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE customers SET name = ?2, email = NULL, phone = NULL, customer_number = NULL WHERE id = ?1",
        params![customer_id, ANONYMISED_NAME],
    )?;
    Ok(())
}

/// Deletes attachment files after the commit that forgot them (a rollback must not lose files).
fn remove_files(dir: Option<&std::path::Path>, files: &[String]) {
    let Some(dir) = dir else { return };
    for name in files {
        if let Err(error) = std::fs::remove_file(dir.join(name))
            && error.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!(file = name, %error, "could not delete an anonymised attachment");
        }
    }
}

/// Keys whose values are staff names or fixed vocabulary, never customer data.
const KEPT_KEYS: &[&str] = &[
    "actor",
    "person",
    "role",
    "by",
    "owner",
    "made_by",
    "proposed_by",
    "from",
    "to",
    "kind",
    "stage_before",
    "stage_after",
];

/// The strings that identify one customer, and how to blank them out of free text.
#[derive(Default)]
struct Identifiers {
    /// Replaced wherever they occur, ignoring case: full name, e-mail, phone, customer number.
    exact: BTreeSet<String>,
    /// Word beginnings, case as written: the parts of the name (a whole inflected word goes).
    words: BTreeSet<String>,
}

impl Identifiers {
    fn add_name(&mut self, name: &str) {
        self.add_exact(name);
        for word in name.split(|c: char| !c.is_alphanumeric()).filter(|word| word.chars().count() >= 3) {
            self.words.insert(word.to_owned());
            // Finnish -nen names inflect on an -s- stem: Virtanen, Virtasen, Virtaselle.
            if let Some(stem) = word.strip_suffix("nen").filter(|stem| stem.chars().count() >= 3) {
                self.words.insert(format!("{stem}s"));
            }
        }
    }

    fn add_exact(&mut self, value: &str) {
        let value = value.trim();
        if value.chars().count() >= 3 {
            self.exact.insert(value.to_owned());
            let digits: String = value.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
            if digits != value && digits.chars().filter(char::is_ascii_digit).count() >= 6 {
                self.exact.insert(digits);
            }
        }
    }

    /// Redacts every string in `value`, except under [`KEPT_KEYS`].
    fn redact(&self, value: &mut Value) {
        match value {
            Value::String(text) => *text = self.redact_text(text),
            Value::Array(items) => items.iter_mut().for_each(|item| self.redact(item)),
            Value::Object(fields) => {
                for (key, field) in fields.iter_mut() {
                    if !KEPT_KEYS.contains(&key.as_str()) {
                        self.redact(field);
                    }
                }
            }
            _ => {}
        }
    }

    fn redact_text(&self, text: &str) -> String {
        if text == ANONYMISED_NAME {
            return text.to_owned();
        }
        let mut out = text.to_owned();
        // Longest first, so "Maija Meikäläinen" goes before "Maija".
        let mut exact: Vec<&String> = self.exact.iter().collect();
        exact.sort_by_key(|value| std::cmp::Reverse(value.len()));
        for value in exact {
            out = replace_ignoring_case(&out, value);
        }
        for word in &self.words {
            out = replace_word(&out, word);
        }
        out
    }
}

fn replace_ignoring_case(text: &str, needle: &str) -> String {
    let lower_text = text.to_lowercase();
    let lower_needle = needle.to_lowercase();
    // Lower-casing can change byte lengths for a few letters; then match case as written.
    if lower_text.len() != text.len() || lower_needle.len() != needle.len() {
        return text.replace(needle, REDACTED);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    while let Some(found) = lower_text[rest..].find(&lower_needle) {
        out.push_str(&text[rest..rest + found]);
        out.push_str(REDACTED);
        rest += found + needle.len();
    }
    out.push_str(&text[rest..]);
    out
}

/// Replaces every word that starts with `stem` (a name and its inflected forms: Maija, Maijan,
/// Maijalle) by [`REDACTED`].
fn replace_word(text: &str, stem: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    while let Some(found) = text[rest..].find(stem) {
        let start = rest + found;
        let at_word_start = !text[..start].chars().next_back().is_some_and(char::is_alphanumeric);
        let word_end = text[start..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |end| start + end);
        out.push_str(&text[rest..start]);
        if at_word_start {
            out.push_str(REDACTED);
            rest = word_end;
        } else {
            out.push_str(stem);
            rest = start + stem.len();
        }
    }
    out.push_str(&text[rest..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_redacted_as_whole_words_and_in_any_case() {
        let mut ids = Identifiers::default();
        ids.add_name("Maija Meikäläinen");
        ids.add_exact("maija@example.fi");
        ids.add_exact("040 123 4567");
        assert_eq!(
            ids.redact_text(
                "Maija soitti numerosta 0401234567, MAIJA@example.fi; Meikäläisen? Maijalle ei. Ei Kotimaija."
            ),
            "[poistettu] soitti numerosta [poistettu], [poistettu]; [poistettu]? [poistettu] ei. Ei Kotimaija."
        );
        assert_eq!(ids.redact_text("Soitettu: Maija Meikäläinen, 040 123 4567"), "Soitettu: [poistettu], [poistettu]");
        assert_eq!(ids.redact_text(ANONYMISED_NAME), ANONYMISED_NAME);
    }

    #[test]
    fn staff_names_are_kept() {
        let mut ids = Identifiers::default();
        ids.add_name("Aino Asiakas");
        let mut value =
            serde_json::json!({ "by": "Aino Agentti", "text": "Aino kertoi", "actor": { "person": "Aino" } });
        ids.redact(&mut value);
        assert_eq!(
            value,
            serde_json::json!({ "by": "Aino Agentti", "text": "[poistettu] kertoi", "actor": { "person": "Aino" } })
        );
    }
}
