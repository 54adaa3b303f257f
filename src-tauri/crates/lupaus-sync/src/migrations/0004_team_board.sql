-- Lupaus team schema 4 (issue 17): the lead's team board and conflict review.
--
-- When each desk last synced: one row per desk, stamped with the server's clock (desk clocks are
-- shown, never trusted). Every desk reads every row; a desk's own role may write only its own.
CREATE TABLE lupaus_desk_sync (
    desk_code  text PRIMARY KEY REFERENCES lupaus_desks (desk_code),
    synced_at  timestamptz NOT NULL DEFAULT now()
);

-- The time is always the server's, whatever a desk sends.
CREATE FUNCTION lupaus_desk_sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.synced_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER lupaus_desk_sync_stamp BEFORE INSERT OR UPDATE ON lupaus_desk_sync
    FOR EACH ROW EXECUTE FUNCTION lupaus_desk_sync_stamp();

-- The login's own desk code; NULL for a removed desk or a login that is no desk.
CREATE FUNCTION lupaus_own_desk() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT desk_code FROM lupaus_desks WHERE role_name = current_user AND removed_at IS NULL
$$;

ALTER TABLE lupaus_desk_sync ENABLE ROW LEVEL SECURITY;
CREATE POLICY lupaus_desk_sync_read ON lupaus_desk_sync FOR SELECT USING (true);
CREATE POLICY lupaus_desk_sync_own_insert ON lupaus_desk_sync FOR INSERT
    WITH CHECK (desk_code = lupaus_own_desk());
CREATE POLICY lupaus_desk_sync_own_update ON lupaus_desk_sync FOR UPDATE
    USING (desk_code = lupaus_own_desk()) WITH CHECK (desk_code = lupaus_own_desk());

DO $$
DECLARE
    desks text := current_database() || '_desk';
BEGIN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON lupaus_desk_sync TO %I', desks);
END
$$;

-- A lead's review of a conflict travels as the log 'review'; it names its case, not a promise.
ALTER TABLE lupaus_events DROP CONSTRAINT lupaus_events_log_check;
ALTER TABLE lupaus_events ADD CONSTRAINT lupaus_events_log_check
    CHECK (log IN ('case', 'promise', 'person', 'settings', 'lesson', 'reminder', 'review'));
