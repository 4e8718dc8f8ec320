//! Authentication over HTTP: login, refresh rotation, logout, password change, throttling, and
//! every way a credential is rejected.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_domain::DomainConfig;
use alliance_domain::auth::jwt::{ACCESS_TOKEN_TYP, Claims};
use alliance_tests::{DEMO_PASSWORD, Options, TestApp};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::json;

const ME: &str = "{ me { name email } }";

fn claims(offset_secs: i64) -> Claims {
    let now = chrono::Utc::now().timestamp();
    Claims {
        iss: "alliance".into(),
        aud: "alliance-api".into(),
        sub: uuid::Uuid::now_v7(),
        sid: uuid::Uuid::now_v7(),
        iat: now + offset_secs,
        nbf: now + offset_secs,
        exp: now + offset_secs + 900,
    }
}

fn sign(header: &Header, claims: &Claims, secret: &[u8]) -> String {
    encode(header, claims, &EncodingKey::from_secret(secret)).unwrap()
}

/// A token for the real session of `token`, re-signed with other claims.
fn decode_claims(token: &str) -> Claims {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

#[tokio::test]
async fn login_returns_a_token_pair_and_the_user() {
    let app = TestApp::new().await;
    let answer = app.login_payload("member@example.com", DEMO_PASSWORD).await;
    let login = &answer.ok()["login"];
    assert_eq!(login["user"]["name"], "李娜");
    assert!(login["refreshToken"].as_str().unwrap().starts_with("arf_"));
    let token = login["accessToken"].as_str().unwrap();
    let me = app.gql(Some(token), ME, json!({})).await;
    assert_eq!(me.ok()["me"]["email"], "member@example.com");
    // Logging in by mobile number works too, with spaces and dashes ignored.
    let by_phone = app.login_payload("138-0000 0006", DEMO_PASSWORD).await;
    assert_eq!(by_phone.ok()["login"]["user"]["name"], "李娜");
    // Every mutation writes an audit entry.
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM audit_log WHERE action = 'session.login'")
            .await,
        2
    );
}

#[tokio::test]
async fn wrong_password_and_unknown_account_get_the_same_answer() {
    let app = TestApp::new().await;
    let wrong = app
        .login_payload("member@example.com", "not-the-password")
        .await;
    let unknown = app
        .login_payload("nobody@example.com", "not-the-password")
        .await;
    assert_eq!(wrong.code(), Some("UNAUTHENTICATED"));
    assert_eq!(unknown.code(), Some("UNAUTHENTICATED"));
    assert_eq!(wrong.errors()[0]["message"], unknown.errors()[0]["message"]);
    assert!(wrong.data()["login"].is_null());
}

#[tokio::test]
async fn login_input_is_validated_field_by_field() {
    let app = TestApp::new().await;
    let answer = app.login_payload("  ", &"x".repeat(129)).await;
    let errors = &answer.ok()["login"]["userErrors"];
    assert_eq!(errors[0]["field"], "login");
    assert_eq!(errors[0]["code"], "REQUIRED");
    assert_eq!(errors[1]["field"], "password");
    assert_eq!(errors[1]["code"], "TOO_LONG");
}

#[tokio::test]
async fn disabled_users_cannot_log_in_and_lose_their_sessions() {
    let app = TestApp::new().await;
    let token = app.token("member@example.com").await;
    app.scalar_i64("WITH d AS (UPDATE users SET disabled_at = now() WHERE email = 'member@example.com' RETURNING 1) SELECT count(*) FROM d").await;
    assert_eq!(
        app.login_payload("member@example.com", DEMO_PASSWORD)
            .await
            .code(),
        Some("UNAUTHENTICATED")
    );
    let me = app.gql(Some(&token), ME, json!({})).await;
    assert_eq!((me.status, me.code()), (401, Some("UNAUTHENTICATED")));
}

#[tokio::test]
async fn account_throttling_locks_with_back_off_and_releases() {
    let app = TestApp::spawn(Options {
        throttle: alliance_domain::kernel::config::ThrottleConfig {
            account_free_failures: 3,
            ..Default::default()
        },
        ..Options::default()
    })
    .await;
    for _ in 0..3 {
        assert_eq!(
            app.login_payload("member@example.com", "wrong-password")
                .await
                .code(),
            Some("UNAUTHENTICATED")
        );
    }
    // The 3rd failure locked the account for the base lock-out (30 s): no 4th guess is checked.
    assert_eq!(
        app.login_payload("member@example.com", "wrong-password")
            .await
            .code(),
        Some("RATE_LIMITED")
    );
    let locked = app.login_payload("member@example.com", DEMO_PASSWORD).await;
    assert_eq!(locked.code(), Some("RATE_LIMITED"), "{}", locked.body);
    let retry = locked.errors()[0]["extensions"]["retryAfter"]
        .as_u64()
        .unwrap();
    assert!((1..=30).contains(&retry), "retryAfter {retry}");
    // Other accounts are not affected.
    app.token("orgadmin@example.com").await;
    // Past the lock-out the right password works again.
    app.clock
        .set(app.clock_now() + chrono::Duration::seconds(31));
    app.token("member@example.com").await;
}

#[tokio::test]
async fn address_throttling_stops_spraying_across_accounts() {
    let app = TestApp::spawn(Options {
        throttle: alliance_domain::kernel::config::ThrottleConfig {
            address_free_failures: 4,
            ..Default::default()
        },
        ..Options::default()
    })
    .await;
    for account in [
        "a@example.com",
        "b@example.com",
        "c@example.com",
        "d@example.com",
    ] {
        assert_eq!(
            app.login_payload(account, "wrong-password").await.code(),
            Some("UNAUTHENTICATED")
        );
    }
    // The 4th failure from this address locked it: the 5th account is not even checked.
    assert_eq!(
        app.login_payload("e@example.com", "wrong-password")
            .await
            .code(),
        Some("RATE_LIMITED")
    );
    let answer = app.login_payload("member@example.com", DEMO_PASSWORD).await;
    assert_eq!(answer.code(), Some("RATE_LIMITED"), "{}", answer.body);
}

const REFRESH: &str = "mutation($t: String) { refreshSession(input: {refreshToken: $t}) { accessToken refreshToken user { name } userErrors { field } } }";

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_whole_session() {
    let app = TestApp::new().await;
    let login = app.login_payload("member@example.com", DEMO_PASSWORD).await;
    let first = login.ok()["login"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let access = login.ok()["login"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();

    let rotated = app.gql(None, REFRESH, json!({ "t": first })).await;
    let second = rotated.ok()["refreshSession"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(first, second);
    let new_access = rotated.ok()["refreshSession"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        app.gql(Some(&new_access), ME, json!({})).await.ok()["me"]["name"],
        "李娜"
    );

    // The first token again: reuse. The session is revoked, with everything issued from it.
    let reused = app.gql(None, REFRESH, json!({ "t": first })).await;
    assert_eq!(reused.code(), Some("UNAUTHENTICATED"));
    assert_eq!(
        app.gql(None, REFRESH, json!({ "t": second })).await.code(),
        Some("UNAUTHENTICATED")
    );
    for token in [access, new_access] {
        let me = app.gql(Some(&token), ME, json!({})).await;
        assert_eq!((me.status, me.code()), (401, Some("UNAUTHENTICATED")));
    }
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM sessions WHERE revoked_reason = 'reuse_detected'")
            .await,
        1
    );
}

#[tokio::test]
async fn the_web_client_keeps_the_refresh_token_in_an_http_only_cookie() {
    let app = TestApp::new().await;
    let login = app
        .gql(None, "mutation { login(input: {login: \"member@example.com\", password: \"alliance-demo-2026\", refreshTokenInCookie: true}) { accessToken refreshToken } }", json!({}))
        .await;
    assert!(login.ok()["login"]["refreshToken"].is_null());
    let cookie = login
        .headers
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    for attribute in [
        "alliance_refresh=arf_",
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
        "Path=/graphql",
    ] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    let pair = cookie.split(';').next().unwrap().to_owned();

    // Silent refresh: no token in the input, the cookie is used and rotated.
    let refreshed = app.post(None, &[("Cookie", &pair)], json!({ "query": "mutation { refreshSession(input: {}) { accessToken refreshToken } }" })).await;
    assert!(refreshed.ok()["refreshSession"]["accessToken"].is_string());
    assert!(refreshed.ok()["refreshSession"]["refreshToken"].is_null());
    let next = refreshed
        .headers
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert_ne!(next, pair);

    // Without any cookie there is nothing to refresh.
    let none = app
        .gql(
            None,
            "mutation { refreshSession(input: {}) { accessToken } }",
            json!({}),
        )
        .await;
    assert_eq!(none.code(), Some("UNAUTHENTICATED"));

    // Logout ends the session and clears the cookie.
    let out = app
        .post(
            None,
            &[("Cookie", &next)],
            json!({ "query": "mutation { logout(input: {}) { loggedOut } }" }),
        )
        .await;
    assert_eq!(out.ok()["logout"]["loggedOut"], true);
    assert!(
        out.headers
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let after = app
        .post(
            None,
            &[("Cookie", &next)],
            json!({ "query": "mutation { refreshSession(input: {}) { accessToken } }" }),
        )
        .await;
    assert_eq!(after.code(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn logout_revokes_the_access_token_too() {
    let app = TestApp::new().await;
    let token = app.token("member@example.com").await;
    let out = app
        .gql(
            Some(&token),
            "mutation { logout(input: {}) { loggedOut } }",
            json!({}),
        )
        .await;
    assert_eq!(out.ok()["logout"]["loggedOut"], true);
    let me = app.gql(Some(&token), ME, json!({})).await;
    assert_eq!((me.status, me.code()), (401, Some("UNAUTHENTICATED")));
}

const CHANGE: &str = "mutation($c: String!, $n: String!) { changePassword(input: {currentPassword: $c, newPassword: $n}) { user { name } userErrors { field code } } }";

#[tokio::test]
async fn changing_the_password_ends_other_sessions() {
    let app = TestApp::new().await;
    let here = app.token("member@example.com").await;
    let elsewhere = app.token("member@example.com").await;

    let wrong = app
        .gql(
            Some(&here),
            CHANGE,
            json!({ "c": "wrong-password", "n": "short" }),
        )
        .await;
    let errors = &wrong.ok()["changePassword"]["userErrors"];
    assert_eq!(errors[0]["field"], "currentPassword");
    assert_eq!(errors[0]["code"], "INCORRECT");
    assert_eq!(errors[1]["field"], "newPassword");
    assert_eq!(errors[1]["code"], "TOO_SHORT");

    let changed = app
        .gql(
            Some(&here),
            CHANGE,
            json!({ "c": DEMO_PASSWORD, "n": "a-new-long-password" }),
        )
        .await;
    assert_eq!(changed.ok()["changePassword"]["user"]["name"], "李娜");
    assert_eq!(
        app.gql(Some(&here), ME, json!({})).await.ok()["me"]["name"],
        "李娜"
    );
    assert_eq!(
        app.gql(Some(&elsewhere), ME, json!({})).await.code(),
        Some("UNAUTHENTICATED")
    );
    assert_eq!(
        app.login_payload("member@example.com", DEMO_PASSWORD)
            .await
            .code(),
        Some("UNAUTHENTICATED")
    );
    app.login_payload("member@example.com", "a-new-long-password")
        .await
        .ok();
    let unauthenticated = app.gql(None, CHANGE, json!({ "c": "x", "n": "y" })).await;
    assert_eq!(unauthenticated.code(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn every_bad_credential_is_rejected_never_treated_as_anonymous() {
    let app = TestApp::new().await;
    let good = app.token("member@example.com").await;
    let real = decode_claims(&good);
    let secret = DomainConfig::for_tests().jwt_secret;
    let typed = Header {
        typ: Some(ACCESS_TOKEN_TYP.into()),
        ..Header::new(Algorithm::HS256)
    };

    let expired = Claims {
        exp: app.clock_now().timestamp() - 3600,
        iat: 0,
        nbf: 0,
        ..decode_claims(&good)
    };
    let not_yet = Claims {
        nbf: app.clock_now().timestamp() + 3600,
        exp: app.clock_now().timestamp() + 7200,
        ..decode_claims(&good)
    };
    let wrong_audience = Claims {
        aud: "someone-else".into(),
        ..decode_claims(&good)
    };
    let wrong_issuer = Claims {
        iss: "someone-else".into(),
        ..decode_claims(&good)
    };
    let alg_none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"at+jwt"}"#),
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&real).unwrap())
    );
    let mut tampered = good.clone();
    tampered.pop();
    tampered.push(if good.ends_with('A') { 'B' } else { 'A' });

    let cases: Vec<(&str, String)> = vec![
        ("malformed", "not-a-token".into()),
        ("expired", sign(&typed, &expired, &secret)),
        ("not yet valid", sign(&typed, &not_yet, &secret)),
        (
            "wrongly signed",
            sign(&typed, &real, b"another-secret-another-secret-another"),
        ),
        ("tampered signature", tampered),
        ("alg none", alg_none),
        ("wrong audience", sign(&typed, &wrong_audience, &secret)),
        ("wrong issuer", sign(&typed, &wrong_issuer, &secret)),
        (
            "no typ",
            sign(&Header::new(Algorithm::HS256), &real, &secret),
        ),
        (
            "HS512",
            sign(
                &Header {
                    typ: Some(ACCESS_TOKEN_TYP.into()),
                    ..Header::new(Algorithm::HS512)
                },
                &real,
                &secret,
            ),
        ),
        ("unknown session", sign(&typed, &claims(0), &secret)),
        ("unknown integration token", "alt_doesnotexist".into()),
        (
            "refresh token as bearer",
            app.login_payload("member@example.com", DEMO_PASSWORD)
                .await
                .ok()["login"]["refreshToken"]
                .as_str()
                .unwrap()
                .to_owned(),
        ),
    ];
    for (case, token) in cases {
        let answer = app.gql(Some(&token), ME, json!({})).await;
        assert_eq!(
            (answer.status, answer.code()),
            (401, Some("UNAUTHENTICATED")),
            "{case}: {}",
            answer.body
        );
        assert!(answer.data().is_null(), "{case}");
    }
    for header in ["Basic bWVtYmVyOnB3", "Bearer", "Token abc"] {
        let answer = app
            .post(None, &[("Authorization", header)], json!({ "query": ME }))
            .await;
        assert_eq!(
            (answer.status, answer.code()),
            (401, Some("UNAUTHENTICATED")),
            "{header}"
        );
    }
    // The good token still works, and no header at all is anonymous.
    assert_eq!(
        app.gql(Some(&good), ME, json!({})).await.ok()["me"]["name"],
        "李娜"
    );
    assert!(app.gql(None, ME, json!({})).await.ok()["me"].is_null());
}
