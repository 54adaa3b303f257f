//! Working as a team on one desk's file (issue 17): sign-ins as team facts, the away warning of
//! a hand-off, the receiver's notice (once, across restarts), and reminders that follow their
//! owner. Another desk's facts arrive as a pulled batch, as the sync loop would apply them.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use lupaus_core::clock::{Clock, FixedClock};
use lupaus_core::lifecycle::Role;
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_desk::{CaseIntake, Desk, HandOffTo};
use lupaus_fixtures::{helsinki, intake};
use lupaus_store::team::{PulledBatch, SyncEvent, SyncLog, TeamFact};
use uuid::Uuid;

struct Fixture {
    _dir: tempfile::TempDir,
    desk: Desk,
    clock: Arc<FixedClock>,
}

/// A desk on Monday 2.11.2026 at 9.00 with a lead and two agents; Aino at the keyboard.
fn desk() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = Arc::new(FixedClock::new(helsinki(2026, 11, 2, 9, 0)));
    let mut desk = Desk::open(&dir.path().join("lupaus.db"), clock.clone(), "Leena".into()).expect("desk");
    desk.save_person("Leena", Role::Lead).expect("lead");
    desk.save_person("Aino", Role::Agent).expect("agent");
    desk.save_person("Ville", Role::Agent).expect("agent");
    let mut fixture = Fixture { _dir: dir, desk, clock };
    fixture.switch_to("Aino");
    fixture
}

impl Fixture {
    fn switch_to(&mut self, name: &str) {
        let checked = self.desk.start_switch(name).expect("listed").check_pin(None, self.clock.now());
        self.desk.finish_switch(checked).expect("switched");
    }

    fn at(&self, at: DateTime<Utc>) {
        self.clock.set(at);
    }

    fn hand_off(&mut self, case_id: i64, to: &str, confirmed: bool) -> Result<(), lupaus_store::StoreError> {
        let hand_off = HandOffTo {
            to: to.into(),
            note: "Varaosa tilattu".into(),
            customer_told: format!("{to} soittaa huomenna"),
            callback: None,
            away_confirmed: confirmed,
        };
        self.desk.hand_off(case_id, hand_off).map(|_| ())
    }

    fn new_case(&mut self, name: &str) -> i64 {
        self.desk.create_case(CaseIntake { case: intake(name), callback: None }).expect("case").case.id
    }

    /// `person` signed in on another desk at `at`, pulled from the team's server.
    fn signed_in_elsewhere(&mut self, person: &str, at: DateTime<Utc>) -> Uuid {
        let desk_id = Uuid::from_u128(0xB);
        let fact = TeamFact::SignedIn { desk_id, desk_code: "B".into(), desk_name: "Tiski B".into() };
        let event = SyncEvent {
            event_id: Uuid::now_v7(),
            log: SyncLog::Person,
            desk: "B".into(),
            desk_id,
            case: None,
            promise_gid: None,
            at_millis: at.timestamp_millis(),
            actor: person.into(),
            kind: fact.kind(),
            record: fact.to_json().expect("json"),
        };
        let pos = self.desk.sync_cursor().expect("cursor").map_or(0, |cursor| cursor.seq) + 1;
        let batch = PulledBatch { epoch: "e".into(), events: vec![event], cursor: Some((pos.to_string(), pos)) };
        self.desk.apply_pulled(&batch).expect("applied");
        desk_id
    }
}

#[test]
fn a_sign_in_is_a_team_fact_that_says_where_a_person_is() {
    let mut f = desk();
    let seen = f.desk.store().whereabouts_of("Aino").expect("read").expect("Aino signed in here");
    assert!(seen.here && seen.signed_in_now);
    assert_eq!(seen.signed_in_at, helsinki(2026, 11, 2, 9, 0));
    let pending = f.desk.sync_status().expect("status").pending;
    f.at(helsinki(2026, 11, 2, 10, 0));
    f.switch_to("Ville");
    assert_eq!(f.desk.sync_status().expect("status").pending, pending + 1, "the switch waits for the server");
    let aino = f.desk.store().whereabouts_of("Aino").expect("read").expect("known");
    assert!(aino.here && !aino.signed_in_now, "Ville took the keyboard after her");
    f.signed_in_elsewhere("Aino", helsinki(2026, 11, 2, 11, 0));
    let aino = f.desk.store().whereabouts_of("Aino").expect("read").expect("known");
    assert_eq!((aino.here, aino.signed_in_now, aino.desk_code.as_str()), (false, true, "B"));
    // An older sign-in pulled late does not move her back.
    f.signed_in_elsewhere("Aino", helsinki(2026, 11, 1, 11, 0));
    assert_eq!(f.desk.store().whereabouts_of("Aino").expect("read").expect("known").desk_code, "B");
    assert_eq!(f.desk.people().expect("people").len(), 3, "a sign-in changes nobody's listing");
}

#[test]
fn a_hand_off_to_someone_not_signed_in_for_n_business_days_warns_the_sender() {
    let mut f = desk();
    // Ville last signed in on Monday 2.11.; the default warns after 5 business days away.
    f.switch_to("Ville");
    f.switch_to("Aino");
    f.at(helsinki(2026, 11, 9, 9, 0)); // Tue–Fri passed: 4 days.
    let first = f.new_case("Maija");
    f.hand_off(first, "Ville", false).expect("4 business days away: no warning");
    f.at(helsinki(2026, 11, 10, 9, 0)); // Monday 9.11. passed too: 5 days.
    let second = f.new_case("Pekka");
    let warned = f.hand_off(second, "Ville", false).expect_err("warned");
    assert_eq!(warned.reason(), Some("hand_off_person_absent"), "{warned}");
    assert!(warned.to_string().contains("5 business days"), "{warned}");
    f.hand_off(second, "Ville", true).expect("the sender confirms");
    // A lead turns the warning off for the team (0).
    f.switch_to("Leena");
    let mut settings = f.desk.settings().expect("settings");
    settings.away_after_business_days = 0;
    f.desk.save_settings(settings).expect("saved");
    let third = f.new_case("Kalle");
    f.hand_off(third, "Ville", false).expect("no warning when turned off");
}

#[test]
fn the_receiver_hears_of_a_hand_off_once_when_they_come_to_this_desk() {
    let mut f = desk();
    f.switch_to("Ville"); // Ville works at this desk too.
    f.switch_to("Aino");
    let case_id = f.new_case("Maija");
    f.hand_off(case_id, "Ville", false).expect("handed off");
    assert!(f.desk.hand_off_notices().expect("Aino's").is_empty(), "not Aino's notice");
    assert!(f.desk.announce_hand_off_notices(f.clock.now()).expect("pass").is_empty(), "Ville is not here");

    f.switch_to("Ville");
    let notices = f.desk.hand_off_notices().expect("Ville's");
    assert_eq!(notices.len(), 1);
    let notice = &notices[0];
    assert_eq!(
        (notice.case_id, notice.from.as_str(), notice.note.as_str(), notice.customer_told.as_str()),
        (case_id, "Aino", "Varaosa tilattu", "Ville soittaa huomenna")
    );
    let told = f.desk.announce_hand_off_notices(f.clock.now()).expect("pass");
    assert_eq!(told, notices, "the OS notification goes out now");
    assert!(f.desk.announce_hand_off_notices(f.clock.now()).expect("again").is_empty(), "and only once");

    // A restart: the notice is still listed, and not told again.
    let path = f.desk.path().to_path_buf();
    let mut reopened = Desk::open(&path, f.clock.clone(), "Ville".into()).expect("reopened");
    assert_eq!(reopened.hand_off_notices().expect("listed").len(), 1);
    assert!(reopened.announce_hand_off_notices(f.clock.now()).expect("pass").is_empty());
    let someone_else =
        lupaus_store::Store::open(&path).expect("store").acknowledge_notice("Aino", &notice.event_id, f.clock.now());
    assert_eq!(someone_else.map_err(|error| error.code()), Err("not_found"), "only the receiver acknowledges");
    reopened.acknowledge_hand_off_notice(&notice.event_id).expect("read");
    reopened.acknowledge_hand_off_notice(&notice.event_id).expect("twice is harmless");
    assert!(reopened.hand_off_notices().expect("none").is_empty());
}

#[test]
fn a_hand_off_to_someone_working_on_another_desk_is_told_there_not_here() {
    let mut f = desk();
    f.signed_in_elsewhere("Ville", f.clock.now());
    let case_id = f.new_case("Maija");
    f.hand_off(case_id, "Ville", false).expect("handed off");
    f.switch_to("Ville");
    assert!(f.desk.hand_off_notices().expect("none here").is_empty(), "B keeps it, where Ville was");
}

#[test]
fn a_promise_is_reminded_where_its_owner_is_and_follows_them_here() {
    let mut f = desk();
    let case_id = f.new_case("Maija");
    let due = helsinki(2026, 11, 2, 14, 0);
    let promise = NewPromise {
        text: "Soitto".into(),
        channel: PromiseChannel::Call,
        due_at: due,
        owner: "Aino".into(),
        outside_hours_confirmed: false,
    };
    f.desk.make_promise(case_id, promise).expect("promised");
    // Aino moved to desk B before the at-due step: this desk leaves it to B.
    f.signed_in_elsewhere("Aino", helsinki(2026, 11, 2, 12, 0));
    let pass = f.desk.reminder_pass(due).expect("pass");
    assert!(pass.reminders.is_empty(), "raised on B, not here");
    assert_eq!(pass.next_at, Some(due + Duration::minutes(15)), "looked at again soon");
    // B is off and Aino comes back here: the step is raised here, once.
    f.at(due + Duration::minutes(5));
    f.switch_to("Aino");
    let pass = f.desk.reminder_pass(f.clock.now()).expect("pass");
    let keys: Vec<&str> = pass.reminders.iter().map(|raised| raised.key.as_str()).collect();
    assert_eq!(keys, ["at_due"]);
    assert!(f.desk.reminder_pass(f.clock.now()).expect("again").reminders.is_empty());
}
