-- Background jobs: reminders, outgoing mail and SMS (the outbox) and anything else that runs
-- after the request. Claimed with FOR UPDATE SKIP LOCKED, so each job runs on one instance at a
-- time; a claim is a lease that another instance takes over once it has expired.
CREATE TABLE jobs (
    id           uuid PRIMARY KEY,
    kind         text        NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
    -- What the job needs; outbox payloads (addresses, links) are cleared once delivered.
    payload      jsonb       NOT NULL DEFAULT '{}',
    state        text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'failed', 'done')),
    attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts integer     NOT NULL CHECK (max_attempts >= 1),
    run_at       timestamptz NOT NULL,
    -- The claim: who holds it and until when.
    lease_token  uuid,
    locked_by    text,
    locked_until timestamptz,
    last_error   text,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CHECK ((state = 'running') = (lease_token IS NOT NULL AND locked_until IS NOT NULL))
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE state = 'pending';
CREATE INDEX jobs_leases ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_by_state ON jobs (state, id);

-- Periodic jobs: whichever instance advances `next_run_at` (a conditional UPDATE) enqueues the run.
CREATE TABLE job_schedules (
    name        text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    next_run_at timestamptz NOT NULL
);

-- Notification texts are a kind plus parameters, rendered in the reader's language. `title`
-- stays for rows whose subject no longer exists (shown as stored).
ALTER TABLE notifications
    ADD COLUMN params jsonb NOT NULL DEFAULT '{}',
    ALTER COLUMN title DROP NOT NULL;

UPDATE notifications n
   SET params = jsonb_build_object('alliance', a.name, 'meeting', m.title), title = NULL
  FROM meetings m JOIN alliances a ON a.id = m.alliance_id
 WHERE n.entity_type = 'meeting' AND n.entity_id = m.id;

UPDATE notifications n
   SET params = jsonb_build_object('alliance', a.name, 'item', ai.title, 'dueOn', ai.due_on,
                                   'overdue', n.title LIKE '%逾期%'),
       title = NULL
  FROM action_items ai JOIN meetings m ON m.id = ai.meeting_id JOIN alliances a ON a.id = m.alliance_id
 WHERE n.entity_type = 'action_item' AND n.entity_id = ai.id;

UPDATE notifications n
   SET params = jsonb_build_object('alliance', a.name,
                                   'reason', CASE WHEN n.dedupe_key LIKE 'handover:%' THEN 'handover' ELSE 'upcoming' END),
       title = NULL
  FROM lead_terms lt JOIN alliances a ON a.id = lt.alliance_id
 WHERE n.entity_type = 'lead_term' AND n.entity_id = lt.id;
