//! Background jobs against real Postgres: two instances share the queue and the schedules, the
//! outbox survives a mail outage, reading notifications writes nothing, failed jobs are visible to
//! platform admins only and can be retried.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_domain::jobs::{Runner, RunnerConfig};
use alliance_domain::kernel::db::stmt;
use alliance_domain::kernel::local_time::local_date;
use alliance_tests::{CONSORTIUM, TestApp};
use chrono::{Days, Duration, NaiveTime, TimeZone, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

const INVITE: &str = "mutation($input: InviteMemberInput!) { inviteMember(input: $input) { acceptUrl userErrors { field code } } }";
const JOBS: &str = "query($state: BackgroundJobState) { backgroundJobCounts { pending running failed done } backgroundJobs(state: $state) { totalCount nodes { id kind state attempts maxAttempts lastError runAt updatedAt } } }";
const RETRY: &str =
    "mutation($id: ID!) { retryBackgroundJob(input: {jobId: $id}) { job { state attempts } } }";

async fn invite(app: &TestApp, token: &str, input: serde_json::Value) -> String {
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

async fn uuid_of(app: &TestApp, sql: &str, values: Vec<sea_orm::Value>) -> Uuid {
    let row = app
        .services
        .db
        .query_one_raw(stmt(sql, values))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no row for {sql}"));
    row.try_get_by_index::<Uuid>(0).unwrap()
}

async fn count(app: &TestApp, sql: &str, values: Vec<sea_orm::Value>) -> i64 {
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
async fn job_state(app: &TestApp, job: Uuid) -> (String, i32, Option<String>) {
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
async fn scheduled_title(app: &TestApp, token: &str) -> String {
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
async fn eventually<F, Fut>(seconds: u64, what: &str, mut condition: F)
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
async fn a_mail_outage_delays_then_delivers_an_invitation_once() {
    let app = TestApp::new().await;
    let admin = app.token("orgadmin@example.com").await;
    app.outbox.fail_next(2);
    // The request succeeds during the outage.
    let url = invite(
        &app,
        &admin,
        json!({ "name": "新党员", "email": "outage@example.com" }),
    )
    .await;
    assert_eq!(app.run_due_jobs().await.failed, 1);
    assert!(app.outbox.messages().is_empty());
    let job = uuid_of(&app, "SELECT id FROM jobs WHERE kind = 'mail'", vec![]).await;
    let (s, attempts, error) = job_state(&app, job).await;
    assert_eq!((s.as_str(), attempts), ("pending", 1));
    assert!(error.unwrap().contains("mail server unreachable"));
    // Not before its back-off (30 s, then 60 s).
    assert_eq!(app.run_due_jobs().await.failed, 0);
    assert_eq!(app.outbox.attempts(), 1);
    app.clock.set(app.clock_now() + Duration::seconds(30));
    assert_eq!(app.run_due_jobs().await.failed, 1);
    app.clock.set(app.clock_now() + Duration::seconds(59));
    assert_eq!(app.run_due_jobs().await.succeeded, 0, "still backing off");
    app.clock.set(app.clock_now() + Duration::seconds(1));
    assert_eq!(app.run_due_jobs().await.succeeded, 1);
    let mail = app.outbox.messages();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "outage@example.com");
    assert!(mail[0].body.contains(&url));
    // Nothing is sent twice, however long we wait.
    app.clock.set(app.clock_now() + Duration::days(1));
    app.run_due_jobs().await;
    assert_eq!(app.outbox.messages().len(), 1);
    assert_eq!(app.outbox.attempts(), 3);
    assert_eq!(job_state(&app, job).await.0, "done");
}

#[tokio::test]
async fn an_invitation_by_phone_goes_out_as_a_text_message() {
    let app = TestApp::new().await;
    let admin = app.token("orgadmin@example.com").await;
    app.sms.fail_next(1);
    let url = invite(
        &app,
        &admin,
        json!({ "name": "电话邀请", "phone": "139 0000 0000" }),
    )
    .await;
    assert_eq!(app.run_due_jobs().await.failed, 1);
    app.clock.set(app.clock_now() + Duration::minutes(1));
    app.run_due_jobs().await;
    let texts = app.sms.messages();
    assert_eq!(texts.len(), 1);
    assert_eq!(texts[0].to, "13900000000");
    assert!(texts[0].body.contains(&url));
    assert!(
        app.outbox.messages().is_empty(),
        "no e-mail address, no mail"
    );
}

#[tokio::test]
async fn a_job_that_always_fails_ends_failed_for_platform_admins_to_see_and_retry() {
    let app = TestApp::new().await;
    let org_admin = app.token("orgadmin@example.com").await;
    app.outbox.fail_next(u32::MAX);
    invite(
        &app,
        &org_admin,
        json!({ "name": "新党员", "email": "never@example.com" }),
    )
    .await;
    for _ in 0..20 {
        app.run_due_jobs().await;
        app.clock.set(app.clock_now() + Duration::hours(1));
    }
    let platform = app.token("admin@example.com").await;
    let seen = app
        .gql(Some(&platform), JOBS, json!({ "state": "FAILED" }))
        .await;
    let data = seen.ok();
    assert_eq!(data["backgroundJobCounts"]["failed"], 1, "{data}");
    assert_eq!(data["backgroundJobs"]["totalCount"], 1);
    let job = &data["backgroundJobs"]["nodes"][0];
    assert_eq!(job["kind"], "mail");
    assert_eq!(job["state"], "FAILED");
    assert_eq!(job["attempts"], job["maxAttempts"]);
    assert_eq!(app.outbox.attempts(), 8, "eight attempts, then it gave up");
    assert!(
        job["lastError"]
            .as_str()
            .unwrap()
            .contains("mail server unreachable")
    );
    assert!(app.outbox.messages().is_empty());

    // Not for an alliance admin, nor an organization admin, nor anonymous visitors.
    // The clock moved on by hours: tokens expire by it too, so log in again.
    let secretariat = app.token("secretariat@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    for token in [Some(secretariat.as_str()), Some(org_admin.as_str())] {
        let refused = app.gql(token, JOBS, json!({})).await;
        assert_eq!(refused.code(), Some("FORBIDDEN"), "{}", refused.body);
        let retry = app.gql(token, RETRY, json!({ "id": job["id"] })).await;
        assert_eq!(retry.code(), Some("FORBIDDEN"));
    }
    let anonymous = app.gql(None, JOBS, json!({})).await;
    assert_eq!(anonymous.code(), Some("UNAUTHENTICATED"));
    assert_eq!(
        app.gql(None, RETRY, json!({ "id": job["id"] }))
            .await
            .code(),
        Some("UNAUTHENTICATED")
    );

    // A retry puts it back, due now; a second retry of a job that is not failed conflicts.
    let retried = app
        .gql(Some(&platform), RETRY, json!({ "id": job["id"] }))
        .await;
    assert_eq!(
        retried.ok()["retryBackgroundJob"]["job"],
        json!({ "state": "PENDING", "attempts": 0 })
    );
    let again = app
        .gql(Some(&platform), RETRY, json!({ "id": job["id"] }))
        .await;
    assert_eq!(again.code(), Some("CONFLICT"));
    let unknown = app
        .gql(
            Some(&platform),
            RETRY,
            json!({ "id": alliance_api::kernel::ids::encode(alliance_api::kernel::ids::Kind::BackgroundJob, Uuid::now_v7()) }),
        )
        .await;
    assert_eq!(unknown.code(), Some("NOT_FOUND"));
    app.outbox.fail_next(0);
    app.run_due_jobs().await;
    assert_eq!(app.outbox.messages().len(), 1);
    let after = app
        .gql(Some(&platform), JOBS, json!({ "state": "FAILED" }))
        .await;
    assert_eq!(after.ok()["backgroundJobCounts"]["failed"], 0);
    assert!(after.ok()["backgroundJobCounts"]["done"].as_i64().unwrap() >= 1);
}

#[tokio::test]
async fn a_claim_whose_instance_died_is_taken_over_after_its_lease() {
    let app = TestApp::new().await;
    let admin = app.token("orgadmin@example.com").await;
    invite(
        &app,
        &admin,
        json!({ "name": "新党员", "email": "lease@example.com" }),
    )
    .await;
    // An instance claims the mail, then dies without finishing or releasing it.
    let claimed = app
        .services
        .jobs()
        .claim("dead-instance", 10)
        .await
        .unwrap();
    assert_eq!(claimed.iter().filter(|j| j.kind == "mail").count(), 1);
    app.run_due_jobs().await;
    assert!(app.outbox.messages().is_empty(), "the lease still holds");
    app.clock
        .set(app.clock_now() + Duration::from_std(app.services.jobs_settings.lease).unwrap());
    app.run_due_jobs().await;
    assert_eq!(app.outbox.messages().len(), 1);
    // A released claim is due again at once and its attempt is not counted.
    invite(
        &app,
        &admin,
        json!({ "name": "另一位", "email": "released@example.com" }),
    )
    .await;
    let claimed = app.services.jobs().claim("stopping", 10).await.unwrap();
    let leases: Vec<Uuid> = claimed.iter().map(|j| j.lease_token).collect();
    assert_eq!(app.services.jobs().release(&leases).await.unwrap(), 1);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM jobs WHERE state = 'pending' AND attempts = 0",
            vec![]
        )
        .await,
        1
    );
    app.run_due_jobs().await;
    assert_eq!(app.outbox.messages().len(), 2);
}

#[tokio::test]
async fn notification_texts_follow_the_readers_language() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let starts = app.clock_now() + Duration::days(20);
    let scheduled = app
        .gql(Some(&convener), "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { userErrors { field code } } }", json!({ "input": {
            "allianceId": consortium, "title": "语言测试会议", "startsAt": starts.to_rfc3339(), "endsAt": (starts + Duration::hours(2)).to_rfc3339() } }))
        .await;
    assert_eq!(scheduled.ok()["scheduleMeeting"]["userErrors"], json!([]));
    let member = app.token("member@example.com").await;
    let zh = scheduled_title(&app, &member).await;
    assert!(
        zh.contains("已安排会议「语言测试会议」") && !zh.contains('/'),
        "{zh}"
    );
    app.services
        .db
        .execute_raw(stmt(
            "UPDATE users SET locale = 'en' WHERE email = 'member@example.com'",
            [],
        ))
        .await
        .unwrap();
    let en = scheduled_title(&app, &member).await;
    assert!(en.ends_with(": meeting scheduled: 语言测试会议"), "{en}");
    // The client may ask for the language it shows itself in.
    let asked = app
        .gql(
            Some(&member),
            "{ notifications { nodes { kind zh: title(locale: \"zh-CN\") en: title } } }",
            json!({}),
        )
        .await;
    let node = asked.ok()["notifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "MEETING_SCHEDULED")
        .unwrap()
        .clone();
    assert_eq!(node["zh"], zh.as_str());
    assert_eq!(node["en"], en.as_str());
}
