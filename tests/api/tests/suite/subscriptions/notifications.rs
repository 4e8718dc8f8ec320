//! `unreadNotificationCount` as a subscription: the count at once, then again whenever a
//! notification is written for the viewer or marked read — never for someone else's.

use super::{Received, Socket};
use alliance_tests::{CONSORTIUM, TestApp};
use serde_json::{Value, json};
use std::time::Duration;

const COUNT: &str = "subscription { unreadNotificationCount }";

/// The next count delivered on subscription `id`.
async fn next_count(socket: &mut Socket, id: &str) -> i64 {
    match socket.receive().await {
        Received::Json(m) if m["type"] == "next" && m["id"] == id => {
            m["payload"]["data"]["unreadNotificationCount"]
                .as_i64()
                .unwrap_or_else(|| panic!("a count: {m}"))
        }
        other => panic!("expected a count on {id}, got {other:?}"),
    }
}

/// The code of the error that ends a refused subscription (sent as its one result).
async fn refusal(socket: &mut Socket) -> String {
    match socket.receive().await {
        Received::Json(m) => {
            assert!(m["payload"]["data"].is_null(), "no data: {m}");
            m["payload"]["errors"][0]["extensions"]["code"]
                .as_str()
                .unwrap_or_else(|| panic!("an error code: {m}"))
                .to_owned()
        }
        other => panic!("expected an error, got {other:?}"),
    }
}

async fn schedule(app: &TestApp, convener: &str) -> Value {
    let consortium = app.alliance_id(CONSORTIUM).await;
    let starts = app.clock_now() + chrono::Duration::days(10);
    let answer = app
        .gql(Some(convener), "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } userErrors { field code } } }", json!({ "input": {
            "allianceId": consortium, "title": "提醒实时会议", "startsAt": starts.to_rfc3339(), "endsAt": (starts + chrono::Duration::hours(2)).to_rfc3339() } }))
        .await;
    let payload = answer.ok()["scheduleMeeting"].clone();
    assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
    payload["meeting"]["id"].clone()
}

async fn unread(app: &TestApp, token: &str) -> i64 {
    app.gql(Some(token), "{ unreadNotificationCount }", json!({}))
        .await
        .ok()["unreadNotificationCount"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn the_convener_hears_of_a_proposal_at_once_and_the_proposer_hears_nothing() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let meeting = schedule(&app, &convener).await;

    let mut to_convener = Socket::open(&app, &convener).await;
    to_convener.subscribe("c", COUNT, json!({})).await;
    let before = next_count(&mut to_convener, "c").await;
    assert_eq!(
        before,
        unread(&app, &convener).await,
        "the first value is the count now"
    );
    let mut to_proposer = Socket::open(&app, &org_admin).await;
    to_proposer.subscribe("p", COUNT, json!({})).await;
    let proposer_before = next_count(&mut to_proposer, "p").await;

    let proposed = app
        .gql(Some(&org_admin), "mutation($m: ID!) { proposeAgendaItem(input: {meetingId: $m, title: \"共建项目进展\"}) { agendaItem { id } } }", json!({ "m": meeting }))
        .await;
    assert!(
        proposed.ok()["proposeAgendaItem"]["agendaItem"]["id"].is_string(),
        "{}",
        proposed.body
    );
    assert_eq!(next_count(&mut to_convener, "c").await, before + 1);
    assert!(
        to_proposer
            .receive_within(Duration::from_secs(2))
            .await
            .is_none(),
        "the proposer's own count did not change, so nothing is sent ({proposer_before})"
    );

    // Marking everything read elsewhere (another tab) brings the count down live as well.
    let read = app
        .gql(
            Some(&convener),
            "mutation { markNotificationsRead(input: {all: true}) { unreadCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        read.ok()["markNotificationsRead"]["unreadCount"],
        0,
        "{}",
        read.body
    );
    assert_eq!(next_count(&mut to_convener, "c").await, 0);
}

#[tokio::test]
async fn anonymous_visitors_and_integrations_cannot_subscribe() {
    let app = TestApp::new().await;
    let anonymous = app
        .post(None, &[], json!({ "query": "{ unreadNotificationCount }" }))
        .await;
    assert_eq!(
        anonymous.ok()["unreadNotificationCount"],
        0,
        "the query stays 0 for them"
    );

    let mut socket = Socket::open_with(&app, json!({})).await;
    socket.subscribe("a", COUNT, json!({})).await;
    assert_eq!(refusal(&mut socket).await, "UNAUTHENTICATED");
}

#[tokio::test]
async fn an_integration_token_is_refused_whatever_its_scopes() {
    let app = TestApp::new().await;
    let secretariat = app.token("secretariat@example.com").await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let created = app
        .gql(Some(&secretariat), "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret userErrors { field code } } }",
            json!({ "input": { "name": "区级平台", "scopes": ["read:alliance", "read:meetings"], "allianceId": consortium } }))
        .await;
    let secret = created.ok()["createIntegrationToken"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("a token: {}", created.body))
        .to_owned();
    let mut socket = Socket::open(&app, &secret).await;
    socket.subscribe("i", COUNT, json!({})).await;
    assert_eq!(refusal(&mut socket).await, "FORBIDDEN");
}
