-- Attachments travel in team mode (issue 16). Adding a file records an `attachment_added`
-- event in the team log (its name, type, size and SHA-256; never its bytes, which go to the
-- server's file table once per hash). A desk that learns of another desk's file lists it with
-- `on_desk = 0` and fetches the bytes when it is first opened.
--
-- The team log's CHECK gains the 'attachment' log: SQLite cannot alter a CHECK, so the table
-- is made again with the same rows, indexes and append-only triggers (and keeps migration 12's
-- 'review' log).
CREATE TABLE team_events_new (
    id           INTEGER PRIMARY KEY,
    event_id     BLOB NOT NULL CHECK (length(event_id) = 16),
    log          TEXT NOT NULL CHECK (log IN ('person', 'settings', 'lesson', 'reminder', 'review', 'attachment')),
    kind         TEXT NOT NULL,
    at           INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    case_gid     BLOB CHECK (length(case_gid) = 16),
    promise_gid  BLOB CHECK (length(promise_gid) = 16),
    record_json  TEXT NOT NULL
) STRICT;
INSERT INTO team_events_new SELECT id, event_id, log, kind, at, actor, case_gid, promise_gid, record_json FROM team_events;
DROP TABLE team_events;
ALTER TABLE team_events_new RENAME TO team_events;
CREATE UNIQUE INDEX team_events_by_event_id ON team_events (event_id);
CREATE TRIGGER team_events_no_update BEFORE UPDATE ON team_events
    BEGIN SELECT RAISE(ABORT, 'team_events is append-only'); END;
CREATE TRIGGER team_events_no_delete BEFORE DELETE ON team_events
    BEGIN SELECT RAISE(ABORT, 'team_events is append-only'); END;
-- Reviews are found by the event they review (as migration 12 made it).
CREATE INDEX team_events_reviews ON team_events (json_extract(record_json, '$.event_id')) WHERE log = 'review';

-- Each attachment names the event that brought it; `on_desk` says whether its bytes are here.
ALTER TABLE attachments ADD COLUMN event_id BLOB CHECK (length(event_id) = 16);
ALTER TABLE attachments ADD COLUMN on_desk INTEGER NOT NULL DEFAULT 1 CHECK (on_desk IN (0, 1));
-- A UUIDv7 in SQL as in migration 5: the row's own time, version 7, variant 10, random rest.
UPDATE attachments SET event_id = unhex(printf('%012X%04X%04X', added_at, 28672 + abs(random() % 4096),
    32768 + abs(random() % 16384)) || hex(randomblob(6)));
CREATE UNIQUE INDEX attachments_by_event_id ON attachments (event_id);

-- Files a desk held before go up with its history; those anonymisation deleted stay here.
INSERT INTO team_events (event_id, log, kind, at, actor, case_gid, record_json)
SELECT a.event_id, 'attachment', 'attachment_added', a.added_at, a.added_by, c.gid,
    json_object('kind', 'attachment_added', 'file_name', a.file_name,
        'media_type', COALESCE(a.media_type, 'application/octet-stream'), 'size_bytes', a.size_bytes,
        'sha256', a.sha256)
FROM attachments a JOIN cases c ON c.id = a.case_id WHERE a.removed_at IS NULL ORDER BY a.id;

-- A team with its own certificate authority: the desk keeps the path of the CA's certificate
-- (PEM) with its membership and trusts it, beside the system's roots, for the team's server.
ALTER TABLE team_membership ADD COLUMN ca_file TEXT;

-- The desk each event came from, as the server says: the timeline shows it beside the time
-- that desk recorded. Rows from before this are this desk's own unless received.
ALTER TABLE sync_canon ADD COLUMN desk TEXT;

-- Customer history across desks finds a returning customer by phone too (issue 17), however
-- the number was typed: spaces, dashes, brackets and dots go, 00 becomes +, and a Finnish
-- trunk 0 becomes +358 (customers::phone_key does the same to a query). Generated from
-- `phone`, so anonymisation (phone NULL) clears it too.
ALTER TABLE customers ADD COLUMN phone_key TEXT GENERATED ALWAYS AS (CASE
    WHEN replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', '') = '' THEN NULL
    WHEN substr(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), 1, 2) = '00' THEN '+' || substr(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), 3)
    WHEN substr(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), 1, 1) = '0' THEN '+358' || substr(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), 2)
    ELSE replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', '') END) VIRTUAL;
CREATE INDEX customers_by_phone_key ON customers (phone_key) WHERE phone_key IS NOT NULL;
