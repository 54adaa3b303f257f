-- 10: the desk without a terminal (issue 20). A person may keep a calendar file of their open
-- promises in a folder of their choosing (a device preference, like the language); every
-- export of everything about a customer is logged (who, when, whose), as anonymisation is.

ALTER TABLE person_preferences ADD COLUMN calendar_folder TEXT;
CREATE TABLE customer_exports (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers (id)
) STRICT;
CREATE TRIGGER customer_exports_no_update BEFORE UPDATE ON customer_exports
    BEGIN SELECT RAISE(ABORT, 'customer_exports is append-only'); END;
CREATE TRIGGER customer_exports_no_delete BEFORE DELETE ON customer_exports
    BEGIN SELECT RAISE(ABORT, 'customer_exports is append-only'); END;
