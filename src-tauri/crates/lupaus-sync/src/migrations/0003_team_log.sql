-- Lupaus team schema 3 (issues 16, 17): people, settings, lessons and raised reminder steps
-- travel beside case and promise events. People and settings belong to no case, so their case
-- columns are NULL; every other log names its case, and promises and steps their promise.

ALTER TABLE lupaus_events DROP CONSTRAINT lupaus_events_log_check;
ALTER TABLE lupaus_events ADD CONSTRAINT lupaus_events_log_check
    CHECK (log IN ('case', 'promise', 'person', 'settings', 'lesson', 'reminder'));

ALTER TABLE lupaus_events ALTER COLUMN case_gid DROP NOT NULL;
ALTER TABLE lupaus_events ALTER COLUMN case_desk DROP NOT NULL;
ALTER TABLE lupaus_events ALTER COLUMN case_year DROP NOT NULL;
ALTER TABLE lupaus_events ALTER COLUMN case_number DROP NOT NULL;
ALTER TABLE lupaus_events ADD CONSTRAINT lupaus_events_case_check CHECK (
    (log IN ('person', 'settings')) = (case_gid IS NULL)
    AND (case_gid IS NULL) = (case_desk IS NULL)
    AND (case_gid IS NULL) = (case_year IS NULL)
    AND (case_gid IS NULL) = (case_number IS NULL));

-- Schema 1 left the promise check's name to PostgreSQL: it is found by what it checks.
DO $$
DECLARE
    name text;
BEGIN
    FOR name IN SELECT conname FROM pg_constraint WHERE conrelid = 'lupaus_events'::regclass AND contype = 'c'
        AND pg_get_constraintdef(oid) LIKE '%promise_gid IS NOT NULL%'
    LOOP
        EXECUTE format('ALTER TABLE lupaus_events DROP CONSTRAINT %I', name);
    END LOOP;
END
$$;
ALTER TABLE lupaus_events ADD CONSTRAINT lupaus_events_promise_gid_check
    CHECK ((log IN ('promise', 'reminder')) = (promise_gid IS NOT NULL));
