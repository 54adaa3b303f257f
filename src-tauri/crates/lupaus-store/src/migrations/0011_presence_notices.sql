-- Where people are and the hand-offs they are told of (issue 17).
--
-- A person's latest sign-in on each desk, derived from the team log's `signed_in` events: every
-- desk of the team can tell where a person is signed in, or was last.
CREATE TABLE presence (
    person        TEXT NOT NULL,
    desk_id       BLOB NOT NULL CHECK (length(desk_id) = 16),
    desk_code     TEXT NOT NULL,
    desk_name     TEXT NOT NULL,
    signed_in_at  INTEGER NOT NULL,
    PRIMARY KEY (person, desk_id)
) STRICT;

-- A hand-off this desk keeps a notice of for its receiver: one row per hand-off event, so a
-- re-pull or a restart never tells twice. The note and what the customer was told stay in the
-- case's event (anonymisation reaches them there); this row only says who and whether told.
CREATE TABLE hand_off_notices (
    event_id         BLOB PRIMARY KEY CHECK (length(event_id) = 16),
    case_id          INTEGER NOT NULL REFERENCES cases (id),
    person           TEXT NOT NULL,
    from_person      TEXT NOT NULL,
    handed_at        INTEGER NOT NULL,
    -- When the OS notification went out: once, when the receiver was at this keyboard.
    announced_at     INTEGER,
    acknowledged_at  INTEGER
) STRICT;
CREATE INDEX hand_off_notices_open ON hand_off_notices (person, handed_at) WHERE acknowledged_at IS NULL;

-- The lead's list of escalated misses reads the escalation steps newest first.
CREATE INDEX reminder_log_escalations ON reminder_log (raised_at DESC) WHERE step = 'escalation';
