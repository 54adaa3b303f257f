//! One case scrubbed of one customer's identifiers: the projection, the event payloads, the
//! promises and the attachment names, then proof that the log still rebuilds the case.

use lupaus_core::lifecycle::{Actor, CaseState, EventRecord};
use rusqlite::{Transaction, params};
use serde_json::Value;

use super::redact::Identifiers;
use super::{ANONYMISED_NAME, REDACTED};
use crate::team::TeamFact;
use crate::team::shared::{self, About};
use crate::{StoreError, cases};

/// What scrubbing one case changed: event rows rewritten, attachment files to delete after commit.
pub(super) struct Scrubbed {
    pub(super) events: i64,
    pub(super) files: Vec<RemovedFile>,
}

/// An attachment whose file (and any copy opened from it) goes once the transaction commits.
pub(super) struct RemovedFile {
    pub(super) id: i64,
    pub(super) stored_name: String,
}

/// Replaces the customer's identifiers in one case: projection, event payloads, promises,
/// attachment names. Checks that the rewritten log still replays to the rewritten state.
pub(super) fn scrub_case(
    tx: &Transaction<'_>,
    case_id: i64,
    customer_id: i64,
    at: chrono::DateTime<chrono::Utc>,
    by: &Actor,
    morphology: crate::search::Morphology,
) -> Result<Scrubbed, StoreError> {
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

    let removed: Vec<(RemovedFile, String)> = {
        let mut statement =
            tx.prepare("SELECT id, stored_name, sha256 FROM attachments WHERE case_id = ?1 AND removed_at IS NULL")?;
        statement
            .query_map([case_id], |row| Ok((RemovedFile { id: row.get(0)?, stored_name: row.get(1)? }, row.get(2)?)))?
            .collect::<Result<_, _>>()?
    };
    // A tombstone per file, so the team's server and the other desks delete their copies too.
    let hashes: std::collections::BTreeSet<&String> = removed.iter().map(|(_, sha256)| sha256).collect();
    if !hashes.is_empty() {
        let gid: Vec<u8> = tx.query_row("SELECT gid FROM cases WHERE id = ?1", [case_id], |row| row.get(0))?;
        let about = About { case_gid: Some(crate::team::uuid_from(&gid)?), promise_gid: None };
        for sha256 in hashes {
            shared::record(tx, &TeamFact::AttachmentRemoved { sha256: sha256.clone() }, &by.person, at, about)?;
        }
    }
    let files: Vec<RemovedFile> = removed.into_iter().map(|(file, _)| file).collect();
    tx.execute(
        "UPDATE attachments SET file_name = ?2, removed_at = COALESCE(removed_at, ?3) WHERE case_id = ?1",
        params![case_id, REDACTED, crate::time::to_millis(at)],
    )?;

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
    crate::search::reindex_case(tx, case_id, morphology)?;
    Ok(Scrubbed { events, files })
}

fn anonymise_intake(customer: &mut Value) {
    *customer = serde_json::json!({
        "name": ANONYMISED_NAME, "email": null, "phone": null, "customer_number": null
    });
}
