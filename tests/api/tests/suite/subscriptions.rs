//! Subscriptions decide access before every event, not once when the socket opens: a viewer who
//! lost access stops receiving, convener-only fields follow the lead term, and the server closes
//! the socket with 4401 when the token expires or its session ends.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{CONSORTIUM, Options, TestApp};
use futures_util::{SinkExt, StreamExt};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use uuid::Uuid;

mod notifications;

/// Long enough for any delivery on a loaded machine; only reached when something is wrong.
const PATIENCE: Duration = Duration::from_secs(30);

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

struct Socket(Ws);

/// What the server sent: a graphql-ws message, or the close frame's code.
#[derive(Debug)]
enum Received {
    Json(Value),
    Closed(Option<u16>),
}

impl Socket {
    /// Connects with `token` and waits for `connection_ack`.
    async fn open(app: &TestApp, token: &str) -> Self {
        Self::open_with(app, json!({ "Authorization": format!("Bearer {token}") })).await
    }

    /// Connects with this `connection_init` payload (`{}`: anonymous) and waits for `connection_ack`.
    async fn open_with(app: &TestApp, payload: Value) -> Self {
        let mut request = (app.url.replace("http://", "ws://") + "/graphql/ws")
            .into_client_request()
            .unwrap();
        request.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            "graphql-transport-ws".parse().unwrap(),
        );
        let (socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
        let mut socket = Self(socket);
        socket
            .send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        match socket.receive().await {
            Received::Json(ack) => assert_eq!(ack["type"], "connection_ack", "{ack}"),
            other => panic!("expected connection_ack, got {other:?}"),
        }
        socket
    }

    async fn send(&mut self, message: Value) {
        self.0
            .send(Message::Text(message.to_string().into()))
            .await
            .unwrap();
    }

    async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        self.send(json!({ "id": id, "type": "subscribe", "payload": { "query": query, "variables": variables } }))
            .await;
    }

    /// The next message within `within`; `None` when nothing came.
    async fn receive_within(&mut self, within: Duration) -> Option<Received> {
        loop {
            let message = match tokio::time::timeout(within, self.0.next()).await {
                Err(_) => return None,
                Ok(None) => return Some(Received::Closed(None)),
                Ok(Some(Err(e))) => panic!("socket error: {e}"),
                Ok(Some(Ok(message))) => message,
            };
            match message {
                Message::Text(text) => {
                    let value: Value = serde_json::from_str(&text).unwrap();
                    if value["type"] == "ping" {
                        self.send(json!({ "type": "pong" })).await;
                        continue;
                    }
                    return Some(Received::Json(value));
                }
                Message::Close(frame) => {
                    return Some(Received::Closed(frame.map(|f| u16::from(f.code))));
                }
                _ => {}
            }
        }
    }

    async fn receive(&mut self) -> Received {
        self.receive_within(PATIENCE)
            .await
            .expect("the server sent nothing in time")
    }

    /// Causes `poke` until subscription `id` delivers, which proves it is live (the server
    /// sends nothing when a subscription starts). Returns the delivered data.
    async fn until_live<F, Fut>(&mut self, id: &str, poke: F) -> Value
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = ()>,
    {
        for _ in 0..10 {
            poke().await;
            // One delivery per poke; a poke before the subscription started is simply missed.
            while let Some(received) = self.receive_within(Duration::from_secs(2)).await {
                match received {
                    Received::Json(m) if m["type"] == "next" && m["id"] == id => {
                        return m["payload"]["data"].clone();
                    }
                    Received::Json(m) if m["type"] == "next" => {}
                    other => panic!("while waiting for subscription {id}: {other:?}"),
                }
            }
        }
        panic!("subscription {id} never delivered");
    }

    /// Waits for the close frame, passing over anything sent before it.
    async fn close_code(&mut self) -> Option<u16> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match self.receive_within(left).await {
                None => panic!("the socket was not closed in time"),
                Some(Received::Closed(code)) => return code,
                Some(Received::Json(m)) => assert_ne!(
                    m["type"], "next",
                    "nothing is delivered once the credential no longer holds: {m}"
                ),
            }
        }
    }
}

/// The uuid behind a GraphQL id.
fn uuid_of(id: &Value) -> Uuid {
    alliance_api::kernel::ids::decode_any(id.as_str().unwrap())
        .unwrap()
        .1
}

/// A change notification, as a mutation of the object publishes it.
async fn publish(app: &TestApp, topic: &str, id: Uuid) {
    alliance_domain::kernel::events::publish(&app.services.db, topic, id)
        .await
        .unwrap();
}

async fn meeting_in_consortium(app: &TestApp, convener: &str) -> Value {
    let consortium = app.alliance_id(CONSORTIUM).await;
    let starts = app.clock_now() + chrono::Duration::days(20);
    let answer = app
        .gql(Some(convener), "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } userErrors { field code } } }", json!({ "input": {
            "allianceId": consortium, "title": "实时联席会议", "startsAt": starts.to_rfc3339(), "endsAt": (starts + chrono::Duration::hours(2)).to_rfc3339(), "location": "党员活动室" } }))
        .await;
    let payload = answer.ok()["scheduleMeeting"].clone();
    assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
    payload["meeting"]["id"].clone()
}

const MEETING_TITLE: &str =
    "subscription($id: ID!) { meetingUpdated(meetingId: $id) { id title } }";
const MEETING_CODE: &str =
    "subscription($id: ID!) { meetingUpdated(meetingId: $id) { id checkInCode } }";
const ORGANIZATION: &str = "subscription($id: ID!) { organizationUpdated(id: $id) { id name } }";

#[tokio::test]
async fn a_member_whose_organization_left_the_alliance_stops_receiving_its_meetings() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let secretariat = app.token("secretariat@example.com").await;
    let member = app.token("member@example.com").await;
    let meeting = meeting_in_consortium(&app, &convener).await;
    let meeting_uuid = uuid_of(&meeting);
    let huaan = app.organization_id("华安证券公益基金会").await;
    let huaan_uuid = uuid_of(&json!(huaan));

    let mut socket = Socket::open(&app, &member).await;
    socket
        .subscribe("1", MEETING_TITLE, json!({ "id": meeting }))
        .await;
    socket
        .subscribe("2", ORGANIZATION, json!({ "id": huaan }))
        .await;
    let data = socket
        .until_live("1", || publish(&app, "meeting", meeting_uuid))
        .await;
    assert_eq!(data["meetingUpdated"]["title"], "实时联席会议");
    socket
        .until_live("2", || publish(&app, "organization", huaan_uuid))
        .await;

    // 华安 leaves the consortium today.
    let consortium = app.alliance_id(CONSORTIUM).await;
    let left = app
        .gql(Some(&secretariat), "mutation($input: RemoveAllianceMemberInput!) { removeAllianceMember(input: $input) { userErrors { field code message } } }", json!({ "input": {
            "allianceId": consortium, "organizationId": huaan, "leftOn": app.clock_now().date_naive() } }))
        .await;
    assert_eq!(
        left.ok()["removeAllianceMember"]["userErrors"],
        json!([]),
        "{}",
        left.body
    );
    let still_visible = app
        .gql(
            Some(&member),
            "query($id: ID!) { meeting(id: $id) { id } }",
            json!({ "id": meeting }),
        )
        .await;
    assert_eq!(
        still_visible.ok()["meeting"],
        Value::Null,
        "the precondition"
    );

    // The next meeting event is not delivered: the subscription ends instead.
    publish(&app, "meeting", meeting_uuid).await;
    match socket.receive().await {
        Received::Json(m) => {
            assert_eq!(m["type"], "complete", "{m}");
            assert_eq!(m["id"], "1", "{m}");
        }
        other => panic!("expected the meeting subscription to end, got {other:?}"),
    }
    // The connection itself stays up for what the member may still see.
    publish(&app, "organization", huaan_uuid).await;
    match socket.receive().await {
        Received::Json(m) => {
            assert_eq!(m["type"], "next", "{m}");
            assert_eq!(m["id"], "2", "{m}");
        }
        other => panic!("expected the organization event, got {other:?}"),
    }
}

#[tokio::test]
async fn logging_out_closes_the_socket_with_4401() {
    let app = TestApp::new().await;
    let member = app.token("member@example.com").await;
    let huaan = app.organization_id("华安证券公益基金会").await;
    let huaan_uuid = uuid_of(&json!(huaan));
    let mut socket = Socket::open(&app, &member).await;
    socket
        .subscribe("1", ORGANIZATION, json!({ "id": huaan }))
        .await;
    socket
        .until_live("1", || publish(&app, "organization", huaan_uuid))
        .await;

    let out = app
        .gql(
            Some(&member),
            "mutation { logout(input: {}) { loggedOut } }",
            json!({}),
        )
        .await;
    assert_eq!(out.ok()["logout"]["loggedOut"], true);
    // No event needed: the revocation itself closes the socket.
    assert_eq!(socket.close_code().await, Some(4401));
}

#[tokio::test]
async fn when_the_lead_term_ends_the_check_in_code_is_no_longer_sent() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let meeting = meeting_in_consortium(&app, &convener).await;
    let meeting_uuid = uuid_of(&meeting);
    let mut socket = Socket::open(&app, &convener).await;
    socket
        .subscribe("1", MEETING_CODE, json!({ "id": meeting }))
        .await;
    let data = socket
        .until_live("1", || publish(&app, "meeting", meeting_uuid))
        .await;
    assert!(
        data["meetingUpdated"]["checkInCode"].is_string(),
        "the lead convener sees the code: {data}"
    );

    // The current term ends in a minute (well within the access token's life); then it is over.
    let now = app.clock_now();
    let consortium = uuid_of(&json!(app.alliance_id(CONSORTIUM).await));
    let shortened = app
        .services
        .db
        .execute_raw(alliance_domain::kernel::db::stmt(
            "UPDATE lead_terms SET ends_at = $2 WHERE alliance_id = $1 AND starts_at <= $3 AND ends_at > $3",
            [
                consortium.into(),
                (now + chrono::Duration::minutes(1)).into(),
                now.into(),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(shortened.rows_affected(), 1);
    app.clock.set(now + chrono::Duration::minutes(2));

    publish(&app, "meeting", meeting_uuid).await;
    match socket.receive().await {
        Received::Json(m) => {
            assert_eq!(m["type"], "next", "{m}");
            assert_eq!(m["payload"]["data"]["meetingUpdated"]["id"], meeting);
            assert_eq!(
                m["payload"]["data"]["meetingUpdated"]["checkInCode"],
                Value::Null,
                "no longer the convener: {m}"
            );
        }
        other => panic!("expected the meeting, got {other:?}"),
    }
}

#[tokio::test]
async fn an_expired_access_token_closes_the_socket_on_the_next_event() {
    let app = TestApp::new().await;
    let member = app.token("member@example.com").await;
    let huaan = app.organization_id("华安证券公益基金会").await;
    let huaan_uuid = uuid_of(&json!(huaan));
    let mut socket = Socket::open(&app, &member).await;
    socket
        .subscribe("1", ORGANIZATION, json!({ "id": huaan }))
        .await;
    socket
        .until_live("1", || publish(&app, "organization", huaan_uuid))
        .await;

    // Past the token's `exp` (15 minutes) by the server's clock.
    app.clock
        .set(app.clock_now() + chrono::Duration::minutes(16));
    publish(&app, "organization", huaan_uuid).await;
    assert_eq!(socket.close_code().await, Some(4401));
}

#[tokio::test]
async fn the_socket_closes_with_4401_when_the_access_token_expires_without_any_event() {
    let app = TestApp::spawn(Options {
        access_token_ttl: Some(Duration::from_secs(6)),
        ..Options::default()
    })
    .await;
    let member = app.token("member@example.com").await;
    let huaan = app.organization_id("华安证券公益基金会").await;
    let huaan_uuid = uuid_of(&json!(huaan));
    let mut socket = Socket::open(&app, &member).await;
    socket
        .subscribe("1", ORGANIZATION, json!({ "id": huaan }))
        .await;
    socket
        .until_live("1", || publish(&app, "organization", huaan_uuid))
        .await;
    // The timer armed at the token's `exp` closes it.
    assert_eq!(socket.close_code().await, Some(4401));
}

#[tokio::test]
async fn a_user_disabled_with_their_sessions_revoked_is_disconnected() {
    let app = TestApp::new().await;
    let member = app.token("member@example.com").await;
    let huaan = app.organization_id("华安证券公益基金会").await;
    let huaan_uuid = uuid_of(&json!(huaan));
    let mut socket = Socket::open(&app, &member).await;
    socket
        .subscribe("1", ORGANIZATION, json!({ "id": huaan }))
        .await;
    socket
        .until_live("1", || publish(&app, "organization", huaan_uuid))
        .await;

    // Straight in the database, as an operator would: no event announces it.
    app.services
        .db
        .execute_unprepared(
            "UPDATE users SET disabled_at = now() WHERE email = 'member@example.com';
             UPDATE sessions SET revoked_at = now(), revoked_reason = 'user_disabled'
              WHERE user_id = (SELECT id FROM users WHERE email = 'member@example.com')",
        )
        .await
        .unwrap();
    // The next event re-checks the credential and closes instead of delivering.
    publish(&app, "organization", huaan_uuid).await;
    assert_eq!(socket.close_code().await, Some(4401));
}

/// `me` is answered from the user's row read with the session check. On a socket that principal
/// lives for the whole connection, so after a change of the profile on the same socket `me` must
/// read the row again rather than answer it as it was when the socket opened.
#[tokio::test]
async fn me_on_a_socket_reads_the_profile_again_after_changing_it() {
    let app = TestApp::new().await;
    let token = app.token("member@example.com").await;
    let mut socket = Socket::open(&app, &token).await;
    let mut ask = async |id: &str, query: &str, variables: Value| -> Value {
        socket.subscribe(id, query, variables).await;
        let answer = match socket.receive().await {
            Received::Json(m) if m["type"] == "next" && m["id"] == id => m["payload"].clone(),
            other => panic!("operation {id}: {other:?}"),
        };
        match socket.receive().await {
            Received::Json(m) if m["type"] == "complete" && m["id"] == id => {}
            other => panic!("operation {id} did not complete: {other:?}"),
        }
        assert!(answer.get("errors").is_none(), "{answer}");
        answer["data"].clone()
    };
    let me = "{ me { name version } }";
    let before = ask("1", me, json!({})).await;
    let version = before["me"]["version"].clone();
    let changed = ask(
        "2",
        "mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { user { name } userErrors { code } } }",
        json!({ "input": { "name": "王同步", "phone": null, "locale": "zh-CN", "version": version } }),
    )
    .await;
    assert_eq!(
        changed["updateMyProfile"]["userErrors"],
        json!([]),
        "{changed}"
    );
    let after = ask("3", me, json!({})).await;
    assert_eq!(after["me"]["name"], "王同步", "{after}");
    assert_eq!(
        after["me"]["version"].as_i64(),
        version.as_i64().map(|v| v + 1)
    );
}
