-- Indexes that match the hot lists' filters (issue 9, measured at 20,000 meetings of one alliance):
-- the upcoming meetings of the dashboard (`ends_at > from`, few rows whatever the history), and
-- the open action items assigned to a person (the organizations' side has action_items_open).
CREATE INDEX meetings_alliance_end ON meetings (alliance_id, ends_at);
CREATE INDEX action_items_open_user ON action_items (assignee_user_id) WHERE status IN ('open', 'in_progress');
