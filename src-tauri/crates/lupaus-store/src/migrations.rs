//! Embedded schema migrations. Append-only: once a migration has shipped it is never edited;
//! a change is a new entry. `PRAGMA user_version` records how many have been applied.

/// Migration `n` (1-based) brings the schema from version `n - 1` to `n`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: people, customers, cases with their append-only event log, promises, reminder log, settings.
    r#"
    -- Debrief requests and lessons learned from hard cases; readable by every agent. Append-only.
    CREATE TABLE lessons (
        id          INTEGER PRIMARY KEY,
        case_id     INTEGER NOT NULL REFERENCES cases (id),
        kind        TEXT NOT NULL,
        text        TEXT NOT NULL,
        by_person   TEXT NOT NULL,
        at          INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX lessons_by_time ON lessons (at DESC);
    CREATE TRIGGER lessons_no_update BEFORE UPDATE ON lessons
        BEGIN SELECT RAISE(ABORT, 'lessons is append-only'); END;
    CREATE TRIGGER lessons_no_delete BEFORE DELETE ON lessons
        BEGIN SELECT RAISE(ABORT, 'lessons is append-only'); END;

    CREATE TABLE people (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        role        TEXT NOT NULL CHECK (role IN ('agent', 'lead')),
        pin_hash    TEXT,
        active      INTEGER NOT NULL DEFAULT 1
    ) STRICT;

    CREATE TABLE customers (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL,
        email           TEXT,
        phone           TEXT,
        customer_number TEXT UNIQUE,
        created_at      INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);
    CREATE INDEX customers_by_email ON customers (email COLLATE NOCASE) WHERE email IS NOT NULL;

    -- The current state of each case: a projection rebuilt from case_events, kept for fast lists.
    CREATE TABLE cases (
        id           INTEGER PRIMARY KEY,
        ref_year     INTEGER NOT NULL,
        ref_number   INTEGER NOT NULL,
        customer_id  INTEGER NOT NULL REFERENCES customers (id),
        received_at  INTEGER NOT NULL,
        channel      TEXT NOT NULL,
        priority     TEXT NOT NULL,
        stage        TEXT NOT NULL,
        owner        TEXT NOT NULL,
        summary      TEXT NOT NULL,
        updated_at   INTEGER NOT NULL,
        state_json   TEXT NOT NULL,
        -- Compensations waiting for a lead's decision: the approvals list reads this index.
        pending_approvals INTEGER NOT NULL DEFAULT 0,
        -- 1 while the case waits on the customer or a supplier (the "waiting" list).
        waiting      INTEGER NOT NULL DEFAULT 0,
        UNIQUE (ref_year, ref_number)
    ) STRICT;
    CREATE INDEX cases_awaiting_approval ON cases (updated_at) WHERE pending_approvals > 0;
    CREATE INDEX cases_open_by_received ON cases (received_at DESC, id DESC) WHERE stage != 'closed';
    CREATE INDEX cases_waiting_by_received ON cases (received_at DESC, id DESC) WHERE waiting = 1;
    CREATE INDEX cases_by_received ON cases (received_at DESC, id DESC);
    CREATE INDEX cases_by_stage ON cases (stage, received_at DESC, id DESC);
    CREATE INDEX cases_by_owner ON cases (owner, received_at DESC, id DESC);
    CREATE INDEX cases_by_customer ON cases (customer_id, received_at DESC);

    -- Every accepted change to a case: who, when, what, stage before and after. Never edited.
    CREATE TABLE case_events (
        id           INTEGER PRIMARY KEY,
        case_id      INTEGER NOT NULL REFERENCES cases (id),
        seq          INTEGER NOT NULL,
        at           INTEGER NOT NULL,
        actor        TEXT NOT NULL,
        kind         TEXT NOT NULL,
        record_json  TEXT NOT NULL,
        UNIQUE (case_id, seq)
    ) STRICT;
    CREATE INDEX case_events_by_time ON case_events (at);
    CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
        BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
    CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
        BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

    CREATE TABLE promises (
        id                INTEGER PRIMARY KEY,
        case_id           INTEGER NOT NULL REFERENCES cases (id),
        text              TEXT NOT NULL,
        channel           TEXT NOT NULL,
        due_at            INTEGER NOT NULL,
        owner             TEXT NOT NULL,
        made_by           TEXT NOT NULL,
        made_at           INTEGER NOT NULL,
        state             TEXT NOT NULL,
        record_json       TEXT NOT NULL,
        -- When the scheduler must next look at this promise; NULL once nothing is left to raise.
        next_reminder_at  INTEGER
    ) STRICT;
    CREATE INDEX promises_by_case ON promises (case_id, due_at);
    CREATE INDEX promises_open_by_due ON promises (due_at) WHERE state = 'open';
    CREATE INDEX promises_by_due ON promises (due_at);
    CREATE INDEX promises_open_by_owner ON promises (owner, due_at) WHERE state = 'open';
    CREATE INDEX promises_by_next_reminder ON promises (next_reminder_at) WHERE next_reminder_at IS NOT NULL;

    -- Every change to a promise (made, kept, renegotiated), append-only like case_events.
    CREATE TABLE promise_events (
        id           INTEGER PRIMARY KEY,
        promise_id   INTEGER NOT NULL REFERENCES promises (id),
        case_id      INTEGER NOT NULL REFERENCES cases (id),
        at           INTEGER NOT NULL,
        actor        TEXT NOT NULL,
        kind         TEXT NOT NULL,
        record_json  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX promise_events_by_case ON promise_events (case_id, at);
    CREATE INDEX promise_events_by_time ON promise_events (at);
    CREATE TRIGGER promise_events_no_update BEFORE UPDATE ON promise_events
        BEGIN SELECT RAISE(ABORT, 'promise_events is append-only'); END;
    CREATE TRIGGER promise_events_no_delete BEFORE DELETE ON promise_events
        BEGIN SELECT RAISE(ABORT, 'promise_events is append-only'); END;

    -- Each reminder step raised, so none fires twice, also across restarts.
    CREATE TABLE reminder_log (
        promise_id  INTEGER NOT NULL REFERENCES promises (id),
        step        TEXT NOT NULL,
        raised_at   INTEGER NOT NULL,
        PRIMARY KEY (promise_id, step)
    ) STRICT;

    -- GDPR anonymisations: each is the one sanctioned rewrite of old event payloads (see privacy.rs).
    -- One row per customer or case anonymised; `reason` says whether a person asked or retention did.
    CREATE TABLE anonymisations (
        id                INTEGER PRIMARY KEY,
        at                INTEGER NOT NULL,
        actor             TEXT NOT NULL,
        reason            TEXT NOT NULL CHECK (reason IN ('request', 'retention')),
        customer_id       INTEGER REFERENCES customers (id),
        case_id           INTEGER REFERENCES cases (id),
        events_rewritten  INTEGER NOT NULL,
        note              TEXT
    ) STRICT;
    CREATE INDEX anonymisations_by_case ON anonymisations (case_id) WHERE case_id IS NOT NULL;
    CREATE INDEX anonymisations_by_customer ON anonymisations (customer_id) WHERE customer_id IS NOT NULL;

    -- Files attached to a case: copied into the data directory under a generated name.
    CREATE TABLE attachments (
        id           INTEGER PRIMARY KEY,
        case_id      INTEGER NOT NULL REFERENCES cases (id),
        file_name    TEXT NOT NULL,
        stored_name  TEXT NOT NULL UNIQUE,
        size_bytes   INTEGER NOT NULL,
        sha256       TEXT NOT NULL,
        added_by     TEXT NOT NULL,
        added_at     INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX attachments_by_case ON attachments (case_id, added_at);

    -- "My cases in this stage", newest first (list_cases with both filters), without walking
    -- every case of the owner or the stage.
    CREATE INDEX cases_by_owner_stage ON cases (owner, stage, received_at DESC, id DESC);

    -- Full-text search over each case's intake (see search.rs). Contentless: only the index is
    -- stored, rowid = cases.id. search.rs writes every term already folded and stemmed, each
    -- behind a digit naming its kind (1 names and references, 2 words, 3 stems, 4 stems reversed,
    -- so a prefix query finds the last part of a compound word). No positions: nothing needs them.
    CREATE VIRTUAL TABLE case_search USING fts5 (
        terms,
        content = '', contentless_delete = 1, detail = none,
        tokenize = 'unicode61 remove_diacritics 0'
    );

    CREATE TABLE settings (
        key         TEXT PRIMARY KEY,
        value_json  TEXT NOT NULL
    ) STRICT;
    "#,
    // 2: a lighter durable save (issue 8). Every index is a B-tree page each intake writes; these
    // three serve no query (the lead view filters owners through promises_open_by_due, figures
    // read events through their case), so they go.
    r#"
    DROP INDEX promises_open_by_owner;
    DROP INDEX case_events_by_time;
    DROP INDEX promise_events_by_time;

    -- The search index no longer merges its segments inside a save: the app merges them when
    -- idle (maintenance.rs). Each save adds one small segment; FTS5's crisis merge still merges
    -- inside a save once a level holds 64 of them (default 16, fewer than the saves between two
    -- idle upkeeps on a busy desk), which bounds the segment count when no upkeep runs at all.
    INSERT INTO case_search (case_search, rank) VALUES ('automerge', 0);
    INSERT INTO case_search (case_search, rank) VALUES ('crisismerge', 64);
    "#,
    // 3: wrong PINs are counted with the person, so restarting the app does not reset the wait
    // that slows down guessing.
    r#"
    ALTER TABLE people ADD COLUMN wrong_pins INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE people ADD COLUMN last_wrong_pin_at INTEGER;
    "#,
    // 4: a save no longer writes search-index terms (issue 8). Every case up to `up_to_case` is
    // in case_search; newer ones are indexed by the idle upkeep or when the store opens, and
    // search matches them directly until then (search.rs). Every case so far was indexed by its
    // save, so the mark starts at the newest.
    r#"
    CREATE TABLE search_watermark (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        up_to_case  INTEGER NOT NULL
    ) STRICT;
    INSERT INTO search_watermark (id, up_to_case) SELECT 1, COALESCE(MAX(id), 0) FROM cases;
    "#,
    // 5: team mode (issue 16). See team.rs and ARCHITECTURE.md "Team mode".
    include_str!("migrations/0005_team.sql"),
    // 6: Voikko's base forms in the search index (issue 19). 1 when every indexed case carries
    // them, so that a query may meet the index on them; cases indexed so far do not.
    r#"
    ALTER TABLE search_watermark ADD COLUMN base_forms INTEGER NOT NULL DEFAULT 0 CHECK (base_forms IN (0, 1));
    "#,
    // 7: what a person chose on this computer (issue 15): the language of the window, the
    // notifications and the tray. A device preference: it stays on this desk and never travels
    // in team mode (a shared PC's people each keep theirs). By name, as people are signed in.
    r#"
    CREATE TABLE person_preferences (
        person      TEXT PRIMARY KEY,
        language    TEXT CHECK (language IN ('fi', 'sv', 'en'))
    ) STRICT;
    "#,
    // 8: people, settings, lessons and the reminder log travel in team mode (issues 16, 17).
    include_str!("migrations/0008_team_people.sql"),
    // 9: attachments keep their type and say when anonymisation deleted their file; the
    // anonymisation log counts the files it deleted (issue 18). Files of cases anonymised before
    // this were deleted then.
    r#"
    ALTER TABLE attachments ADD COLUMN media_type TEXT;
    ALTER TABLE attachments ADD COLUMN removed_at INTEGER;
    ALTER TABLE anonymisations ADD COLUMN attachments_removed INTEGER NOT NULL DEFAULT 0;
    UPDATE attachments SET removed_at =
        (SELECT MIN(a.at) FROM anonymisations a WHERE a.case_id = attachments.case_id)
        WHERE case_id IN (SELECT case_id FROM anonymisations WHERE case_id IS NOT NULL);
    "#,
    // 10: the desk without a terminal (issue 20): a person's calendar folder, customer exports logged.
    include_str!("migrations/0010_desk_without_terminal.sql"),
    // 11: where people are signed in, and the hand-off notices a desk keeps (issue 17).
    include_str!("migrations/0011_presence_notices.sql"),
    // 12: each desk's last sync as the server last told this desk, and leads' conflict reviews (issue 17).
    include_str!("migrations/0012_team_board.sql"),
    // 13: attachments travel in team mode, content-addressed by their SHA-256 (issue 16).
    include_str!("migrations/0013_attachments_travel.sql"),
    // 14: a joining desk takes the cases still open first (issue 16).
    include_str!("migrations/0014_live_cases_first.sql"),
];

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::MIGRATIONS;
    use crate::Store;

    /// A database a shipped Lupaus wrote (schema 1, one case in it) opens, is migrated to the
    /// current schema, and keeps its data; the indexes no query reads are gone.
    #[test]
    fn a_version_1_database_with_data_is_migrated_in_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("lupaus.db");
        {
            let conn = Connection::open(&path).expect("create");
            conn.execute_batch(MIGRATIONS[0]).expect("schema 1");
            conn.execute_batch(
                "PRAGMA user_version = 1; PRAGMA application_id = 1280659521;
                 INSERT INTO customers (id, name, created_at) VALUES (1, 'Maija', 0);
                 INSERT INTO cases (id, ref_year, ref_number, customer_id, received_at, channel, priority, stage,
                     owner, summary, updated_at, state_json)
                 VALUES (1, 2026, 1, 1, 0, 'phone', 'normal', 'received', 'Aino', 'Vuotaa', 0, '{}');",
            )
            .expect("one case");
        }
        let store = Store::open(&path).expect("migrates");
        let report = store.check().expect("check");
        assert_eq!((report.schema_version, report.cases, report.integrity.as_str()), (crate::SCHEMA_VERSION, 1, "ok"));
        let dropped: i64 = store
            .conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_schema WHERE name IN
                     ('promises_open_by_owner', 'case_events_by_time', 'promise_events_by_time')",
                [],
                |row| row.get(0),
            )
            .expect("schema");
        assert_eq!(dropped, 0);
        let automerge: i64 = store
            .conn
            .query_row("SELECT v FROM case_search_config WHERE k = 'automerge'", [], |row| row.get(0))
            .expect("search index setting");
        assert_eq!(automerge, 0, "segments are merged by the idle upkeep, not inside saves");
        let crisis: i64 = store
            .conn
            .query_row("SELECT v FROM case_search_config WHERE k = 'crisismerge'", [], |row| row.get(0))
            .expect("search index setting");
        assert_eq!(crisis, 64);
    }
}

#[cfg(test)]
mod team_migration_tests {
    use rusqlite::Connection;

    use super::MIGRATIONS;
    use crate::Store;

    /// A schema-4 database with a case, its events and a promise (what a desk holds before team
    /// mode) gets global ids for all of them and a desk identity, keeps its rows, references and
    /// append-only triggers, and numbers its next case after the old ones.
    #[test]
    fn a_version_4_database_gets_global_ids_in_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("lupaus.db");
        {
            let conn = Connection::open(&path).expect("create");
            for sql in &MIGRATIONS[..4] {
                conn.execute_batch(sql).expect("old schema");
            }
            conn.execute_batch(
                "PRAGMA user_version = 4; PRAGMA application_id = 1280659521;
                 INSERT INTO customers (id, name, created_at) VALUES (1, 'Maija', 0);
                 INSERT INTO cases (id, ref_year, ref_number, customer_id, received_at, channel, priority, stage,
                     owner, summary, updated_at, state_json)
                 VALUES (7, 2026, 1, 1, 1767225600000, 'phone', 'normal', 'received', 'Aino', 'Vuotaa', 0, '{}');
                 INSERT INTO case_events (case_id, seq, at, actor, kind, record_json)
                     VALUES (7, 1, 1767225600000, 'Aino', 'opened', '{}'), (7, 2, 1767225660000, 'Aino', 'note', '{}');
                 INSERT INTO promises (id, case_id, text, channel, due_at, owner, made_by, made_at, state, record_json)
                     VALUES (3, 7, 'Soitto', 'call', 1767312000000, 'Aino', 'Aino', 1767225600000, 'open', '{}');
                 INSERT INTO promise_events (promise_id, case_id, at, actor, kind, record_json)
                     VALUES (3, 7, 1767225600000, 'Aino', 'made', '{}');",
            )
            .expect("one case");
        }
        let store = Store::open(&path).expect("migrates");
        let count = |sql: &str| -> i64 { store.conn.query_row(sql, [], |row| row.get(0)).expect(sql) };
        assert_eq!(count("SELECT COUNT(*) FROM cases WHERE id = 7 AND length(gid) = 16 AND desk_code = ''"), 1);
        assert_eq!(count("SELECT COUNT(DISTINCT event_id) FROM case_events WHERE length(event_id) = 16"), 2);
        assert_eq!(count("SELECT COUNT(*) FROM promise_events WHERE length(event_id) = 16"), 1);
        assert_eq!(count("SELECT COUNT(*) FROM promises WHERE length(gid) = 16"), 1);
        // UUIDv7: version nibble 7, variant 10, and the row's own time in the first 48 bits.
        let (id, _) = store.desk_identity().expect("identity");
        assert_eq!(id.get_version_num(), 7);
        let first: Vec<u8> =
            store.conn.query_row("SELECT event_id FROM case_events WHERE seq = 1", [], |row| row.get(0)).expect("id");
        let first = uuid::Uuid::from_slice(&first).expect("16 bytes");
        assert_eq!((first.get_version_num(), first.get_variant()), (7, uuid::Variant::RFC4122));
        let (seconds, nanos) = first.get_timestamp().expect("v7 time").to_unix();
        assert_eq!(seconds * 1000 + u64::from(nanos / 1_000_000), 1_767_225_600_000);
        assert_eq!(store.case_id_by_reference("R-2026-000001").expect("found by its old reference"), 7);
        let update = store.conn.execute("UPDATE case_events SET actor = 'x'", []);
        assert!(update.is_err_and(|error| error.to_string().contains("append-only")));
        assert_eq!(store.check().expect("check").integrity, "ok");
        assert_eq!(store.pending_count().expect("pending"), 3, "everything is pending until the desk joins and pushes");
    }
}
