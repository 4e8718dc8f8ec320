//! Forgot password over HTTP: the one-time link by mail or text message, no account enumeration,
//! throttling, expired / used / unknown links, sessions ended; the dev outbox route stays closed.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{DEMO_PASSWORD, TestApp};
use serde_json::{Value, json};

const REQUEST: &str = "mutation($login: String!) { requestPasswordReset(input: {login: $login}) {
    accepted userErrors { field code message } } }";
const RESET: &str = "mutation($token: String!, $password: String!) {
    resetPassword(input: {token: $token, newPassword: $password}) {
      passwordReset userErrors { field code message } } }";
const NEW_PASSWORD: &str = "a-brand-new-secret-9";

async fn request(app: &TestApp, login: &str) -> alliance_tests::Gql {
    app.gql(None, REQUEST, json!({ "login": login })).await
}

async fn reset(app: &TestApp, token: &str, password: &str) -> Value {
    let answer = app
        .gql(None, RESET, json!({ "token": token, "password": password }))
        .await;
    answer.ok()["resetPassword"].clone()
}

/// The token of the last reset link in `body`.
fn link_token(body: &str) -> String {
    let start = body.rfind("/reset-password/").unwrap() + "/reset-password/".len();
    body[start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_owned()
}

/// Delivers the outbox and returns the token of the last reset mail to `to`.
async fn mailed_token(app: &TestApp, to: &str) -> String {
    app.run_due_jobs().await;
    let mail = app
        .outbox
        .messages()
        .into_iter()
        .rev()
        .find(|m| m.to == to)
        .unwrap_or_else(|| panic!("no mail to {to}"));
    link_token(&mail.body)
}

#[tokio::test]
async fn a_mailed_link_sets_a_new_password_once_and_ends_every_session() {
    let app = TestApp::new().await;
    let old_session = app.token("member@example.com").await;
    let answer = request(&app, "  Member@Example.com ").await;
    assert_eq!(answer.ok()["requestPasswordReset"]["accepted"], true);
    let token = mailed_token(&app, "member@example.com").await;
    assert!(token.starts_with("apw_"), "{token}");
    // Only a hash is stored.
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT count(*) FROM account_tokens WHERE token_hash = convert_to('{token}', 'UTF8')"
        ))
        .await,
        0
    );
    let short = reset(&app, &token, "short").await;
    assert_eq!(short["passwordReset"], false);
    assert_eq!(short["userErrors"][0]["field"], "newPassword");
    assert_eq!(short["userErrors"][0]["code"], "TOO_SHORT");

    let done = reset(&app, &token, NEW_PASSWORD).await;
    assert_eq!(done["passwordReset"], true, "{done}");
    assert_eq!(done["userErrors"], json!([]));
    // Every session of the account has ended.
    let me = app
        .gql(Some(&old_session), "{ me { name } }", json!({}))
        .await;
    assert_eq!(me.code(), Some("UNAUTHENTICATED"), "{}", me.body);
    // The old password no longer works; the new one does.
    let old = app.login_payload("member@example.com", DEMO_PASSWORD).await;
    assert_eq!(old.code(), Some("UNAUTHENTICATED"));
    let new = app.login_payload("member@example.com", NEW_PASSWORD).await;
    assert_eq!(new.ok()["login"]["user"]["name"], "李娜");
    // The link works once.
    let again = reset(&app, &token, "yet-another-secret-1").await;
    assert_eq!(again["passwordReset"], false);
    assert_eq!(again["userErrors"][0]["field"], "token");
    assert_eq!(again["userErrors"][0]["code"], "USED");
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM audit_log WHERE action = 'user.reset_password'")
            .await,
        1
    );
}

#[tokio::test]
async fn an_unknown_login_gets_the_same_answer_and_nothing_is_sent() {
    let app = TestApp::new().await;
    let known = request(&app, "member@example.com").await;
    let unknown = request(&app, "nobody-here@example.com").await;
    let unknown_phone = request(&app, "139 9999 9999").await;
    assert_eq!(known.status, unknown.status);
    assert_eq!(known.body, unknown.body);
    assert_eq!(known.body, unknown_phone.body);
    app.run_due_jobs().await;
    let to: Vec<String> = app.outbox.messages().into_iter().map(|m| m.to).collect();
    assert_eq!(to, ["member@example.com"]);
    assert!(app.sms.messages().is_empty());
    // Blank and hostile logins are input errors naming the field, never INTERNAL.
    let blank = request(&app, "   ").await;
    assert_eq!(
        blank.ok()["requestPasswordReset"]["userErrors"][0]["field"],
        "login"
    );
    let hostile = request(
        &app,
        &format!("a'; DROP TABLE users; --{}", "x".repeat(300)),
    )
    .await;
    assert_eq!(
        hostile.ok()["requestPasswordReset"]["userErrors"][0]["code"],
        "INVALID"
    );
    let nul = request(&app, "member@example.com\0").await;
    assert_eq!(nul.code(), Some("BAD_USER_INPUT"));
    assert_eq!(nul.errors()[0]["extensions"]["field"], "login");
}

#[tokio::test]
async fn an_account_with_only_a_phone_gets_the_link_by_text_message() {
    let app = TestApp::new().await;
    app.scalar_i64(
        "WITH u AS (UPDATE users SET email = NULL WHERE email = 'member@example.com' RETURNING 1)
         SELECT count(*) FROM u",
    )
    .await;
    let answer = request(&app, "138-0000-0006").await;
    assert_eq!(answer.ok()["requestPasswordReset"]["accepted"], true);
    app.run_due_jobs().await;
    let texts = app.sms.messages();
    assert_eq!(texts.len(), 1);
    assert_eq!(texts[0].to, "13800000006");
    let token = link_token(&texts[0].body);
    assert_eq!(
        reset(&app, &token, NEW_PASSWORD).await["passwordReset"],
        true
    );
    let new = app.login_payload("13800000006", NEW_PASSWORD).await;
    assert_eq!(new.ok()["login"]["user"]["name"], "李娜");
}

#[tokio::test]
async fn expired_unknown_and_superseded_links_name_the_token() {
    let app = TestApp::new().await;
    request(&app, "member@example.com").await;
    let first = mailed_token(&app, "member@example.com").await;
    request(&app, "member@example.com").await;
    let second = mailed_token(&app, "member@example.com").await;
    assert_ne!(first, second);
    // A new link replaces the unused one.
    let superseded = reset(&app, &first, NEW_PASSWORD).await;
    assert_eq!(superseded["userErrors"][0]["field"], "token");
    assert_eq!(superseded["userErrors"][0]["code"], "INVALID");
    let unknown = reset(&app, "apw_not-a-real-token", NEW_PASSWORD).await;
    assert_eq!(unknown["userErrors"][0]["field"], "token");
    assert_eq!(unknown["userErrors"][0]["code"], "INVALID");
    // 31 minutes later the link has expired.
    app.clock
        .set(app.clock_now() + chrono::Duration::minutes(31));
    let expired = reset(&app, &second, NEW_PASSWORD).await;
    assert_eq!(expired["passwordReset"], false);
    assert_eq!(expired["userErrors"][0]["field"], "token");
    assert_eq!(expired["userErrors"][0]["code"], "EXPIRED");
    let old = app.login_payload("member@example.com", DEMO_PASSWORD).await;
    assert_eq!(old.ok()["login"]["user"]["name"], "李娜");
}

#[tokio::test]
async fn requests_are_throttled_per_login_known_or_not() {
    let app = TestApp::new().await;
    for login in ["member@example.com", "nobody-here@example.com"] {
        for _ in 0..3 {
            let answer = request(&app, login).await;
            assert_eq!(answer.ok()["requestPasswordReset"]["accepted"], true);
        }
        let limited = request(&app, login).await;
        assert_eq!(limited.code(), Some("RATE_LIMITED"), "{}", limited.body);
        assert!(
            limited.errors()[0]["extensions"]["retryAfter"]
                .as_u64()
                .unwrap()
                > 0
        );
    }
    // Another login from elsewhere is not affected by those two.
    let other = request(&app, "admin@example.com").await;
    assert_eq!(other.ok()["requestPasswordReset"]["accepted"], true);
    app.run_due_jobs().await;
    let to_member = app
        .outbox
        .messages()
        .into_iter()
        .filter(|m| m.to == "member@example.com")
        .count();
    assert_eq!(to_member, 3);
}

#[tokio::test]
async fn the_dev_outbox_route_is_closed_unless_enabled() {
    let app = TestApp::new().await;
    let response = app
        .client
        .get(format!("{}/dev/outbox?to=member@example.com", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);
}
