//! Working as a team over a real PostgreSQL the test starts itself (issue 17), with one
//! simulated clock for every desk: a hand-off from desk A reaches Ville on desk B and raises
//! exactly one notice there (also after a restart and a pull from the start); a promise whose
//! owner moved from A to B is reminded on B only; a miss escalates to the lead on desk L.
//! One server for the file, each scenario in its own database.
//! Unix only: the test server runs Debian's PostgreSQL binaries (initdb, pg_ctl, `su postgres`).
#![cfg(unix)]

mod common;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use common::{intake, team};
use lupaus_core::clock::{Clock, FixedClock};
use lupaus_core::lifecycle::Role;
use lupaus_core::promise::PromiseChannel;
use lupaus_desk::{CallbackPromise, CaseIntake, Desk, HandOffTo};
use lupaus_sync::admin;
use lupaus_sync::round::sync_desk;
use lupaus_sync::server::ServerAddress;
use lupaus_sync::test_server::TestServer;

/// The desks of one scenario and the clock they all read.
struct Team {
    clock: Arc<FixedClock>,
    _dirs: Vec<tempfile::TempDir>,
}

impl Team {
    /// A desk joined to the team's database `db` as `name`, reading the shared clock.
    async fn desk(&mut self, server: &TestServer, admin_address: &ServerAddress, db: &str, name: &str) -> Desk {
        let added = admin::add_desk(admin_address, name).await.expect("add-desk");
        let dir = tempfile::tempdir().expect("dir");
        let mut desk = Desk::open(&dir.path().join("lupaus.db"), self.clock.clone(), String::new()).expect("desk");
        let address = ServerAddress::parse(&server.desk_url(db)).expect("desk address");
        lupaus_sync::round::join(&mut desk, &address, name, &added.secret).await.expect("join");
        self._dirs.push(dir);
        desk
    }

    fn later(&self, by: Duration) -> DateTime<Utc> {
        self.clock.advance(by);
        self.clock.now()
    }
}

/// A team on Monday 2.11.2026 at 10.00 in Helsinki: the lead Leena lists Aino and Ville, and
/// Pekka, a second lead, on L.
async fn scenario(server: &TestServer, db: &str) -> (Team, Desk, Desk, Desk) {
    let admin_address = team(server, db).await;
    let mut team = Team { clock: Arc::new(FixedClock::new(common::at())), _dirs: Vec::new() };
    let mut l = team.desk(server, &admin_address, db, "L").await;
    let mut a = team.desk(server, &admin_address, db, "A").await;
    let mut b = team.desk(server, &admin_address, db, "B").await;
    sign_in(&mut l, "Leena");
    l.save_person("Leena", Role::Lead).expect("the first lead");
    for name in ["Aino", "Ville"] {
        l.save_person(name, Role::Agent).expect("added");
    }
    l.save_person("Pekka", Role::Lead).expect("a second lead");
    sync_all(&mut [&mut l, &mut a, &mut b]).await;
    (team, l, a, b)
}

fn sign_in(desk: &mut Desk, name: &str) {
    let started = desk.start_switch(name).expect("listed");
    let checked = started.check_pin(None, desk.now());
    desk.finish_switch(checked).expect("signed in");
}

/// Every desk pushes, then every desk pulls what the others pushed.
async fn sync_all(desks: &mut [&mut Desk]) {
    for _ in 0..2 {
        for desk in desks.iter_mut() {
            sync_desk(&mut **desk).await.expect("sync");
        }
    }
}

#[tokio::test]
async fn working_as_a_team_across_desks() {
    let server = TestServer::start();
    a_hand_off_reaches_the_receiver_on_their_desk_with_one_notice(&server).await;
    reminders_follow_their_owner_and_misses_reach_the_lead(&server).await;
}

async fn a_hand_off_reaches_the_receiver_on_their_desk_with_one_notice(server: &TestServer) {
    let (team, mut l, mut a, mut b) = scenario(server, "notice1").await;
    sign_in(&mut a, "Aino");
    team.later(Duration::minutes(1));
    sign_in(&mut b, "Ville");
    sync_all(&mut [&mut a, &mut b, &mut l]).await;
    let ville = a.store().whereabouts_of("Ville").expect("read").expect("known on A");
    assert_eq!((ville.desk_code.as_str(), ville.signed_in_now, ville.here), ("B", true, false));

    team.later(Duration::minutes(5));
    let case_id = a.create_case(CaseIntake { case: intake("Maija"), callback: None }).expect("case").case.id;
    let hand_off = HandOffTo {
        to: "Ville".into(),
        note: "Varaosa tilattu".into(),
        customer_told: "Ville soittaa huomenna".into(),
        callback: None,
        away_confirmed: false,
    };
    a.hand_off(case_id, hand_off).expect("handed off");
    sync_desk(&mut a).await.expect("A");
    sync_desk(&mut b).await.expect("B");

    // B tells Ville once: the OS notification in this pass, the in-app notice until read.
    let told = b.announce_hand_off_notices(team.clock.now()).expect("pass");
    assert_eq!(told.len(), 1);
    assert_eq!((told[0].from.as_str(), told[0].customer_told.as_str()), ("Aino", "Ville soittaa huomenna"));
    assert!(b.announce_hand_off_notices(team.clock.now()).expect("again").is_empty(), "told once");
    assert_eq!(b.hand_off_notices().expect("listed"), told);
    // A and L keep no notice: Ville is on B.
    for desk in [&a, &l] {
        assert!(desk.store().open_notices("Ville").expect("none").is_empty());
    }

    // B restarts and pulls everything again from the start: still one notice, never told again.
    let path = b.path().to_path_buf();
    drop(b);
    let mut b = Desk::open(&path, team.clock.clone(), String::new()).expect("reopened");
    sign_in(&mut b, "Ville");
    let epoch = b.sync_cursor().expect("cursor").expect("pulled before").epoch;
    b.restart_sync(&epoch).expect("from the start");
    sync_desk(&mut b).await.expect("pull again");
    assert_eq!(b.hand_off_notices().expect("listed").len(), 1);
    assert!(b.announce_hand_off_notices(team.clock.now()).expect("pass").is_empty(), "not told again");
    b.acknowledge_hand_off_notice(&told[0].event_id).expect("read");
    assert!(b.hand_off_notices().expect("none left").is_empty());
}

async fn reminders_follow_their_owner_and_misses_reach_the_lead(server: &TestServer) {
    let (team, mut l, mut a, mut b) = scenario(server, "notice2").await;
    sign_in(&mut a, "Aino");
    let due = common::at() + Duration::hours(3); // 15.00 in Helsinki.
    let callback = CallbackPromise {
        text: "Soitto varaosasta".into(),
        channel: PromiseChannel::Call,
        due_at: due,
        owner: None,
        outside_hours_confirmed: false,
    };
    let created = a.create_case(CaseIntake { case: intake("Maija"), callback: Some(callback) }).expect("case");
    assert!(created.callback.is_some(), "promised");
    sync_all(&mut [&mut a, &mut b, &mut l]).await;

    // Aino moves to desk B; A, its owner's usual PC, is still on.
    team.later(Duration::minutes(30));
    sign_in(&mut b, "Aino");
    sync_all(&mut [&mut b, &mut a, &mut l]).await;
    // Every desk runs its scheduler at each step's time; each step is raised on B, once.
    let steps = [
        (Duration::minutes(60), "before:business:60"),
        (Duration::minutes(15), "before:wall:15"),
        (Duration::zero(), "at_due"),
    ];
    for (before, key) in steps {
        let now = team.later(due - before - team.clock.now());
        for desk in [&mut a, &mut l] {
            assert!(desk.reminder_pass(now).expect("pass").reminders.is_empty(), "{key} not where Aino is not");
        }
        let on_b: Vec<String> =
            b.reminder_pass(now).expect("B").reminders.into_iter().map(|raised| raised.key).collect();
        assert_eq!(on_b, [key], "B raises it");
    }
    let at_due = due;
    sync_all(&mut [&mut b, &mut a, &mut l]).await;
    for desk in [&mut a, &mut b, &mut l] {
        assert!(desk.reminder_pass(at_due + Duration::minutes(20)).expect("pass").reminders.is_empty());
    }

    // Pekka, the other lead, takes desk A the next morning.
    let late = at_due + Duration::hours(20);
    team.later(late - Duration::minutes(30) - team.clock.now());
    sign_in(&mut a, "Pekka");
    sync_all(&mut [&mut a, &mut b, &mut l]).await;

    // Two business hours late, the miss escalates to the leads where they are signed in, L and
    // A, not to Aino's B. The desks pass before they sync (as if cut off): each raises it once.
    team.later(late - team.clock.now());
    let on_b: Vec<String> = b.reminder_pass(late).expect("B").reminders.into_iter().map(|raised| raised.key).collect();
    assert!(!on_b.is_empty() && on_b.iter().all(|key| key.starts_with("overdue:")), "Aino is told on B: {on_b:?}");
    for lead_desk in [&mut l, &mut a] {
        let raised: Vec<String> =
            lead_desk.reminder_pass(late).expect("pass").reminders.into_iter().map(|raised| raised.key).collect();
        assert_eq!(raised, ["escalation"]);
    }
    sync_all(&mut [&mut l, &mut b, &mut a]).await;
    // After sync the two sightings collapse: one escalated miss, the step counted once.
    let misses = l.escalated_misses().expect("the lead's list");
    assert_eq!(misses.len(), 1);
    let mut seen: Vec<(&str, &str)> =
        misses[0].seen.iter().map(|seen| (seen.by.as_str(), seen.desk_code.as_str())).collect();
    seen.sort();
    assert_eq!(seen, [("Leena", "L"), ("Pekka", "A")]);
    let steps = l.store().raised_reminders(misses[0].promise.promise.id).expect("steps");
    assert_eq!(steps.iter().filter(|(step, _)| step == "escalation").count(), 1);
    assert!(l.reminder_pass(late + Duration::hours(1)).expect("pass").reminders.is_empty(), "never again");
    let refused = b.escalated_misses().expect_err("agents do not see the lead's list");
    assert_eq!(refused.code(), "lead_only");

    // Aino keeps the promise on B: the lead's list says what was done, on every desk.
    let on_b = b.open_promises(Some("Aino")).expect("open");
    assert_eq!(on_b.len(), 1, "one open promise of Aino's on B");
    b.keep_promise(on_b[0].promise.id, "Soitettu, varaosa tulee perjantaina", None).expect("kept");
    sync_all(&mut [&mut b, &mut l, &mut a]).await;
    let misses = l.escalated_misses().expect("list");
    assert_eq!(misses[0].promise.status, lupaus_core::promise::PromiseStatus::KeptLate);
    let digests = [&l, &a, &b].map(|desk| desk.team_digest().expect("digest"));
    assert_eq!(digests[0], digests[1]);
    assert_eq!(digests[1], digests[2]);
}
