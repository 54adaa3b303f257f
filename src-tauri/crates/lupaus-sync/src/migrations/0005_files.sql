-- Lupaus team schema 5 (issue 16): attachments travel. An `attachment_added` event (log
-- 'attachment') names the file's SHA-256; the bytes are kept once per hash in `lupaus_files`,
-- pushed before the events that name them and fetched by a desk when the file is first opened.

ALTER TABLE lupaus_events DROP CONSTRAINT lupaus_events_log_check;
ALTER TABLE lupaus_events ADD CONSTRAINT lupaus_events_log_check
    CHECK (log IN ('case', 'promise', 'person', 'settings', 'lesson', 'reminder', 'review', 'attachment'));

-- Content-addressed: the key is the bytes' own SHA-256, which the server checks, so a row can
-- only ever hold the file its key names. 25 MiB is the desks' own limit on an attachment.
CREATE TABLE lupaus_files (
    sha256       text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes   bigint NOT NULL CHECK (size_bytes BETWEEN 0 AND 26214400),
    media_type   text NOT NULL,
    bytes        bytea NOT NULL,
    -- The desk that sent it first (later uploads of the same file are absorbed by the key).
    desk         text NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lupaus_files_size CHECK (octet_length(bytes) = size_bytes),
    CONSTRAINT lupaus_files_hash CHECK (encode(sha256(bytes), 'hex') = sha256)
);

-- A desk may only insert files in its own name, and nobody changes a file's bytes.
CREATE FUNCTION lupaus_files_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    own text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'lupaus_files never changes: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT desk_code INTO own FROM lupaus_desks WHERE role_name = current_user AND removed_at IS NULL;
    IF own IS NULL THEN
        RAISE EXCEPTION 'the login % is not a desk of this team', current_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.desk IS DISTINCT FROM own THEN
        RAISE EXCEPTION 'a file claims to come from desk %, but this login is desk %', NEW.desk, own
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.received_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER lupaus_files_insert BEFORE INSERT ON lupaus_files
    FOR EACH ROW EXECUTE FUNCTION lupaus_files_guard();
CREATE TRIGGER lupaus_files_no_update BEFORE UPDATE ON lupaus_files
    FOR EACH ROW EXECUTE FUNCTION lupaus_files_guard();

-- Desks read and insert files; they never update or delete one.
DO $$
BEGIN
    EXECUTE format('GRANT SELECT, INSERT ON lupaus_files TO %I', current_database() || '_desk');
END
$$;

-- Anonymisation must not leave a customer's file on the server for ever. A desk that
-- anonymises a case records an `attachment_removed` event (a tombstone: the hash, the case, who
-- and when) for each of its files. When a tombstone arrives, or a file's `attachment_added`
-- arrives for a case that already has one, the server deletes the bytes once no case still
-- holds the file without a tombstone. Desks cannot delete: only this function, which runs as
-- the schema's owner, does, and only for files every one of whose cases was anonymised.
CREATE INDEX lupaus_events_by_file ON lupaus_events ((record::jsonb ->> 'sha256'), kind, case_gid)
    WHERE log = 'attachment';

CREATE FUNCTION lupaus_forget_file() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    hash text := NEW.record::jsonb ->> 'sha256';
BEGIN
    IF hash IS NULL THEN
        RETURN NULL;
    END IF;
    DELETE FROM lupaus_files f WHERE f.sha256 = hash AND NOT EXISTS (
        SELECT 1 FROM lupaus_events added
        WHERE added.log = 'attachment' AND added.kind = 'attachment_added'
            AND added.record::jsonb ->> 'sha256' = hash
            AND NOT EXISTS (
                SELECT 1 FROM lupaus_events removed
                WHERE removed.log = 'attachment' AND removed.kind = 'attachment_removed'
                    AND removed.record::jsonb ->> 'sha256' = hash AND removed.case_gid = added.case_gid));
    RETURN NULL;
END
$$;
CREATE TRIGGER lupaus_events_forget_file AFTER INSERT ON lupaus_events
    FOR EACH ROW WHEN (NEW.log = 'attachment') EXECUTE FUNCTION lupaus_forget_file();
