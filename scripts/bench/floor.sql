-- The floor (scripts/bench.sh): the dashboard as one hand-written statement, replayed by pgbench at
-- the benchmark's concurrency. :viewer and :from are pgbench variables (-D, quoted literals).
WITH va AS (
  SELECT DISTINCT am.alliance_id AS id
  FROM users u
  JOIN organization_memberships om ON om.user_id = u.id AND om.left_on IS NULL
  JOIN alliance_memberships am ON am.organization_id = om.organization_id AND am.left_on IS NULL
  WHERE u.email = :viewer
)
SELECT json_build_object(
  'alliances', (SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'nameEn', a.name_en, 'timeZone', a.time_zone,
      'currentLead', (SELECT json_build_object('id', t.id, 'endsAt', t.ends_at, 'organization',
          (SELECT json_build_object('id', o.id, 'name', o.name, 'nameEn', o.name_en) FROM organizations o WHERE o.id = t.organization_id))
        FROM lead_terms t WHERE t.alliance_id = a.id AND t.starts_at <= now() AND t.ends_at > now() ORDER BY t.starts_at DESC LIMIT 1))
      ORDER BY a.id) FROM alliances a WHERE a.id IN (SELECT id FROM va)),
  'meetings', json_build_object(
    'totalCount', (SELECT count(*) FROM meetings m WHERE m.alliance_id IN (SELECT id FROM va) AND m.ends_at > :from),
    'nodes', (SELECT json_agg(json_build_object('id', m.id, 'title', m.title, 'status', m.status, 'startsAt', m.starts_at, 'endsAt', m.ends_at,
        'alliance', json_build_object('id', a.id, 'name', a.name, 'nameEn', a.name_en, 'timeZone', a.time_zone)) ORDER BY m.starts_at, m.id)
      FROM (SELECT * FROM meetings m WHERE m.alliance_id IN (SELECT id FROM va) AND m.ends_at > :from ORDER BY m.starts_at, m.id LIMIT 5) m
      JOIN alliances a ON a.id = m.alliance_id)),
  'activities', (SELECT json_agg(json_build_object('id', ac.id, 'theme', ac.theme, 'status', ac.status, 'startsAt', ac.starts_at))
      FROM (SELECT * FROM activities ac WHERE ac.alliance_id IN (SELECT id FROM va) ORDER BY ac.starts_at DESC, ac.id DESC LIMIT 5) ac),
  'agreementsNearingExpiry', (SELECT json_agg(json_build_object('id', ag.id, 'title', ag.title, 'validUntil', ag.valid_until))
      FROM (SELECT * FROM agreements ag WHERE ag.alliance_id IN (SELECT id FROM va) AND ag.status = 'signed'
              AND ag.valid_until BETWEEN current_date AND current_date + ag.renewal_reminder_days ORDER BY ag.id LIMIT 5) ag),
  'myActionItems', (WITH mine AS (
        SELECT ai.* FROM action_items ai
        WHERE ai.status IN ('open', 'in_progress')
          AND (ai.assignee_user_id = (SELECT id FROM users WHERE email = :viewer)
               OR ai.assignee_organization_id IN (SELECT om.organization_id FROM organization_memberships om JOIN users u ON u.id = om.user_id
                                                  WHERE u.email = :viewer AND om.left_on IS NULL AND om.is_org_admin))
          AND ai.meeting_id IN (SELECT id FROM meetings WHERE alliance_id IN (SELECT id FROM va)))
      SELECT json_build_object('totalCount', (SELECT count(*) FROM mine),
        'nodes', (SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'status', x.status, 'dueOn', x.due_on,
            'meeting', (SELECT json_build_object('id', m.id, 'title', m.title) FROM meetings m WHERE m.id = x.meeting_id)) ORDER BY x.id)
          FROM (SELECT * FROM mine ORDER BY id LIMIT 5) x)))
);
