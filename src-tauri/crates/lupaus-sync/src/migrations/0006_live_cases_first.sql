-- Lupaus team schema 6 (issue 16): a new desk takes the cases still open first, so its lists
-- and due promises are usable long before the team's whole history is local (live_first.rs).
-- These indexes let it find those cases and their events without reading the whole log.

-- Each case's events in the server's order.
CREATE INDEX lupaus_events_by_case ON lupaus_events (case_gid, tx, seq) WHERE case_gid IS NOT NULL;
-- The events that open and close a case: the last of them says whether the case is open.
CREATE INDEX lupaus_events_case_ends ON lupaus_events (case_gid, tx DESC, seq DESC)
    WHERE log = 'case' AND kind IN ('opened', 'closed', 'reopened');
-- The team's own facts (people, settings), which belong to no case.
CREATE INDEX lupaus_events_team_facts ON lupaus_events (tx, seq) WHERE case_gid IS NULL;
