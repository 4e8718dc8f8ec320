//! Abuse resistance: throttles that parallel guesses cannot outrun, bounded metric labels,
//! security headers on every response, and credentials of disabled creators refused.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{DEMO_PASSWORD, Options, TestApp};
use serde_json::json;

fn throttle(account: i32) -> Options {
    Options {
        throttle: alliance_domain::kernel::config::ThrottleConfig {
            account_free_failures: account,
            address_free_failures: 1000,
            ..Default::default()
        },
        ..Options::default()
    }
}

#[tokio::test]
async fn forty_parallel_wrong_logins_get_at_most_the_free_answers() {
    let app = TestApp::spawn(throttle(5)).await;
    let attempts = (0..40).map(|i| {
        // E-mail and phone of one account share the counter.
        let login = if i % 2 == 0 {
            "member@example.com"
        } else {
            "138-0000 0006"
        };
        app.login_payload(login, "wrong-password")
    });
    let answers = futures_util::future::join_all(attempts).await;
    let answered = answers
        .iter()
        .filter(|a| a.code() != Some("RATE_LIMITED"))
        .count();
    assert!(answered <= 5, "{answered} of 40 were answered");
    assert_eq!(answered, 5, "the free attempts are answered");
    // Locked: even the right password is refused, by e-mail and by phone.
    let locked = app.login_payload("138-0000 0006", DEMO_PASSWORD).await;
    assert_eq!(locked.code(), Some("RATE_LIMITED"), "{}", locked.body);
    assert!(
        locked.errors()[0]["extensions"]["retryAfter"]
            .as_u64()
            .unwrap()
            >= 1
    );
}

#[tokio::test]
async fn the_current_password_of_change_password_is_throttled_too() {
    let app = TestApp::spawn(throttle(3)).await;
    let token = app.token("member@example.com").await;
    let change = |current: &'static str| {
        app.gql(
            Some(&token),
            "mutation($c: String!) { changePassword(input: {currentPassword: $c, newPassword: \"another-password-1\"}) { userErrors { field code } } }",
            json!({ "c": current }),
        )
    };
    for _ in 0..3 {
        let answer = change("wrong-password").await;
        assert_eq!(
            answer.ok()["changePassword"]["userErrors"][0]["code"],
            "INCORRECT"
        );
    }
    assert_eq!(change(DEMO_PASSWORD).await.code(), Some("RATE_LIMITED"));
    // It is the account's counter: logging in is locked as well.
    assert_eq!(
        app.login_payload("member@example.com", DEMO_PASSWORD)
            .await
            .code(),
        Some("RATE_LIMITED")
    );
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let app = TestApp::new().await;
    let check = |headers: &reqwest::header::HeaderMap, what: &str| {
        let csp = headers
            .get("content-security-policy")
            .unwrap_or_else(|| panic!("{what}: no CSP"))
            .to_str()
            .unwrap()
            .to_owned();
        assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
        assert_eq!(
            headers.get("x-content-type-options").unwrap(),
            "nosniff",
            "{what}"
        );
        assert_eq!(
            headers.get("referrer-policy").unwrap(),
            "no-referrer",
            "{what}"
        );
        assert!(headers.get("permissions-policy").is_some(), "{what}");
        csp
    };
    let post = app.gql(None, "{ me { name } }", json!({})).await;
    let csp = check(&post.headers, "POST /graphql");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let error = app.gql(Some("garbage"), "{ me { name } }", json!({})).await;
    assert_eq!(error.status, 401);
    check(&error.headers, "401");
    let graphiql = app
        .client
        .get(format!("{}/graphql", app.url))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    let csp = check(graphiql.headers(), "GraphiQL");
    assert!(
        csp.contains("https://unpkg.com") && csp.contains("'sha256-"),
        "{csp}"
    );
    let missing = app
        .client
        .get(format!("{}/no-such-page", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    check(missing.headers(), "404");
}

#[tokio::test]
async fn client_chosen_operation_names_never_become_metric_labels() {
    let app = TestApp::new().await;
    let name = format!("Random{}", uuid::Uuid::new_v4().simple());
    app.post(
        None,
        &[],
        json!({ "query": format!("query {name} {{ me {{ name }} }}"), "operationName": name }),
    )
    .await;
    let metrics = app
        .client
        .get(format!("{}/metrics", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("root_field=\"me\""), "{metrics}");
    assert!(!metrics.contains(&name), "{metrics}");
}

#[tokio::test]
async fn a_disabled_creators_integration_token_is_refused() {
    let app = TestApp::new().await;
    let token = app.token("secretariat@example.com").await;
    let alliance = app.alliance_id(alliance_tests::CONSORTIUM).await;
    let created = app
        .gql(
            Some(&token),
            "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret userErrors { code } } }",
            json!({ "input": { "name": "portal", "scopes": ["read:alliance"], "allianceId": alliance } }),
        )
        .await;
    let secret = created.ok()["createIntegrationToken"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let query = "{ alliances { nodes { name } } }";
    app.gql(Some(&secret), query, json!({})).await.ok();
    app.scalar_i64("WITH d AS (UPDATE users SET disabled_at = now() WHERE email = 'secretariat@example.com' RETURNING 1) SELECT count(*) FROM d").await;
    let refused = app.gql(Some(&secret), query, json!({})).await;
    assert_eq!(
        (refused.status, refused.code()),
        (401, Some("UNAUTHENTICATED")),
        "{}",
        refused.body
    );
}
