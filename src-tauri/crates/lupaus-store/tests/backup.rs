//! Backups: verified copies made with the online backup API, rotation, and restore that keeps
//! what it replaces and refuses anything that is not a whole Lupaus database.

mod common;

use std::path::Path;

use chrono::TimeDelta;
use common::store_with_cases;
use lupaus_store::{Store, backup};

#[test]
fn a_backup_is_a_verified_single_file_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store_with_cases(&dir.path().join("lupaus.db"), 3);
    let dest = dir.path().join("copies").join("kopio.db");
    let check = store.backup_to(&dest).expect("backup");
    assert!(check.verified, "{check:?}");
    assert_eq!(check.cases, Some(3));
    assert_eq!(check.schema_version, Some(lupaus_store::SCHEMA_VERSION));
    assert!(!dest.with_file_name("kopio.db-wal").exists(), "a backup is one self-contained file");
    let copy = Store::open(&dest).expect("the copy opens");
    assert!(copy.audit(0).expect("audit").is_ok());
    assert_eq!(copy.check().expect("check").cases, 3);
    let error = store.backup_to(&dir.path().join("lupaus.db")).expect_err("not over itself");
    assert_eq!(error.code(), "backup_invalid");
}

#[test]
fn verification_names_what_is_wrong() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "ei tietokanta").expect("write");
    assert!(backup::verify(&text).problem.expect("problem").contains("not a SQLite database"));

    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign).expect("open").execute_batch("CREATE TABLE t (x)").expect("create");
    assert!(backup::verify(&foreign).problem.expect("problem").contains("not a Lupaus database"));

    // A backup cut short (a copy that ran out of disk, say) does not verify.
    let store = store_with_cases(&dir.path().join("lupaus.db"), 40);
    let good = dir.path().join("good.db");
    store.backup_to(&good).expect("backup");
    let bytes = std::fs::read(&good).expect("read");
    let cut = dir.path().join("cut.db");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let check = backup::verify(&cut);
    assert!(!check.verified, "{check:?}");

    let missing = backup::verify(&dir.path().join("missing.db"));
    assert!(missing.problem.expect("problem").contains("cannot be read"));
}

#[test]
fn restore_replaces_the_database_and_keeps_what_it_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    let mut store = store_with_cases(&db, 2);
    let saved = dir.path().join("backup.db");
    store.backup_to(&saved).expect("backup");
    common::new_case(&mut store, common::helsinki(2026, 11, 3, 9, 0));
    drop(store);

    let now = "2026-11-23T10:15:00Z".parse().expect("time");
    let (store, report) = backup::restore(&saved, &db, now).expect("restore");
    assert_eq!(report.cases, 2);
    let kept = report.set_aside_as.expect("the replaced database is kept");
    assert!(kept.ends_with("lupaus.db.set-aside-20261123T101500Z"), "{kept}");
    assert_eq!(backup::verify(Path::new(&kept)).cases, Some(3), "what was replaced is kept whole");
    assert_eq!(store.check().expect("check").cases, 2);
    assert!(store.audit(0).expect("audit").is_ok());
}

#[test]
fn restore_refuses_what_does_not_verify_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    drop(store_with_cases(&db, 2));
    let bogus = dir.path().join("bogus.db");
    std::fs::write(&bogus, vec![7u8; 8192]).expect("write");
    let error = backup::restore(&bogus, &db, chrono::Utc::now()).err().expect("refused");
    assert_eq!(error.code(), "backup_invalid");
    assert!(error.to_string().contains("Nothing was changed"), "{error}");
    assert_eq!(Store::open(&db).expect("open").check().expect("check").cases, 2);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.contains("set-aside") || name.contains("restoring"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn restore_over_a_damaged_file_moves_it_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    let store = store_with_cases(&db, 1);
    let saved = dir.path().join("backup.db");
    store.backup_to(&saved).expect("backup");
    drop(store);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("lupaus.db{suffix}")));
    }
    let mut damaged = b"SQLite format 3\0".to_vec();
    damaged.extend(vec![0xAB; 4096]);
    std::fs::write(&db, &damaged).expect("damage");
    let (_, report) = backup::restore(&saved, &db, chrono::Utc::now()).expect("restore");
    assert_eq!(report.cases, 1);
    let kept = report.set_aside_as.expect("kept");
    assert_eq!(std::fs::read(&kept).expect("read"), damaged, "the damaged file is kept byte for byte");
}

#[test]
fn scheduled_backups_are_daily_and_rotate_to_seven_days_and_four_weeks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store_with_cases(&dir.path().join("lupaus.db"), 1);
    let start = common::helsinki(2026, 9, 1, 8, 0);
    let tag = backup::tag_of(&store.database_id().expect("identity")).to_owned();
    let first = backup::run_scheduled(&store, dir.path(), start).expect("backup").expect("made");
    assert!(first.ends_with(format!("backups/lupaus-{tag}-2026-09-01-080000.db")), "{}", first.display());
    assert!(
        backup::run_scheduled(&store, dir.path(), start + TimeDelta::hours(6)).expect("ok").is_none(),
        "once a day"
    );
    for day in 1..60 {
        backup::run_scheduled(&store, dir.path(), start + TimeDelta::days(day)).expect("ok").expect("a new day");
    }
    let list = backup::list(&dir.path().join("backups"), &tag).expect("list");
    assert!(list.iter().all(|check| check.verified), "{list:?}");
    let names: Vec<String> = list
        .iter()
        .map(|check| Path::new(&check.path).file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    // Day 59 is Friday 30.10.2026: the newest backup of each of the 7 newest days, plus the
    // newest of each of the 4 newest ISO weeks (restic's --keep-daily 7 --keep-weekly 4), whose
    // two newest weeks are already among the days. Names are local time: after the clocks went
    // back on 25.10. the same UTC instant is 07:00.
    assert_eq!(names.len(), 9, "{names:?}");
    let named = |time: &str| format!("lupaus-{tag}-{time}.db");
    assert_eq!(names[0], named("2026-10-30-070000"));
    assert_eq!(names[5], named("2026-10-25-070000"));
    assert_eq!(names[6], named("2026-10-24-080000"));
    assert_eq!(&names[7..], [named("2026-10-18-080000"), named("2026-10-11-080000")]);
    // Files that are not scheduled backups are never touched.
    std::fs::write(dir.path().join("backups").join("oma-kopio.db"), b"x").expect("write");
    backup::rotate(&dir.path().join("backups"), &tag).expect("rotate");
    assert!(dir.path().join("backups").join("oma-kopio.db").exists());
}

#[test]
fn a_data_folder_named_with_letters_outside_ascii_backs_up_and_restores() {
    // As under C:\Users\Sören\AppData\Local on a Finnish desk PC (the Windows suite runs this too).
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("Sören Äyräpää").join("Lupaus åäö");
    std::fs::create_dir_all(&data).expect("dir");
    let db = data.join("lupaus.db");
    let store = store_with_cases(&db, 2);
    let made = backup::run_scheduled(&store, &data, common::helsinki(2026, 9, 1, 8, 0)).expect("backup").expect("made");
    assert!(made.starts_with(&data), "{}", made.display());
    let tag = backup::tag_of(&store.database_id().expect("identity")).to_owned();
    let listed = backup::list(&backup::backups_dir(&db), &tag).expect("list");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].verified, "{listed:?}");
    drop(store);

    let (store, report) = backup::restore(&made, &db, chrono::Utc::now()).expect("restore");
    assert_eq!(report.cases, 2);
    assert!(report.database.contains("Sören Äyräpää"), "{}", report.database);
    assert!(store.audit(0).expect("audit").is_ok());
}
