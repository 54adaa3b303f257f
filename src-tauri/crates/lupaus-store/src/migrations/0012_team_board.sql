-- 12: when each desk of the team last synced, as the server last told this desk (issue 17,
-- the lead's team board), and a lead's conflict reviews in the team log. `synced_at` and
-- `server_now` are the server's clock, `read_at` this desk's: the age of a desk's picture is
-- `(now - read_at) + (server_now - synced_at)`, right however far this desk's clock is off.
-- Sync bookkeeping: never travels.

CREATE TABLE team_desk_sync (
    desk_code   TEXT PRIMARY KEY,
    synced_at   INTEGER,
    server_now  INTEGER NOT NULL,
    read_at     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- A lead's review of a team conflict travels in the team log as its own log, 'review'. SQLite
-- cannot change a CHECK, so the log is copied into a table that allows it, rows and ids kept.
CREATE TABLE team_events_new (
    id           INTEGER PRIMARY KEY,
    event_id     BLOB NOT NULL CHECK (length(event_id) = 16),
    log          TEXT NOT NULL CHECK (log IN ('person', 'settings', 'lesson', 'reminder', 'review')),
    kind         TEXT NOT NULL,
    at           INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    case_gid     BLOB CHECK (length(case_gid) = 16),
    promise_gid  BLOB CHECK (length(promise_gid) = 16),
    record_json  TEXT NOT NULL
) STRICT;
INSERT INTO team_events_new SELECT id, event_id, log, kind, at, actor, case_gid, promise_gid, record_json
    FROM team_events;
DROP TABLE team_events;
ALTER TABLE team_events_new RENAME TO team_events;
CREATE UNIQUE INDEX team_events_by_event_id ON team_events (event_id);
CREATE TRIGGER team_events_no_update BEFORE UPDATE ON team_events
    BEGIN SELECT RAISE(ABORT, 'team_events is append-only'); END;
CREATE TRIGGER team_events_no_delete BEFORE DELETE ON team_events
    BEGIN SELECT RAISE(ABORT, 'team_events is append-only'); END;
-- Reviews are found by the event they review.
CREATE INDEX team_events_reviews ON team_events (json_extract(record_json, '$.event_id')) WHERE log = 'review';
