//! Background jobs against real Postgres: two instances share the queue and the schedules, the
//! outbox survives a mail outage, reading notifications writes nothing, failed jobs are visible to
//! platform admins only and can be retried.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod admin;
mod outbox;

use alliance_domain::jobs::{Runner, RunnerConfig};
use alliance_domain::kernel::db::stmt;
use alliance_domain::kernel::local_time::local_date;
use alliance_tests::{CONSORTIUM, TestApp};
use chrono::{Days, Duration, NaiveTime, TimeZone, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

pub(super) const INVITE: &str = "mutation($input: InviteMemberInput!) { inviteMember(input: $input) { acceptUrl userErrors { field code } } }";
pub(super) const JOBS: &str = "query($state: BackgroundJobState) { backgroundJobCounts { pending running failed done } backgroundJobs(state: $state) { totalCount nodes { id kind state attempts maxAttempts lastError runAt updatedAt } } }";
pub(super) const RETRY: &str =
    "mutation($id: ID!) { retryBackgroundJob(input: {jobId: $id}) { job { state attempts } } }";

pub(super) async fn invite(app: &TestApp, token: &str, input: serde_json::Value) -> String {
    let plastics = app.organization_id("省塑料协会").await;
    let mut input = input;
    input["organizationId"] = json!(plastics);
    let answer = app
        .gql(Some(token), INVITE, json!({ "input": input }))
        .await;
    let payload = &answer.ok()["inviteMember"];
    assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
    payload["acceptUrl"].as_str().unwrap().to_owned()
}

pub(super) async fn uuid_of(app: &TestApp, sql: &str, values: Vec<sea_orm::Value>) -> Uuid {
    let row = app
        .services
        .db
        .query_one_raw(stmt(sql, values))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no row for {sql}"));
    row.try_get_by_index::<Uuid>(0).unwrap()
}

pub(super) async fn count(app: &TestApp, sql: &str, values: Vec<sea_orm::Value>) -> i64 {
    let row = app
        .services
        .db
        .query_one_raw(stmt(sql, values))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

/// A job's state, attempts and last error.
pub(super) async fn job_state(app: &TestApp, job: Uuid) -> (String, i32, Option<String>) {
    let row = app
        .services
        .db
        .query_one_raw(stmt(
            "SELECT state, attempts, last_error FROM jobs WHERE id = $1",
            [job.into()],
        ))
        .await
        .unwrap()
        .unwrap();
    (
        row.try_get::<String>("", "state").unwrap(),
        row.try_get::<i32>("", "attempts").unwrap(),
        row.try_get::<Option<String>>("", "last_error").unwrap(),
    )
}

/// The title of the viewer's `MEETING_SCHEDULED` notification.
pub(super) async fn scheduled_title(app: &TestApp, token: &str) -> String {
    let notes = app
        .gql(
            Some(token),
            "{ notifications { nodes { kind title } } }",
            json!({}),
        )
        .await;
    notes.ok()["notifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "MEETING_SCHEDULED")
        .map(|n| n["title"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| panic!("{}", notes.body))
}

/// Polls `condition` until it holds, failing after `seconds`.
pub(super) async fn eventually<F, Fut>(seconds: u64, what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while !condition().await {
        assert!(tokio::time::Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn two_instances_write_each_reminder_once_and_send_each_mail_once() {
    let app = TestApp::new().await;
    let shanghai = alliance_domain::kernel::local_time::zone_or_default("Asia/Shanghai");
    // The consortium's next lead term starts within the week; the clock stands at 20:00 UTC, which
    // is 04:00 the next day in Beijing.
    let (term, lead_org, starts_at) = {
        let row = app
            .services
            .db
            .query_one_raw(stmt(
                "SELECT lt.id, lt.organization_id, lt.starts_at FROM lead_terms lt JOIN alliances a ON a.id = lt.alliance_id
                  WHERE a.name = $1 AND lt.starts_at > $2 ORDER BY lt.starts_at LIMIT 1",
                [CONSORTIUM.into(), app.clock_now().into()],
            ))
            .await
            .unwrap()
            .expect("the demo consortium plans terms ahead");
        (
            row.try_get::<Uuid>("", "id").unwrap(),
            row.try_get::<Uuid>("", "organization_id").unwrap(),
            row.try_get::<chrono::DateTime<Utc>>("", "starts_at")
                .unwrap(),
        )
    };
    let day = (starts_at - Duration::days(3)).date_naive();
    let now = Utc.from_utc_datetime(&day.and_time(NaiveTime::from_hms_opt(20, 0, 0).unwrap()));
    app.clock.set(now);
    let beijing_today = local_date(now, shanghai);
    assert_eq!(beijing_today, now.date_naive() + Days::new(1));
    // An action item of orgadmin's organization, due three Beijing days from now: due soon in
    // Beijing, but four UTC days away (outside the three-day window if UTC dates were used).
    let orgadmin = uuid_of(
        &app,
        "SELECT id FROM users WHERE email = 'orgadmin@example.com'",
        vec![],
    )
    .await;
    let item = uuid_of(
        &app,
        "SELECT ai.id FROM action_items ai JOIN meetings m ON m.id = ai.meeting_id JOIN alliances a ON a.id = m.alliance_id
          WHERE a.name = $1 ORDER BY ai.id LIMIT 1",
        vec![CONSORTIUM.into()],
    )
    .await;
    app.services
        .db
        .execute_raw(stmt(
            "UPDATE action_items SET status = 'open', due_on = $2, assignee_user_id = $3, title = '整理共建台账',
                    assignee_organization_id = (SELECT organization_id FROM organization_memberships WHERE user_id = $3 AND left_on IS NULL LIMIT 1)
              WHERE id = $1",
            [item.into(), (beijing_today + Days::new(3)).into(), orgadmin.into()],
        ))
        .await
        .unwrap();

    // Thirty invitations are waiting in the outbox before either instance runs.
    let admin = app.token("orgadmin@example.com").await;
    for i in 0..30 {
        invite(
            &app,
            &admin,
            json!({ "name": format!("新党员{i}"), "email": format!("new{i}@example.com") }),
        )
        .await;
    }
    assert!(
        app.outbox.messages().is_empty(),
        "nothing is sent in the request"
    );

    let second = app.second_instance().await;
    let config = RunnerConfig {
        poll_interval: std::time::Duration::from_millis(25),
        concurrency: 4,
        shutdown_grace: std::time::Duration::from_secs(10),
    };
    let one = Runner::spawn(app.services.clone(), config.clone());
    let two = Runner::spawn(second, config);
    eventually(60, "every job done", || async {
        app.outbox.messages().len() >= 30
            && count(
                &app,
                "SELECT count(*) FROM jobs WHERE state <> 'done'",
                vec![],
            )
            .await
                == 0
            && count(
                &app,
                "SELECT count(*) FROM jobs WHERE kind = 'reminders'",
                vec![],
            )
            .await
                >= 1
    })
    .await;
    // A few more polls of both, then stop them as SIGTERM would.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let workers = [one.worker.clone(), two.worker.clone()];
    one.shutdown().await;
    two.shutdown().await;

    let mut sent: Vec<String> = app.outbox.messages().into_iter().map(|m| m.to).collect();
    assert_eq!(sent.len(), 30, "each mail sent once: {sent:?}");
    sent.sort();
    sent.dedup();
    assert_eq!(sent.len(), 30);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM jobs WHERE kind = 'mail' AND attempts = 1 AND payload = '{}'::jsonb",
            vec![]
        )
        .await,
        30,
        "each mail job ran once and its payload (address, link) is gone"
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM jobs WHERE kind = 'reminders'",
            vec![]
        )
        .await,
        1,
        "the schedule fired once across the two instances"
    );
    // Every job was run by one of the two instances.
    let holders = app
        .services
        .db
        .query_all_raw(stmt("SELECT DISTINCT locked_by FROM jobs", []))
        .await
        .unwrap();
    for row in holders {
        let holder: String = row.try_get("", "locked_by").unwrap();
        assert!(workers.contains(&holder), "{holder} is neither instance");
    }

    // The lead organization's admins and secretary each got one reminder of the term.
    let leaders = count(
        &app,
        "SELECT count(*) FROM organization_memberships WHERE organization_id = $1 AND left_on IS NULL
            AND (is_org_admin OR position = 'secretary')",
        vec![lead_org.into()],
    )
    .await;
    assert!(leaders > 0);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notifications WHERE kind = 'lead_term_starting' AND entity_id = $1",
            vec![term.into()]
        )
        .await,
        leaders
    );
    // orgadmin reads the due reminder once, in Chinese.
    let notes = app
        .gql(
            Some(&admin),
            "{ notifications { nodes { kind title subjectId } } }",
            json!({}),
        )
        .await;
    let due: Vec<_> = notes.ok()["notifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| {
            n["kind"] == "ACTION_ITEM_DUE"
                && n["subjectId"]
                    == alliance_api::kernel::ids::encode(
                        alliance_api::kernel::ids::Kind::ActionItem,
                        item,
                    )
                    .0
        })
        .cloned()
        .collect();
    assert_eq!(due.len(), 1, "{}", notes.body);
    assert_eq!(
        due[0]["title"],
        format!(
            "任务「整理共建台账」即将到期（{}）",
            beijing_today + Days::new(3)
        )
    );

    // Reading notifications and the unread count writes nothing.
    app.reset_statements();
    let read = app
        .gql(
            Some(&admin),
            "{ unreadNotificationCount notifications(unreadOnly: true) { totalCount nodes { title } } }",
            json!({}),
        )
        .await;
    assert!(read.ok()["unreadNotificationCount"].as_i64().unwrap() > 0);
    let statements = app.statements_run();
    assert!(!statements.is_empty());
    let writes: Vec<&String> = statements
        .iter()
        .filter(|sql| {
            let sql = sql.trim_start().to_ascii_uppercase();
            sql.starts_with("INSERT") || sql.starts_with("UPDATE") || sql.starts_with("DELETE")
        })
        .collect();
    assert!(writes.is_empty(), "reading wrote: {writes:?}");
}

#[tokio::test]
async fn the_reminder_schedule_fires_every_five_minutes_and_not_in_between() {
    let app = TestApp::new().await;
    let runs = |app: &TestApp| {
        let db = app.services.db.clone();
        async move {
            db.query_one_raw(stmt(
                "SELECT count(*) FROM jobs WHERE kind = 'reminders' AND state = 'done'",
                [],
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<i64>(0)
            .unwrap()
        }
    };
    app.run_due_jobs().await;
    assert_eq!(runs(&app).await, 1, "fires at once on a fresh database");
    app.clock.set(app.clock_now() + Duration::minutes(4));
    app.run_due_jobs().await;
    assert_eq!(runs(&app).await, 1);
    app.clock.set(app.clock_now() + Duration::minutes(1));
    app.run_due_jobs().await;
    assert_eq!(runs(&app).await, 2);
    // A second instance starting right after a run does not fire it again.
    app.services.jobs().schedule_start().await.unwrap();
    app.run_due_jobs().await;
    assert_eq!(runs(&app).await, 2);
    // One starting later catches up at once instead of waiting for the period.
    app.clock.set(app.clock_now() + Duration::minutes(2));
    app.services.jobs().schedule_start().await.unwrap();
    app.run_due_jobs().await;
    assert_eq!(runs(&app).await, 3);
}
