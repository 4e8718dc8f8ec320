//! Client mistakes answer `BAD_USER_INPUT` naming the argument or the value's path, before
//! anything runs, over HTTP and over the WebSocket alike; none ends as `INTERNAL`.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_api::Limits;
use alliance_tests::{CONSORTIUM, Gql, Options, TestApp};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

#[track_caller]
fn assert_bad_input(answer: &Gql, field: Option<&str>) {
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
    assert!(answer.status < 500, "{}", answer.status);
    if let Some(field) = field {
        assert_eq!(
            answer.errors()[0]["extensions"]["field"].as_str(),
            Some(field),
            "{}",
            answer.body
        );
    }
}

#[tokio::test]
async fn nul_bytes_are_refused_anonymously_in_variables_and_literals() {
    let app = TestApp::new().await;
    let search = app
        .gql(
            None,
            "query($s: String) { organizations(search: $s) { totalCount } }",
            json!({ "s": "党\u{0}支部" }),
        )
        .await;
    assert_bad_input(&search, Some("s"));
    assert_eq!(search.errors()[0]["extensions"]["variable"], "s");
    let inline = app
        .gql(
            None,
            r#"{ organizations(search: "a\u0000b") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_bad_input(&inline, Some("search"));
    let login = app
        .gql(
            None,
            "mutation($input: LoginInput!) { login(input: $input) { accessToken } }",
            json!({ "input": { "login": "member@example.com\u{0}", "password": "x" } }),
        )
        .await;
    assert_bad_input(&login, Some("input.login"));
    let nested_inline = app
        .gql(
            None,
            r#"mutation { login(input: {login: "a", password: "b\u0000"}) { accessToken } }"#,
            json!({}),
        )
        .await;
    assert_bad_input(&nested_inline, Some("input.password"));
    // Nothing ran: no login attempt was counted.
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM login_throttle").await,
        0
    );
    // A default value in the document is checked too.
    let default = app
        .gql(
            None,
            r#"query($s: String = "x\u0000") { organizations(search: $s) { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_bad_input(&default, Some("s"));
    // Unusual but valid text passes.
    let fine = app
        .gql(
            None,
            "query($s: String) { organizations(search: $s) { totalCount } }",
            json!({ "s": "🙂\u{202e}e\u{301}" }),
        )
        .await;
    fine.ok();
}

#[tokio::test]
async fn malformed_scalars_name_their_argument() {
    let app = TestApp::new().await;
    let token = app.token("admin@example.com").await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let schedule = "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } userErrors { field code } } }";
    let bad_date = app
        .gql(
            Some(&token),
            schedule,
            json!({ "input": { "allianceId": consortium, "title": "x", "startsAt": "yesterday", "endsAt": "2030-01-01T00:00:00Z" } }),
        )
        .await;
    // The value is named by its path; the message names the scalar and the input type it sits in.
    assert_bad_input(&bad_date, Some("input.startsAt"));
    let message = bad_date.errors()[0]["message"].as_str().unwrap();
    assert!(
        message.contains("DateTime") && message.contains("ScheduleMeetingInput"),
        "{message}"
    );
    let inline_date = app
        .gql(
            Some(&token),
            &format!(
                r#"mutation {{ scheduleMeeting(input: {{allianceId: "{consortium}", title: "x", startsAt: "2030-02-30T00:00:00Z", endsAt: "2030-03-01T00:00:00Z"}}) {{ meeting {{ id }} }} }}"#
            ),
            json!({}),
        )
        .await;
    assert_bad_input(&inline_date, Some("input.startsAt"));
    let meetings = app
        .gql(
            Some(&token),
            r#"{ meetings(from: "not a time") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_bad_input(&meetings, Some("from"));
    let id = app
        .gql(
            Some(&token),
            "query($id: ID!) { alliance(id: $id) { name } }",
            json!({ "id": 12 }),
        )
        .await;
    assert_eq!(id.code(), Some("BAD_USER_INPUT"), "{}", id.body);
    let garbage_id = app
        .gql(
            Some(&token),
            "query($id: ID!) { alliance(id: $id) { name } }",
            json!({ "id": "\u{ffff}💥not-an-id" }),
        )
        .await;
    assert!(
        garbage_id.code().is_none() || garbage_id.code() == Some("BAD_USER_INPUT"),
        "{}",
        garbage_id.body
    );
    let cursor = app
        .gql(
            Some(&token),
            r#"{ organizations(first: 2, after: "%%%not-a-cursor") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert!(
        cursor.code().is_none() || cursor.code() == Some("BAD_USER_INPUT"),
        "{}",
        cursor.body
    );
}

#[tokio::test]
async fn out_of_range_numbers_inside_input_objects_are_bad_input() {
    let app = TestApp::new().await;
    let token = app.token("admin@example.com").await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    for terms in [
        json!(2_147_483_648_i64),
        json!(9_007_199_254_740_993_i64),
        json!(1.5),
        json!(-1e300),
    ] {
        let answer = app
            .gql(
                Some(&token),
                "mutation($input: GenerateLeadScheduleInput!) { generateLeadSchedule(input: $input) { userErrors { field code } } }",
                json!({ "input": { "allianceId": consortium, "leadScheduleVersion": 1, "terms": terms } }),
            )
            .await;
        assert_eq!(
            answer.code(),
            Some("BAD_USER_INPUT"),
            "{terms}: {}",
            answer.body
        );
    }
    let inline = app
        .gql(
            Some(&token),
            &format!(
                r#"mutation {{ generateLeadSchedule(input: {{allianceId: "{consortium}", leadScheduleVersion: 1, terms: 99999999999}}) {{ userErrors {{ field }} }} }}"#
            ),
            json!({}),
        )
        .await;
    assert_bad_input(&inline, Some("input.terms"));
    let first = app
        .gql(
            None,
            "{ organizations(first: 4294967296) { totalCount } }",
            json!({}),
        )
        .await;
    assert_bad_input(&first, Some("first"));
}

#[tokio::test]
async fn invalid_utf8_and_oversized_strings_are_refused() {
    let app = TestApp::spawn(Options {
        limits: Limits {
            max_body_bytes: 4 * 1024 * 1024,
            ..Limits::default()
        },
        ..Options::default()
    })
    .await;
    let mut body = br#"{"query":"{ organizations(search: \"a"#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe]);
    body.extend_from_slice(br#"\") { totalCount } }"}"#);
    let response = app
        .client
        .post(format!("{}/graphql", app.url))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    let lone_surrogate = app
        .client
        .post(format!("{}/graphql", app.url))
        .header("content-type", "application/json")
        .body(r#"{"query":"query($s: String) { organizations(search: $s) { totalCount } }","variables":{"s":"\ud800"}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(lone_surrogate.status(), 400);

    let huge = "长".repeat(400_000); // 1.2 MB of UTF-8
    let answer = app
        .gql(
            None,
            "query($s: String) { organizations(search: $s) { totalCount } }",
            json!({ "s": huge }),
        )
        .await;
    assert_bad_input(&answer, Some("s"));
    assert!(
        answer.errors()[0]["message"]
            .as_str()
            .unwrap()
            .contains("bytes"),
        "{}",
        answer.body
    );
}

/// The WebSocket runs the same checks: a NUL byte in a subscription's or a query's variables.
#[tokio::test]
async fn the_websocket_refuses_nul_bytes_too() {
    let app = TestApp::new().await;
    let mut request = (app.url.replace("http://", "ws://") + "/graphql/ws")
        .into_client_request()
        .unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let send = |v: Value| Message::Text(v.to_string().into());
    socket
        .send(send(json!({ "type": "connection_init", "payload": {} })))
        .await
        .unwrap();
    assert_eq!(next_message(&mut socket).await["type"], "connection_ack");
    socket
        .send(send(json!({ "id": "1", "type": "subscribe", "payload": {
            "query": "query($s: String) { organizations(search: $s) { totalCount } }",
            "variables": { "s": "x\u{0}" } } })))
        .await
        .unwrap();
    let answer = next_message(&mut socket).await;
    assert_eq!(answer["id"], "1", "{answer}");
    let errors = if answer["type"] == "error" {
        answer["payload"].clone()
    } else {
        answer["payload"]["errors"].clone()
    };
    assert_eq!(
        errors[0]["extensions"]["code"], "BAD_USER_INPUT",
        "{answer}"
    );
    assert_eq!(errors[0]["extensions"]["field"], "s", "{answer}");
}

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// The next graphql-ws message other than a ping.
async fn next_message(socket: &mut Ws) -> Value {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(30), socket.next())
            .await
            .expect("the server answers")
            .unwrap()
            .unwrap();
        if let Message::Text(text) = message {
            let value: Value = serde_json::from_str(&text).unwrap();
            if value["type"] != "ping" {
                return value;
            }
        }
    }
}
