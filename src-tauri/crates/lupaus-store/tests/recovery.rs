//! Recovery: a damaged, foreign or too-new file is found at open without being modified, and a
//! restore puts a backup in its place while the bad file is kept aside byte for byte.

mod common;

use std::path::{Path, PathBuf};

use chrono::TimeDelta;
use lupaus_store::recovery::{self, CheckedAtOpen};
use lupaus_store::{SCHEMA_VERSION, Store, backup};
use rusqlite::Connection;

struct Desk {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

/// A closed, checkpointed database file with `cases` cases; 200 make a file of many pages.
fn desk_with_cases(cases: usize) -> Desk {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    let mut store = Store::open(&db).expect("open");
    add_cases(&mut store, cases);
    drop(store);
    Desk { _dir: dir, db }
}

fn add_cases(store: &mut Store, cases: usize) {
    for n in 0..cases {
        common::new_case(store, common::helsinki(2026, 11, 2, 9, 0) + TimeDelta::minutes(n as i64));
    }
}

/// Overwrites pages in the middle of the file with garbage, keeping its length, as a failing disk
/// sector or a stray write would.
fn damage_middle_pages(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).expect("read");
    let page = 4096;
    let pages = bytes.len() / page;
    assert!(pages > 20, "the database should span many pages, has {pages}");
    for byte in &mut bytes[(pages / 2) * page..(pages / 2 + 4) * page] {
        *byte = 0xAB;
    }
    std::fs::write(db, &bytes).expect("damage");
    bytes
}

fn case_count(store: &Store) -> i64 {
    store.check().expect("check").cases
}

#[test]
fn a_healthy_small_file_is_checked_whole_at_open() {
    let desk = desk_with_cases(3);
    let (store, checked) = recovery::open_checked(&desk.db).expect("opens");
    assert_eq!(checked, CheckedAtOpen::Whole);
    assert_eq!(case_count(&store), 3);
    let dir = tempfile::tempdir().expect("dir");
    let (_, checked) = recovery::open_checked(&dir.path().join("new.db")).expect("a new file opens");
    assert_eq!(checked, CheckedAtOpen::NewFile);
}

#[test]
fn damaged_middle_pages_are_found_at_open_and_the_file_is_left_byte_identical() {
    let desk = desk_with_cases(200);
    let damaged = damage_middle_pages(&desk.db);
    let error = recovery::open_checked(&desk.db).err().expect("refused");
    assert_eq!(error.code(), "database_corrupt", "{error}");
    assert!(recovery::needs_recovery(&error));
    assert_eq!(std::fs::read(&desk.db).expect("read"), damaged, "the damaged file must not be modified");
    // Reading a WAL-mode file read-only may create an empty `-wal`; nothing may be written to it.
    let wal_len = std::fs::metadata(format!("{}-wal", desk.db.display())).map(|meta| meta.len()).unwrap_or(0);
    assert_eq!(wal_len, 0, "nothing may be written through a WAL either");
    let background = recovery::quick_check_file(&desk.db).expect_err("the background check finds it too");
    assert_eq!(background.code(), "database_corrupt");
}

#[test]
fn a_file_cut_short_is_damaged_and_a_text_file_is_foreign() {
    let desk = desk_with_cases(1);
    let mut bytes = std::fs::read(&desk.db).expect("read");
    bytes.truncate(bytes.len() - 1000);
    std::fs::write(&desk.db, &bytes).expect("cut");
    let error = recovery::structural_check(&desk.db).expect_err("cut short");
    assert_eq!(error.code(), "database_corrupt");
    assert!(error.to_string().contains("not a whole number of pages"), "{error}");

    std::fs::write(&desk.db, "nimi;puhelin\nMaija;040\n").expect("text");
    assert_eq!(recovery::structural_check(&desk.db).expect_err("foreign").code(), "not_lupaus_database");
    assert_eq!(std::fs::read(&desk.db).expect("read"), b"nimi;puhelin\nMaija;040\n");
}

#[test]
fn a_newer_schema_and_a_missing_table_are_refused_before_anything_is_written() {
    let desk = desk_with_cases(1);
    {
        let conn = Connection::open(&desk.db).expect("raw");
        conn.pragma_update(None, "journal_mode", "DELETE").expect("no wal");
        conn.execute_batch("DROP TABLE lessons").expect("drop a table");
    }
    let before = std::fs::read(&desk.db).expect("read");
    let error = recovery::open_checked(&desk.db).err().expect("refused");
    assert_eq!(error.code(), "database_corrupt");
    assert!(error.to_string().contains("lessons"), "names the missing table: {error}");
    assert_eq!(std::fs::read(&desk.db).expect("read"), before);

    Connection::open(&desk.db).expect("raw").pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
    let before = std::fs::read(&desk.db).expect("read");
    let error = recovery::open_checked(&desk.db).err().expect("refused");
    assert_eq!(error.code(), "database_too_new");
    assert_eq!(std::fs::read(&desk.db).expect("read"), before);
}

#[test]
fn restore_brings_back_the_backups_cases_and_keeps_the_damaged_file_aside() {
    let desk = desk_with_cases(200);
    let mut store = Store::open(&desk.db).expect("open");
    let taken = store.backup_into(&backup::backups_dir(&desk.db), chrono::Utc::now()).expect("backup");
    add_cases(&mut store, 5);
    drop(store);
    let damaged = damage_middle_pages(&desk.db);
    recovery::open_checked(&desk.db).err().expect("damaged");

    let listed = recovery::backups_for(&desk.db).expect("listed");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].path, taken.path);
    assert!(listed[0].usable, "{:?}", listed[0].problem);
    assert_eq!(listed[0].cases, Some(200));

    let (store, report) =
        lupaus_store::backup::restore(Path::new(&listed[0].path), &desk.db, chrono::Utc::now()).expect("restored");
    assert_eq!(case_count(&store), 200, "the backup's cases, without the 5 made after it");
    assert_eq!(report.cases, 200);
    let kept = report.set_aside_as.expect("the damaged file is kept");
    assert!(kept.contains(".set-aside-"), "{kept}");
    assert_eq!(std::fs::read(&kept).expect("kept"), damaged, "kept byte for byte");
    drop(store);
    assert_eq!(recovery::open_checked(&desk.db).expect("the restored file opens").1, CheckedAtOpen::Whole);
}

/// A whole database whose latest changes are still only in its `-wal` (the app closed it without
/// a checkpoint): the copy kept aside holds every committed case, the `-wal`'s included.
#[test]
fn what_a_restore_replaces_is_kept_with_every_committed_change() {
    let desk = desk_with_cases(1);
    let mut store = Store::open(&desk.db).expect("open");
    let backup = store.backup_into(&backup::backups_dir(&desk.db), chrono::Utc::now()).expect("backup");
    add_cases(&mut store, 2);
    store.close_untouched().expect("closed");
    let wal = PathBuf::from(format!("{}-wal", desk.db.display()));
    assert!(!std::fs::read(&wal).expect("the WAL is not checkpointed away").is_empty());

    let (store, report) =
        lupaus_store::backup::restore(Path::new(&backup.path), &desk.db, chrono::Utc::now()).expect("restored");
    assert_eq!(case_count(&store), 1);
    let kept = PathBuf::from(report.set_aside_as.expect("kept"));
    assert!(kept.display().to_string().contains(".set-aside-"), "{}", kept.display());
    drop(store);
    let kept_store = Store::open(&kept).expect("the kept copy opens");
    assert_eq!(case_count(&kept_store), 3, "every committed case is in the kept copy");
}

/// A lead restores from the command line while the app has the database open: the restore goes
/// through SQLite's locks into the same file, so the open connection reads the restored cases
/// (a rename would leave it writing to the file set aside).
#[test]
fn a_restore_reaches_a_connection_that_has_the_database_open() {
    let desk = desk_with_cases(2);
    let mut app = Store::open(&desk.db).expect("the app's store");
    let backup = app.backup_into(&backup::backups_dir(&desk.db), chrono::Utc::now()).expect("backup");
    add_cases(&mut app, 3);
    assert_eq!(case_count(&app), 5);
    let (_, report) =
        lupaus_store::backup::restore(Path::new(&backup.path), &desk.db, chrono::Utc::now()).expect("restored");
    assert_eq!(report.cases, 2);
    assert_eq!(case_count(&app), 2, "the open store sees the restored database");
}

#[test]
fn backups_are_listed_newest_first_and_a_bad_one_is_named_not_restored() {
    let desk = desk_with_cases(1);
    let store = Store::open(&desk.db).expect("open");
    let dir = backup::backups_dir(&desk.db);
    let older = store.backup_into(&dir, common::helsinki(2026, 11, 20, 9, 0)).expect("older");
    let newer = store.backup_into(&dir, common::helsinki(2026, 11, 21, 9, 0)).expect("newer");
    drop(store);
    let broken = dir.join("lupaus-2026-11-22-090000.db");
    std::fs::write(&broken, "not a database").expect("broken");

    let listed = recovery::backups_for(&desk.db).expect("listed");
    let paths: Vec<&str> = listed.iter().map(|backup| backup.path.as_str()).collect();
    assert_eq!(paths, [broken.display().to_string().as_str(), newer.path.as_str(), older.path.as_str()]);
    assert!(!listed[0].usable && listed[0].problem.is_some());

    let before = std::fs::read(&desk.db).expect("read");
    let error = lupaus_store::backup::restore(&broken, &desk.db, chrono::Utc::now()).err().expect("refused");
    assert_eq!(error.code(), "backup_invalid");
    assert_eq!(std::fs::read(&desk.db).expect("read"), before, "a refused restore changes nothing");
}

/// Times the checks on a real database named by `LUPAUS_MEASURE_DB` (read-only; nothing is
/// written): `cargo test --release -p lupaus-store --test recovery measure -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement on a big database, run by hand"]
fn measure_the_checks_on_a_real_database() {
    let Some(path) = std::env::var_os("LUPAUS_MEASURE_DB").map(PathBuf::from) else { return };
    let size = std::fs::metadata(&path).expect("size").len();
    let started = std::time::Instant::now();
    let checked = recovery::structural_check(&path).expect("structural check");
    println!("{}: {size} bytes, check at open {:?} in {:?}", path.display(), checked, started.elapsed());
    if std::env::var_os("LUPAUS_MEASURE_QUICK_CHECK").is_some() {
        let started = std::time::Instant::now();
        recovery::quick_check_file(&path).expect("quick_check");
        let elapsed = started.elapsed();
        println!("quick_check in {elapsed:?}: {:.0} MB/s", size as f64 / 1e6 / elapsed.as_secs_f64());
    }
}
