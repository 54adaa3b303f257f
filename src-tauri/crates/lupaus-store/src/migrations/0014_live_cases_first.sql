-- 14: a desk joining a big team takes the cases still open first (issue 16, lupaus-sync's
-- live_first.rs): their events arrive ahead of the pull cursor and are placed in the cursor's
-- order when the cursor reaches them.

-- An event pulled ahead of the cursor: its position is provisional until the cursor's pull
-- meets it again and gives it its place in the server's order.
ALTER TABLE sync_canon ADD COLUMN ahead INTEGER NOT NULL DEFAULT 0 CHECK (ahead IN (0, 1));
CREATE INDEX sync_canon_ahead ON sync_canon (ahead) WHERE ahead = 1;

-- A customer row made for a case pulled ahead, matched to no one yet: which returning customer
-- a case belongs to depends on the cases before it, so it is decided when the cursor reaches the
-- case's opening (customers.rs). Until then returning-customer matching passes these rows by.
ALTER TABLE customers ADD COLUMN ahead INTEGER NOT NULL DEFAULT 0 CHECK (ahead IN (0, 1));

-- A promise that replaces another (a renegotiation) is found by the one it replaces each time a
-- pulled batch rebuilds promises (team/promise_rebuild.rs). Without this index every rebuilt
-- promise read every promise's record: a join of 1,000,000 cases never finished.
CREATE INDEX promises_by_replaces ON promises (json_extract(record_json, '$.replaces'));
