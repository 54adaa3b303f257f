//! Where a case stands against the desk's SLA targets: due instants for first response, remedy
//! and close in business time, with the clocks paused while the case waits on the customer or a
//! supplier.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::{DeskCalendar, Pause, SlaTargets};
use crate::lifecycle::{CaseState, Stage};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlaStatus {
    /// First response is the first step after intake: solving started, or anything beyond.
    pub first_response_due: Option<DateTime<Utc>>,
    pub remedy_due: Option<DateTime<Utc>>,
    pub close_due: Option<DateTime<Utc>>,
    /// The clocks stand still while the case waits.
    pub paused: bool,
    /// Whether the remedy was delivered by its due time; `None` while it is not delivered.
    pub remedy_met: Option<bool>,
    /// Whether the case was closed by its due time; `None` while it is open.
    pub close_met: Option<bool>,
}

pub fn sla_status(state: &CaseState, targets: &SlaTargets, calendar: &DeskCalendar) -> SlaStatus {
    let target = targets.for_priority(state.intake.priority);
    let pauses: Vec<Pause> = state
        .waits
        .iter()
        .chain(state.waiting.iter())
        .map(|wait| Pause { from: wait.started_at, until: wait.ended_at })
        .collect();
    let due = |minutes: u32| calendar.sla_due(state.received_at, &pauses, minutes);
    let remedy_due = due(target.remedy_minutes);
    let close_due = due(target.close_minutes);
    let met = |done: Option<DateTime<Utc>>, due: Option<DateTime<Utc>>| done.map(|at| due.is_none_or(|due| at <= due));
    let closed_at = state.closing.as_ref().filter(|_| state.stage == Stage::Closed).map(|closing| closing.at);
    SlaStatus {
        first_response_due: due(target.first_response_minutes),
        remedy_due,
        close_due,
        paused: state.waiting.is_some(),
        remedy_met: met(state.delivery.as_ref().map(|delivery| delivery.at), remedy_due),
        close_met: met(closed_at, close_due),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::case::{Channel, CustomerInput, NewCase, Priority};
    use crate::lifecycle::{Actor, CaseCommand, Policy, WaitingOn, apply, decide, open_case};

    fn helsinki(day: u32, hour: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Helsinki.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap().with_timezone(&Utc)
    }

    fn case_received(at: DateTime<Utc>) -> CaseState {
        let intake = NewCase {
            channel: Channel::Phone,
            customer: CustomerInput { name: "Maija".into(), ..Default::default() },
            product_ref: None,
            description: "Lasku väärin".into(),
            requested_remedy: "Korjattu lasku".into(),
            priority: Priority::Normal,
            category: None,
            tags: vec![],
            acknowledged: true,
            former_ref: None,
        };
        CaseState::replay(&[open_case(intake.validate().unwrap(), Actor::agent("Aino"), at)]).unwrap()
    }

    fn act(state: &mut CaseState, command: CaseCommand, at: DateTime<Utc>) {
        for record in decide(state, command, &Actor::agent("Aino"), at, &Policy::default()).unwrap() {
            apply(state, &record).unwrap();
        }
    }

    #[test]
    fn waiting_on_the_customer_moves_the_remedy_due_time_by_the_wait() {
        let calendar = DeskCalendar::default();
        let targets = SlaTargets::default();
        let received = helsinki(23, 9); // Monday 09:00
        let mut state = case_received(received);
        let before = sla_status(&state, &targets, &calendar).remedy_due.unwrap();
        act(
            &mut state,
            CaseCommand::WaitFor { on: WaitingOn::Customer, reason: "Kuitti".into(), until: None },
            helsinki(23, 10),
        );
        let waiting = sla_status(&state, &targets, &calendar);
        assert!(waiting.paused);
        act(&mut state, CaseCommand::Resume { note: None }, helsinki(23, 12));
        let after = sla_status(&state, &targets, &calendar).remedy_due.unwrap();
        assert_eq!(calendar.business_minutes_between(before, after), 120, "two business hours of waiting");
        assert!(after > before + Duration::hours(1));
    }
}
