//! Instants are stored as INTEGER milliseconds since the Unix epoch, UTC: compact, indexable and
//! sortable. These two helpers are the only place that converts.

use chrono::{DateTime, Utc};

use crate::StoreError;

pub(crate) fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

pub(crate) fn from_millis(millis: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_millis(millis)
        .ok_or_else(|| StoreError::Corrupt(format!("stored time {millis} is out of range")))
}
