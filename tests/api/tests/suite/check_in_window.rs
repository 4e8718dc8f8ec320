//! Self check-in opens a configured time before a meeting starts and closes a configured time after
//! it ends (2 hours each by default), whatever code or link is used; cancelled and completed
//! meetings are closed. The meeting tells the client when (`checkInOpensAt`, `checkInClosesAt`,
//! `isCheckInOpen`).

#![allow(clippy::unwrap_used)]

use alliance_tests::{CONSORTIUM, TestApp};
use chrono::{DateTime, Duration, Timelike, Utc};
use serde_json::{Value, json};

const CHECK_IN: &str = "mutation($m: ID!, $c: String!) { checkIn(input: {meetingId: $m, code: $c}) { attendance { checkedInAt } userErrors { field code message } } }";
const WINDOW: &str =
    "query($id: ID!) { meeting(id: $id) { checkInOpensAt checkInClosesAt isCheckInOpen } }";

fn instant(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

#[tokio::test]
async fn check_in_opens_two_hours_before_and_closes_two_hours_after() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    // Whole seconds: the database keeps microseconds.
    let starts = (app.clock_now() + Duration::days(1))
        .with_nanosecond(0)
        .unwrap();
    let scheduled = app
        .gql(Some(&convener), "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id checkInCode } userErrors { field code } } }", json!({ "input": {
            "allianceId": app.alliance_id(CONSORTIUM).await, "title": "签到时段", "startsAt": starts.to_rfc3339(), "endsAt": (starts + Duration::hours(3)).to_rfc3339() } }))
        .await;
    let meeting = scheduled.ok()["scheduleMeeting"]["meeting"].clone();
    let (id, code) = (meeting["id"].clone(), meeting["checkInCode"].clone());

    let member = app.token("member@example.com").await;
    let window = app.gql(Some(&member), WINDOW, json!({ "id": id })).await;
    let w = &window.ok()["meeting"];
    assert_eq!(instant(&w["checkInOpensAt"]), starts - Duration::hours(2));
    assert_eq!(instant(&w["checkInClosesAt"]), starts + Duration::hours(5));
    assert_eq!(w["isCheckInOpen"], false);

    // A minute before it opens: refused by name, and the message says when.
    app.clock
        .set(starts - Duration::hours(2) - Duration::minutes(1));
    let member = app.token("member@example.com").await;
    let early = app
        .gql(Some(&member), CHECK_IN, json!({ "m": id, "c": code }))
        .await;
    let error = &early.ok()["checkIn"]["userErrors"][0];
    assert_eq!(error["code"], "NOT_OPEN_YET");
    assert_eq!(error["field"], "meetingId");
    assert!(error["message"].as_str().unwrap().contains("opens at"));

    // Open at the minute; the last minute before it closes still counts.
    app.clock.set(starts - Duration::hours(2));
    let member = app.token("member@example.com").await;
    let opened = app.gql(Some(&member), WINDOW, json!({ "id": id })).await;
    assert_eq!(opened.ok()["meeting"]["isCheckInOpen"], true);
    app.clock
        .set(starts + Duration::hours(5) - Duration::minutes(1));
    let member = app.token("member@example.com").await;
    let late = app
        .gql(Some(&member), CHECK_IN, json!({ "m": id, "c": code }))
        .await;
    assert!(
        late.ok()["checkIn"]["attendance"]["checkedInAt"].is_string(),
        "{}",
        late.body
    );

    // Closed at the end of the window, for someone who has not checked in.
    app.clock.set(starts + Duration::hours(5));
    let other = app.token("orgadmin@example.com").await;
    let closed = app
        .gql(Some(&other), CHECK_IN, json!({ "m": id, "c": code }))
        .await;
    assert_eq!(closed.ok()["checkIn"]["userErrors"][0]["code"], "CLOSED");
}

#[tokio::test]
async fn a_cancelled_meeting_takes_no_check_in_even_inside_its_window() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let starts = app.clock_now() + Duration::minutes(30);
    let scheduled = app
        .gql(Some(&convener), "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id version checkInCode } userErrors { field code } } }", json!({ "input": {
            "allianceId": app.alliance_id(CONSORTIUM).await, "title": "取消后签到", "startsAt": starts.to_rfc3339(), "endsAt": (starts + Duration::hours(1)).to_rfc3339() } }))
        .await;
    let meeting = scheduled.ok()["scheduleMeeting"]["meeting"].clone();
    let member = app.token("member@example.com").await;
    let open = app
        .gql(Some(&member), WINDOW, json!({ "id": meeting["id"] }))
        .await;
    assert_eq!(open.ok()["meeting"]["isCheckInOpen"], true);
    app.gql(Some(&convener), "mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { userErrors { code } } }", json!({ "i": { "id": meeting["id"], "version": meeting["version"], "status": "CANCELLED" } }))
        .await
        .ok();
    let refused = app
        .gql(
            Some(&member),
            CHECK_IN,
            json!({ "m": meeting["id"], "c": meeting["checkInCode"] }),
        )
        .await;
    assert_eq!(refused.ok()["checkIn"]["userErrors"][0]["code"], "CLOSED");
    let closed = app
        .gql(Some(&member), WINDOW, json!({ "id": meeting["id"] }))
        .await;
    assert_eq!(closed.ok()["meeting"]["isCheckInOpen"], false);
}
