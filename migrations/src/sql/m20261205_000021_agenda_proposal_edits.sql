-- A member organization edits or withdraws its agenda proposal until the convener decides on it: a
-- description, a version for optimistic concurrency, and the status 'withdrawn'.

ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_status_check;
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_status_check
    CHECK (status IN ('proposed', 'accepted', 'rejected', 'withdrawn'));
ALTER TABLE agenda_items
    ADD COLUMN description text CHECK (description IS NULL OR length(description) <= 2000),
    ADD COLUMN version     integer NOT NULL DEFAULT 1,
    ADD COLUMN updated_at  timestamptz;
-- "My proposals": an organization's proposals, newest first.
CREATE INDEX agenda_items_proposer ON agenda_items (proposed_by_organization_id, created_at DESC, id DESC);
