-- A convener may set a meeting's agenda deadline (e.g. later than the alliance's default, when a
-- meeting is scheduled at short notice); NULL keeps the alliance's `agenda_deadline_days`.
ALTER TABLE meetings ADD COLUMN agenda_deadline_at timestamptz;
