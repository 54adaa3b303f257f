//! A full disk: the save is refused with `disk_full`, nothing stored before is damaged, the file
//! still opens to be read, and saving works again once space is freed. Needs a small filesystem,
//! so it mounts a 2 MB tmpfs; without root (or where mounting is not permitted) it says why and
//! skips. `scripts/disk-full-test.sh` runs the same scenario through `lupaus-cli`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use lupaus_store::Store;

/// Unmounts the tmpfs when the test ends, also when it fails.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Mounts a 2 MB tmpfs on `dir`; the error says why not (no root, no `mount`), and the test is skipped.
fn mount_small_tmpfs(dir: &Path) -> std::io::Result<Mounted> {
    let output = Command::new("mount").args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"]).arg(dir).output()?;
    if output.status.success() {
        Ok(Mounted(dir.to_path_buf()))
    } else {
        Err(std::io::Error::other(String::from_utf8_lossy(&output.stderr).trim().to_owned()))
    }
}

fn save(store: &mut Store, n: usize) -> Result<String, lupaus_store::StoreError> {
    let mut intake = common::intake(&format!("Asiakas Öhman {n}"));
    intake.description = format!("Tilaus {n}: pesukone vuotaa vettä lattialle. {}", "Lisätietoa. ".repeat(20));
    let at = common::helsinki(2026, 11, 23, 9, 0) + chrono::TimeDelta::seconds(n as i64);
    store.create_case(intake.validate().expect("valid"), &common::agent(), at).map(|case| case.reference)
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs a small tmpfs mounted by root (Linux); on Windows backup/room.rs's own test reads the free space"
)]
fn a_full_disk_refuses_the_save_and_keeps_what_was_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mount_point = dir.path().join("small");
    std::fs::create_dir(&mount_point).expect("mount point");
    let _mounted = match mount_small_tmpfs(&mount_point) {
        Ok(mounted) => mounted,
        Err(why) => {
            eprintln!(
                "SKIPPED a_full_disk_refuses_the_save_and_keeps_what_was_stored: mounting a 2 MB tmpfs is not permitted here ({why}); run as root to test a full disk."
            );
            return;
        }
    };
    let db = mount_point.join("lupaus.db");
    let mut store = Store::open(&db).expect("open on the small disk");
    // Ballast takes most of the space, so freeing it later gives room back.
    let ballast = mount_point.join("ballast");
    std::fs::write(&ballast, vec![0u8; 1_200_000]).expect("ballast");

    let mut saved = Vec::new();
    let error = loop {
        match save(&mut store, saved.len()) {
            Ok(reference) => saved.push(reference),
            Err(error) => break error,
        }
        assert!(saved.len() < 100_000, "a 2 MB disk never filled up");
    };
    assert_eq!(error.code(), "disk_full", "{error}");
    assert!(error.to_string().contains("disk is full") && error.to_string().contains("Free some space"), "{error}");
    assert!(!saved.is_empty(), "the disk was full before anything was saved");

    // Nothing stored is damaged: in this connection and in a fresh one, on the still full disk.
    let check = |store: &Store, saved: &[String]| {
        let audit = store.audit(0).expect("audit");
        assert!(audit.is_ok(), "{audit:?}");
        let counts = store.event_counts().expect("counts");
        assert_eq!(counts.len(), saved.len(), "exactly the acknowledged cases are there");
        assert!(saved.iter().all(|reference| counts.get(reference) == Some(&1)));
    };
    check(&store, &saved);
    let reopened = Store::open(&db).expect("a full disk still opens to be read");
    check(&reopened, &saved);
    drop(reopened);

    // Free space: the next save works, in the same connection.
    std::fs::remove_file(&ballast).expect("free space");
    let reference = save(&mut store, saved.len()).expect("saving works again once space is freed");
    saved.push(reference);
    check(&store, &saved);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "needs a small tmpfs mounted by root (Linux); on Windows backup/room.rs's own test reads the free space"
)]
fn a_backup_to_a_disk_without_room_is_refused_before_writing_and_says_how_much_is_needed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mount_point = dir.path().join("small");
    std::fs::create_dir(&mount_point).expect("mount point");
    let _mounted = match mount_small_tmpfs(&mount_point) {
        Ok(mounted) => mounted,
        Err(why) => {
            eprintln!("SKIPPED a_backup_to_a_disk_without_room_is_refused_before_writing: no tmpfs here ({why}).");
            return;
        }
    };
    let mut store = Store::open(&dir.path().join("lupaus.db")).expect("open on the big disk");
    save(&mut store, 1).expect("a case");

    let error = store.backup_to(&mount_point.join("backups").join("lupaus.db")).expect_err("no room");
    assert_eq!(error.code(), "no_room_for_backup");
    let message = error.to_string();
    assert!(message.contains("MB is free. Nothing was written."), "{message}");
    let left: Vec<_> = std::fs::read_dir(&mount_point).expect("read").collect();
    assert!(left.is_empty(), "nothing was written on the small disk: {left:?}");
    assert_eq!(store.check().expect("check").cases, 1, "the desk is untouched");
}
