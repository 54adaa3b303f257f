-- Team mode (issue 16): every event and case gets a global id, the desk an identity, and the
-- sync bookkeeping its tables. A standalone desk only carries the ids; the rest stays empty.
--
-- A UUIDv7 made in SQL for the rows that exist already: 48 bits of the row's own time in
-- milliseconds, version 7, variant 10, the rest random (RFC 9562). New rows get theirs from Rust.

CREATE TABLE desk_identity (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    -- Which desk wrote an event, for the server's log; never used for order.
    desk_id  BLOB NOT NULL CHECK (length(desk_id) = 16),
    -- The short code in this desk's references once it is in a team; '' while standalone.
    code     TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO desk_identity (id, desk_id)
VALUES (1, unhex(printf('%012X%04X%04X', CAST(unixepoch('subsec') * 1000 AS INTEGER),
    28672 + abs(random() % 4096), 32768 + abs(random() % 16384)) || hex(randomblob(6))));

-- Customers are matched within the desk that recorded them (customers.rs): two desks that ran
-- alone may each have a customer C-1001 who are different people, so a customer number is
-- unique per desk code. SQLite cannot change a UNIQUE constraint: the table is rebuilt.
CREATE TABLE customers_new (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    email           TEXT,
    phone           TEXT,
    customer_number TEXT,
    created_at      INTEGER NOT NULL,
    desk_code       TEXT NOT NULL DEFAULT '',
    UNIQUE (customer_number, desk_code)
) STRICT;
INSERT INTO customers_new (id, name, email, phone, customer_number, created_at)
SELECT id, name, email, phone, customer_number, created_at FROM customers;
DROP TABLE customers;
ALTER TABLE customers_new RENAME TO customers;
CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);
CREATE INDEX customers_by_email ON customers (email COLLATE NOCASE) WHERE email IS NOT NULL;

-- Cases gain a global id and the desk code of their reference. Two desks that ran alone both
-- hold an R-2026-000001, so a reference is unique per desk code; SQLite cannot change a table's
-- UNIQUE constraint, so the table is rebuilt (migrate() turns foreign keys off around it and
-- checks them before it commits).
CREATE TABLE cases_new (
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
    pending_approvals INTEGER NOT NULL DEFAULT 0,
    waiting      INTEGER NOT NULL DEFAULT 0,
    gid          BLOB NOT NULL CHECK (length(gid) = 16),
    desk_code    TEXT NOT NULL DEFAULT '',
    -- desk_code first: a new case's number is MAX over its own desk's cases in this index.
    UNIQUE (desk_code, ref_year, ref_number)
) STRICT;
INSERT INTO cases_new (id, ref_year, ref_number, customer_id, received_at, channel, priority, stage, owner,
    summary, updated_at, state_json, pending_approvals, waiting, gid, desk_code)
SELECT id, ref_year, ref_number, customer_id, received_at, channel, priority, stage, owner,
    summary, updated_at, state_json, pending_approvals, waiting,
    unhex(printf('%012X%04X%04X', received_at, 28672 + abs(random() % 4096), 32768 + abs(random() % 16384))
        || hex(randomblob(6))),
    ''
FROM cases;
DROP TABLE cases;
ALTER TABLE cases_new RENAME TO cases;
CREATE UNIQUE INDEX cases_by_gid ON cases (gid);
CREATE INDEX cases_awaiting_approval ON cases (updated_at) WHERE pending_approvals > 0;
CREATE INDEX cases_open_by_received ON cases (received_at DESC, id DESC) WHERE stage != 'closed';
CREATE INDEX cases_waiting_by_received ON cases (received_at DESC, id DESC) WHERE waiting = 1;
CREATE INDEX cases_by_received ON cases (received_at DESC, id DESC);
CREATE INDEX cases_by_stage ON cases (stage, received_at DESC, id DESC);
CREATE INDEX cases_by_owner ON cases (owner, received_at DESC, id DESC);
CREATE INDEX cases_by_customer ON cases (customer_id, received_at DESC);
CREATE INDEX cases_by_owner_stage ON cases (owner, stage, received_at DESC, id DESC);

-- Every desk code this desk holds cases of ('' for its standalone past): a reference typed
-- without a desk is looked up once per code through the unique index above.
CREATE TABLE desk_codes (code TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
INSERT INTO desk_codes (code) VALUES ('');

-- Event ids. The append-only triggers are dropped for the one fill and made again at once.
DROP TRIGGER case_events_no_update;
ALTER TABLE case_events ADD COLUMN event_id BLOB CHECK (length(event_id) = 16);
UPDATE case_events SET event_id = unhex(printf('%012X%04X%04X', at, 28672 + abs(random() % 4096),
    32768 + abs(random() % 16384)) || hex(randomblob(6)));
CREATE UNIQUE INDEX case_events_by_event_id ON case_events (event_id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
    BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

DROP TRIGGER promise_events_no_update;
ALTER TABLE promise_events ADD COLUMN event_id BLOB CHECK (length(event_id) = 16);
UPDATE promise_events SET event_id = unhex(printf('%012X%04X%04X', at, 28672 + abs(random() % 4096),
    32768 + abs(random() % 16384)) || hex(randomblob(6)));
CREATE UNIQUE INDEX promise_events_by_event_id ON promise_events (event_id);
CREATE TRIGGER promise_events_no_update BEFORE UPDATE ON promise_events
    BEGIN SELECT RAISE(ABORT, 'promise_events is append-only'); END;

-- A promise's global id: the promise's local id differs on every desk.
ALTER TABLE promises ADD COLUMN gid BLOB CHECK (length(gid) = 16);
UPDATE promises SET gid = unhex(printf('%012X%04X%04X', made_at, 28672 + abs(random() % 4096),
    32768 + abs(random() % 16384)) || hex(randomblob(6)));
CREATE UNIQUE INDEX promises_by_gid ON promises (gid);

-- The team this desk belongs to; no row while standalone. The secret is never here.
CREATE TABLE team_membership (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    server_url  TEXT NOT NULL,
    desk_name   TEXT NOT NULL,
    joined_at   INTEGER NOT NULL,
    -- When the last sync round finished, for the status line.
    last_sync_at INTEGER
) STRICT;

-- The outbox: per log, the highest local row id already on the server. Event rows are never
-- updated, so "pushed" is this mark, moved after the server committed.
CREATE TABLE sync_push_marks (
    log          TEXT PRIMARY KEY CHECK (log IN ('case', 'promise')),
    pushed_up_to INTEGER NOT NULL
) STRICT;

-- The server's canonical order: each event seen on the server, at its position. Events without
-- a position are this desk's own, not yet pulled back; they replay after all positioned ones.
CREATE TABLE sync_canon (
    event_id  BLOB PRIMARY KEY,
    pos       INTEGER NOT NULL UNIQUE
) STRICT, WITHOUT ROWID;

-- Events that came from the server, recorded on another desk: never pushed from here, also
-- after the canonical order is dropped for a restored server (restart_sync).
CREATE TABLE sync_received (
    event_id  BLOB PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- Where pulling continues: the server's epoch and the (tx, seq) of the last event read.
CREATE TABLE sync_cursor (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    epoch   TEXT NOT NULL,
    tx      TEXT NOT NULL,
    seq     INTEGER NOT NULL
) STRICT;

-- Events kept but not applied: the loser of a conflict, or one this version cannot read.
CREATE TABLE sync_flags (
    event_id    BLOB PRIMARY KEY,
    case_id     INTEGER REFERENCES cases (id),
    log         TEXT NOT NULL,
    reason      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    -- The event as it came, when it could not be stored in its log.
    raw         TEXT
) STRICT, WITHOUT ROWID;
