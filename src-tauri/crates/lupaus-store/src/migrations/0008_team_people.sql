-- Team mode, second slice (issues 16 and 17): people, roles and PIN hashes, the desk-team
-- settings, lessons and the reminder log become events that travel like case events. They are
-- kept in one append-only log, `team_events`; `people`, the 'desk' settings row, `lessons` and
-- `reminder_log` are derived from it (team/shared.rs). What a desk held before is imported in
-- place as events of the kinds `person_listed` and `settings_listed`, which merge into a team's
-- list instead of overriding it.
--
-- A UUIDv7 in SQL as in migration 5: the row's own time, version 7, variant 10, random rest.

CREATE TABLE team_events (
    id           INTEGER PRIMARY KEY,
    event_id     BLOB NOT NULL CHECK (length(event_id) = 16),
    log          TEXT NOT NULL CHECK (log IN ('person', 'settings', 'lesson', 'reminder')),
    kind         TEXT NOT NULL,
    at           INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    -- The case (lessons, reminders) and the promise (reminders) it is about, by global id.
    case_gid     BLOB CHECK (length(case_gid) = 16),
    promise_gid  BLOB CHECK (length(promise_gid) = 16),
    record_json  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX team_events_by_event_id ON team_events (event_id);
CREATE TRIGGER team_events_no_update BEFORE UPDATE ON team_events
    BEGIN SELECT RAISE(ABORT, 'team_events is append-only'); END;
CREATE TRIGGER team_events_no_delete BEFORE DELETE ON team_events
    BEGIN SELECT RAISE(ABORT, 'team_events is append-only'); END;

-- The desk's people as they were: one event each, PIN hash included (never the PIN).
INSERT INTO team_events (event_id, log, kind, at, actor, record_json)
SELECT unhex(printf('%012X%04X%04X', CAST(unixepoch('subsec') * 1000 AS INTEGER),
        28672 + abs(random() % 4096), 32768 + abs(random() % 16384)) || hex(randomblob(6))),
    'person', 'person_listed', CAST(unixepoch('subsec') * 1000 AS INTEGER), '',
    json_object('kind', 'person_listed', 'name', name, 'role', role, 'active', json(CASE WHEN active = 1 THEN 'true' ELSE 'false' END),
        'pin_hash', pin_hash)
FROM people ORDER BY id;

-- The desk's settings as they were.
INSERT INTO team_events (event_id, log, kind, at, actor, record_json)
SELECT unhex(printf('%012X%04X%04X', CAST(unixepoch('subsec') * 1000 AS INTEGER),
        28672 + abs(random() % 4096), 32768 + abs(random() % 16384)) || hex(randomblob(6))),
    'settings', 'settings_listed', CAST(unixepoch('subsec') * 1000 AS INTEGER), '',
    json_object('kind', 'settings_listed', 'settings', json(value_json))
FROM settings WHERE key = 'desk';

-- Lessons keep their rows; each gets the id of its event. The append-only triggers are dropped
-- for the one fill and made again at once.
DROP TRIGGER lessons_no_update;
ALTER TABLE lessons ADD COLUMN event_id BLOB CHECK (length(event_id) = 16);
UPDATE lessons SET event_id = unhex(printf('%012X%04X%04X', at, 28672 + abs(random() % 4096),
    32768 + abs(random() % 16384)) || hex(randomblob(6)));
CREATE UNIQUE INDEX lessons_by_event_id ON lessons (event_id);
CREATE TRIGGER lessons_no_update BEFORE UPDATE ON lessons
    BEGIN SELECT RAISE(ABORT, 'lessons is append-only'); END;
INSERT INTO team_events (event_id, log, kind, at, actor, case_gid, record_json)
SELECT l.event_id, 'lesson', l.kind, l.at, l.by_person, c.gid,
    json_object('kind', l.kind, 'text', l.text)
FROM lessons l JOIN cases c ON c.id = l.case_id ORDER BY l.id;

-- The reminder log says which desk raised a step: while cut off, two desks may each raise it
-- once ("at most once per desk"); after sync both rows stay and the step counts once.
CREATE TABLE reminder_log_new (
    promise_id  INTEGER NOT NULL REFERENCES promises (id),
    step        TEXT NOT NULL,
    raised_at   INTEGER NOT NULL,
    desk_id     BLOB NOT NULL CHECK (length(desk_id) = 16),
    event_id    BLOB NOT NULL CHECK (length(event_id) = 16),
    PRIMARY KEY (promise_id, step, desk_id)
) STRICT;
INSERT INTO reminder_log_new (promise_id, step, raised_at, desk_id, event_id)
SELECT r.promise_id, r.step, r.raised_at, (SELECT desk_id FROM desk_identity WHERE id = 1),
    unhex(printf('%012X%04X%04X', r.raised_at, 28672 + abs(random() % 4096), 32768 + abs(random() % 16384))
        || hex(randomblob(6)))
FROM reminder_log r;
DROP TABLE reminder_log;
ALTER TABLE reminder_log_new RENAME TO reminder_log;
CREATE UNIQUE INDEX reminder_log_by_event_id ON reminder_log (event_id);
INSERT INTO team_events (event_id, log, kind, at, actor, case_gid, promise_gid, record_json)
SELECT r.event_id, 'reminder', 'reminder_raised', r.raised_at, '', c.gid, p.gid,
    json_object('kind', 'reminder_raised', 'step', r.step)
FROM reminder_log r JOIN promises p ON p.id = r.promise_id JOIN cases c ON c.id = p.case_id
ORDER BY r.raised_at, r.step;

-- The outbox gains the team log's mark.
CREATE TABLE sync_push_marks_new (
    log          TEXT PRIMARY KEY CHECK (log IN ('case', 'promise', 'team')),
    pushed_up_to INTEGER NOT NULL
) STRICT;
INSERT INTO sync_push_marks_new SELECT log, pushed_up_to FROM sync_push_marks;
DROP TABLE sync_push_marks;
ALTER TABLE sync_push_marks_new RENAME TO sync_push_marks;
