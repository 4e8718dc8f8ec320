//! Past meetings, newest first, with their approved minutes: `meetings(past: true)`,
//! `Alliance.meetings(past: true)` and `Meeting.approvedMinutes` (null unless approved).

#![allow(clippy::unwrap_used)]

use alliance_tests::{CONSORTIUM, TestApp};
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

const SCHEDULE: &str = "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id version } userErrors { field code } } }";
const PAST: &str = "query($first: Int, $after: String) { meetings(past: true, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id title startsAt status approvedMinutes { body status } } } }";
const SAVE: &str = "mutation($m: ID!, $b: String!) { saveMinutes(input: {meetingId: $m, body: $b}) { minutes { version status } userErrors { field code } } }";
const MEETING_MINUTES: &str =
    "query($id: ID!) { meeting(id: $id) { approvedMinutes { body status } } }";

async fn schedule(app: &TestApp, token: &str, title: &str, starts: DateTime<Utc>) -> Value {
    app.gql(
        Some(token),
        SCHEDULE,
        json!({ "input": {
            "allianceId": app.alliance_id(CONSORTIUM).await, "title": title,
            "startsAt": starts.to_rfc3339(), "endsAt": (starts + Duration::hours(1)).to_rfc3339() } }),
    )
    .await
    .ok()["scheduleMeeting"]["meeting"]
        .clone()
}

fn titles(answer: &Value) -> Vec<String> {
    answer["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn past_meetings_come_newest_first_with_only_their_approved_minutes() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let now = app.clock_now();
    let older = schedule(&app, &convener, "较早的会议", now + Duration::days(1)).await;
    let newer = schedule(&app, &convener, "较晚的会议", now + Duration::days(2)).await;
    let future = schedule(&app, &convener, "将来的会议", now + Duration::days(30)).await;
    assert!(future["id"].is_string());

    // Before anything happened, none of them is past.
    let member = app.token("member@example.com").await;
    let before = app.gql(Some(&member), PAST, json!({})).await;
    let before_titles = titles(&before.ok()["meetings"]);
    assert!(
        !before_titles.iter().any(|t| t.ends_with("的会议")),
        "{before_titles:?}"
    );

    // Draft minutes for the newer one; the older one's minutes get approved.
    let draft = app
        .gql(
            Some(&convener),
            SAVE,
            json!({ "m": newer["id"], "b": "# 草稿\n\n<img src=x onerror=alert(1)>" }),
        )
        .await;
    assert_eq!(
        draft.ok()["saveMinutes"]["minutes"]["status"],
        "DRAFT",
        "{}",
        draft.body
    );
    let saved = app
        .gql(
            Some(&convener),
            SAVE,
            json!({ "m": older["id"], "b": "# 已批准的纪要" }),
        )
        .await;
    let version = saved.ok()["saveMinutes"]["minutes"]["version"].clone();
    let submitted = app
        .gql(Some(&convener), "mutation($m: ID!, $v: Int!) { submitMinutes(input: {meetingId: $m, version: $v}) { minutes { version } userErrors { field code } } }", json!({ "m": older["id"], "v": version }))
        .await;
    let version = submitted.ok()["submitMinutes"]["minutes"]["version"].clone();
    let supervisor = app.token("supervisor@example.com").await;
    let approved = app
        .gql(Some(&supervisor), "mutation($m: ID!, $v: Int!) { approveMinutes(input: {meetingId: $m, version: $v}) { minutes { status } userErrors { field code } } }", json!({ "m": older["id"], "v": version }))
        .await;
    assert_eq!(
        approved.ok()["approveMinutes"]["minutes"]["status"],
        "APPROVED",
        "{}",
        approved.body
    );

    // Three days on: both have ended, the far one has not.
    app.clock.set(now + Duration::days(3));
    let member = app.token("member@example.com").await;
    let convener = app.token("convener@example.com").await;
    let past = app.gql(Some(&member), PAST, json!({ "first": 100 })).await;
    let list = &past.ok()["meetings"];
    let names = titles(list);
    let newer_at = names.iter().position(|t| t == "较晚的会议").unwrap();
    let older_at = names.iter().position(|t| t == "较早的会议").unwrap();
    assert!(newer_at < older_at, "newest first: {names:?}");
    assert!(!names.contains(&"将来的会议".to_owned()));
    let starts: Vec<DateTime<Utc>> = list["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["startsAt"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] >= w[1]), "{starts:?}");
    let nodes = list["nodes"].as_array().unwrap();
    assert_eq!(nodes[older_at]["approvedMinutes"]["body"], "# 已批准的纪要");
    assert_eq!(nodes[older_at]["approvedMinutes"]["status"], "APPROVED");
    // A draft is not "approved minutes", not even for the convener who wrote it.
    assert!(nodes[newer_at]["approvedMinutes"].is_null());
    let own = app
        .gql(
            Some(&convener),
            MEETING_MINUTES,
            json!({ "id": newer["id"] }),
        )
        .await;
    assert!(own.ok()["meeting"]["approvedMinutes"].is_null());

    // Paging goes on where it stopped, still newest first, with nothing twice.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = app
            .gql(Some(&member), PAST, json!({ "first": 1, "after": after }))
            .await;
        let connection = &page.ok()["meetings"];
        seen.extend(titles(connection));
        if connection["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = connection["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned);
    }
    assert_eq!(seen, names);
    assert_eq!(list["totalCount"].as_i64().unwrap() as usize, names.len());

    // On the alliance, the same list.
    let on_alliance = app
        .gql(
            Some(&member),
            "query($id: ID!) { alliance(id: $id) { meetings(past: true, first: 100) { nodes { title approvedMinutes { body } } } } }",
            json!({ "id": app.alliance_id(CONSORTIUM).await }),
        )
        .await;
    assert_eq!(titles(&on_alliance.ok()["alliance"]["meetings"]), names);
}

#[tokio::test]
async fn another_alliance_and_anonymous_callers_see_no_past_meetings_or_minutes() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let now = app.clock_now();
    let held = schedule(
        &app,
        &convener,
        "外人看不到的会议",
        now + Duration::hours(1),
    )
    .await;
    app.clock.set(now + Duration::days(1));
    let outsider = app.token("gao.xiang@example.com").await;
    let theirs = app
        .gql(Some(&outsider), PAST, json!({ "first": 100 }))
        .await;
    assert!(
        !titles(&theirs.ok()["meetings"]).contains(&"外人看不到的会议".to_owned()),
        "{}",
        theirs.body
    );
    let direct = app
        .gql(
            Some(&outsider),
            MEETING_MINUTES,
            json!({ "id": held["id"] }),
        )
        .await;
    assert!(direct.ok()["meeting"].is_null());
    let anonymous = app.gql(None, PAST, json!({})).await;
    assert!(
        anonymous.data()["meetings"].is_null() || anonymous.data()["meetings"]["totalCount"] == 0,
        "{}",
        anonymous.body
    );
}
