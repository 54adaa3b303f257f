-- Lupaus team schema 2 (issue 16): a wake-up for desks. Every transaction that inserts events
-- sends one NOTIFY on commit; listening desks pull at once instead of at their next poll. It is
-- a hint only: desks poll anyway, and a lost notification only delays a pull.
CREATE FUNCTION lupaus_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The payload names the sender, so a desk can ignore its own pushes. The same channel and
    -- payload within one transaction are sent once, at commit.
    PERFORM pg_notify('lupaus_events', current_user);
    RETURN NULL;
END
$$;
CREATE TRIGGER lupaus_events_notify AFTER INSERT ON lupaus_events
    FOR EACH STATEMENT EXECUTE FUNCTION lupaus_events_notify();
