//! Attachments survive a backup and a restore on another PC, keep their name and type, open
//! only as a checked copy of a listed type inside the attachments folder, travel in the GDPR
//! dossier and go with anonymisation (issue 18, item 6).

mod common;

use std::path::Path;

use base64::Engine;
use chrono::TimeDelta;
use lupaus_store::{Store, backup};

const PHOTO: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0kuva rikkinaisesta pesukoneesta";
const RECEIPT: &[u8] = b"%PDF-1.7 kuitti 1249,90";

/// A desk with one case and two files on it: a phone's photo with no extension, a receipt.
fn desk_with_files(dir: &Path) -> (Store, i64) {
    let mut store = Store::open(&dir.join("lupaus.db")).expect("store");
    let at = common::helsinki(2026, 3, 2, 9, 0);
    let case_id = common::new_case(&mut store, at);
    let photo = dir.join("IMG_2041");
    std::fs::write(&photo, PHOTO).expect("photo");
    let receipt = dir.join("Kuitti 2.3.2026.pdf");
    std::fs::write(&receipt, RECEIPT).expect("receipt");
    store.attach_file(case_id, &photo, &common::agent(), at).expect("photo attached");
    store.attach_file(case_id, &receipt, &common::agent(), at + TimeDelta::minutes(1)).expect("receipt attached");
    (store, case_id)
}

fn stored_bytes(store: &Store, case_id: i64) -> Vec<(String, String, Vec<u8>)> {
    let dir = store.attachments_dir().expect("dir");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("list").flatten() {
        if entry.path().is_file() {
            files.push(std::fs::read(entry.path()).expect("read"));
        }
    }
    store
        .attachments(case_id)
        .expect("rows")
        .into_iter()
        .map(|row| {
            let bytes = files
                .iter()
                .find(|bytes| lupaus_store::attachments::sha256_hex(bytes) == row.sha256)
                .cloned()
                .unwrap_or_default();
            (row.file_name, row.media_type, bytes)
        })
        .collect()
}

#[test]
fn a_backup_holds_the_files_and_a_restore_on_another_pc_brings_them_back() {
    let here = tempfile::tempdir().expect("temp dir");
    let (store, case_id) = desk_with_files(here.path());
    let usb = tempfile::tempdir().expect("usb stick");
    let copy = usb.path().join("lupaus-backup.db");
    let check = store.backup_to(&copy).expect("backup");
    assert_eq!((check.verified, check.attachments, check.attachments_missing), (true, Some(2), Some(0)), "{check:?}");

    let elsewhere = tempfile::tempdir().expect("another PC");
    let db = elsewhere.path().join("lupaus.db");
    let now = "2026-03-03T08:00:00Z".parse().expect("time");
    let (restored, report) = backup::restore(&copy, &db, now).expect("restore");
    assert_eq!((report.attachments_restored, report.attachments_missing), (2, 0));
    let expected = vec![
        ("IMG_2041".to_owned(), "image/jpeg".to_owned(), PHOTO.to_vec()),
        ("Kuitti 2.3.2026.pdf".to_owned(), "application/pdf".to_owned(), RECEIPT.to_vec()),
    ];
    assert_eq!(stored_bytes(&restored, case_id), expected, "name, type and every byte came back");
    let tables: i64 = rusqlite::Connection::open(&db)
        .expect("raw")
        .query_row("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'backup_attachments'", [], |row| row.get(0))
        .expect("schema");
    assert_eq!(tables, 0, "the packed files leave the restored database");
    assert!(restored.audit(0).expect("audit").is_ok());
}

#[test]
fn restore_in_place_writes_back_a_lost_or_changed_file_and_a_changed_backup_does_not_verify() {
    let here = tempfile::tempdir().expect("temp dir");
    let (store, case_id) = desk_with_files(here.path());
    let copy = here.path().join("copy.db");
    store.backup_to(&copy).expect("backup");
    let dir = store.attachments_dir().expect("dir");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("list").flatten().map(|entry| entry.path()).collect();
    files.sort();
    std::fs::remove_file(&files[0]).expect("one file lost");
    std::fs::write(&files[1], b"overwritten").expect("one file changed");
    drop(store);

    let now = "2026-03-03T08:00:00Z".parse().expect("time");
    let (restored, report) = backup::restore(&copy, &here.path().join("lupaus.db"), now).expect("restore");
    assert_eq!((report.attachments_restored, report.attachments_missing), (2, 0));
    assert!(stored_bytes(&restored, case_id).iter().all(|(_, _, bytes)| !bytes.is_empty()));

    // One flipped byte in a packed file: the backup no longer verifies, and is not restored.
    let conn = rusqlite::Connection::open(&copy).expect("raw");
    conn.execute("UPDATE backup_attachments SET bytes = CAST('x' AS BLOB) WHERE rowid = 1", []).expect("tamper");
    drop(conn);
    let check = backup::verify(&copy);
    assert!(!check.verified);
    assert!(check.problem.expect("problem").contains("no longer matches its SHA-256"));
}

#[test]
fn only_a_checked_copy_of_a_listed_type_is_opened_from_inside_the_attachments_folder() {
    let here = tempfile::tempdir().expect("temp dir");
    let (mut store, case_id) = desk_with_files(here.path());
    let rows = store.attachments(case_id).expect("rows");
    let path = store.attachment_for_opening(rows[1].id).expect("receipt opens");
    let dir = store.attachments_dir().expect("dir");
    assert!(path.starts_with(&dir), "{path:?} is inside {dir:?}");
    assert_eq!(path.file_name().and_then(|name| name.to_str()), Some("Kuitti 2_3_2026.pdf"));
    assert_eq!(std::fs::read(&path).expect("copy"), RECEIPT);
    let photo = store.attachment_for_opening(rows[0].id).expect("photo opens");
    assert_eq!(photo.extension().and_then(|ext| ext.to_str()), Some("jpg"), "the type gives the extension");

    let program = here.path().join("lasku.pdf.exe");
    std::fs::write(&program, b"MZ\x90\0 not a receipt").expect("program");
    let at = common::helsinki(2026, 3, 2, 10, 0);
    let attached = store.attach_file(case_id, &program, &common::agent(), at).expect("kept as evidence");
    let refused = store.attachment_for_opening(attached.id).expect_err("a program is never opened");
    assert_eq!(refused.reason(), Some("attachment_not_openable"));

    // A stored file changed behind the desk's back is not handed to another program.
    let stored: Vec<_> = std::fs::read_dir(&dir).expect("list").flatten().map(|entry| entry.path()).collect();
    for file in stored.iter().filter(|path| path.is_file()) {
        std::fs::write(file, b"changed").expect("change");
    }
    let damaged = store.attachment_for_opening(rows[1].id).expect_err("damaged");
    assert_eq!(damaged.reason(), Some("attachment_file_damaged"));
}

#[test]
fn the_dossier_carries_the_files_and_anonymisation_deletes_them_and_logs_it() {
    let here = tempfile::tempdir().expect("temp dir");
    let (mut store, case_id) = desk_with_files(here.path());
    let at = common::helsinki(2026, 3, 2, 9, 0);
    let customer = store.case_detail(case_id, &common::agent(), at).expect("detail").customer.id;
    let dossier = store.customer_dossier(customer, at).expect("dossier");
    let files = &dossier.cases[0].attachments;
    let decode =
        |text: &Option<String>| base64::engine::general_purpose::STANDARD.decode(text.as_deref().expect("content"));
    assert_eq!(decode(&files[0].content_base64).expect("base64"), PHOTO);
    assert_eq!(decode(&files[1].content_base64).expect("base64"), RECEIPT);
    let opened = store.attachment_for_opening(files[1].attachment.id).expect("opened once");

    common::close_case(&mut store, case_id, at + TimeDelta::hours(1));
    let report = store.anonymise_customer(customer, &common::lead(), at + TimeDelta::days(1)).expect("anonymised");
    assert_eq!(report.attachments_removed, 2);
    let left: Vec<_> = walk(&store.attachments_dir().expect("dir"));
    assert!(left.is_empty(), "files and opened copies are gone: {left:?}");
    assert!(!opened.exists());
    let logged: i64 = rusqlite::Connection::open(store.path())
        .expect("raw")
        .query_row("SELECT SUM(attachments_removed) FROM anonymisations WHERE case_id = ?1", [case_id], |row| {
            row.get(0)
        })
        .expect("log");
    assert_eq!(logged, 2, "the log says how many files went");
    let after = store.customer_dossier(customer, at + TimeDelta::days(2)).expect("dossier");
    let problems: Vec<_> = after.cases[0].attachments.iter().map(|file| file.content_problem).collect();
    assert_eq!(problems, vec![Some("removed"), Some("removed")]);
    assert_eq!(after.anonymisations[0].attachments_removed, 2);
    let refused = store.attachment_for_opening(files[0].attachment.id).expect_err("gone");
    assert_eq!(refused.reason(), Some("attachment_removed"));
    let copy = here.path().join("after.db");
    let check = store.backup_to(&copy).expect("backup");
    assert_eq!((check.attachments, check.attachments_missing), (Some(0), Some(0)), "deleted files are not missed");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            files.extend(walk(&entry.path()));
        } else {
            files.push(entry.path());
        }
    }
    files
}
