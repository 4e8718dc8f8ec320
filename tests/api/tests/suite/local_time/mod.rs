//! Local time: each alliance's dates are counted in its own zone (Asia/Shanghai unless it names
//! another), instants stay in UTC, and every "now" comes from the injected clock.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod calendar;
mod clock;
mod dates;
mod zones;

use alliance_tests::TestApp;
use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};

pub(super) const CREATE: &str =
    "mutation($input: CreateAllianceInput!) { createAlliance(input: $input) {
    alliance { id version timeZone today } userErrors { field code } } }";
pub(super) const UPDATE: &str =
    "mutation($input: UpdateAllianceInput!) { updateAlliance(input: $input) {
    alliance { id version timeZone today } userErrors { field code } } }";

pub(super) fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// Creates a members-only alliance as the platform admin; `zone` None names no zone.
pub(super) async fn create_alliance(
    app: &TestApp,
    admin: &str,
    name: &str,
    zone: Option<&str>,
) -> Value {
    let mut input = json!({ "name": name, "kind": "PAIRING", "visibility": "MEMBERS" });
    if let Some(zone) = zone {
        input["timeZone"] = json!(zone);
    }
    let answer = app
        .gql(Some(admin), CREATE, json!({ "input": input }))
        .await;
    answer.ok()["createAlliance"].clone()
}

pub(super) const ADD_MEMBER: &str = "mutation($input: AddAllianceMemberInput!) { addAllianceMember(input: $input) { membership { id } userErrors { field code } } }";

pub(super) async fn add_member(
    app: &TestApp,
    admin: &str,
    alliance: &Value,
    org: &str,
    joined_on: &str,
) {
    let answer = app
        .gql(
            Some(admin),
            ADD_MEMBER,
            json!({ "input": { "allianceId": alliance, "organizationId": org, "joinedOn": joined_on } }),
        )
        .await;
    assert_eq!(
        answer.ok()["addAllianceMember"]["userErrors"],
        json!([]),
        "{}",
        answer.body
    );
}

/// An alliance in `zone` with one meeting and two action items, due 1 and 2 March 2027.
pub(super) async fn meeting_with_items(
    app: &TestApp,
    admin: &str,
    name: &str,
    zone: &str,
) -> Value {
    let alliance = create_alliance(app, admin, name, Some(zone)).await["alliance"]["id"].clone();
    let plastics = app.organization_id("省塑料协会").await;
    add_member(app, admin, &alliance, &plastics, "2027-01-01").await;
    let scheduled = app
        .gql(
            Some(admin),
            "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } userErrors { field code } } }",
            json!({ "input": { "allianceId": alliance, "title": "月度例会", "startsAt": "2027-02-26T02:00:00Z", "endsAt": "2027-02-26T04:00:00Z" } }),
        )
        .await;
    let meeting = scheduled.ok()["scheduleMeeting"]["meeting"]["id"].clone();
    assert!(meeting.is_string(), "{}", scheduled.body);
    for (title, due) in [("一日到期", "2027-03-01"), ("二日到期", "2027-03-02")] {
        let created = app
            .gql(
                Some(admin),
                "mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { actionItem { id } userErrors { field code } } }",
                json!({ "input": { "meetingId": meeting, "title": title, "assigneeOrganizationId": plastics, "dueOn": due } }),
            )
            .await;
        assert_eq!(
            created.ok()["createActionItem"]["userErrors"],
            json!([]),
            "{}",
            created.body
        );
    }
    meeting
}
