//! What crosses to the store and the UI: JSON shapes and the TypeScript declarations.

use ts_rs::{Config, TS};

use super::*;

#[test]
fn commands_are_tagged_by_kind_in_snake_case() {
    let json = serde_json::to_value(cmd::agree()).expect("serialises");
    assert_eq!(json["kind"], "agree_remedy");
    assert_eq!(json["remedy"]["forms"][0], "repair");
    let start: CaseCommand = serde_json::from_str(r#"{"kind":"start_solving"}"#).expect("unit variant parses");
    assert_eq!(start, CaseCommand::StartSolving);
}

#[test]
fn a_whole_log_round_trips_through_json() {
    let mut desk = Fixture::Closed.desk();
    desk.ok(cmd::reopen(ReopenTarget::Analysis), &lead());
    let json = serde_json::to_string(&desk.log).expect("serialises");
    let back: Vec<EventRecord> = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, desk.log);
    assert_eq!(CaseState::replay(&back), Ok(desk.state));
}

#[test]
fn typescript_declarations_match_the_json() {
    let cfg = Config::new();
    let command = CaseCommand::decl(&cfg);
    assert!(command.contains(r#"{ "kind": "start_solving" }"#), "{command}");
    assert!(command.contains(r#""kind": "propose_compensation""#), "{command}");
    assert!(command.contains("amount_cents: number | null"), "{command}");
    let event = CaseEvent::decl(&cfg);
    assert!(event.contains(r#""kind": "remedy_delivered""#), "{event}");
    assert!(Stage::decl(&cfg).contains(r#""remedy_agreed""#));
    assert!(CaseFigures::decl(&cfg).contains("time_to_remedy_seconds: number | null"));
    assert!(CompensationStatus::decl(&cfg).contains(r#"{ "kind": "pending_lead" }"#));
}
