//! One clock: access tokens are issued and verified by the injected clock.

#![allow(clippy::unwrap_used)]

use super::*;

async fn me(app: &TestApp, token: &str) -> alliance_tests::Gql {
    app.gql(Some(token), "{ me { name } }", json!({})).await
}

#[tokio::test]
async fn access_tokens_live_by_the_injected_clock() {
    let app = TestApp::new().await;
    let issued = at(2027, 3, 1, 8, 0);
    app.clock.set(issued);
    let login = app
        .login_payload("member@example.com", alliance_domain::seed::DEMO_PASSWORD)
        .await;
    let payload = &login.ok()["login"];
    let token = payload["accessToken"].as_str().unwrap().to_owned();
    // Issued by the clock: it expires 15 minutes after the clock's time, not the system's.
    assert_eq!(
        payload["expiresAt"]
            .as_str()
            .unwrap()
            .parse::<DateTime<Utc>>()
            .unwrap(),
        issued + chrono::Duration::minutes(15)
    );
    // Accepted until `exp` (with the 30 seconds of leeway there always was), refused after.
    for (offset, accepted) in [
        (0, true),
        (899, true),
        (929, true),
        (931, false),
        (3600, false),
    ] {
        app.clock.set(issued + chrono::Duration::seconds(offset));
        let answer = me(&app, &token).await;
        if accepted {
            assert_eq!(answer.ok()["me"]["name"], "李娜", "at +{offset}s");
        } else {
            assert_eq!(
                answer.code(),
                Some("UNAUTHENTICATED"),
                "at +{offset}s: {}",
                answer.body
            );
        }
    }
    // Nor before it was issued (`nbf`), beyond the leeway.
    app.clock.set(issued - chrono::Duration::seconds(60));
    assert_eq!(me(&app, &token).await.code(), Some("UNAUTHENTICATED"));
    app.clock.set(issued - chrono::Duration::seconds(20));
    assert_eq!(me(&app, &token).await.ok()["me"]["name"], "李娜");
}
