//! Factories of activities for the suite: create one, take it through its lifecycle, and read it.

#![allow(clippy::unwrap_used)] // test helpers

use crate::TestApp;
use serde_json::{Value, json};

pub const FIELDS: &str = "id version status theme checkInCode checkInUrl viewerCanManage
    organizers { isHost organization { name } } headcounts { headCount organization { name } }
    participants { user { name } checkedInAt signedUpAt } totals { signedUp checkedIn headCount participants }
    viewerParticipation { signedUpAt checkedInAt }";

pub fn create_mutation() -> String {
    format!(
        "mutation($input: CreateActivityInput!) {{ createActivity(input: $input) {{ activity {{ {FIELDS} }} userErrors {{ field code message }} }} }}"
    )
}

/// Sends `mutation` (one of the activity mutations taking `input`) and returns its payload.
pub async fn activity_mutation(
    app: &TestApp,
    token: Option<&str>,
    name: &str,
    input: Value,
) -> crate::Gql {
    let input_type = match name {
        "createActivity" => "CreateActivityInput",
        "updateActivity" => "UpdateActivityInput",
        "setActivityHeadcounts" => "SetActivityHeadcountsInput",
        "signUpForActivity" | "cancelActivitySignUp" => "ActivitySignUpInput",
        "checkInToActivity" => "CheckInToActivityInput",
        "checkInActivityParticipant" => "CheckInActivityParticipantInput",
        _ => "ActivityStepInput",
    };
    let query = format!(
        "mutation($input: {input_type}!) {{ {name}(input: $input) {{ activity {{ {FIELDS} }} userErrors {{ field code message }} }} }}"
    );
    app.gql(token, &query, json!({ "input": input })).await
}

/// A planned activity of `alliance` created by `login` (who acts for the host), running now.
pub async fn running_activity(app: &TestApp, login: &str, alliance: &str, theme: &str) -> Value {
    let token = app.token(login).await;
    let now = app.clock_now();
    let answer = activity_mutation(
        app,
        Some(&token),
        "createActivity",
        json!({ "allianceId": alliance, "theme": theme, "kind": "SYMPOSIUM",
                "startsAt": now - chrono::Duration::minutes(30), "endsAt": now + chrono::Duration::hours(2),
                "location": "党员活动室" }),
    )
    .await;
    let payload = &answer.ok()["createActivity"];
    assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
    payload["activity"].clone()
}

/// Takes `activity` (planned, started) to PUBLISHED with a report; returns the final activity.
pub async fn publish(app: &TestApp, login: &str, activity: &Value, report: &str) -> Value {
    let token = app.token(login).await;
    let id = activity["id"].as_str().unwrap();
    let mut version = activity["version"].clone();
    let mut steps = vec![(
        "updateActivity",
        json!({ "report": report, "summary": "座谈交流，共促发展" }),
    )];
    if activity["status"] == "PLANNED" {
        steps.push(("completeActivity", json!({})));
    }
    steps.push(("publishActivity", json!({})));
    for (name, extra) in steps {
        let mut input = json!({ "id": id, "version": version });
        for (k, v) in extra.as_object().unwrap() {
            input[k] = v.clone();
        }
        let answer = activity_mutation(app, Some(&token), name, input).await;
        let payload = &answer.ok()[name];
        assert_eq!(payload["userErrors"], json!([]), "{name}: {}", answer.body);
        version = payload["activity"]["version"].clone();
    }
    let answer = app
        .gql(
            Some(&token),
            &format!("query($id: ID!) {{ activity(id: $id) {{ {FIELDS} }} }}"),
            json!({ "id": id }),
        )
        .await;
    answer.ok()["activity"].clone()
}

/// The uuid inside a global id.
pub fn uuid_of(id: &str) -> uuid::Uuid {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(id)
        .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    uuid::Uuid::parse_str(text.split_once(':').unwrap().1).unwrap()
}
