//! Promises made to customers: "we'll call you back by Friday 14:00".

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How we said we would get back to the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PromiseChannel {
    Call,
    Email,
    Sms,
    Letter,
    Visit,
}

/// A promise as an agent records it, before validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewPromise {
    /// What we promised, in the words the customer heard.
    pub text: String,
    pub channel: PromiseChannel,
    pub due_at: DateTime<Utc>,
    /// Who must keep it.
    pub owner: String,
}
