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

/// A web dist with a hashed asset and the `.br`/`.gz` siblings the web build writes.
fn precompressed_dist() -> std::path::PathBuf {
    let dist = std::env::temp_dir().join(format!("alliance-dist-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::write(dist.join("index.html"), "<html>alliance shell</html>").unwrap();
    std::fs::write(dist.join("index.html.br"), b"brotli shell").unwrap();
    std::fs::write(dist.join("assets/index-Ab12Cd34.js"), "console.log(1)").unwrap();
    std::fs::write(dist.join("assets/index-Ab12Cd34.js.br"), b"brotli js").unwrap();
    std::fs::write(dist.join("assets/index-Ab12Cd34.js.gz"), b"gzip js").unwrap();
    dist
}

#[tokio::test]
async fn hashed_assets_are_precompressed_and_immutable_and_the_shell_is_revalidated() {
    let dist = precompressed_dist();
    let app = TestApp::spawn(Options {
        web_dist: Some(dist.clone()),
        ..Options::default()
    })
    .await;
    let get = |path: &str, encoding: &'static str| {
        app.client
            .get(format!("{}{path}", app.url))
            .header("Accept-Encoding", encoding)
            .send()
    };
    let header = |r: &reqwest::Response, name: &str| {
        r.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };

    let br = get("/assets/index-Ab12Cd34.js", "gzip, br").await.unwrap();
    assert_eq!(br.status(), 200);
    assert_eq!(header(&br, "content-encoding").as_deref(), Some("br"));
    assert_eq!(
        header(&br, "cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert!(
        header(&br, "vary")
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding")
    );
    assert_eq!(br.bytes().await.unwrap().as_ref(), b"brotli js");

    let gz = get("/assets/index-Ab12Cd34.js", "gzip").await.unwrap();
    assert_eq!(header(&gz, "content-encoding").as_deref(), Some("gzip"));
    assert_eq!(gz.bytes().await.unwrap().as_ref(), b"gzip js");

    let plain = get("/assets/index-Ab12Cd34.js", "identity").await.unwrap();
    assert_eq!(header(&plain, "content-encoding"), None);
    assert_eq!(
        header(&plain, "cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(plain.text().await.unwrap(), "console.log(1)");

    // A missing asset is a 404, neither the HTML shell nor cached for a year.
    let missing = get("/assets/index-Gone0000.js", "br").await.unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(
        header(&missing, "cache-control").as_deref(),
        Some("no-cache")
    );

    for path in ["/", "/index.html", "/meetings/some-id"] {
        let shell = get(path, "br").await.unwrap();
        assert_eq!(shell.status(), 200, "{path}");
        assert_eq!(
            header(&shell, "cache-control").as_deref(),
            Some("no-cache"),
            "{path}"
        );
        assert_eq!(
            header(&shell, "content-encoding").as_deref(),
            Some("br"),
            "{path}"
        );
        assert_eq!(
            shell.bytes().await.unwrap().as_ref(),
            b"brotli shell",
            "{path}"
        );
    }
    let shell = get("/meetings/some-id", "identity").await.unwrap();
    assert_eq!(header(&shell, "cache-control").as_deref(), Some("no-cache"));
    assert_eq!(shell.text().await.unwrap(), "<html>alliance shell</html>");
    std::fs::remove_dir_all(dist).ok();
}

#[tokio::test]
async fn graphql_answers_are_compressed_when_the_client_accepts_it() {
    use std::io::Read;
    let app = TestApp::new().await;
    let post = |encoding: &'static str| {
        app.client
            .post(format!("{}/graphql", app.url))
            .header("Accept-Encoding", encoding)
            .json(&json!({ "query": "query Types { __typename me { name } }" }))
            .send()
    };
    let gz = post("gzip").await.unwrap();
    assert_eq!(gz.status(), 200);
    assert_eq!(gz.headers().get("content-encoding").unwrap(), "gzip");
    let body = gz.bytes().await.unwrap();
    let mut decoded = String::new();
    flate2::read::GzDecoder::new(body.as_ref())
        .read_to_string(&mut decoded)
        .unwrap();
    let plain = post("identity").await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain: serde_json::Value = plain.json().await.unwrap();
    let decoded: serde_json::Value = serde_json::from_str(&decoded).unwrap();
    assert_eq!(decoded, plain);
    assert_eq!(decoded["data"]["__typename"], "Query", "{decoded}");

    // The metrics endpoint stays plain text for scrapers.
    let metrics = app
        .client
        .get(format!("{}/metrics", app.url))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert!(metrics.headers().get("content-encoding").is_none());
    assert!(
        metrics
            .text()
            .await
            .unwrap()
            .contains("alliance_http_requests_total")
    );
}
