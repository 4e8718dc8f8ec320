//! Statement budgets: the web client's dashboard and each list run a fixed number of SQL statements,
//! whatever the number of rows behind them. Each case runs against a pairing with a few meetings
//! and again after 300 more (agenda items, attendance, action items for the viewer): the count must
//! not grow, and must stay within its budget (the counts measured when the benchmark was last
//! run, see README "Benchmark against PostGraphile").

use alliance_tests::TestApp;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

const PAIRING: &str = "瀚恩清洁—静安区中心医院后勤党支部结对共建";
const HOST: &str = "瀚恩清洁党支部";
const VIEWER: &str = "he.wei@example.com";

/// The dashboard document exactly as the web client sends it, read from its source.
fn dashboard_document() -> String {
    let source = include_str!("../../../../frontend/src/features/dashboard/api/get-dashboard.ts");
    let start = source
        .find("graphql(`")
        .expect("the dashboard's graphql(`…`)")
        + "graphql(`".len();
    let end = start + source[start..].find("`)").expect("the end of the document");
    source[start..end].trim().to_owned()
}

/// Adds `n` meetings to the pairing, one every six hours around now (the last ones upcoming),
/// each with three agenda items, two attendances and, when past, an open action item for the viewer.
async fn add_meetings(app: &TestApp, n: i64) {
    let sql = format!(
        "WITH target AS (
           SELECT a.id AS alliance_id, o.id AS host_id, u.id AS user_id
           FROM alliances a, organizations o, users u
           WHERE a.name = '{PAIRING}' AND o.name = '{HOST}' AND u.email = '{VIEWER}'),
         made AS (
           INSERT INTO meetings (id, alliance_id, host_organization_id, kind, title, starts_at, ends_at, location, status, check_in_code, created_by)
           SELECT gen_random_uuid(), t.alliance_id, t.host_id, 'regular', 'budget meeting ' || i,
                  date_trunc('hour', now()) + (i - {n} + 5) * interval '6 hours',
                  date_trunc('hour', now()) + (i - {n} + 5) * interval '6 hours' + interval '2 hours', 'room',
                  CASE WHEN i <= {n} - 5 THEN 'completed' ELSE 'scheduled' END, substr(md5(random()::text), 1, 8), t.user_id
           FROM target t, generate_series(1, {n}) AS i
           RETURNING id, host_organization_id, created_by, starts_at),
         agenda AS (
           INSERT INTO agenda_items (id, meeting_id, position, title, presenter_organization_id, minutes_allotted, status)
           SELECT gen_random_uuid(), m.id, p, 'item ' || p, m.host_organization_id, 20, 'accepted'
           FROM made m, generate_series(1, 3) AS p RETURNING 1),
         present AS (
           INSERT INTO attendances (id, meeting_id, organization_id, user_id, rsvp)
           SELECT gen_random_uuid(), m.id, m.host_organization_id, m.created_by, 'yes' FROM made m RETURNING 1)
         INSERT INTO action_items (id, meeting_id, title, assignee_organization_id, assignee_user_id, due_on, status)
         SELECT gen_random_uuid(), m.id, 'follow-up', m.host_organization_id, m.created_by, (m.starts_at + interval '14 days')::date, 'open'
         FROM made m WHERE m.starts_at < now()"
    );
    app.services
        .db
        .execute_unprepared(&sql)
        .await
        .unwrap_or_else(|e| panic!("adding meetings: {e}"));
}

/// (name, document, variables, budget): the budget is the most statements one request may run.
fn cases() -> Vec<(&'static str, String, Value, usize)> {
    let from = json!({ "from": "2000-01-01T00:00:00Z" });
    vec![
        ("dashboard", dashboard_document(), from.clone(), 12),
        (
            "meetings with host, agenda and attendance",
            "query($from: DateTime) { meetings(first: 20, from: $from) { totalCount nodes { id title
               hostOrganization { name } agendaItems { title presenterOrganization { name } }
               attendances { rsvp organization { name } } } } }"
                .into(),
            from,
            6,
        ),
        (
            "organizations",
            "{ organizations(first: 20) { nodes { id name } } }".into(),
            json!({}),
            2,
        ),
        (
            "activities",
            "{ activities(first: 20) { nodes { id theme alliance { name } } } }".into(),
            json!({}),
            3,
        ),
        (
            "my action items",
            "{ myActionItems(first: 20) { totalCount nodes { title meeting { title } } } }".into(),
            json!({}),
            3,
        ),
        (
            "my alliances",
            "{ alliances(first: 20, mine: true) { nodes { name currentLead { organization { name } } } } }"
                .into(),
            json!({}),
            3,
        ),
        // The session check reads the user's row too.
        ("me", "{ me { id name email phone locale version } }".into(), json!({}), 1),
    ]
}

#[tokio::test]
async fn the_dashboard_and_each_list_stay_within_budget_and_do_not_grow_with_rows() {
    let app = TestApp::new().await;
    let token = app.token(VIEWER).await;
    add_meetings(&app, 8).await;
    let mut few = Vec::new();
    for (name, query, variables, _) in cases() {
        // Every case must answer without errors, or its count means nothing.
        app.gql(Some(&token), &query, variables.clone()).await.ok();
        few.push((name, app.statements_for(&token, &query, variables).await));
    }
    add_meetings(&app, 300).await;
    let rows = app
        .scalar_i64("SELECT count(*) FROM meetings WHERE title LIKE 'budget meeting %'")
        .await;
    assert_eq!(rows, 308);
    for ((name, query, variables, budget), (_, small)) in cases().into_iter().zip(few) {
        let answer = app.gql(Some(&token), &query, variables.clone()).await;
        answer.ok();
        let large = app.statements_for(&token, &query, variables).await;
        // Loader batches may merge or split with timing (the fewest of one run against the most of
        // the other); an N+1 would add hundreds.
        assert!(
            large.0 <= small.1,
            "{name}: {small:?} statements with 8 meetings, {large:?} with 308: they grow with rows"
        );
        assert!(
            large.1 <= budget,
            "{name}: {large:?} statements, more than its budget of {budget}"
        );
    }
}

#[tokio::test]
async fn counts_run_only_when_total_count_is_selected() {
    let app = TestApp::new().await;
    let token = app.token(VIEWER).await;
    let with_total = "{ myActionItems(first: 5) { totalCount nodes { id } } }";
    let without = "{ myActionItems(first: 5) { nodes { id } } }";
    let total = |answer: alliance_tests::Gql| answer.ok()["myActionItems"]["totalCount"].as_i64();
    let before = total(app.gql(Some(&token), with_total, json!({})).await);
    add_meetings(&app, 30).await;
    let after = total(app.gql(Some(&token), with_total, json!({})).await);
    assert_eq!(
        after.zip(before).map(|(a, b)| a - b),
        Some(25),
        "the 25 past meetings' action items are open and the viewer's"
    );
    // A page past the end still answers the total (the count's row without a page row).
    let all = app
        .gql(
            Some(&token),
            "{ myActionItems(first: 100) { totalCount edges { cursor } } }",
            json!({}),
        )
        .await
        .ok()
        .clone();
    let last = all["myActionItems"]["edges"]
        .as_array()
        .and_then(|edges| edges.last())
        .map(|edge| edge["cursor"].clone())
        .expect("the viewer has action items");
    let past_the_end = app
        .gql(
            Some(&token),
            "query($after: String) { myActionItems(first: 5, after: $after) { totalCount nodes { id } pageInfo { hasNextPage } } }",
            json!({ "after": last }),
        )
        .await
        .ok()
        .clone();
    assert_eq!(past_the_end["myActionItems"]["nodes"], json!([]));
    assert_eq!(
        past_the_end["myActionItems"]["totalCount"],
        all["myActionItems"]["totalCount"]
    );
    assert_eq!(past_the_end["myActionItems"]["totalCount"].as_i64(), after);
    let (with, _) = app.statements_for(&token, with_total, json!({})).await;
    let with_log = app.statements_run();
    assert!(
        with_log.iter().any(|s| s.to_lowercase().contains("count(")),
        "the total is counted when selected: {with_log:#?}"
    );
    let (_, plain) = app.statements_for(&token, without, json!({})).await;
    assert_eq!(
        plain, with,
        "the total comes in the page's own statement, not one of its own"
    );
    let log = app.statements_run();
    assert!(
        !log.iter().any(|s| s.to_lowercase().contains("count(")),
        "no count without totalCount: {log:#?}"
    );
}
