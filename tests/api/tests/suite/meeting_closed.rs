//! A completed or cancelled meeting offers nothing more: RSVP, agenda proposals and check-in (self
//! and by the convener) answer `CLOSED` on `meetingId`, and the check-in link and QR code are gone.

#![allow(clippy::unwrap_used)]

use alliance_tests::{CONSORTIUM, TestApp};
use chrono::Duration;
use serde_json::{Value, json};

const SCHEDULE: &str = "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id version checkInCode } userErrors { field code } } }";
const UPDATE: &str = "mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { status version } userErrors { field code } } }";
const RSVP: &str = "mutation($m: ID!) { respondToMeeting(input: {meetingId: $m, response: YES}) { attendance { rsvp } userErrors { field code message } } }";
const PROPOSE: &str = "mutation($m: ID!, $t: String!) { proposeAgendaItem(input: {meetingId: $m, title: $t}) { agendaItem { id } userErrors { field code } } }";
const CHECK_IN: &str = "mutation($m: ID!, $c: String!) { checkIn(input: {meetingId: $m, code: $c}) { attendance { checkedInAt } userErrors { field code } } }";
const CHECK_IN_MEMBER: &str = "mutation($m: ID!, $u: ID!) { checkInMember(input: {meetingId: $m, userId: $u}) { attendance { checkedInAt } userErrors { field code } } }";
const OFFERS: &str = "query($id: ID!) { meeting(id: $id) { status checkInUrl checkInQrSvg viewerCanPropose isCheckInOpen } }";

/// A meeting starting in half an hour (check-in open, agenda deadline set after now).
pub(crate) async fn meeting_starting_soon(app: &TestApp, convener: &str, title: &str) -> Value {
    let starts = app.clock_now() + Duration::minutes(30);
    let scheduled = app
        .gql(
            Some(convener),
            SCHEDULE,
            json!({ "input": {
                "allianceId": app.alliance_id(CONSORTIUM).await, "title": title,
                "startsAt": starts.to_rfc3339(), "endsAt": (starts + Duration::hours(2)).to_rfc3339(),
                "agendaDeadline": (starts - Duration::minutes(10)).to_rfc3339() } }),
        )
        .await;
    scheduled.ok()["scheduleMeeting"]["meeting"].clone()
}

pub(crate) async fn set_status(app: &TestApp, convener: &str, meeting: &Value, status: &str) {
    let moved = app
        .gql(
            Some(convener),
            UPDATE,
            json!({ "i": { "id": meeting["id"], "version": meeting["version"], "status": status } }),
        )
        .await;
    assert_eq!(
        moved.ok()["updateMeeting"]["meeting"]["status"],
        status,
        "{}",
        moved.body
    );
}

async fn user_id(app: &TestApp, token: &str) -> Value {
    app.gql(Some(token), "{ me { id } }", json!({})).await.ok()["me"]["id"].clone()
}

fn first_error(answer: &Value, mutation: &str) -> Value {
    answer[mutation]["userErrors"][0].clone()
}

#[tokio::test]
async fn completed_and_cancelled_meetings_refuse_rsvp_proposals_and_check_in() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let member = app.token("member@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let member_id = user_id(&app, &member).await;

    for status in ["COMPLETED", "CANCELLED"] {
        let meeting = meeting_starting_soon(&app, &convener, "会后无操作").await;
        let id = meeting["id"].clone();
        let code = meeting["checkInCode"].clone();
        // Open while it is scheduled: the member answers, the convener sees the kit.
        let rsvp = app.gql(Some(&member), RSVP, json!({ "m": id })).await;
        assert_eq!(rsvp.ok()["respondToMeeting"]["attendance"]["rsvp"], "YES");
        let open = app.gql(Some(&convener), OFFERS, json!({ "id": id })).await;
        assert!(open.ok()["meeting"]["checkInUrl"].is_string());
        assert!(open.ok()["meeting"]["checkInQrSvg"].is_string());
        let proposer = app.gql(Some(&org_admin), OFFERS, json!({ "id": id })).await;
        assert_eq!(proposer.ok()["meeting"]["viewerCanPropose"], true);

        set_status(&app, &convener, &meeting, status).await;

        let rsvp = app.gql(Some(&member), RSVP, json!({ "m": id })).await;
        let error = first_error(rsvp.ok(), "respondToMeeting");
        assert_eq!(error["code"], "CLOSED", "{status}: {}", rsvp.body);
        assert_eq!(error["field"], "meetingId");
        assert!(rsvp.ok()["respondToMeeting"]["attendance"].is_null());

        for (token, who) in [(&org_admin, "member org"), (&convener, "convener")] {
            let proposed = app
                .gql(
                    Some(token),
                    PROPOSE,
                    json!({ "m": id, "t": "<script>alert(1)</script>" }),
                )
                .await;
            let error = first_error(proposed.ok(), "proposeAgendaItem");
            assert_eq!(error["code"], "CLOSED", "{status} {who}: {}", proposed.body);
            assert_eq!(error["field"], "meetingId");
        }

        let checked = app
            .gql(Some(&member), CHECK_IN, json!({ "m": id, "c": code }))
            .await;
        assert_eq!(first_error(checked.ok(), "checkIn")["code"], "CLOSED");

        let by_convener = app
            .gql(
                Some(&convener),
                CHECK_IN_MEMBER,
                json!({ "m": id, "u": member_id }),
            )
            .await;
        let error = first_error(by_convener.ok(), "checkInMember");
        assert_eq!(error["code"], "CLOSED", "{status}: {}", by_convener.body);
        assert!(by_convener.ok()["checkInMember"]["attendance"].is_null());

        // Nobody was checked in by any of it.
        let present = app
            .gql(
                Some(&convener),
                "query($id: ID!) { meeting(id: $id) { attendances { checkedInAt } agendaItems { id } } }",
                json!({ "id": id }),
            )
            .await;
        let m = &present.ok()["meeting"];
        assert!(
            m["attendances"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| a["checkedInAt"].is_null())
        );
        assert_eq!(m["agendaItems"].as_array().unwrap().len(), 0);

        let closed = app.gql(Some(&convener), OFFERS, json!({ "id": id })).await;
        let m = &closed.ok()["meeting"];
        assert!(m["checkInUrl"].is_null(), "{status}: {}", closed.body);
        assert!(m["checkInQrSvg"].is_null());
        assert_eq!(m["viewerCanPropose"], false);
        assert_eq!(m["isCheckInOpen"], false);
        let proposer = app.gql(Some(&org_admin), OFFERS, json!({ "id": id })).await;
        assert_eq!(proposer.ok()["meeting"]["viewerCanPropose"], false);
    }
}

#[tokio::test]
async fn outsiders_learn_nothing_about_a_closed_meeting() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let meeting = meeting_starting_soon(&app, &convener, "别的联盟看不到").await;
    set_status(&app, &convener, &meeting, "COMPLETED").await;
    let outsider = app.token("gao.xiang@example.com").await;
    for token in [Some(outsider.as_str()), None] {
        let rsvp = app.gql(token, RSVP, json!({ "m": meeting["id"] })).await;
        // Not told the meeting is closed: as if it did not exist (or a sign-in is needed).
        assert_ne!(
            rsvp.data()["respondToMeeting"]["userErrors"][0]["code"],
            "CLOSED",
            "{}",
            rsvp.body
        );
        assert!(rsvp.data()["respondToMeeting"]["attendance"].is_null());
        let seen = app.gql(token, OFFERS, json!({ "id": meeting["id"] })).await;
        assert!(seen.data()["meeting"].is_null(), "{}", seen.body);
    }
}
