//! Several databases in one folder share its `backups/`: each one's backups carry its identity,
//! its schedule and rotation see only its own, and the recovery screen never offers another's.

mod common;

use chrono::TimeDelta;
use common::store_with_cases;
use lupaus_store::{backup, recovery};

#[test]
fn each_database_backs_up_rotates_and_recovers_only_its_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a_path, b_path) = (dir.path().join("lupaus.db"), dir.path().join("koulutus.db"));
    let a = store_with_cases(&a_path, 2);
    let b = store_with_cases(&b_path, 5);
    let (a_id, b_id) = (a.database_id().expect("a"), b.database_id().expect("b"));
    assert_eq!(a_id.len(), 32);
    assert_ne!(a_id, b_id, "every database gets its own identity");

    // Both back up on the same day: B's daily backup is not skipped because A has one.
    let day = common::helsinki(2026, 11, 23, 8, 0);
    backup::run_scheduled(&a, dir.path(), day).expect("a").expect("a's backup");
    let b_backup = backup::run_scheduled(&b, dir.path(), day).expect("b").expect("b's own backup today");
    // A backs up daily for two months: its rotation never deletes B's backup.
    for n in 1..60 {
        backup::run_scheduled(&a, dir.path(), day + TimeDelta::days(n)).expect("a").expect("a new day");
    }
    assert!(b_backup.exists(), "another database's backup is never rotated out");
    let backups = dir.path().join("backups");
    assert_eq!(backup::list(&backups, backup::tag_of(&b_id)).expect("b's").len(), 1);
    assert_eq!(backup::list(&backups, backup::tag_of(&a_id)).expect("a's").len(), 9, "7 days and 4 weeks");

    // A's file is damaged: the recovery screen offers A's backups and says B's is another's.
    drop(a);
    let listed = recovery::backups_for(&a_path).expect("listed");
    let theirs: Vec<_> = listed.iter().filter(|backup| backup.path == b_backup.display().to_string()).collect();
    assert_eq!(theirs.len(), 1);
    assert!(theirs[0].other_database && !theirs[0].usable);
    assert!(theirs[0].problem.as_deref().is_some_and(|problem| problem.contains("another database")), "{theirs:?}");
    assert_eq!(listed.iter().filter(|backup| backup.usable).count(), 9, "A's own backups are offered");
}
