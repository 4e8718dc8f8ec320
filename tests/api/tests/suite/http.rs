//! The HTTP surface besides GraphQL: health, readiness, metrics, the web client, CORS, GraphiQL.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{Options, TestApp};
use sea_orm::ConnectionTrait;
use serde_json::json;

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = TestApp::new().await;
    let get = |path: &str| app.client.get(format!("{}{path}", app.url)).send();
    assert_eq!(get("/healthz").await.unwrap().status(), 200);
    assert_eq!(get("/readyz").await.unwrap().status(), 200);
    app.gql(None, "query Profile { me { name } }", json!({}))
        .await
        .ok();
    let metrics = get("/metrics").await.unwrap().text().await.unwrap();
    assert!(
        metrics.contains(
            "alliance_graphql_requests_total{operation_type=\"query\",root_field=\"me\",outcome=\"ok\"}"
        ),
        "{metrics}"
    );
    assert!(metrics.contains("alliance_graphql_request_duration_seconds"));
    assert!(metrics.contains("alliance_db_pool_connections"));

    // Readiness follows the database: gone, 503; health is about the process only.
    let admin = sea_orm::Database::connect("postgres://postgres@127.0.0.1:5432/postgres")
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("DROP DATABASE {} WITH (FORCE)", app.db.name))
        .await
        .unwrap();
    assert_eq!(get("/readyz").await.unwrap().status(), 503);
    assert_eq!(get("/healthz").await.unwrap().status(), 200);
}

#[tokio::test]
async fn the_web_client_is_served_with_history_fallback_and_graphiql_for_browsers() {
    let dist = std::env::temp_dir().join(format!("alliance-dist-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::write(dist.join("index.html"), "<html>alliance shell</html>").unwrap();
    std::fs::write(dist.join("assets/app.js"), "console.log(1)").unwrap();
    let app = TestApp::spawn(Options {
        web_dist: Some(dist.clone()),
        ..Options::default()
    })
    .await;
    let get = |path: &str| app.client.get(format!("{}{path}", app.url)).send();
    assert_eq!(
        get("/").await.unwrap().text().await.unwrap(),
        "<html>alliance shell</html>"
    );
    assert_eq!(
        get("/profile/settings")
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "<html>alliance shell</html>"
    );
    assert_eq!(
        get("/assets/app.js").await.unwrap().text().await.unwrap(),
        "console.log(1)"
    );
    let graphiql = get("/graphql").await.unwrap().text().await.unwrap();
    assert!(graphiql.contains("graphiql") || graphiql.contains("GraphiQL"));
    std::fs::remove_dir_all(dist).ok();
}

#[tokio::test]
async fn cors_allows_only_the_configured_origins() {
    let app = TestApp::spawn(Options {
        cors: vec!["https://web.example".into()],
        ..Options::default()
    })
    .await;
    let preflight = |origin: &'static str| {
        app.client
            .request(reqwest::Method::OPTIONS, format!("{}/graphql", app.url))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization,content-type",
            )
            .send()
    };
    let allowed = preflight("https://web.example").await.unwrap();
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-origin")
            .unwrap(),
        "https://web.example"
    );
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-credentials")
            .unwrap(),
        "true"
    );
    let other = preflight("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
}
