-- Lead terms begin and end at the alliance's local midnight, not at UTC midnight. Terms stored at
-- UTC midnight move to the local midnight of the same date (00:00 Asia/Shanghai is 16:00 UTC the
-- day before). Moving contiguous terms one row at a time would make neighbours overlap for a
-- moment, so the exclusion constraint is dropped while the rows move and added back (which checks
-- every row again) in the same transaction.
ALTER TABLE lead_terms DROP CONSTRAINT lead_term_no_overlap;

UPDATE lead_terms t
SET starts_at = CASE
        WHEN (t.starts_at AT TIME ZONE 'UTC')::time = '00:00'
        THEN ((t.starts_at AT TIME ZONE 'UTC')::date::timestamp) AT TIME ZONE a.time_zone
        ELSE t.starts_at END,
    ends_at = CASE
        WHEN (t.ends_at AT TIME ZONE 'UTC')::time = '00:00'
        THEN ((t.ends_at AT TIME ZONE 'UTC')::date::timestamp) AT TIME ZONE a.time_zone
        ELSE t.ends_at END
FROM alliances a
WHERE a.id = t.alliance_id;

ALTER TABLE lead_terms ADD CONSTRAINT lead_term_no_overlap EXCLUDE USING gist (
    alliance_id WITH =, tstzrange(starts_at, ends_at) WITH &&);

-- The schedule's version: every rotation edit (generate, swap, skip, the re-plan on a join or a
-- leave) takes the version it read and bumps it, or answers CONFLICT.
ALTER TABLE alliances ADD COLUMN lead_schedule_version integer NOT NULL DEFAULT 1;

-- The first instant of the plan a term belongs to (see the rotation module: the plan's terms are
-- cut into cycles of one turn per member from there). Existing schedules: the terms that have not
-- started form one plan from the first of them; started terms keep the alliance's first term.
ALTER TABLE lead_terms ADD COLUMN plan_starts_at timestamptz;
UPDATE lead_terms t
SET plan_starts_at = COALESCE(
    (SELECT min(f.starts_at) FROM lead_terms f
      WHERE f.alliance_id = t.alliance_id AND f.starts_at > now() AND t.starts_at > now()),
    (SELECT min(p.starts_at) FROM lead_terms p WHERE p.alliance_id = t.alliance_id));
ALTER TABLE lead_terms ALTER COLUMN plan_starts_at SET NOT NULL;
