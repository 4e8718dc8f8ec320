-- Every alliance keeps local time: lead terms start at its local midnight, and "today", membership
-- dates, due dates and reminders are its local dates. An IANA zone name, checked by the server.
ALTER TABLE alliances
    ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Shanghai'
        CHECK (length(time_zone) BETWEEN 1 AND 64);
