//! Every request limit answers with a clear error before anything runs.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_api::Limits;
use alliance_tests::{Options, TestApp};
use serde_json::json;
use std::time::Duration;

fn limit_of(answer: &alliance_tests::Gql) -> Option<&str> {
    answer.errors()[0]["extensions"]["limit"].as_str()
}

#[tokio::test]
async fn a_batch_of_a_thousand_logins_is_refused_whole() {
    let app = TestApp::new().await;
    let one = json!({ "query": "mutation { login(input: {login: \"member@example.com\", password: \"guess\"}) { accessToken } }" });
    let batch: Vec<_> = (0..1000).map(|_| one.clone()).collect();
    let answer = app.post(None, &[], serde_json::Value::Array(batch)).await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"));
    assert_eq!(limit_of(&answer), Some("batch"));
    // Nothing ran: no failed attempt was counted, no audit entry written.
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM login_throttle").await,
        0
    );
    // A small batch is fine.
    let small = app
        .post(
            None,
            &[],
            json!([{ "query": "{ me { name } }" }, { "query": "{ integrationScopes }" }]),
        )
        .await;
    assert_eq!(small.status, 200);
    assert!(
        small.body[1]["data"]["integrationScopes"]
            .as_array()
            .unwrap()
            .len()
            > 3
    );
}

#[tokio::test]
async fn depth_complexity_aliases_and_root_fields_are_limited() {
    let app = TestApp::spawn(Options {
        limits: Limits {
            max_depth: 6,
            max_complexity: 500,
            max_aliases: 3,
            max_root_fields: 3,
            ..Limits::default()
        },
        ..Options::default()
    })
    .await;
    let token = app.token("admin@example.com").await;
    let deep = app.gql(Some(&token), "{ me { organizationMemberships(first: 1) { nodes { organization { members(first: 1) { nodes { user { name } } } } } } } }", json!({})).await;
    assert_eq!(
        (deep.code(), limit_of(&deep)),
        (Some("BAD_USER_INPUT"), Some("depth")),
        "{}",
        deep.body
    );

    let complex = app
        .gql(
            Some(&token),
            "{ organizations(first: 100) { nodes { members(first: 100) { nodes { id } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        (complex.code(), limit_of(&complex)),
        (Some("BAD_USER_INPUT"), Some("complexity")),
        "{}",
        complex.body
    );
    let modest = app
        .gql(
            Some(&token),
            "{ organizations(first: 5) { nodes { members(first: 5) { nodes { id } } } } }",
            json!({}),
        )
        .await;
    modest.ok();

    let aliases = app
        .gql(
            Some(&token),
            "{ a: me { name } b: me { name } c: me { name } d: me { name } }",
            json!({}),
        )
        .await;
    assert_eq!(aliases.code(), Some("BAD_USER_INPUT"));
    assert!(["aliases", "rootFields"].contains(&limit_of(&aliases).unwrap()));
    let nested_aliases = app
        .gql(
            Some(&token),
            "{ me { a: name b: name c: name d: name } }",
            json!({}),
        )
        .await;
    assert_eq!(limit_of(&nested_aliases), Some("aliases"));
    let roots = app.gql(Some(&token), "{ me { name } integrationScopes alliances { totalCount } organizations { totalCount } }", json!({})).await;
    assert_eq!(limit_of(&roots), Some("rootFields"));
}

#[tokio::test]
async fn the_body_size_is_limited() {
    let app = TestApp::spawn(Options {
        limits: Limits {
            max_body_bytes: 1024,
            ..Limits::default()
        },
        ..Options::default()
    })
    .await;
    let padding = "x".repeat(2048);
    let answer = app
        .gql(None, &format!("{{ me {{ name }} }} # {padding}"), json!({}))
        .await;
    assert_eq!(
        (answer.status, answer.code(), limit_of(&answer)),
        (413, Some("BAD_USER_INPUT"), Some("bodySize"))
    );
}

#[tokio::test]
async fn slow_requests_are_stopped_by_the_timeout() {
    let app = TestApp::spawn(Options {
        limits: Limits {
            timeout: Duration::from_millis(1),
            ..Limits::default()
        },
        ..Options::default()
    })
    .await;
    // A login hashes with argon2 (19 MiB, 2 passes): always longer than a millisecond.
    let answer = app
        .login_payload("member@example.com", "whatever-password")
        .await;
    assert_eq!(
        (answer.status, answer.code(), limit_of(&answer)),
        (503, Some("SERVICE_UNAVAILABLE"), Some("timeout"))
    );
}

#[tokio::test]
async fn page_sizes_and_garbage_are_client_errors() {
    let app = TestApp::new().await;
    let token = app.token("admin@example.com").await;
    let big = app
        .gql(
            Some(&token),
            "{ organizations(first: 101) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(big.code(), Some("BAD_USER_INPUT"));
    let cursor = app
        .gql(
            Some(&token),
            "{ organizations(after: \"!!\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(cursor.code(), Some("BAD_USER_INPUT"));
    let syntax = app.gql(Some(&token), "{ organizations { ", json!({})).await;
    assert_eq!(syntax.code(), Some("BAD_USER_INPUT"));
    let unknown = app.gql(Some(&token), "{ nonsense }", json!({})).await;
    assert_eq!(unknown.code(), Some("BAD_USER_INPUT"));
    let not_json = app
        .client
        .post(format!("{}/graphql", app.url))
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status().as_u16(), 400);
    let bad_id = app
        .gql(
            Some(&token),
            "{ organization(id: \"nope\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(bad_id.code(), Some("BAD_USER_INPUT"));
}
