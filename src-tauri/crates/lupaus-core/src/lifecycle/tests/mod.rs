//! Tests of the lifecycle. Cases are built through [`decide`] and [`apply`] exactly as the store
//! will drive them; `Desk` keeps the state and the log side by side.

mod close_reopen;
mod compensation;
mod figures;
mod handoff;
mod properties;
mod remedy_first;
mod transitions;
mod waiting;
mod wire;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::CoreError;
use crate::case::{Channel, CustomerInput, NewCase, Priority};

/// 2026-03-10 08:00 UTC (10:00 in Helsinki), plus `minutes`.
pub(super) fn t(minutes: i64) -> DateTime<Utc> {
    let base = Utc.with_ymd_and_hms(2026, 3, 10, 8, 0, 0).single().expect("valid time");
    base + Duration::minutes(minutes)
}

pub(super) fn agent() -> Actor {
    Actor::agent("Aino")
}

pub(super) fn other_agent() -> Actor {
    Actor::agent("Pekka")
}

pub(super) fn lead() -> Actor {
    Actor::lead("Leena")
}

pub(super) fn actor(role: Role) -> Actor {
    match role {
        Role::Agent => agent(),
        Role::Lead => lead(),
    }
}

pub(super) fn intake() -> NewCase {
    NewCase {
        channel: Channel::Phone,
        customer: CustomerInput { name: "Maija Meikäläinen".into(), ..Default::default() },
        product_ref: Some("WM-4711".into()),
        description: "The washing machine leaks.".into(),
        requested_remedy: "Repair it".into(),
        priority: Priority::Normal,
        category: None,
        tags: vec![],
        acknowledged: true,
        former_ref: None,
    }
}

/// One case: its state and its log, kept in step the way the store keeps them.
#[derive(Debug, Clone)]
pub(super) struct Desk {
    pub state: CaseState,
    pub log: Vec<EventRecord>,
    pub policy: Policy,
    /// Minutes since [`t`]`(0)`; each command advances it by one.
    pub now: i64,
}

impl Desk {
    /// A case opened by agent Aino at `t(0)`.
    pub fn open() -> Desk {
        let valid = intake().validate().expect("valid intake");
        let first = open_case(valid, agent(), t(0));
        let state = CaseState::replay(std::slice::from_ref(&first)).expect("opened");
        Desk { state, log: vec![first], policy: Policy::default(), now: 0 }
    }

    /// Decides and applies `command`; returns the new records.
    pub fn run(&mut self, command: CaseCommand, by: &Actor) -> Result<Vec<EventRecord>, CoreError> {
        self.now += 1;
        self.run_at(command, by, t(self.now))
    }

    pub fn run_at(
        &mut self,
        command: CaseCommand,
        by: &Actor,
        at: DateTime<Utc>,
    ) -> Result<Vec<EventRecord>, CoreError> {
        let records = decide(&self.state, command, by, at, &self.policy)?;
        for record in &records {
            apply(&mut self.state, record).expect("decided events apply");
        }
        self.log.extend(records.iter().cloned());
        Ok(records)
    }

    /// Like [`Desk::run`], for steps a test relies on.
    pub fn ok(&mut self, command: CaseCommand, by: &Actor) -> &mut Desk {
        if let Err(error) = self.run(command.clone(), by) {
            panic!("{command:?} by {by:?} in {:?} was refused: {error}", self.state.stage);
        }
        self
    }

    /// The error code of a refused command.
    pub fn refused(&mut self, command: CaseCommand, by: &Actor) -> CoreError {
        let before = self.state.clone();
        let error = self.run(command, by).expect_err("must be refused");
        assert_eq!(self.state, before, "a refused command must not change the case");
        error
    }
}

/// Named starting points for tables: one case in each stage, and the decline variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fixture {
    Intake,
    Solving,
    Agreed,
    Declined,
    Delivered,
    DeclineTold,
    RootCause,
    Closed,
}

impl Fixture {
    pub const ALL: [Fixture; 8] = [
        Fixture::Intake,
        Fixture::Solving,
        Fixture::Agreed,
        Fixture::Declined,
        Fixture::Delivered,
        Fixture::DeclineTold,
        Fixture::RootCause,
        Fixture::Closed,
    ];

    pub fn desk(self) -> Desk {
        let mut desk = Desk::open();
        let a = agent();
        match self {
            Fixture::Intake => {}
            Fixture::Solving => {
                desk.ok(CaseCommand::StartSolving, &a);
            }
            Fixture::Agreed => {
                desk.ok(cmd::agree(), &a);
            }
            Fixture::Declined => {
                desk.ok(cmd::decline(), &a);
            }
            Fixture::Delivered => {
                desk.ok(cmd::agree(), &a).ok(cmd::deliver(), &a);
            }
            Fixture::DeclineTold => {
                desk.ok(cmd::decline(), &a).ok(cmd::communicate_decline(), &a);
            }
            Fixture::RootCause => {
                desk.ok(cmd::agree(), &a).ok(cmd::deliver(), &a).ok(cmd::root_cause(), &a);
            }
            Fixture::Closed => {
                desk.ok(cmd::agree(), &a).ok(cmd::deliver(), &a).ok(cmd::root_cause(), &a).ok(cmd::close(), &a);
            }
        }
        desk
    }
}

/// Valid sample commands, one per kind.
pub(super) mod cmd {
    use super::*;

    pub fn remedy() -> Remedy {
        Remedy { forms: vec![RemedyForm::Repair], description: "Replace the door seal".into() }
    }

    pub fn option() -> CaseCommand {
        CaseCommand::ProposeRemedyOption { remedy: remedy() }
    }

    pub fn wait() -> CaseCommand {
        CaseCommand::WaitFor { on: WaitingOn::Supplier, reason: "Seal ordered from the importer".into(), until: None }
    }

    pub fn resume() -> CaseCommand {
        CaseCommand::Resume { note: Some("Seal arrived".into()) }
    }

    pub fn agree() -> CaseCommand {
        CaseCommand::AgreeRemedy { remedy: remedy(), option_id: None }
    }

    pub fn decline() -> CaseCommand {
        CaseCommand::DeclineComplaint {
            basis: DeclineBasis::WarrantyTerms,
            explanation: "The warranty ended in 2024.".into(),
        }
    }

    pub fn deliver() -> CaseCommand {
        CaseCommand::DeliverRemedy { summary: "Seal replaced on site".into(), informed_via: Channel::Phone }
    }

    pub fn communicate_decline() -> CaseCommand {
        CaseCommand::CommunicateDecline { informed_via: Channel::Email, note: None }
    }

    pub fn compensation(cents: u64) -> CaseCommand {
        CaseCommand::ProposeCompensation {
            amount_cents: Some(cents),
            form: None,
            basis: CompensationBasis::Goodwill,
            note: None,
        }
    }

    pub fn approve(id: u32) -> CaseCommand {
        CaseCommand::ApproveCompensation { compensation_id: id, note: None }
    }

    pub fn reject(id: u32) -> CaseCommand {
        CaseCommand::RejectCompensation { compensation_id: id, reason: "Too much".into() }
    }

    pub fn hand_off(to: &str) -> CaseCommand {
        CaseCommand::HandOff {
            to: to.into(),
            note: "Needs a technician's view".into(),
            customer_told: "A technician will call her".into(),
            callback: None,
        }
    }

    pub fn note() -> CaseCommand {
        CaseCommand::AddNote { visibility: NoteVisibility::Internal, text: "Checked".into() }
    }

    pub fn contact() -> CaseCommand {
        CaseCommand::RecordContact {
            direction: ContactDirection::Inbound,
            channel: Channel::Phone,
            summary: "Asked how it is going".into(),
        }
    }

    pub fn root_cause() -> CaseCommand {
        CaseCommand::RecordRootCause {
            category: RootCauseCategory::ProductDefect,
            description: "Faulty seal batch".into(),
        }
    }

    pub fn responsibility() -> CaseCommand {
        CaseCommand::AssignResponsibility { party: Party::Supplier, party_name: Some("Acme Oy".into()), note: None }
    }

    pub fn cost() -> CaseCommand {
        CaseCommand::RecordCost {
            amount_cents: 4_500,
            borne_by: Party::Supplier,
            description: "Seal and labour".into(),
        }
    }

    pub fn corrective_action() -> CaseCommand {
        CaseCommand::AddCorrectiveAction {
            measure: MeasureKind::Preventive,
            description: "Inspect seals on arrival".into(),
            owner: "Liisa".into(),
            due: None,
        }
    }

    pub fn close() -> CaseCommand {
        CaseCommand::Close {
            closing_gesture: Some("Coffee voucher".into()),
            lessons_learned: None,
            not_analysed_reason: None,
        }
    }

    pub fn close_not_analysed(reason: &str) -> CaseCommand {
        CaseCommand::Close { closing_gesture: None, lessons_learned: None, not_analysed_reason: Some(reason.into()) }
    }

    pub fn reopen(to: ReopenTarget) -> CaseCommand {
        CaseCommand::Reopen { reason: "The seal leaks again".into(), to }
    }

    /// A valid command of each kind.
    pub fn sample(kind: ActionKind) -> CaseCommand {
        match kind {
            ActionKind::StartSolving => CaseCommand::StartSolving,
            ActionKind::ProposeRemedyOption => option(),
            ActionKind::WaitFor => wait(),
            ActionKind::Resume => resume(),
            ActionKind::AgreeRemedy => agree(),
            ActionKind::DeclineComplaint => decline(),
            ActionKind::DeliverRemedy => deliver(),
            ActionKind::CommunicateDecline => communicate_decline(),
            ActionKind::ProposeCompensation => compensation(2_000),
            ActionKind::ApproveCompensation => approve(0),
            ActionKind::RejectCompensation => reject(0),
            ActionKind::HandOff => hand_off("Pekka"),
            ActionKind::AddNote => note(),
            ActionKind::RecordContact => contact(),
            ActionKind::RecordRootCause => root_cause(),
            ActionKind::AssignResponsibility => responsibility(),
            ActionKind::RecordCost => cost(),
            ActionKind::AddCorrectiveAction => corrective_action(),
            ActionKind::Close => close(),
            ActionKind::Reopen => reopen(ReopenTarget::Remedy),
        }
    }
}
