//! A promise record names other rows by local id (its own, its case's, the promise it replaces
//! or was replaced by), which differ on every desk. On the wire those become global ids; on
//! arrival they become the receiving desk's local ids again.

use lupaus_core::promise::Promise;
use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;
use uuid::Uuid;

use super::uuid_from;
use crate::StoreError;

fn gid_of_promise(conn: &Connection, id: i64) -> Result<Option<String>, StoreError> {
    let gid: Option<Vec<u8>> =
        conn.prepare_cached("SELECT gid FROM promises WHERE id = ?1")?.query_row([id], |row| row.get(0)).optional()?;
    Ok(gid.as_deref().map(uuid_from).transpose()?.map(|gid| gid.to_string()))
}

fn id_of_promise(conn: &Connection, gid: &str) -> Result<Option<i64>, StoreError> {
    let Ok(gid) = Uuid::parse_str(gid) else { return Ok(None) };
    Ok(conn
        .prepare_cached("SELECT id FROM promises WHERE gid = ?1")?
        .query_row([gid.as_bytes()], |row| row.get(0))
        .optional()?)
}

/// The stored record with its local ids replaced by global ones.
pub(crate) fn promise_to_wire(conn: &Connection, record_json: &str) -> Result<String, StoreError> {
    let mut value: Value =
        serde_json::from_str(record_json).map_err(|error| StoreError::Corrupt(format!("promise event: {error}")))?;
    let object = value.as_object_mut().ok_or_else(|| StoreError::Corrupt("a promise event is not an object".into()))?;
    object.insert("id".into(), Value::from(0));
    object.insert("case_id".into(), Value::from(0));
    if let Some(replaces) = object.remove("replaces").and_then(|value| value.as_i64()) {
        object.insert("replaces_gid".into(), gid_of_promise(conn, replaces)?.into());
    }
    if let Some(state) = object.get_mut("state").and_then(Value::as_object_mut)
        && let Some(replaced_by) = state.remove("replaced_by").and_then(|value| value.as_i64())
    {
        state.insert("replaced_by_gid".into(), gid_of_promise(conn, replaced_by)?.into());
    }
    Ok(value.to_string())
}

/// A record from the wire as this desk stores it: its ids are `id` and `case_id` here. A
/// replaced-by promise not known here yet is one the same batch brings next, at `next_id`.
pub(crate) fn promise_from_wire(
    conn: &Connection,
    record: &str,
    id: i64,
    case_id: i64,
    next_id: i64,
) -> Result<(Promise, String), super::apply::Unreadable> {
    let mut value: Value = serde_json::from_str(record).map_err(|error| format!("not JSON: {error}"))?;
    let object = value.as_object_mut().ok_or("not a JSON object")?;
    object.insert("id".into(), Value::from(id));
    object.insert("case_id".into(), Value::from(case_id));
    let local = |gid: Option<Value>| -> Result<Option<i64>, String> {
        match gid.as_ref().and_then(Value::as_str) {
            Some(gid) => Ok(Some(id_of_promise(conn, gid).map_err(|error| error.to_string())?.unwrap_or(next_id))),
            None => Ok(None),
        }
    };
    let replaces = local(object.remove("replaces_gid"))?;
    object.insert("replaces".into(), replaces.into());
    if let Some(state) = object.get_mut("state").and_then(Value::as_object_mut)
        && state.contains_key("replaced_by_gid")
    {
        let replaced_by = local(state.remove("replaced_by_gid"))?.ok_or("renegotiated without a new promise")?;
        state.insert("replaced_by".into(), replaced_by.into());
    }
    let promise: Promise = serde_json::from_value(value).map_err(|error| format!("not a promise: {error}"))?;
    let json = serde_json::to_string(&promise).map_err(|error| error.to_string())?;
    Ok((promise, json))
}
