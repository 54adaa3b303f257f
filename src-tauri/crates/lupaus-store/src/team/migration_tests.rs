//! Migration 8 on a database a desk wrote before people and settings travelled: its people
//! (PIN hashes and deactivations included), settings, lessons and raised steps become team
//! events in place, the derived tables stay as they were, and all of it is pending for a team.

use rusqlite::Connection;

use crate::Store;
use crate::migrations::MIGRATIONS;

#[test]
fn a_version_7_database_keeps_its_people_settings_lessons_and_steps_as_team_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lupaus.db");
    let settings = serde_json::to_string(&lupaus_core::settings::DeskSettings {
        promise_buffer_minutes: 90,
        ..Default::default()
    })
    .expect("settings");
    {
        let conn = Connection::open(&path).expect("create");
        for sql in &MIGRATIONS[..7] {
            conn.execute_batch(sql).expect("old schema");
        }
        conn.execute_batch(
            "PRAGMA user_version = 7; PRAGMA application_id = 1280659521;
             INSERT INTO people (name, role, pin_hash, active) VALUES ('Leena', 'lead', '$argon2id$v=19$x', 1),
                 ('Aino', 'agent', NULL, 1), ('Pekka', 'agent', NULL, 0);
             INSERT INTO customers (id, name, created_at) VALUES (1, 'Maija', 0);
             INSERT INTO cases (id, ref_year, ref_number, customer_id, received_at, channel, priority, stage,
                 owner, summary, updated_at, state_json, gid)
             VALUES (7, 2026, 1, 1, 1767225600000, 'phone', 'normal', 'received', 'Aino', 'Vuotaa', 0, '{}',
                 randomblob(16));
             INSERT INTO promises (id, case_id, text, channel, due_at, owner, made_by, made_at, state, record_json, gid)
                 VALUES (3, 7, 'Soitto', 'call', 1767312000000, 'Aino', 'Aino', 1767225600000, 'open', '{}', randomblob(16));
             INSERT INTO reminder_log (promise_id, step, raised_at) VALUES (3, 'before:business:75', 1767307500000);
             INSERT INTO lessons (case_id, kind, text, by_person, at)
                 VALUES (7, 'debrief_requested', 'Kolme soittoa', 'Aino', 1767225700000);",
        )
        .expect("a desk's history");
        conn.execute("INSERT INTO settings (key, value_json) VALUES ('desk', ?1)", [&settings]).expect("settings");
    }
    let store = Store::open(&path).expect("migrates");
    let count = |sql: &str| -> i64 { store.conn.query_row(sql, [], |row| row.get(0)).expect(sql) };
    assert_eq!(count("SELECT COUNT(*) FROM team_events WHERE log = 'person' AND kind = 'person_listed'"), 3);
    assert_eq!(count("SELECT COUNT(*) FROM team_events WHERE log = 'settings'"), 1);
    assert_eq!(count("SELECT COUNT(*) FROM team_events WHERE log = 'lesson' AND length(case_gid) = 16"), 1);
    assert_eq!(count("SELECT COUNT(*) FROM team_events WHERE log = 'reminder' AND length(promise_gid) = 16"), 1);
    assert_eq!(count("SELECT COUNT(*) FROM lessons l JOIN team_events e ON e.event_id = l.event_id"), 1);
    assert_eq!(count("SELECT COUNT(*) FROM reminder_log r JOIN desk_identity d ON d.desk_id = r.desk_id"), 1);
    let names: Vec<(String, bool)> =
        store.people().expect("people").into_iter().map(|person| (person.name, person.has_pin)).collect();
    assert_eq!(names, [("Aino".to_owned(), false), ("Leena".to_owned(), true)], "Pekka stays deactivated");
    assert_eq!(store.desk_settings().expect("settings").settings.promise_buffer_minutes, 90);
    assert_eq!(store.raised_reminders(3).expect("steps").len(), 1);
    // Rebuilding from the imported events gives the same people and settings.
    let mut store = store;
    store.write(|tx| crate::team::shared::rebuild_people_and_settings(tx, chrono::DateTime::UNIX_EPOCH)).expect("fold");
    assert_eq!(store.people().expect("people").len(), 2);
    assert_eq!(store.sign_in("Leena").expect("lead").pin.expect("hash").as_phc(), "$argon2id$v=19$x");
    assert_eq!(store.desk_settings().expect("settings").settings.promise_buffer_minutes, 90);
    let update = store.conn.execute("UPDATE team_events SET actor = 'x'", []);
    assert!(update.is_err_and(|error| error.to_string().contains("append-only")));
    assert_eq!(store.pending_count().expect("pending"), 6, "3 people, settings, a lesson, a step");
    assert_eq!(store.check().expect("check").integrity, "ok");
}

/// Migration 13 on a desk with two attachments, one deleted by anonymisation: the kept one
/// becomes an `attachment_added` event pending for a team, the deleted one stays local; the
/// team log keeps its rows and stays append-only.
#[test]
fn a_version_9_database_sends_its_kept_attachments_with_its_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lupaus.db");
    {
        let conn = Connection::open(&path).expect("create");
        for sql in &MIGRATIONS[..9] {
            conn.execute_batch(sql).expect("old schema");
        }
        conn.execute_batch(
            "PRAGMA user_version = 9; PRAGMA application_id = 1280659521;
             INSERT INTO customers (id, name, created_at) VALUES (1, 'Maija', 0);
             INSERT INTO cases (id, ref_year, ref_number, customer_id, received_at, channel, priority, stage,
                 owner, summary, updated_at, state_json, gid)
             VALUES (7, 2026, 1, 1, 1767225600000, 'phone', 'normal', 'received', 'Aino', 'Vuotaa', 0, '{}',
                 randomblob(16));
             INSERT INTO attachments (case_id, file_name, stored_name, size_bytes, sha256, added_by, added_at, media_type, removed_at)
             VALUES (7, 'kuitti.pdf', 'a.bin', 3, 'ab', 'Aino', 1767225600000, 'application/pdf', NULL),
                    (7, '[poistettu]', 'b.bin', 3, 'cd', 'Aino', 1767225600000, NULL, 1767225700000);",
        )
        .expect("a desk's attachments");
    }
    let store = Store::open(&path).expect("migrates");
    let count = |sql: &str| -> i64 { store.conn.query_row(sql, [], |row| row.get(0)).expect(sql) };
    assert_eq!(count("SELECT COUNT(*) FROM attachments WHERE length(event_id) = 16 AND on_desk = 1"), 2);
    let sent = "SELECT COUNT(*) FROM team_events e JOIN attachments a ON a.event_id = e.event_id
        WHERE e.log = 'attachment' AND json_extract(e.record_json, '$.sha256') = 'ab' AND length(e.case_gid) = 16";
    assert_eq!(count(sent), 1);
    assert_eq!(count("SELECT COUNT(*) FROM team_events"), 1, "the anonymised file does not travel");
    let update = store.conn.execute("UPDATE team_events SET actor = 'x'", []);
    assert!(update.is_err_and(|error| error.to_string().contains("append-only")));
    assert_eq!(store.pending_count().expect("pending"), 1);
}
