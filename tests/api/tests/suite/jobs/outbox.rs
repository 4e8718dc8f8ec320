//! The outbox: a mail outage delays a message without losing or repeating it; text messages;
//! a claim whose instance died is taken over, a released one is due again.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use super::{count, invite, job_state, uuid_of};
use alliance_tests::TestApp;
use chrono::Duration;
use serde_json::json;
use uuid::Uuid;

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
