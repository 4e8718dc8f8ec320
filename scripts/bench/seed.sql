-- Benchmark volume on top of `alliance seed --demo` (scripts/bench.sh): the 瀚恩清洁 pairing gets
-- 200 meetings and the 海疆集团 pairing 20,000, one every six hours, each with three agenda items
-- and an attendance per member organization. The last 20 of each are upcoming (scheduled), the
-- others completed, each with an action item for the viewer, open for the meetings of the last 30
-- days and done before: both pairings look the same today and differ only in history, so a
-- dashboard that slows down with history shows it. Idempotent by its marker ('bench …' titles).
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_target ON COMMIT DROP AS
SELECT a.id AS alliance_id, o.id AS host_id, other.id AS guest_id, u.id AS user_id, v.n
FROM (VALUES ('瀚恩清洁—静安区中心医院后勤党支部结对共建', '瀚恩清洁党支部', 'he.wei@example.com', 200),
             ('海疆集团—惠州石化HSE中心党建共建', '海疆集团党支部', 'gao.xiang@example.com', 20000)) AS v(alliance, host, email, n)
JOIN alliances a ON a.name = v.alliance
JOIN organizations o ON o.name = v.host
JOIN users u ON u.email = v.email
JOIN alliance_memberships am ON am.alliance_id = a.id AND am.organization_id <> o.id
JOIN organizations other ON other.id = am.organization_id
WHERE NOT EXISTS (SELECT 1 FROM meetings WHERE alliance_id = a.id AND title LIKE 'bench %');

CREATE TEMP TABLE bench_meetings ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, t.alliance_id, t.host_id, t.guest_id, t.user_id, i, t.n,
       date_trunc('hour', now()) + (i - (t.n - 20)) * interval '6 hours' AS starts_at
FROM bench_target t, generate_series(1, t.n) AS i;

INSERT INTO meetings (id, alliance_id, host_organization_id, kind, title, starts_at, ends_at, location, status, check_in_code, created_by)
SELECT id, alliance_id, CASE WHEN i % 2 = 0 THEN host_id ELSE guest_id END, 'regular', 'bench 联席会议 #' || i,
       starts_at, starts_at + interval '2 hours', '会议室 ' || (i % 7 + 1),
       CASE WHEN starts_at < now() THEN 'completed' ELSE 'scheduled' END, substr(md5(id::text), 1, 8), user_id
FROM bench_meetings;

INSERT INTO agenda_items (id, meeting_id, position, title, presenter_organization_id, minutes_allotted, status)
SELECT gen_random_uuid(), m.id, p, '议题 ' || p || '：工作交流', CASE WHEN p % 2 = 0 THEN m.guest_id ELSE m.host_id END, 20, 'accepted'
FROM bench_meetings m, generate_series(1, 3) AS p;

INSERT INTO attendances (id, meeting_id, organization_id, user_id, rsvp, checked_in_at)
SELECT gen_random_uuid(), m.id, m.host_id, m.user_id, 'yes', CASE WHEN m.starts_at < now() THEN m.starts_at END FROM bench_meetings m
UNION ALL
SELECT gen_random_uuid(), m.id, m.guest_id, NULL, 'yes', NULL FROM bench_meetings m;

INSERT INTO action_items (id, meeting_id, title, assignee_organization_id, assignee_user_id, due_on, status)
SELECT gen_random_uuid(), m.id, '落实事项 #' || m.i, m.host_id, m.user_id, (m.starts_at + interval '14 days')::date,
       CASE WHEN m.starts_at > now() - interval '30 days' THEN 'open' ELSE 'done' END
FROM bench_meetings m WHERE m.starts_at < now();
COMMIT;
ANALYZE;
