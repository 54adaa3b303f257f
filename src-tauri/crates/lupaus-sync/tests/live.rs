//! The live sync task against a real PostgreSQL the test starts itself: a save on one desk
//! reaches the other through the server's NOTIFY, a save never waits for the network, and the
//! link's state follows the server going away and coming back.
//! Unix only: the test server runs Debian's PostgreSQL binaries (initdb, pg_ctl, `su postgres`).
#![cfg(unix)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{at, intake, team};
use lupaus_core::clock::FixedClock;
use lupaus_desk::{CaseIntake, Change, Desk, DeskListener};
use lupaus_store::Store;
use lupaus_sync::live::{Health, Link, LiveConfig, LiveHandle, LiveSink, LiveSync, Signals};
use lupaus_sync::server::ServerAddress;
use lupaus_sync::test_server::{Proxy, TestServer};
use lupaus_sync::{admin, round};
use tokio::sync::{mpsc, watch};

/// The app's wiring in small: a save wakes the task.
struct WakeOnSave(Signals);

impl DeskListener for WakeOnSave {
    fn changed(&self, change: Change) {
        if matches!(change, Change::Cases | Change::Promises) {
            self.0.wake.notify_one();
        }
    }
}

/// Records what the host would hear.
struct Heard {
    links: Mutex<Vec<Link>>,
    cases: mpsc::UnboundedSender<()>,
}

impl LiveSink for Heard {
    fn status_changed(&self, health: &Health) {
        if let Ok(mut links) = self.links.lock()
            && links.last() != Some(&health.link)
        {
            links.push(health.link);
        }
    }

    fn cases_changed(&self) {
        let _ = self.cases.send(());
    }
}

struct Running {
    desk: Arc<Mutex<Desk>>,
    signals: Signals,
    health: watch::Receiver<Health>,
    heard: Arc<Heard>,
    cases: mpsc::UnboundedReceiver<()>,
    handle: LiveHandle,
    _dir: tempfile::TempDir,
}

/// A desk added to the team at `url` (the server's or a proxy's), joined, and its task running.
/// The poll is an hour: what arrives sooner came through a save's wake or the server's NOTIFY.
async fn running(admin: &ServerAddress, url: &str, name: &str) -> Running {
    let added = admin::add_desk(admin, name).await.expect("add-desk");
    let dir = tempfile::tempdir().expect("dir");
    let signals = Signals::default();
    let store = Store::open(&dir.path().join("lupaus.db")).expect("store");
    let listener = Arc::new(WakeOnSave(signals.clone()));
    let mut desk = Desk::new(store, Arc::new(FixedClock::new(at())), "Aino".into(), listener);
    let address = ServerAddress::parse(url).expect("address");
    round::join(&mut desk, &address, name, &added.secret).await.expect("join");
    let desk = Arc::new(Mutex::new(desk));
    let (cases_tx, cases) = mpsc::unbounded_channel();
    let heard = Arc::new(Heard { links: Mutex::new(Vec::new()), cases: cases_tx });
    let (health_tx, health) = watch::channel(Health::default());
    let config = LiveConfig {
        poll: Duration::from_secs(3600),
        backoff_start: Duration::from_millis(100),
        backoff_max: Duration::from_millis(400),
        standalone_recheck: Duration::from_secs(3600),
    };
    let handle = LiveSync::new(Arc::clone(&desk), signals.clone(), heard.clone(), config, health_tx)
        .start(&tokio::runtime::Handle::current());
    Running { desk, signals, health, heard, cases, handle, _dir: dir }
}

/// Waits (up to a generous limit: this checks liveness, not speed) until the link is `link`.
async fn until(health: &mut watch::Receiver<Health>, link: Link) -> Health {
    let waiting = health.wait_for(|health| health.link == link);
    tokio::time::timeout(Duration::from_secs(30), waiting).await.expect("in time").expect("task alive").clone()
}

fn save(desk: &Arc<Mutex<Desk>>, name: &str) {
    let intake = CaseIntake { case: intake(name), callback: None };
    desk.lock().expect("desk").create_case(intake).expect("saved");
}

fn pending(desk: &Arc<Mutex<Desk>>) -> i64 {
    desk.lock().expect("desk").sync_status().expect("status").pending
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_on_one_desk_reaches_the_other_through_the_servers_notify() {
    let server = TestServer::start();
    let admin = team(&server, "live1").await;
    let mut a = running(&admin, &server.desk_url("live1"), "A").await;
    let mut b = running(&admin, &server.desk_url("live1"), "B").await;
    until(&mut a.health, Link::Online).await;
    until(&mut b.health, Link::Online).await;

    save(&a.desk, "Maija");
    // No poll for an hour: only A's wake (push) and the server's NOTIFY to B (pull) bring it.
    tokio::time::timeout(Duration::from_secs(30), b.cases.recv()).await.expect("B heard in time").expect("open");
    let digest_b = b.desk.lock().expect("b").team_digest().expect("digest");
    assert_eq!(digest_b.case_count, 1);
    assert_eq!(pending(&a.desk), 0);
    a.handle.stop().await;
    b.handle.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_never_waits_for_a_hanging_server_and_the_link_follows_the_server() {
    let server = TestServer::start();
    let admin = team(&server, "live2").await;
    let proxy = Proxy::start(server.port());
    let mut a = running(&admin, &proxy.desk_url("live2"), "A").await;
    until(&mut a.health, Link::Online).await;

    // The server stops answering: the task's next connection hangs in its connect timeout.
    proxy.stall();
    a.signals.kick.notify_one();
    let held = async {
        while proxy.held() == 0 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(30), held).await.expect("the task is connecting");
    // A save meanwhile completes at once: the task holds no lock while it waits. (The cut
    // connection may already have failed a round; the hanging connect has not timed out yet.)
    let timed_out =
        |health: &Health| health.problem.as_ref().is_some_and(|problem| problem.message.contains("no answer in"));
    save(&a.desk, "Maija");
    assert!(!timed_out(&a.health.borrow()), "the save finished while the connect still hung");
    assert_eq!(pending(&a.desk), 1);

    let waiting = a.health.wait_for(timed_out);
    let offline =
        tokio::time::timeout(Duration::from_secs(30), waiting).await.expect("in time").expect("alive").clone();
    assert_eq!(offline.link, Link::Offline);
    let problem = offline.problem.expect("a reason");
    assert_eq!(problem.code, "server_unreachable", "{}", problem.message);
    assert!(problem.message.contains("keeps working offline"), "{}", problem.message);
    assert_eq!(pending(&a.desk), 1, "the save waits in the outbox");

    // Back online: the task's back-off ends on its own, and the event goes up.
    proxy.restore();
    until(&mut a.health, Link::Online).await;
    assert_eq!(pending(&a.desk), 0);
    // The listener hears a change just after the health watch shows it: wait for it to catch up.
    let heard_back_online = async {
        while a.heard.links.lock().expect("links").last() != Some(&Link::Online) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), heard_back_online).await.ok();
    let links = a.heard.links.lock().expect("links").clone();
    // Connecting, online, offline, online again (a loaded machine may add an offline spell
    // before the first round; the order of the rest holds).
    assert_eq!(links.first(), Some(&Link::Connecting), "{links:?}");
    let first_online = links.iter().position(|link| *link == Link::Online).expect("online once");
    let offline = links[first_online..].iter().position(|link| *link == Link::Offline).expect("then offline");
    assert_eq!(links[first_online + offline..].last(), Some(&Link::Online), "{links:?}");
    a.handle.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_desk_that_leaves_its_team_goes_quiet() {
    let server = TestServer::start();
    let admin = team(&server, "live3").await;
    let mut a = running(&admin, &server.desk_url("live3"), "A").await;
    until(&mut a.health, Link::Online).await;
    round::leave(&mut a.desk.lock().expect("a")).expect("leave");
    a.signals.kick.notify_one();
    until(&mut a.health, Link::Standalone).await;
    save(&a.desk, "Maija");
    // Standalone: a save is not pushed, and nothing else was heard but the way back to standalone.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(a.heard.links.lock().expect("links").last(), Some(&Link::Standalone));
    let client = admin.connect().await.expect("admin");
    let on_server: i64 = client.query_one("SELECT count(*) FROM lupaus_events", &[]).await.expect("count").get(0);
    assert_eq!(on_server, 0);
    a.handle.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_desk_pulls_a_backlog_in_parts_and_converges() {
    let server = TestServer::start();
    let admin = team(&server, "live4").await;
    let mut a = common::desk(&server, &admin, "live4", "A").await;
    // B joins first, so its background task (not the join's own round) pulls A's backlog.
    let mut b = running(&admin, &server.desk_url("live4"), "B").await;
    until(&mut b.health, Link::Online).await;
    // Many more events than a first part holds, and more than a pulled batch needs for the
    // desk to checkpoint its WAL beside itself (one event a case).
    let cases = 1050;
    for n in 0..cases {
        common::new_case(&mut a.desk, &format!("Asiakas {n}"));
    }
    round::sync_desk(&mut a.desk).await.expect("A pushes");
    let caught_up = async {
        while b.desk.lock().expect("b").team_digest().expect("digest").case_count < cases {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(60), caught_up).await.expect("B's task pulled the backlog in time");
    let digest_b = b.desk.lock().expect("b").team_digest().expect("digest");
    assert_eq!(digest_b, a.desk.team_digest().expect("digest"));
    // The WAL started over after the checkpoint beside the desk, instead of holding every page
    // the pull wrote until SQLite's backstop checkpoint ran inside some save (over 500 here).
    let (wal_pages, _) = b.desk.lock().expect("b").checkpoint_wal().expect("checkpoint");
    assert!(wal_pages < 100, "the WAL holds {wal_pages} pages after the pull");
    b.handle.stop().await;
}
