-- Minutes go to review: submitted by the convener, then approved or returned for changes with a
-- comment. Hand-offs notify the next person, so the notification kinds grow (this list supersedes
-- every earlier one).

ALTER TABLE minutes DROP CONSTRAINT minutes_status_check;
ALTER TABLE minutes ADD CONSTRAINT minutes_status_check
    CHECK (status IN ('draft', 'submitted', 'returned', 'approved'));
ALTER TABLE minutes
    ADD COLUMN submitted_at   timestamptz,
    ADD COLUMN submitted_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    ADD COLUMN returned_at    timestamptz,
    ADD COLUMN returned_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    ADD COLUMN return_comment text CHECK (return_comment IS NULL OR length(btrim(return_comment)) BETWEEN 1 AND 5000),
    ADD CONSTRAINT minutes_returned CHECK (status <> 'returned' OR return_comment IS NOT NULL);

ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
    'meeting_scheduled', 'meeting_changed', 'meeting_rescheduled', 'meeting_cancelled', 'agenda_deadline',
    'agenda_item_proposed', 'agenda_item_decided', 'minutes_submitted', 'minutes_returned', 'minutes_approved',
    'action_item_assigned', 'action_item_due', 'lead_term_starting',
    'agreement_expiring', 'activity_published', 'booking_requested', 'booking_decided'));
