//! Opening the database file: ours is migrated, anything else is refused and left untouched.

use lupaus_store::{SCHEMA_VERSION, Store};
use rusqlite::Connection;

fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lupaus.db");
    (dir, path)
}

#[test]
fn a_new_file_gets_the_current_schema_and_wal() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).expect("open new database");
    let report = store.check().expect("check");
    assert_eq!(report.integrity, "ok");
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert!(report.is_ok());
    drop(store);
    let conn = Connection::open(&path).expect("reopen raw");
    let mode: String = conn.pragma_query_value(None, "journal_mode", |row| row.get(0)).expect("journal mode");
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_is_idempotent() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).expect("first open"));
    let store = Store::open(&path).expect("second open");
    assert_eq!(store.check().expect("check").schema_version, SCHEMA_VERSION);
}

#[test]
fn a_text_file_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    let content = b"asiakasrekisteri;nimi\n1;Maija\n".repeat(100);
    std::fs::write(&path, &content).expect("write foreign file");
    let error = Store::open(&path).err().expect("must be refused");
    assert_eq!(error.code(), "not_lupaus_database");
    assert!(error.to_string().contains("not a Lupaus database"), "{error}");
    assert_eq!(std::fs::read(&path).expect("read back"), content);
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).expect("foreign db");
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Maija');")
            .expect("foreign schema");
    }
    let before = std::fs::read(&path).expect("read before");
    let error = Store::open(&path).err().expect("must be refused");
    assert_eq!(error.code(), "not_lupaus_database");
    assert_eq!(std::fs::read(&path).expect("read after"), before);
    assert!(!path.with_extension("db-wal").exists(), "no WAL file may be created for a foreign database");
}

#[test]
fn a_database_from_a_newer_lupaus_is_refused_with_both_versions_named() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).expect("create"));
    {
        let conn = Connection::open(&path).expect("raw");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump version");
    }
    let error = Store::open(&path).err().expect("must be refused");
    assert_eq!(error.code(), "database_too_new");
    let message = error.to_string();
    assert!(message.contains(&format!("schema version {}", SCHEMA_VERSION + 1)), "{message}");
    assert!(message.contains("Update Lupaus"), "{message}");
}

#[test]
fn the_directory_is_created_when_missing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deeper/still/lupaus.db");
    Store::open(&path).expect("open in a new directory");
    assert!(path.exists());
}
