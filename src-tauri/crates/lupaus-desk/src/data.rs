//! Data care: backups, import, export, and a customer's privacy requests.

use std::io::Write;
use std::path::{Path, PathBuf};

use lupaus_store::StoreError;
use lupaus_store::backup::{self, BackupCheck};
use lupaus_store::export::{ExportFormat, ExportWhat};
use lupaus_store::import::{ImportOptions, ImportReport};
use lupaus_store::privacy::{AnonymisationReport, CustomerDossier, RetentionReport};

use serde::Serialize;
use ts_rs::TS;

use crate::files::{write_atomically, write_atomically_with};
use crate::{Change, Desk};

/// A file written where the person chose: its path and how many rows (or cases) it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportSaved {
    pub path: String,
    pub rows: u32,
}

impl Desk {
    /// The folder of scheduled backups beside this database.
    pub fn backups_dir(&self) -> PathBuf {
        backup::backups_dir(self.store.path())
    }

    /// A verified backup into the backups folder now (rotation keeps 7 daily and 4 weekly).
    pub fn backup_now(&self) -> Result<BackupCheck, StoreError> {
        self.store.backup_into(&self.backups_dir(), self.now())
    }

    /// A verified backup to a file of the person's choosing.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupCheck, StoreError> {
        self.store.backup_to(dest)
    }

    /// This database's backups in the backups folder (not those of another database there), each verified.
    pub fn backups(&self) -> Result<Vec<BackupCheck>, StoreError> {
        backup::list(&self.backups_dir(), backup::tag_of(&self.store.database_id()?))
    }

    /// Imports a CSV file or an Excel workbook: all rows or none; a dry run saves nothing.
    pub fn import_file(&mut self, file: &Path, dry_run: bool) -> Result<ImportReport, StoreError> {
        let actor = self.actor()?;
        let report = self.store.import_file(file, &ImportOptions { dry_run, actor: &actor, now: self.now() })?;
        if report.saved {
            self.tell(Change::Cases);
            self.tell(Change::Promises);
        }
        Ok(report)
    }

    /// Writes every row of `what` to `out`; answers how many rows were written.
    pub fn export(&self, what: ExportWhat, format: ExportFormat, out: &mut dyn Write) -> Result<usize, StoreError> {
        self.store.export(what, format, out, self.now())
    }

    /// Writes every row of `what` to the file at `path`, whole or not at all.
    pub fn export_to(&self, what: ExportWhat, format: ExportFormat, path: &Path) -> Result<ExportSaved, StoreError> {
        let rows = write_atomically_with(path, |out| self.export(what, format, out))?;
        Ok(ExportSaved { path: path.display().to_string(), rows: rows as u32 })
    }

    /// A lead's answer to a subject access request: everything about the customer as JSON in
    /// the file at `path`, and a line in the log of such exports (who, when, whose).
    pub fn export_customer_to(&mut self, customer_id: i64, path: &Path) -> Result<ExportSaved, StoreError> {
        let actor = self.actor()?;
        let dossier = self.customer_dossier(customer_id)?;
        let text = serde_json::to_string_pretty(&dossier).map_err(|error| StoreError::Corrupt(error.to_string()))?;
        write_atomically(path, text.as_bytes())?;
        self.store.log_customer_export(customer_id, &actor.person, self.now())?;
        tracing::info!(customer_id, by = %actor.person, file = %path.display(), "exported everything about a customer");
        Ok(ExportSaved { path: path.display().to_string(), rows: dossier.cases.len() as u32 })
    }

    /// A lead's answer to a subject access request given on the command line's standard output:
    /// everything about the customer, and a line in the log of such exports.
    pub fn export_customer(&mut self, customer_id: i64) -> Result<CustomerDossier, StoreError> {
        let actor = self.actor()?;
        let dossier = self.customer_dossier(customer_id)?;
        self.store.log_customer_export(customer_id, &actor.person, self.now())?;
        tracing::info!(customer_id, by = %actor.person, "exported everything about a customer");
        Ok(dossier)
    }

    /// A lead anonymises a customer on request (the window's privacy requests).
    pub fn anonymise_customer_on_request(&mut self, customer_id: i64) -> Result<AnonymisationReport, StoreError> {
        let report = self.anonymise_customer(customer_id)?;
        tracing::info!(customer_id, by = %self.person, cases = report.cases.len(), "anonymised a customer on request");
        Ok(report)
    }

    /// The customer a customer number or id names.
    pub fn customer_id_by_key(&self, key: &str) -> Result<i64, StoreError> {
        self.store.customer_id_by_key(key)
    }

    /// Everything about one customer (a subject access request). Only a lead sees it, whichever
    /// host asks: the window's privacy requests and the command line alike.
    pub fn customer_dossier(&self, customer_id: i64) -> Result<CustomerDossier, StoreError> {
        self.actor()?.require_lead("export everything about a customer")?;
        self.store.customer_dossier(customer_id, self.now())
    }

    /// Replaces the customer's personal data everywhere, keeping statistics and case history.
    /// Only a lead may, whichever host asks.
    pub fn anonymise_customer(&mut self, customer_id: i64) -> Result<AnonymisationReport, StoreError> {
        self.actor()?.require_lead("anonymise a customer")?;
        let report = self.store.anonymise_customer(customer_id, &self.actor()?, self.now())?;
        self.tell(Change::Cases);
        Ok(report)
    }

    /// Anonymises closed cases last changed more than `older_than_days` ago. A lead's decision,
    /// like anonymising one customer; a dry run too, since it lists whose data would go.
    pub fn apply_retention(&mut self, older_than_days: u32, dry_run: bool) -> Result<RetentionReport, StoreError> {
        self.actor()?.require_lead("apply the retention rule")?;
        let report = self.store.apply_retention(older_than_days, &self.actor()?, self.now(), dry_run)?;
        if !dry_run {
            self.tell(Change::Cases);
        }
        Ok(report)
    }
}

/// Today's backup of the database at `db_path`, if it has none yet, through a connection of its
/// own: the online backup reads one consistent snapshot while the desk goes on saving (WAL), and
/// never holds the desk (a million cases take minutes to copy and verify).
pub fn daily_backup(db_path: &Path, now: chrono::DateTime<chrono::Utc>) -> Result<Option<PathBuf>, StoreError> {
    // The desk's connection is open in this process: no header read that would drop its locks.
    let store = lupaus_store::Store::open_again(db_path)?;
    let dir = db_path.parent().map(Path::to_path_buf).unwrap_or_default();
    backup::run_scheduled(&store, &dir, now)
}
