//! Personal data (GDPR): everything about one customer as one JSON document, anonymisation on
//! request, and retention (closed cases past a period are anonymised).
//!
//! **What anonymisation changes.** The customer row loses name, e-mail, phone and customer
//! number (the name becomes [`ANONYMISED_NAME`]). In each of the customer's cases the intake's
//! customer fields are replaced the same way, and every other occurrence of those identifiers in
//! the case's texts (notes, contact summaries, promises...) becomes [`REDACTED`]: the full name,
//! e-mail, phone (also written without spaces), customer number, and every word that starts with
//! a part of the name of three letters or more (Maija, Maijalle; for a -nen name also the -s-
//! stem: Virtasen). Staff names (who did what) are kept. Attachment files (and copies opened from them) are deleted (receipts
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

mod anonymise;
mod dossier;
mod redact;
mod retention;
mod scrub;

use chrono::{DateTime, Utc};
use lupaus_core::lifecycle::{CaseState, EventRecord};
use lupaus_core::promise::Promise;
use serde::Serialize;
use ts_rs::TS;

use crate::attachments::Attachment;
use crate::customers::Customer;

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
    pub attachments: Vec<DossierAttachment>,
}

/// An attachment in the dossier: its row, and the file itself.
#[derive(Debug, Clone, Serialize)]
pub struct DossierAttachment {
    #[serde(flatten)]
    pub attachment: Attachment,
    /// The file's bytes in base64 (RFC 4648, standard alphabet), checked against `sha256`.
    pub content_base64: Option<String>,
    /// Why there is no content: `removed` (anonymised), `missing` or `damaged`.
    pub content_problem: Option<&'static str>,
}

/// One row of the `anonymisations` log.
#[derive(Debug, Clone, Serialize)]
pub struct AnonymisationEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub reason: String,
    pub case_reference: Option<String>,
    pub events_rewritten: i64,
    pub attachments_removed: i64,
}

/// What an anonymisation did.
#[derive(Debug, Clone, Default, Serialize, TS)]
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

/// Why personal data was anonymised, as written in the `anonymisations` log.
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
