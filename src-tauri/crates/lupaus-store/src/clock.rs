//! The wall clock. It lives at the edge (here, next to I/O) so the domain core never reads it.

use chrono::{DateTime, Utc};
use lupaus_core::clock::Clock;

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}
