-- Lupaus team schema 1 (issue 16): the team's shared event log, its desks, and the desks' role.

-- One row: the schema version and the epoch. The epoch changes when the server is restored
-- from a backup, so desks pull from the start and push everything again (both idempotent).
CREATE TABLE lupaus_schema (
    id       integer PRIMARY KEY CHECK (id = 1),
    version  integer NOT NULL,
    epoch    uuid NOT NULL DEFAULT gen_random_uuid()
);
INSERT INTO lupaus_schema (id, version) VALUES (1, 0);

-- Each desk logs in as its own role; the code is what its references carry.
CREATE TABLE lupaus_desks (
    role_name   text PRIMARY KEY,
    desk_code   text NOT NULL UNIQUE,
    added_at    timestamptz NOT NULL DEFAULT now(),
    removed_at  timestamptz
);

-- Every event of every desk, once. `tx` is the inserting transaction's id and `seq` the order
-- within the server; pullers read in (tx, seq) order below the snapshot horizon (server.rs).
CREATE TABLE lupaus_events (
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    tx           xid8 NOT NULL DEFAULT pg_current_xact_id(),
    event_id     uuid PRIMARY KEY,
    log          text NOT NULL CHECK (log IN ('case', 'promise')),
    desk         text NOT NULL,
    desk_id      uuid NOT NULL,
    case_gid     uuid NOT NULL,
    case_desk    text NOT NULL CHECK (case_desk <> ''),
    case_year    integer NOT NULL,
    case_number  bigint NOT NULL CHECK (case_number > 0),
    promise_gid  uuid CHECK ((log = 'promise') = (promise_gid IS NOT NULL)),
    at_millis    bigint NOT NULL,
    actor        text NOT NULL,
    kind         text NOT NULL,
    -- A JSON object; anything else is refused here, before any desk sees it.
    record       text NOT NULL CHECK (jsonb_typeof(record::jsonb) = 'object'),
    received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX lupaus_events_order ON lupaus_events (tx, seq);

-- Events are facts: never changed or deleted. A desk may only insert events that name itself,
-- and `tx` is always the inserting transaction's, whatever the desk sent.
CREATE FUNCTION lupaus_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    own text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'lupaus_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT desk_code INTO own FROM lupaus_desks WHERE role_name = current_user AND removed_at IS NULL;
    IF own IS NULL THEN
        RAISE EXCEPTION 'the login % is not a desk of this team', current_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.desk IS DISTINCT FROM own THEN
        RAISE EXCEPTION 'event % claims to come from desk %, but this login is desk %', NEW.event_id, NEW.desk, own
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.tx := pg_current_xact_id();
    NEW.received_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER lupaus_events_insert BEFORE INSERT ON lupaus_events
    FOR EACH ROW EXECUTE FUNCTION lupaus_events_guard();
CREATE TRIGGER lupaus_events_no_change BEFORE UPDATE OR DELETE ON lupaus_events
    FOR EACH ROW EXECUTE FUNCTION lupaus_events_guard();
CREATE TRIGGER lupaus_events_no_truncate BEFORE TRUNCATE ON lupaus_events
    FOR EACH STATEMENT EXECUTE FUNCTION lupaus_events_guard();

-- The desks' group role (one per team database): read and insert events, read the desk list
-- and the schema row, nothing else.
DO $$
DECLARE
    desks text := current_database() || '_desk';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = desks) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', desks);
    END IF;
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), desks);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', desks);
    EXECUTE format('GRANT SELECT, INSERT ON lupaus_events TO %I', desks);
    EXECUTE format('GRANT SELECT ON lupaus_desks, lupaus_schema TO %I', desks);
END
$$;
