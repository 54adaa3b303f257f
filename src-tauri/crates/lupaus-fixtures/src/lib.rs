//! Test fixtures shared by the store, desk, shell and command-line tests: one example intake, the
//! desk's usual people, and Helsinki wall-clock times. The core's own unit tests keep theirs (a
//! dev-dependency on a crate that depends on the core would give them a second copy of its types).

#![forbid(unsafe_code)]

use chrono::{DateTime, TimeZone, Utc};
use lupaus_core::case::{Channel, CustomerInput, NewCase, Priority};
use lupaus_core::lifecycle::Actor;

/// The agent most tests act as.
pub const AGENT: &str = "Aino Agentti";
/// The team lead most tests act as.
pub const LEAD: &str = "Leena Lead";

/// A phone complaint about a leaking washing machine, from `name`.
pub fn intake(name: &str) -> NewCase {
    NewCase {
        channel: Channel::Phone,
        customer: CustomerInput {
            name: name.into(),
            email: None,
            phone: Some("040 123 4567".into()),
            customer_number: None,
        },
        product_ref: Some("Tilaus 4471".into()),
        description: "Pesukone vuotaa vettä lattialle.".into(),
        requested_remedy: "Uusi kone tilalle".into(),
        priority: Priority::Normal,
        category: None,
        tags: vec![],
        acknowledged: true,
        former_ref: None,
    }
}

pub fn agent() -> Actor {
    Actor::agent(AGENT)
}

pub fn lead() -> Actor {
    Actor::lead(LEAD)
}

/// Helsinki wall-clock time on a given day, as UTC.
pub fn helsinki(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Helsinki
        .with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .expect("unambiguous Helsinki time")
        .with_timezone(&Utc)
}
