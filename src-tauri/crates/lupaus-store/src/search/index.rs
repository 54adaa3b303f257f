//! Keeping the search index: writing a case's terms, the watermark up to which every case is
//! indexed, catching up the cases above it, and re-indexing or forgetting one case. See the
//! module documentation of `search` for why saves leave this to the idle upkeep.

use lupaus_core::case::{CaseRef, NewCase};
use rusqlite::{Connection, Row, Transaction, params};
use serde::Deserialize;

use super::Document;
use crate::{Store, StoreError};

/// Writes a case's terms into the index. The caller moves the watermark.
pub(crate) fn index_document(tx: &Transaction<'_>, case_id: i64, document: &Document) -> Result<(), StoreError> {
    index_text(tx, case_id, &document.text())
}

/// Writes a case's terms, as [`Document::text`] made them, into the index.
pub(crate) fn index_text(tx: &Transaction<'_>, case_id: i64, text: &str) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT INTO case_search (rowid, terms) VALUES (?1, ?2)")?.execute(params![case_id, text])?;
    Ok(())
}

/// Every case up to this id is in the index; newer ones wait for [`index_pending`].
pub(crate) fn watermark(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.prepare_cached("SELECT up_to_case FROM search_watermark WHERE id = 1")?.query_row([], |row| row.get(0))?)
}

pub(crate) fn set_watermark(tx: &Transaction<'_>, up_to_case: i64) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE search_watermark SET up_to_case = ?1 WHERE id = 1")?.execute([up_to_case])?;
    Ok(())
}

/// Only the intake of a stored case state: all the index needs, read without the rest.
#[derive(Deserialize)]
struct StoredIntake {
    intake: NewCase,
}

/// The cases newer than the watermark, with their terms, newest first when `newest_first`.
pub(super) fn pending_documents(conn: &Connection, newest_first: bool) -> Result<Vec<(i64, Document)>, StoreError> {
    let sql = if newest_first {
        "SELECT id, ref_year, ref_number, state_json FROM cases WHERE id > ?1 ORDER BY id DESC"
    } else {
        "SELECT id, ref_year, ref_number, state_json FROM cases WHERE id > ?1 ORDER BY id"
    };
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query([watermark(conn)?])?;
    let mut documents = Vec::new();
    while let Some(row) = rows.next()? {
        documents.push(document_of_row(row)?);
    }
    Ok(documents)
}

/// A case's id and terms from a row of `id, ref_year, ref_number, state_json`.
fn document_of_row(row: &Row<'_>) -> Result<(i64, Document), StoreError> {
    let id: i64 = row.get(0)?;
    let reference = CaseRef { year: row.get(1)?, number: row.get(2)? };
    let json: String = row.get(3)?;
    let stored: StoredIntake =
        serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(format!("case {id}: {error}")))?;
    Ok((id, Document::of_case(reference, &stored.intake)))
}

/// Indexes every case above the watermark and moves it past them, in `tx`. Returns how many.
pub(crate) fn index_pending(tx: &Transaction<'_>) -> Result<u64, StoreError> {
    let pending = pending_documents(tx, false)?;
    for (id, document) in &pending {
        index_document(tx, *id, document)?;
    }
    if let Some((last, _)) = pending.last() {
        set_watermark(tx, *last)?;
    }
    Ok(pending.len() as u64)
}

/// Removes a case from the search index (when its intake is erased or the case removed). A case
/// not indexed yet has nothing to remove.
pub fn forget_case(tx: &Transaction<'_>, case_id: i64) -> Result<(), StoreError> {
    if case_id > watermark(tx)? {
        return Ok(());
    }
    tx.prepare_cached("DELETE FROM case_search WHERE rowid = ?1")?.execute([case_id])?;
    Ok(())
}

/// Re-indexes a case from its stored state, after something rewrote its intake. A case not
/// indexed yet is left to [`index_pending`], which reads its state as it is then.
pub fn reindex_case(tx: &Transaction<'_>, case_id: i64) -> Result<(), StoreError> {
    if case_id > watermark(tx)? {
        return Ok(());
    }
    let (year, number): (i32, u32) =
        tx.query_row("SELECT ref_year, ref_number FROM cases WHERE id = ?1", [case_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let state = crate::cases::load_state(tx, case_id)?;
    forget_case(tx, case_id)?;
    index_document(tx, case_id, &Document::of_case(CaseRef { year, number }, &state.intake))
}

impl Store {
    /// Indexes the cases saved since this last ran, in one transaction of its own, and moves
    /// the watermark past them; returns how many. Saves leave indexing to this (the idle upkeep
    /// and opening the store run it), so a crash between the two loses nothing: the cases are
    /// in `cases`, above the watermark, and search matches them directly until then. Writes
    /// nothing when there is nothing to index.
    pub fn index_new_cases(&mut self) -> Result<u64, StoreError> {
        let newest: i64 =
            self.conn.prepare_cached("SELECT COALESCE(MAX(id), 0) FROM cases")?.query_row([], |row| row.get(0))?;
        if newest <= watermark(&self.conn)? {
            return Ok(0);
        }
        self.write(index_pending)
    }

    /// Rebuilds the whole search index from the stored cases (after a restore from an old
    /// backup, or if the index is suspected broken). One transaction.
    pub fn rebuild_search_index(&mut self) -> Result<u64, StoreError> {
        self.write(|tx| {
            tx.execute("INSERT INTO case_search (case_search) VALUES ('delete-all')", [])?;
            let mut statement = tx.prepare("SELECT id, ref_year, ref_number, state_json FROM cases ORDER BY id")?;
            let mut rows = statement.query([])?;
            let (mut count, mut newest) = (0, None);
            while let Some(row) = rows.next()? {
                let (id, document) = document_of_row(row)?;
                index_document(tx, id, &document)?;
                newest = Some(id);
                count += 1;
            }
            if let Some(newest) = newest {
                set_watermark(tx, newest)?;
            }
            Ok(count)
        })
    }
}
