//! Keeping the search index: writing a case's terms, the watermark up to which every case is
//! indexed, catching up the cases above it, and re-indexing or forgetting one case. See the
//! module documentation of `search` for why saves leave this to the idle upkeep.

use lupaus_core::case::{CaseRef, NewCase};
use rusqlite::{Connection, Row, Transaction, params};
use serde::Deserialize;

use super::{Document, Morphology};
use crate::{Store, StoreError};

/// Writes a case's terms into the index. The caller moves the watermark.
fn index_document(tx: &Transaction<'_>, case_id: i64, document: &Document) -> Result<(), StoreError> {
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

/// Moves the watermark past cases indexed with `morphology`. The index carries Voikko's base
/// forms for every case only if it did so from its first case on, or since a rebuild; one case
/// indexed without them turns the query side back to Snowball stems, which every case has.
pub(crate) fn set_watermark(tx: &Transaction<'_>, up_to_case: i64, morphology: Morphology) -> Result<(), StoreError> {
    let first = watermark(tx)? == 0;
    tx.prepare_cached("UPDATE search_watermark SET up_to_case = ?1 WHERE id = 1")?.execute([up_to_case])?;
    match morphology {
        Morphology::Voikko(_) if first => set_base_forms_indexed(tx, true),
        Morphology::Voikko(_) => Ok(()),
        Morphology::Snowball => set_base_forms_indexed(tx, false),
    }
}

/// Whether every indexed case carries Voikko's base forms, so that a query may look for them.
pub(crate) fn base_forms_indexed(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT base_forms FROM search_watermark WHERE id = 1")?
        .query_row([], |row| row.get::<_, i64>(0))?
        == 1)
}

fn set_base_forms_indexed(tx: &Transaction<'_>, indexed: bool) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE search_watermark SET base_forms = ?1 WHERE id = 1")?.execute([i64::from(indexed)])?;
    Ok(())
}

/// Only the intake of a stored case state: all the index needs, read without the rest.
#[derive(Deserialize)]
struct StoredIntake {
    intake: NewCase,
}

/// The cases newer than the watermark, with their terms, newest first when `newest_first`.
pub(super) fn pending_documents(
    conn: &Connection,
    newest_first: bool,
    morphology: Morphology,
) -> Result<Vec<(i64, Document)>, StoreError> {
    let sql = if newest_first {
        "SELECT id, ref_year, ref_number, state_json FROM cases WHERE id > ?1 ORDER BY id DESC"
    } else {
        "SELECT id, ref_year, ref_number, state_json FROM cases WHERE id > ?1 ORDER BY id"
    };
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query([watermark(conn)?])?;
    let mut documents = Vec::new();
    while let Some(row) = rows.next()? {
        documents.push(document_of_row(row, morphology)?);
    }
    Ok(documents)
}

/// A case's id and terms from a row of `id, ref_year, ref_number, state_json`.
fn document_of_row(row: &Row<'_>, morphology: Morphology) -> Result<(i64, Document), StoreError> {
    let id: i64 = row.get(0)?;
    let reference = CaseRef { year: row.get(1)?, number: row.get(2)? };
    let json: String = row.get(3)?;
    let stored: StoredIntake =
        serde_json::from_str(&json).map_err(|error| StoreError::Corrupt(format!("case {id}: {error}")))?;
    Ok((id, Document::of_case(reference, &stored.intake, morphology)))
}

/// Indexes every case above the watermark and moves it past them, in `tx`. Returns how many.
pub(crate) fn index_pending(tx: &Transaction<'_>, morphology: Morphology) -> Result<u64, StoreError> {
    let pending = pending_documents(tx, false, morphology)?;
    for (id, document) in &pending {
        index_document(tx, *id, document)?;
    }
    if let Some((last, _)) = pending.last() {
        set_watermark(tx, *last, morphology)?;
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
pub fn reindex_case(tx: &Transaction<'_>, case_id: i64, morphology: Morphology) -> Result<(), StoreError> {
    if case_id > watermark(tx)? {
        return Ok(());
    }
    let (year, number): (i32, u32) =
        tx.query_row("SELECT ref_year, ref_number FROM cases WHERE id = ?1", [case_id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let state = crate::cases::load_state(tx, case_id)?;
    forget_case(tx, case_id)?;
    if morphology == Morphology::Snowball {
        set_base_forms_indexed(tx, false)?;
    }
    index_document(tx, case_id, &Document::of_case(CaseRef { year, number }, &state.intake, morphology))
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
        let morphology = self.morphology;
        self.write(|tx| index_pending(tx, morphology))
    }

    /// Rebuilds the whole search index from the stored cases (after a restore from an old
    /// backup, or if the index is suspected broken). One transaction.
    pub fn rebuild_search_index(&mut self) -> Result<u64, StoreError> {
        let morphology = self.morphology;
        self.write(|tx| {
            tx.execute("INSERT INTO case_search (case_search) VALUES ('delete-all')", [])?;
            tx.execute("UPDATE search_watermark SET up_to_case = 0 WHERE id = 1", [])?;
            let mut statement = tx.prepare("SELECT id, ref_year, ref_number, state_json FROM cases ORDER BY id")?;
            let mut rows = statement.query([])?;
            let (mut count, mut newest) = (0, None);
            while let Some(row) = rows.next()? {
                let (id, document) = document_of_row(row, morphology)?;
                index_document(tx, id, &document)?;
                newest = Some(id);
                count += 1;
            }
            if let Some(newest) = newest {
                set_watermark(tx, newest, morphology)?;
            }
            Ok(count)
        })
    }
}
