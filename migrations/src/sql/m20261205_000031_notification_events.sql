-- A notification written or marked read tells its owner's live connections at once: the triggers
-- publish one domain event per person and statement on the channel the servers listen on
-- (crates/domain/src/kernel/events.rs), inside the writing transaction, so every path that writes
-- notifications (hand-offs, reminder jobs, marking read) is covered and nothing is sent for a
-- rolled-back change. Postgres folds identical payloads of one transaction into one.
CREATE FUNCTION notifications_tell_owners() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('alliance_events', json_build_object('topic', 'notifications', 'id', owner)::text)
     FROM (SELECT DISTINCT user_id AS owner FROM changed) AS owners;
  RETURN NULL;
END
$$;

CREATE TRIGGER notifications_inserted_tell_owners
  AFTER INSERT ON notifications REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION notifications_tell_owners();

CREATE TRIGGER notifications_updated_tell_owners
  AFTER UPDATE ON notifications REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION notifications_tell_owners();
