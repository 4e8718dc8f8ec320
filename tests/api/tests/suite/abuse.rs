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

/// Schedules a meeting of the consortium as its convener; returns its id and check-in code.
async fn meeting_with_code(app: &TestApp) -> (String, String) {
    let convener = app.token("convener@example.com").await;
    let starts = app.clock_now() + chrono::Duration::hours(1);
    let scheduled = app
        .gql(
            Some(&convener),
            "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id checkInCode } userErrors { field code } } }",
            json!({ "input": {
                "allianceId": app.alliance_id(alliance_tests::CONSORTIUM).await,
                "title": "签到限流", "startsAt": starts.to_rfc3339(),
                "endsAt": (starts + chrono::Duration::hours(2)).to_rfc3339() } }),
        )
        .await;
    let meeting = &scheduled.ok()["scheduleMeeting"]["meeting"];
    (
        meeting["id"].as_str().unwrap().to_owned(),
        meeting["checkInCode"].as_str().unwrap().to_owned(),
    )
}

const CHECK_IN: &str = "mutation($m: ID!, $c: String!) { checkIn(input: {meetingId: $m, code: $c}) { attendance { checkedInAt } userErrors { field code } } }";

#[tokio::test]
async fn check_in_codes_cannot_be_guessed_in_parallel() {
    let app = TestApp::new().await;
    let (meeting, code) = meeting_with_code(&app).await;
    let member = app.token("member@example.com").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let guesses =
        (0..20).map(|_| app.gql(Some(&member), CHECK_IN, json!({ "m": meeting, "c": wrong })));
    let answers = futures_util::future::join_all(guesses).await;
    let answered = answers
        .iter()
        .filter(|a| a.code() != Some("RATE_LIMITED"))
        .count();
    assert_eq!(
        answered, 5,
        "five wrong codes are answered, the rest refused"
    );
    for answer in answers.iter().filter(|a| a.code() != Some("RATE_LIMITED")) {
        assert_eq!(
            answer.ok()["checkIn"]["userErrors"][0],
            json!({ "field": "code", "code": "INVALID" })
        );
    }
    // Locked for this person and meeting: even the right code is refused until the back-off passes.
    let locked = app
        .gql(Some(&member), CHECK_IN, json!({ "m": meeting, "c": code }))
        .await;
    assert_eq!(locked.code(), Some("RATE_LIMITED"), "{}", locked.body);
    // Another person is not locked by the member's guesses.
    let orgadmin = app.token("orgadmin@example.com").await;
    let other = app
        .gql(
            Some(&orgadmin),
            CHECK_IN,
            json!({ "m": meeting, "c": code }),
        )
        .await;
    assert!(
        other.ok()["checkIn"]["attendance"]["checkedInAt"].is_string(),
        "{}",
        other.body
    );
    app.clock
        .set(app.clock_now() + chrono::Duration::seconds(31));
    let after = app
        .gql(Some(&member), CHECK_IN, json!({ "m": meeting, "c": code }))
        .await;
    assert!(
        after.ok()["checkIn"]["attendance"]["checkedInAt"].is_string(),
        "{}",
        after.body
    );
}

#[tokio::test]
async fn meeting_links_must_be_plain_web_links() {
    let app = TestApp::new().await;
    let (meeting, _) = meeting_with_code(&app).await;
    let convener = app.token("convener@example.com").await;
    let version = app
        .gql(
            Some(&convener),
            "query($id: ID!) { meeting(id: $id) { version } }",
            json!({ "id": meeting }),
        )
        .await
        .ok()["meeting"]["version"]
        .clone();
    for link in [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://user:secret@example.org/room",
        "https://exa mple.org/",
    ] {
        let refused = app
            .gql(
                Some(&convener),
                "mutation($id: ID!, $v: Int!, $u: String) { updateMeeting(input: {id: $id, version: $v, onlineUrl: $u}) { meeting { onlineUrl } userErrors { field code } } }",
                json!({ "id": meeting, "v": version, "u": link }),
            )
            .await;
        assert_eq!(
            refused.ok()["updateMeeting"]["userErrors"][0],
            json!({ "field": "onlineUrl", "code": "INVALID_URL" }),
            "{link}: {}",
            refused.body
        );
    }
    let accepted = app
        .gql(
            Some(&convener),
            "mutation($id: ID!, $v: Int!, $u: String) { updateMeeting(input: {id: $id, version: $v, onlineUrl: $u}) { meeting { onlineUrl } userErrors { field code } } }",
            json!({ "id": meeting, "v": version, "u": "https://meeting.example.org/j/123" }),
        )
        .await;
    assert_eq!(
        accepted.ok()["updateMeeting"]["meeting"]["onlineUrl"],
        "https://meeting.example.org/j/123"
    );
}
