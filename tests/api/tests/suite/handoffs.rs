//! Hand-offs: each step of a meeting's cycle notifies the next person — a proposal its convener,
//! a decision its proposer, submitted minutes their reviewers, returned minutes their writers,
//! approved minutes and a cancelled or moved meeting every invitee.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{CONSORTIUM, Options, TestApp};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

const NOTES: &str = "{ notifications(first: 50) { nodes { kind title subjectId } } }";
const MINUTES: &str = "query($id: ID!) { meeting(id: $id) { minutes { status version returnComment returnedBy { name } submittedAt } } }";
const SUBMIT: &str = "mutation($m: ID!, $v: Int!) { submitMinutes(input: {meetingId: $m, version: $v}) { minutes { status version } userErrors { field code } } }";
const RETURN: &str = "mutation($m: ID!, $v: Int!, $c: String!) { returnMinutes(input: {meetingId: $m, version: $v, comment: $c}) { minutes { status version returnComment } userErrors { field code } } }";
const SAVE: &str = "mutation($m: ID!, $b: String!, $v: Int) { saveMinutes(input: {meetingId: $m, body: $b, version: $v}) { minutes { status version } userErrors { field code } } }";
const APPROVE: &str = "mutation($m: ID!, $v: Int!) { approveMinutes(input: {meetingId: $m, version: $v}) { minutes { status version } userErrors { field code } } }";

/// The notifications of `token` about `subject`, as (kind, title).
async fn notes_about(app: &TestApp, token: &str, subject: &Value) -> Vec<(String, String)> {
    let answer = app.gql(Some(token), NOTES, json!({})).await;
    answer.ok()["notifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| &n["subjectId"] == subject)
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_owned(),
                n["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn kinds(notes: &[(String, String)]) -> Vec<&str> {
    notes.iter().map(|(k, _)| k.as_str()).collect()
}

async fn schedule(app: &TestApp, token: &str, days: i64) -> Value {
    let consortium = app.alliance_id(CONSORTIUM).await;
    let starts = app.clock_now() + chrono::Duration::days(days);
    let answer = app
        .gql(Some(token), "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id version startsAt endsAt } userErrors { field code } } }", json!({ "input": {
            "allianceId": consortium, "title": "交接测试会议", "startsAt": starts.to_rfc3339(), "endsAt": (starts + chrono::Duration::hours(2)).to_rfc3339() } }))
        .await;
    let payload = answer.ok()["scheduleMeeting"].clone();
    assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
    payload["meeting"].clone()
}

#[tokio::test]
async fn proposals_reach_the_convener_and_decisions_the_proposer() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let meeting = schedule(&app, &convener, 14).await;
    let id = meeting["id"].clone();

    let proposed = app
        .gql(Some(&org_admin), "mutation($m: ID!) { proposeAgendaItem(input: {meetingId: $m, title: \"社区志愿服务对接\"}) { agendaItem { id } } }", json!({ "m": id }))
        .await;
    let item = proposed.ok()["proposeAgendaItem"]["agendaItem"]["id"].clone();
    let to_convener = notes_about(&app, &convener, &id).await;
    assert!(
        to_convener
            .iter()
            .any(|(k, t)| k == "AGENDA_ITEM_PROPOSED" && t.contains("社区志愿服务对接")),
        "{to_convener:?}"
    );
    assert!(
        !kinds(&notes_about(&app, &org_admin, &id).await).contains(&"AGENDA_ITEM_PROPOSED"),
        "the proposer is not told of their own proposal"
    );

    app.gql(Some(&convener), "mutation($i: ID!) { decideAgendaItem(input: {id: $i, accept: false}) { agendaItem { status } } }", json!({ "i": item }))
        .await
        .ok();
    let to_proposer = notes_about(&app, &org_admin, &id).await;
    assert!(
        to_proposer
            .iter()
            .any(|(k, t)| k == "AGENDA_ITEM_DECIDED" && t.contains("未列入")),
        "{to_proposer:?}"
    );
}

#[tokio::test]
async fn minutes_go_to_review_come_back_with_a_comment_and_are_approved() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let member = app.token("member@example.com").await;
    let supervisor = app.token("supervisor@example.com").await;
    let meeting = schedule(&app, &convener, 3).await;
    let id = meeting["id"].clone();

    // Nothing to submit yet; then a draft.
    let nothing = app
        .gql(Some(&convener), SUBMIT, json!({ "m": id, "v": 1 }))
        .await;
    assert_eq!(
        nothing.ok()["submitMinutes"]["userErrors"][0],
        json!({ "field": "meetingId", "code": "NO_MINUTES" })
    );
    app.gql(
        Some(&convener),
        SAVE,
        json!({ "m": id, "b": "# 纪要\n\n初稿" }),
    )
    .await
    .ok();
    assert_eq!(
        app.gql(Some(&member), SUBMIT, json!({ "m": id, "v": 1 }))
            .await
            .code(),
        Some("FORBIDDEN")
    );
    let submitted = app
        .gql(Some(&convener), SUBMIT, json!({ "m": id, "v": 1 }))
        .await;
    assert_eq!(
        submitted.ok()["submitMinutes"]["minutes"]["status"],
        "SUBMITTED"
    );
    let again = app
        .gql(Some(&convener), SUBMIT, json!({ "m": id, "v": 2 }))
        .await;
    assert_eq!(
        again.ok()["submitMinutes"]["userErrors"][0]["code"],
        "ALREADY_SUBMITTED"
    );
    assert!(
        kinds(&notes_about(&app, &supervisor, &id).await).contains(&"MINUTES_SUBMITTED"),
        "the supervisor is asked to review"
    );

    // Returned: a comment is required, a stale version conflicts, members still see nothing.
    assert_eq!(
        app.gql(
            Some(&convener),
            RETURN,
            json!({ "m": id, "v": 2, "c": "补充决定事项" })
        )
        .await
        .code(),
        Some("FORBIDDEN"),
        "the convener does not review their own minutes"
    );
    let blank = app
        .gql(
            Some(&supervisor),
            RETURN,
            json!({ "m": id, "v": 2, "c": "  " }),
        )
        .await;
    assert_eq!(
        blank.ok()["returnMinutes"]["userErrors"][0]["field"],
        "comment"
    );
    assert_eq!(
        app.gql(
            Some(&supervisor),
            RETURN,
            json!({ "m": id, "v": 1, "c": "补充" })
        )
        .await
        .code(),
        Some("CONFLICT")
    );
    let returned = app
        .gql(
            Some(&supervisor),
            RETURN,
            json!({ "m": id, "v": 2, "c": "请补充决定事项和责任单位" }),
        )
        .await;
    assert_eq!(
        returned.ok()["returnMinutes"]["minutes"]["status"],
        "RETURNED"
    );
    let seen = app.gql(Some(&convener), MINUTES, json!({ "id": id })).await;
    assert_eq!(
        seen.ok()["meeting"]["minutes"]["returnComment"],
        "请补充决定事项和责任单位"
    );
    assert!(seen.ok()["meeting"]["minutes"]["returnedBy"]["name"].is_string());
    assert!(
        app.gql(Some(&member), MINUTES, json!({ "id": id }))
            .await
            .ok()["meeting"]["minutes"]
            .is_null(),
        "returned minutes are not approved: members do not see them"
    );
    let to_writer = notes_about(&app, &convener, &id).await;
    assert!(
        to_writer
            .iter()
            .any(|(k, t)| k == "MINUTES_RETURNED" && t.contains("退回")),
        "{to_writer:?}"
    );

    // Changed, the minutes are a draft again with the comment still in view; submitted again, it is gone.
    let changed = app
        .gql(
            Some(&convener),
            SAVE,
            json!({ "m": id, "b": "# 纪要\n\n修改稿", "v": 3 }),
        )
        .await;
    assert_eq!(changed.ok()["saveMinutes"]["minutes"]["status"], "DRAFT");
    let draft = app.gql(Some(&convener), MINUTES, json!({ "id": id })).await;
    assert_eq!(
        draft.ok()["meeting"]["minutes"]["returnComment"],
        "请补充决定事项和责任单位"
    );
    app.gql(Some(&convener), SUBMIT, json!({ "m": id, "v": 4 }))
        .await
        .ok();
    let resubmitted = app
        .gql(Some(&supervisor), MINUTES, json!({ "id": id }))
        .await;
    assert!(resubmitted.ok()["meeting"]["minutes"]["returnComment"].is_null());

    // Approved: every invitee hears of it and can read them.
    let approved = app
        .gql(Some(&supervisor), APPROVE, json!({ "m": id, "v": 5 }))
        .await;
    assert_eq!(
        approved.ok()["approveMinutes"]["minutes"]["status"],
        "APPROVED"
    );
    assert!(kinds(&notes_about(&app, &member, &id).await).contains(&"MINUTES_APPROVED"));
    assert_eq!(
        app.gql(Some(&member), MINUTES, json!({ "id": id }))
            .await
            .ok()["meeting"]["minutes"]["status"],
        "APPROVED"
    );
    let late = app
        .gql(
            Some(&supervisor),
            RETURN,
            json!({ "m": id, "v": 6, "c": "再改" }),
        )
        .await;
    assert_eq!(
        late.ok()["returnMinutes"]["userErrors"][0]["code"],
        "ALREADY_APPROVED"
    );
}

#[tokio::test]
async fn invitees_hear_that_a_meeting_moved_or_was_cancelled() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let member = app.token("member@example.com").await;
    let meeting = schedule(&app, &convener, 10).await;
    let id = meeting["id"].clone();
    let update = "mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { version status } userErrors { field code } } }";

    let later = app.clock_now() + chrono::Duration::days(11);
    let moved = app
        .gql(Some(&convener), update, json!({ "i": { "id": id, "version": meeting["version"],
            "startsAt": later.to_rfc3339(), "endsAt": (later + chrono::Duration::hours(2)).to_rfc3339() } }))
        .await;
    let version = moved.ok()["updateMeeting"]["meeting"]["version"].clone();
    assert!(kinds(&notes_about(&app, &member, &id).await).contains(&"MEETING_RESCHEDULED"));

    app.gql(
        Some(&convener),
        update,
        json!({ "i": { "id": id, "version": version, "status": "CANCELLED" } }),
    )
    .await
    .ok();
    let told = notes_about(&app, &member, &id).await;
    assert!(
        told.iter()
            .any(|(k, t)| k == "MEETING_CANCELLED" && t.contains("已取消")),
        "{told:?}"
    );
    assert!(
        !kinds(&notes_about(&app, &convener, &id).await).contains(&"MEETING_CANCELLED"),
        "the convener who cancelled is not told"
    );
}

#[tokio::test]
async fn with_mail_on_a_hand_off_is_mailed_once_in_the_readers_language() {
    let app = TestApp::spawn(Options {
        notification_mail: true,
        ..Options::default()
    })
    .await;
    app.services
        .db
        .execute_unprepared("UPDATE users SET locale = 'en' WHERE email = 'convener@example.com'")
        .await
        .unwrap();
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let meeting = schedule(&app, &convener, 14).await;
    let id = meeting["id"].as_str().unwrap().to_owned();
    let propose = "mutation($m: ID!) { proposeAgendaItem(input: {meetingId: $m, title: \"党员志愿服务站共建\"}) { agendaItem { id } } }";
    app.gql(Some(&org_admin), propose, json!({ "m": id }))
        .await
        .ok();
    app.run_due_jobs().await;

    let about = |to: &str| {
        app.outbox
            .messages()
            .into_iter()
            .filter(|m| m.to == to && m.subject.contains("党员志愿服务站共建"))
            .collect::<Vec<_>>()
    };
    let to_convener = about("convener@example.com");
    assert_eq!(to_convener.len(), 1, "one mail: {to_convener:?}");
    let mail = &to_convener[0];
    assert!(
        mail.subject.starts_with("[Alliance] "),
        "in English: {}",
        mail.subject
    );
    assert!(
        mail.body.contains(&format!("/meetings/{id}")),
        "links the meeting: {}",
        mail.body
    );
    assert!(
        about("orgadmin@example.com").is_empty(),
        "the proposer is not mailed their own proposal"
    );

    // Running the jobs again delivers nothing new.
    app.run_due_jobs().await;
    assert_eq!(about("convener@example.com").len(), 1);
}

#[tokio::test]
async fn with_mail_off_a_hand_off_stays_in_the_app() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let meeting = schedule(&app, &convener, 14).await;
    let propose = "mutation($m: ID!) { proposeAgendaItem(input: {meetingId: $m, title: \"不发邮件的议题\"}) { agendaItem { id } } }";
    app.gql(Some(&org_admin), propose, json!({ "m": meeting["id"] }))
        .await
        .ok();
    app.run_due_jobs().await;
    assert!(
        !app.outbox
            .messages()
            .iter()
            .any(|m| m.subject.contains("不发邮件的议题")),
        "no mail without ALLIANCE_NOTIFICATION_MAIL"
    );
    assert!(
        !notes_about(&app, &convener, &meeting["id"])
            .await
            .is_empty(),
        "the notification itself is written"
    );
}
