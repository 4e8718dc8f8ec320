//! A meeting scheduled at short notice, after the alliance's agenda deadline has passed, can get a
//! later deadline from its convener, so that member organizations can still propose items.

#![allow(clippy::unwrap_used)]

use alliance_tests::{CONSORTIUM, TestApp};
use chrono::{DateTime, Duration, Timelike, Utc};
use serde_json::{Value, json};

const SCHEDULE: &str = "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id version agendaDeadline } userErrors { field code } } }";
const PROPOSE: &str = "mutation($m: ID!) { proposeAgendaItem(input: {meetingId: $m, title: \"临时议题\"}) { agendaItem { status } userErrors { field code } } }";
const UPDATE: &str = "mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { version agendaDeadline } userErrors { field code } } }";

async fn schedule(
    app: &TestApp,
    token: &str,
    starts: DateTime<Utc>,
    deadline: Option<DateTime<Utc>>,
) -> Value {
    app.gql(
        Some(token),
        SCHEDULE,
        json!({ "input": {
        "allianceId": app.alliance_id(CONSORTIUM).await, "title": "临时会议",
        "startsAt": starts.to_rfc3339(), "endsAt": (starts + Duration::hours(2)).to_rfc3339(),
        "agendaDeadline": deadline.map(|d| d.to_rfc3339()) } }),
    )
    .await
    .ok()["scheduleMeeting"]
        .clone()
}

#[tokio::test]
async fn a_convener_sets_a_later_deadline_for_a_meeting_at_short_notice() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let starts = (app.clock_now() + Duration::days(3))
        .with_nanosecond(0)
        .unwrap();

    // The alliance's 7 days before a meeting in 3 days have passed: proposals are closed.
    let closed = schedule(&app, &convener, starts, None).await;
    let deadline: DateTime<Utc> = closed["meeting"]["agendaDeadline"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(deadline, starts - Duration::days(7));
    let refused = app
        .gql(
            Some(&org_admin),
            PROPOSE,
            json!({ "m": closed["meeting"]["id"] }),
        )
        .await;
    assert_eq!(
        refused.ok()["proposeAgendaItem"]["userErrors"][0]["code"],
        "DEADLINE_PASSED"
    );

    // The convener gives it a deadline the day before: proposals are open until then.
    let later = starts - Duration::days(1);
    let moved = app
        .gql(Some(&convener), UPDATE, json!({ "i": { "id": closed["meeting"]["id"], "version": closed["meeting"]["version"], "agendaDeadline": later.to_rfc3339() } }))
        .await;
    let meeting = moved.ok()["updateMeeting"]["meeting"].clone();
    assert_eq!(
        meeting["agendaDeadline"]
            .as_str()
            .unwrap()
            .parse::<DateTime<Utc>>()
            .unwrap(),
        later
    );
    let accepted = app
        .gql(
            Some(&org_admin),
            PROPOSE,
            json!({ "m": closed["meeting"]["id"] }),
        )
        .await;
    assert_eq!(
        accepted.ok()["proposeAgendaItem"]["agendaItem"]["status"],
        "PROPOSED"
    );

    // Set when scheduling, too; after the start it is refused by name; null goes back to the default.
    let open = schedule(&app, &convener, starts, Some(later)).await;
    assert_eq!(open["userErrors"], json!([]));
    let after_start = schedule(&app, &convener, starts, Some(starts + Duration::hours(1))).await;
    assert_eq!(
        after_start["userErrors"][0],
        json!({ "field": "agendaDeadline", "code": "AFTER_START" })
    );
    let reset = app
        .gql(Some(&convener), UPDATE, json!({ "i": { "id": open["meeting"]["id"], "version": open["meeting"]["version"], "agendaDeadline": null } }))
        .await;
    let reset: DateTime<Utc> = reset.ok()["updateMeeting"]["meeting"]["agendaDeadline"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(reset, starts - Duration::days(7));

    // Only conveners set it.
    assert_eq!(
        app.gql(Some(&org_admin), UPDATE, json!({ "i": { "id": open["meeting"]["id"], "version": 2, "agendaDeadline": later.to_rfc3339() } }))
            .await
            .code(),
        Some("FORBIDDEN")
    );
}
