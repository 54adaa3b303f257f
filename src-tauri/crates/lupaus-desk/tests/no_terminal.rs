//! The desk without a terminal: the calendar file of my promises (saved once, or kept current in
//! a folder I chose), exports to a file the person chose, and a lead's privacy requests, on a
//! real SQLite file and real files in a temporary folder.

use std::path::Path;
use std::sync::Arc;

use lupaus_core::clock::{Clock, FixedClock};
use lupaus_core::lifecycle::Role;
use lupaus_core::promise::{NewPromise, PromiseChannel};
use lupaus_desk::{CaseIntake, Desk, feed_path};
use lupaus_fixtures::{AGENT, LEAD, helsinki, intake};
use lupaus_store::export::{ExportFormat, ExportWhat};

struct Fixture {
    dir: tempfile::TempDir,
    desk: Desk,
    clock: Arc<FixedClock>,
}

/// A desk on a fresh file on Monday 23.11.2026 at 10.00 in Helsinki; the agent is at the keyboard.
fn desk() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = Arc::new(FixedClock::new(helsinki(2026, 11, 23, 10, 0)));
    let mut desk = Desk::open(&dir.path().join("lupaus.db"), clock.clone(), LEAD.into()).expect("desk");
    desk.save_person(LEAD, Role::Lead).expect("the first lead");
    desk.save_person(AGENT, Role::Agent).expect("agent");
    let mut fixture = Fixture { dir, desk, clock };
    fixture.switch_to(AGENT);
    fixture
}

impl Fixture {
    fn switch_to(&mut self, name: &str) {
        let checked = self.desk.start_switch(name).expect("listed").check_pin(None, self.clock.now());
        self.desk.finish_switch(checked).expect("switched");
    }

    /// A case for `customer` with a promise of `owner`'s; answers the case and promise ids.
    fn promise(&mut self, customer: &str, text: &str, owner: &str) -> (i64, i64) {
        let case = self.desk.create_case(CaseIntake { case: intake(customer), callback: None }).expect("case");
        let promise = NewPromise {
            text: text.into(),
            channel: PromiseChannel::Call,
            due_at: helsinki(2026, 11, 25, 14, 0),
            owner: owner.into(),
            outside_hours_confirmed: false,
        };
        (case.case.id, self.desk.make_promise(case.case.id, promise).expect("promise").id)
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("file")
}

#[test]
fn my_calendar_holds_my_open_promises_only() {
    let mut f = desk();
    f.promise("Maija Meikäläinen", "Soitamme koneesta", AGENT);
    f.promise("Björn Öhman", "Leenan lupaus", LEAD);
    let path = f.dir.path().join("Sören kalenteri.ics");
    let saved = f.desk.save_my_calendar(&path).expect("saved");
    assert_eq!(saved.promises, 1);
    let text = read(&path);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert!(text.contains("Soitamme koneesta"), "{text}");
    assert!(!text.contains("Leenan lupaus"), "another person's promise is not in my calendar");
    // Wednesday 25.11. 14.00 in Helsinki is 12.00 UTC.
    assert!(text.contains("DTEND:20261125T120000Z"), "{text}");
}

#[test]
fn the_kept_calendar_file_follows_every_change_to_my_promises() {
    let mut f = desk();
    let folder = f.dir.path().join("Kalenteri");
    std::fs::create_dir(&folder).expect("folder");
    let kept = f.desk.keep_my_calendar_in(Some(&folder)).expect("kept").expect("a file");
    let file = feed_path(&folder, AGENT);
    assert_eq!(kept.path, file.display().to_string());
    assert_eq!((kept.promises, read(&file).matches("BEGIN:VEVENT").count()), (0, 0), "written at once, empty");

    let (_, promise) = f.promise("Maija Meikäläinen", "Soitamme koneesta", AGENT);
    assert!(read(&file).contains("Soitamme koneesta"), "a new promise is in the file at once");
    f.desk.keep_promise(promise, "Soitettu", None).expect("kept");
    assert!(!read(&file).contains("Soitamme koneesta"), "a kept promise leaves the file");
    let leftovers: Vec<_> =
        std::fs::read_dir(&folder).expect("list").map(|entry| entry.expect("entry").file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no partial files are left beside it: {leftovers:?}");

    // The choice is this person's on this computer: the lead has none, and gets none written.
    f.switch_to(LEAD);
    assert_eq!(f.desk.my_calendar_feed().expect("lead's"), None);
    f.switch_to(AGENT);
    assert_eq!(f.desk.my_calendar_feed().expect("mine").map(|feed| feed.path), Some(kept.path));

    f.desk.keep_my_calendar_in(None).expect("stopped");
    f.promise("Björn Öhman", "Uusi lupaus", AGENT);
    assert!(!read(&file).contains("Uusi lupaus"), "a stopped file is no longer rewritten");
}

#[test]
fn a_calendar_folder_that_is_not_there_is_refused_and_not_remembered() {
    let mut f = desk();
    let missing = f.dir.path().join("ei ole");
    let refused = f.desk.keep_my_calendar_in(Some(&missing)).expect_err("no such folder");
    assert_eq!((refused.code(), refused.field()), ("invalid_input", Some("folder")));
    assert_eq!(f.desk.my_calendar_feed().expect("read"), None);
}

#[test]
fn an_export_to_a_chosen_file_replaces_it_whole() {
    let mut f = desk();
    f.promise("Äijälä Åsa", "Soitamme", AGENT);
    let path = f.dir.path().join("tapaukset.csv");
    std::fs::write(&path, "old").expect("an older export");
    let saved = f.desk.export_to(ExportWhat::Cases, ExportFormat::Csv, &path).expect("exported");
    assert_eq!(saved.rows, 1);
    let bytes = std::fs::read(&path).expect("file");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "the BOM Finnish Excel needs");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.contains("Äijälä Åsa") && text.contains(';'), "{text}");

    let into_missing_folder = f.dir.path().join("ei ole").join("x.csv");
    assert!(f.desk.export_to(ExportWhat::Cases, ExportFormat::Csv, &into_missing_folder).is_err());
}

#[test]
fn only_a_lead_answers_privacy_requests_and_each_export_is_logged() {
    let mut f = desk();
    let (case_id, _) = f.promise("Maija Meikäläinen", "Soitamme", AGENT);
    let customer = f.desk.case_detail(case_id).expect("case").customer.id;
    let path = f.dir.path().join("maija.json");

    let refused = f.desk.export_customer_to(customer, &path).expect_err("an agent may not");
    assert_eq!(refused.code(), "lead_only");
    assert!(!path.exists(), "nothing was written for the agent");
    assert!(f.desk.anonymise_customer_on_request(customer).is_err(), "nor anonymise");
    // The same use cases as the command line calls them: every host gets the lead check.
    assert_eq!(f.desk.customer_dossier(customer).expect_err("agent").code(), "lead_only");
    assert_eq!(f.desk.export_customer(customer).expect_err("agent").code(), "lead_only");
    assert_eq!(f.desk.anonymise_customer(customer).expect_err("agent").code(), "lead_only");
    assert!(f.desk.store().customer_exports(customer).expect("log").is_empty());

    f.switch_to(LEAD);
    let saved = f.desk.export_customer_to(customer, &path).expect("exported");
    assert_eq!(saved.rows, 1);
    assert!(read(&path).contains("Maija Meikäläinen"));
    let log = f.desk.store().customer_exports(customer).expect("log");
    assert_eq!(log.iter().map(|(_, by)| by.as_str()).collect::<Vec<_>>(), [LEAD]);
    assert_eq!(f.desk.export_customer(customer).expect("to standard output").cases.len(), 1);
    assert_eq!(f.desk.store().customer_exports(customer).expect("log").len(), 2, "that export is logged too");

    // The lead hears why an open case stops anonymisation (the store's tests cover the rest).
    let refused = f.desk.anonymise_customer_on_request(customer).expect_err("the case is open");
    assert_eq!(refused.reason(), Some("open_cases_before_anonymising"));
    assert_eq!(f.desk.customer_dossier(customer).expect("dossier").customer.name, "Maija Meikäläinen");
}

/// The POSIX locks this process holds on `path`, as Linux lists them.
#[cfg(target_os = "linux")]
fn locks_held_on(path: &Path) -> usize {
    use std::os::unix::fs::MetadataExt;
    let inode = std::fs::metadata(path).expect("database").ino().to_string();
    let pid = std::process::id().to_string();
    let locks = std::fs::read_to_string("/proc/locks").expect("/proc/locks");
    locks
        .lines()
        .filter(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let at = if fields.get(1) == Some(&"->") { 1 } else { 0 };
            fields.get(4 + at) == Some(&pid.as_str())
                && fields.get(5 + at).and_then(|device| device.rsplit(':').next()) == Some(inode.as_str())
        })
        .count()
}

/// The daily backup runs in the app's process beside the desk's connection. Closing any other
/// descriptor of the database file in that process would drop SQLite's POSIX locks on it, and a
/// `lupaus-cli` run would then take the file for its own, checkpoint and delete the `-wal` the
/// app still writes to: every later save lost.
#[cfg(target_os = "linux")]
#[test]
fn the_daily_backup_keeps_this_process_locks_on_the_database() {
    let f = desk();
    let path = f.desk.path().to_path_buf();
    let before = locks_held_on(&path);
    assert!(before > 0, "the desk's connection holds a lock on the file");
    lupaus_desk::daily_backup(&path, f.clock.now()).expect("backup").expect("today's backup");
    assert_eq!(locks_held_on(&path), before, "the desk's locks are still held");
}
