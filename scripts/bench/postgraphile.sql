-- The peer's side of the dashboard (scripts/bench.sh): PostGraphile v4 runs without authentication,
-- so what Alliance decides from the session (whose alliances, whose action items) is passed here as
-- the viewer's e-mail to SQL functions, the way a PostGraphile deployment exposes a dashboard.
-- PostGraphile turns each into a root connection field (`benchMyAlliances(viewer:)` …) and
-- `alliances_current_lead` into a computed `currentLead` field. Loaded into the bench database only.
\set ON_ERROR_STOP on
CREATE OR REPLACE FUNCTION bench_viewer_alliances(viewer text) RETURNS SETOF uuid
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT am.alliance_id
  FROM users u
  JOIN organization_memberships om ON om.user_id = u.id AND om.left_on IS NULL
  JOIN alliance_memberships am ON am.organization_id = om.organization_id AND am.left_on IS NULL
  WHERE u.email = viewer
$$;

CREATE OR REPLACE FUNCTION bench_my_alliances(viewer text) RETURNS SETOF alliances
LANGUAGE sql STABLE AS $$
  SELECT a.* FROM alliances a WHERE a.id IN (SELECT bench_viewer_alliances(viewer)) ORDER BY a.id
$$;

CREATE OR REPLACE FUNCTION alliances_current_lead(a alliances) RETURNS lead_terms
LANGUAGE sql STABLE AS $$
  SELECT t.* FROM lead_terms t WHERE t.alliance_id = a.id AND t.starts_at <= now() AND t.ends_at > now()
  ORDER BY t.starts_at DESC LIMIT 1
$$;

CREATE OR REPLACE FUNCTION bench_upcoming_meetings(viewer text, "from" timestamptz) RETURNS SETOF meetings
LANGUAGE sql STABLE AS $$
  SELECT m.* FROM meetings m
  WHERE m.alliance_id IN (SELECT bench_viewer_alliances(viewer)) AND m.ends_at > "from"
  ORDER BY m.starts_at, m.id
$$;

CREATE OR REPLACE FUNCTION bench_activities(viewer text) RETURNS SETOF activities
LANGUAGE sql STABLE AS $$
  SELECT ac.* FROM activities ac
  WHERE ac.alliance_id IN (SELECT bench_viewer_alliances(viewer))
  ORDER BY ac.starts_at DESC, ac.id DESC
$$;

CREATE OR REPLACE FUNCTION bench_agreements_nearing_expiry(viewer text) RETURNS SETOF agreements
LANGUAGE sql STABLE AS $$
  SELECT ag.* FROM agreements ag
  WHERE ag.alliance_id IN (SELECT bench_viewer_alliances(viewer)) AND ag.status = 'signed'
    AND ag.valid_until >= current_date AND ag.valid_until <= current_date + ag.renewal_reminder_days
    AND NOT EXISTS (SELECT 1 FROM agreements r WHERE r.previous_agreement_id = ag.id)
  ORDER BY ag.id
$$;

CREATE OR REPLACE FUNCTION bench_my_action_items(viewer text) RETURNS SETOF action_items
LANGUAGE sql STABLE AS $$
  SELECT ai.* FROM action_items ai
  WHERE ai.status IN ('open', 'in_progress')
    AND (ai.assignee_user_id = (SELECT id FROM users WHERE email = viewer)
         OR ai.assignee_organization_id IN (
           SELECT om.organization_id FROM organization_memberships om JOIN users u ON u.id = om.user_id
           WHERE u.email = viewer AND om.left_on IS NULL AND om.is_org_admin))
    AND ai.meeting_id IN (SELECT id FROM meetings WHERE alliance_id IN (SELECT bench_viewer_alliances(viewer)))
  ORDER BY ai.id
$$;

-- `organizations(first: 20)` for a signed-in member: their own organizations and the current members
-- of their alliances and of public alliances, by id.
CREATE OR REPLACE FUNCTION bench_visible_organizations(viewer text) RETURNS SETOF organizations
LANGUAGE sql STABLE AS $$
  SELECT o.* FROM organizations o
  WHERE o.id IN (SELECT om.organization_id FROM organization_memberships om JOIN users u ON u.id = om.user_id
                 WHERE u.email = viewer AND om.left_on IS NULL)
     OR o.id IN (SELECT am.organization_id FROM alliance_memberships am JOIN alliances al ON al.id = am.alliance_id
                 WHERE am.left_on IS NULL
                   AND (am.alliance_id IN (SELECT bench_viewer_alliances(viewer)) OR al.visibility = 'public'))
  ORDER BY o.id
$$;
