//! Failed jobs for platform admins only, and retrying them; notification texts per reader.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use super::{JOBS, RETRY, invite, scheduled_title};
use alliance_domain::kernel::db::stmt;
use alliance_tests::{CONSORTIUM, TestApp};
use chrono::Duration;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

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
