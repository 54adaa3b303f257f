//! The `customers` table: one customer has many cases.

use chrono::{DateTime, Utc};
use lupaus_core::case::CustomerInput;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::cases::{CaseSummary, MAX_PAGE, SUMMARY_SELECT, summary_from_row};
use crate::{Store, StoreError, time};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Customer {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub customer_number: Option<String>,
    /// How many cases this customer has had: "this customer's 3 earlier complaints".
    pub case_count: i64,
}

/// This desk's code, under which its own intakes find and create customers.
pub(crate) fn own_desk_code(tx: &Transaction<'_>) -> Result<String, StoreError> {
    Ok(tx.prepare_cached("SELECT code FROM desk_identity WHERE id = 1")?.query_row([], |row| row.get(0))?)
}

/// Finds the customer an intake refers to, or creates one. A customer number or an e-mail address
/// identifies a returning customer; a bare name never does (two Matti Virtanens are two people).
/// Matching stays within the desk (`desk`, its code) that recorded the intake: every desk of a
/// team then sees the same customer rows, whatever order it learned the cases in.
/// Returns the customer's id, and whether it was created.
pub(crate) fn find_or_create(
    tx: &Transaction<'_>,
    input: &CustomerInput,
    at: DateTime<Utc>,
    desk: &str,
) -> Result<(i64, bool), StoreError> {
    // Cached statements: an import runs these once per row, and preparing costs more than running.
    if let Some(number) = &input.customer_number {
        let found = tx
            .prepare_cached("SELECT id FROM customers WHERE customer_number = ?1 AND desk_code = ?2 AND ahead = 0")?
            .query_row([number, desk], |row| row.get(0))
            .optional()?;
        if let Some(id) = found {
            return Ok((id, false));
        }
    } else if let Some(email) = &input.email {
        let found = tx
            .prepare_cached(
                "SELECT id FROM customers WHERE email = ?1 COLLATE NOCASE AND desk_code = ?2 AND ahead = 0
                 ORDER BY id LIMIT 1",
            )?
            .query_row([email, desk], |row| row.get(0))
            .optional()?;
        if let Some(id) = found {
            return Ok((id, false));
        }
    }
    tx.prepare_cached(
        "INSERT INTO customers (name, email, phone, customer_number, created_at, desk_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![input.name, input.email, input.phone, input.customer_number, time::to_millis(at), desk])?;
    Ok((tx.last_insert_rowid(), true))
}

/// A customer row for a case pulled ahead of the cursor (a joining desk's open cases first),
/// matched to no returning customer yet: the match depends on the cases before this one in the
/// team's order, which are not all here. [`settle_ahead`] decides it when the cursor gets there.
/// It holds no customer number: a number is unique on a desk's rows, and the row it belongs to
/// may come later (the case keeps the number in its intake either way).
pub(crate) fn create_ahead(
    tx: &Transaction<'_>,
    input: &CustomerInput,
    at: DateTime<Utc>,
    desk: &str,
) -> Result<i64, StoreError> {
    tx.prepare_cached(
        "INSERT INTO customers (name, email, phone, customer_number, created_at, desk_code, ahead)
         VALUES (?1, ?2, ?3, NULL, ?4, ?5, 1)",
    )?
    .execute(params![input.name, input.email, input.phone, time::to_millis(at), desk])?;
    Ok(tx.last_insert_rowid())
}

/// The cursor's pull reached the opening of a case pulled ahead: every case before it in the
/// team's order is here now, so its customer is found or created exactly as a desk that pulled
/// in order did, and the provisional row goes. A provisional row a privacy request already
/// names (its logs are append-only) stays, as a customer of its own. Returns whether the case
/// now belongs to another customer row.
pub(crate) fn settle_ahead(
    tx: &Transaction<'_>,
    case_id: i64,
    input: &CustomerInput,
    at: DateTime<Utc>,
    desk: &str,
) -> Result<bool, StoreError> {
    let provisional: Option<i64> = tx
        .prepare_cached(
            "SELECT cu.id FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?1 AND cu.ahead = 1",
        )?
        .query_row([case_id], |row| row.get(0))
        .optional()?;
    let Some(provisional) = provisional else { return Ok(false) };
    let named: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM customer_exports WHERE customer_id = ?1)
                 OR EXISTS (SELECT 1 FROM anonymisations WHERE customer_id = ?1)",
        )?
        .query_row([provisional], |row| row.get(0))?;
    if named {
        tx.prepare_cached("UPDATE customers SET ahead = 0 WHERE id = ?1")?.execute([provisional])?;
        return Ok(false);
    }
    let (customer_id, _) = find_or_create(tx, input, at, desk)?;
    tx.prepare_cached("UPDATE cases SET customer_id = ?1 WHERE id = ?2")?.execute([customer_id, case_id])?;
    // Other cases pulled ahead for the same customer keep their own provisional rows.
    tx.prepare_cached(
        "DELETE FROM customers WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM cases WHERE customer_id = ?1)",
    )?
    .execute([provisional])?;
    Ok(true)
}

impl Store {
    /// Customers whose name starts with, or whose e-mail, customer number or phone (however it
    /// was typed, see [`phone_key`]) equals, `query`,
    /// by name. Walks `customers_by_name` from the prefix and stops after `limit` names, so a
    /// common four-letter prefix costs the same as a rare one; cases are counted only for the
    /// customers returned.
    pub fn find_customers(&self, query: &str, limit: u32) -> Result<Vec<Customer>, StoreError> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "WITH found (id) AS MATERIALIZED (
                 SELECT id FROM (
                     SELECT id FROM customers
                     WHERE name >= ?1 COLLATE NOCASE AND name < ?1 || x'f48fbfbf' COLLATE NOCASE
                     ORDER BY name COLLATE NOCASE LIMIT ?2)
                 UNION SELECT id FROM customers WHERE email = ?1 COLLATE NOCASE
                 UNION SELECT id FROM customers WHERE customer_number = ?1
                 UNION SELECT id FROM customers WHERE phone_key = ?3
             )
             {CUSTOMER_SELECT}
             WHERE c.id IN (SELECT id FROM found)
             ORDER BY c.name COLLATE NOCASE, c.id LIMIT ?2"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params![query, limit, phone_key(query)], customer_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// A customer's cases, newest first: "this customer's earlier complaints". In a team each
    /// desk keeps its own customer row, so the same person recorded on another desk is found
    /// too: the same e-mail, customer number or phone (however typed), or the same name where
    /// no e-mail, phone or customer number both rows hold differs; each through its index.
    pub fn customer_cases(&self, customer_id: i64, limit: u32) -> Result<Vec<CaseSummary>, StoreError> {
        let sql = format!(
            "WITH same (id) AS (
                 SELECT ?1
                 UNION SELECT o.id FROM customers me JOIN customers o ON o.email = me.email COLLATE NOCASE
                     WHERE me.id = ?1 AND me.email IS NOT NULL
                 UNION SELECT o.id FROM customers me JOIN customers o ON o.customer_number = me.customer_number
                     WHERE me.id = ?1 AND me.customer_number IS NOT NULL
                 UNION SELECT o.id FROM customers me JOIN customers o ON o.phone_key = me.phone_key
                     WHERE me.id = ?1 AND me.phone_key IS NOT NULL
                 -- The same name on another desk, unless an e-mail, phone or customer number
                 -- both rows hold tells them apart.
                 UNION SELECT o.id FROM customers me JOIN customers o ON o.name = me.name COLLATE NOCASE
                     WHERE me.id = ?1 AND me.name <> ?3
                         AND NOT (o.email IS NOT NULL AND me.email IS NOT NULL AND o.email <> me.email COLLATE NOCASE)
                         AND NOT (o.phone_key IS NOT NULL AND me.phone_key IS NOT NULL AND o.phone_key <> me.phone_key)
                         AND NOT (o.customer_number IS NOT NULL AND me.customer_number IS NOT NULL
                             AND o.customer_number <> me.customer_number))
             {SUMMARY_SELECT} WHERE c.customer_id IN (SELECT id FROM same) ORDER BY c.received_at DESC LIMIT ?2"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement
            .query_map(params![customer_id, limit.min(MAX_PAGE), crate::privacy::ANONYMISED_NAME], summary_from_row)?;
        let mut cases: Vec<CaseSummary> = rows.map(|row| row?).collect::<Result<_, _>>()?;
        // The history gathers every desk's cases, and two desks number theirs alike: another
        // desk's case is named with its desk's code (`R-2026-000001/B`), as the conflict review
        // names it and as `case_id_by_reference` reads it; this desk's own stay bare.
        let own: Option<String> =
            self.conn.query_row("SELECT code FROM desk_identity WHERE id = 1", [], |row| row.get(0)).optional()?;
        let mut desk_of = self.conn.prepare_cached("SELECT desk_code FROM cases WHERE id = ?1")?;
        for case in &mut cases {
            let desk: String = desk_of.query_row([case.id], |row| row.get(0))?;
            if !desk.is_empty() && own.as_deref() != Some(desk.as_str()) {
                case.reference = format!("{}/{desk}", case.reference);
            }
        }
        Ok(cases)
    }

    pub fn customer(&self, id: i64) -> Result<Customer, StoreError> {
        let sql = format!("{CUSTOMER_SELECT} WHERE c.id = ?1");
        self.conn
            .query_row(&sql, [id], customer_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("There is no customer with id {id}.")))
    }
}

/// The columns `customer_from_row` reads, with the customer's case count.
const CUSTOMER_SELECT: &str = "SELECT c.id, c.name, c.email, c.phone, c.customer_number,
        (SELECT COUNT(*) FROM cases WHERE customer_id = c.id)
    FROM customers c";

fn customer_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Customer> {
    Ok(Customer {
        id: row.get(0)?,
        name: row.get(1)?,
        email: row.get(2)?,
        phone: row.get(3)?,
        customer_number: row.get(4)?,
        case_count: row.get(5)?,
    })
}

/// A phone number as the `customers.phone_key` column keeps it (SQLite migration 13): spaces,
/// dashes, brackets and dots dropped, `00` as `+`, a Finnish trunk `0` as `+358`. The two must
/// agree, so that "040 123 4567" finds "+358 40 1234567". `None` for text with no digits.
pub fn phone_key(text: &str) -> Option<String> {
    let kept: String = text.chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.')).collect();
    if !kept.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(if let Some(rest) = kept.strip_prefix("00") {
        format!("+{rest}")
    } else if let Some(rest) = kept.strip_prefix('0') {
        format!("+358{rest}")
    } else {
        kept
    })
}

#[cfg(test)]
mod tests {
    use super::phone_key;
    use crate::Store;

    /// The Rust key of a query and the SQL column of a stored number agree, for the ways a
    /// Finnish number is typed.
    #[test]
    fn a_phone_number_has_one_key_however_it_was_typed() {
        let store = Store::open_in_memory().expect("store");
        for (typed, key) in [
            ("040 123 4567", Some("+358401234567")),
            ("+358 40 123 4567", Some("+358401234567")),
            ("00358-40-1234567", Some("+358401234567")),
            ("(09) 123.456", Some("+3589123456")),
            ("+46 8 123 456", Some("+468123456")),
            ("", None),
            ("ei puhelinta", None),
        ] {
            assert_eq!(phone_key(typed).as_deref(), key, "{typed}");
            let stored: Option<String> = store
                .conn
                .query_row(
                    "INSERT INTO customers (name, phone, created_at) VALUES ('X', ?1, 0) RETURNING phone_key",
                    [typed],
                    |row| row.get(0),
                )
                .expect("insert");
            if key.is_some() {
                assert_eq!(stored.as_deref(), key, "the column agrees for {typed}");
            }
        }
    }
}
