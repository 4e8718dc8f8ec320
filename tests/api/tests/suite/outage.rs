//! Postgres stopped and restarted under writes. The test runs a second Postgres cluster of its own
//! (initdb + pg_ctl on a free port in a temporary directory), serves it, sends writes from several
//! tasks, stops the cluster, keeps sending, starts it again and keeps sending. Every answer is a
//! success or `SERVICE_UNAVAILABLE` (with `Retry-After`), none takes longer than the acquire
//! timeout plus slack, `/readyz` says not ready while the database is down, a query over an open
//! WebSocket answers `SERVICE_UNAVAILABLE` too, and every acknowledged write is in the database
//! afterwards.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] functions

mod cluster;

use alliance_migrations::{Migrator, MigratorTrait};
use alliance_tests::{Options, TestApp};
use cluster::Cluster;
use futures_util::{SinkExt, StreamExt};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

const ACQUIRE_TIMEOUT: Duration = Duration::from_millis(1000);
/// An answer may take the acquire timeout, a connect attempt and scheduling on a loaded machine.
const SLACK: Duration = Duration::from_secs(8);
const WRITERS: usize = 4;

#[derive(Debug)]
enum Outcome {
    Written(String),
    Unavailable,
}

/// One write; panics on anything but a success or `SERVICE_UNAVAILABLE`, and on a hang.
async fn write(app: &TestApp, token: &str, name: &str) -> Outcome {
    let started = Instant::now();
    let sent = app
        .client
        .post(format!("{}/graphql", app.url))
        .bearer_auth(token)
        .timeout(ACQUIRE_TIMEOUT + SLACK)
        .json(&json!({
            "query": "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }",
            "variables": { "input": { "name": name, "kind": "SOCIAL_ORGANIZATION" } }
        }))
        .send()
        .await;
    let response =
        sent.unwrap_or_else(|e| panic!("no answer for {name} after {:?}: {e}", started.elapsed()));
    let status = response.status().as_u16();
    let retry_after = response.headers().get("retry-after").cloned();
    let body: Value = response.json().await.unwrap();
    if let Some(errors) = body["errors"].as_array() {
        for error in errors {
            assert_eq!(
                error["extensions"]["code"], "SERVICE_UNAVAILABLE",
                "{name}: {body}"
            );
        }
        assert_eq!(status, 503, "{body}");
        assert!(retry_after.is_some(), "{name}: no Retry-After");
        return Outcome::Unavailable;
    }
    assert_eq!(status, 200, "{body}");
    assert!(
        body["data"]["createOrganization"]["organization"]["id"].is_string(),
        "{body}"
    );
    Outcome::Written(name.to_owned())
}

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A graphql-ws connection, acknowledged.
async fn open_socket(app: &TestApp, token: &str) -> Ws {
    let mut request = (app.url.replace("http://", "ws://") + "/graphql/ws")
        .into_client_request()
        .unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } });
    socket
        .send(Message::Text(init.to_string().into()))
        .await
        .unwrap();
    assert_eq!(next_message(&mut socket).await["type"], "connection_ack");
    socket
}

/// The next graphql-ws message other than a ping, within the acquire timeout plus slack.
async fn next_message(socket: &mut Ws) -> Value {
    loop {
        let message = tokio::time::timeout(ACQUIRE_TIMEOUT + SLACK, socket.next())
            .await
            .expect("the socket answers in time")
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

/// A query over the socket while the database is down answers `SERVICE_UNAVAILABLE` with
/// `retryAfter` (a WebSocket client sees no headers).
async fn query_over_socket_is_unavailable(socket: &mut Ws) {
    let subscribe = json!({ "id": "q", "type": "subscribe", "payload": {
        "query": "{ organizations(first: 3) { totalCount nodes { name } } }" } });
    socket
        .send(Message::Text(subscribe.to_string().into()))
        .await
        .unwrap();
    let answer = next_message(socket).await;
    assert_eq!(answer["id"], "q", "{answer}");
    let errors = if answer["type"] == "error" {
        answer["payload"].clone()
    } else {
        answer["payload"]["errors"].clone()
    };
    let errors = errors.as_array().cloned().unwrap_or_default();
    assert!(!errors.is_empty(), "{answer}");
    for error in &errors {
        assert_eq!(
            error["extensions"]["code"], "SERVICE_UNAVAILABLE",
            "{answer}"
        );
        assert!(error["extensions"]["retryAfter"].is_number(), "{answer}");
    }
}

async fn readyz(app: &TestApp) -> u16 {
    app.client
        .get(format!("{}/readyz", app.url))
        .timeout(ACQUIRE_TIMEOUT + SLACK)
        .send()
        .await
        .expect("/readyz answers")
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_stopped_and_restarted_under_writes() {
    let cluster = Cluster::new();
    {
        let admin = Database::connect(cluster.url("postgres")).await.unwrap();
        admin
            .execute_unprepared("CREATE DATABASE alliance")
            .await
            .unwrap();
        admin.close().await.unwrap();
        let db = Database::connect(cluster.url("alliance")).await.unwrap();
        Migrator::up(&db, None).await.unwrap();
        db.close().await.unwrap();
    }
    let app = Arc::new(
        TestApp::spawn(Options {
            database_url: Some(cluster.url("alliance")),
            db_acquire_timeout: ACQUIRE_TIMEOUT,
            ..Options::default()
        })
        .await,
    );
    let token = Arc::new(app.token("admin@example.com").await);
    assert_eq!(readyz(&app).await, 200);
    let mut socket = open_socket(&app, &token).await;

    let running = Arc::new(AtomicBool::new(true));
    let outcomes = Arc::new(Mutex::new(Vec::<Outcome>::new()));
    let mut writers = Vec::new();
    for writer in 0..WRITERS {
        let (app, token, running, outcomes) = (
            app.clone(),
            token.clone(),
            running.clone(),
            outcomes.clone(),
        );
        writers.push(tokio::spawn(async move {
            let mut n = 0;
            while running.load(Ordering::SeqCst) {
                n += 1;
                let outcome = write(&app, &token, &format!("停电测试 {writer}-{n}")).await;
                if matches!(outcome, Outcome::Unavailable) {
                    // As a client should: wait a little before sending again.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                outcomes.lock().await.push(outcome);
            }
        }));
    }
    let written = |outcomes: &[Outcome]| {
        outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Written(_)))
            .count()
    };
    // Writes go through before the outage.
    let deadline = Instant::now() + Duration::from_secs(30);
    while written(&outcomes.lock().await) < 10 {
        assert!(Instant::now() < deadline, "no writes before the outage");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    cluster.stop();
    let stopped_at = outcomes.lock().await.len();
    // While it is down: answers are SERVICE_UNAVAILABLE, and /readyz says so.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let unavailable = outcomes.lock().await[stopped_at..]
            .iter()
            .filter(|o| matches!(o, Outcome::Unavailable))
            .count();
        if unavailable >= WRITERS * 2 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no SERVICE_UNAVAILABLE while the database is down"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(readyz(&app).await, 503);
    query_over_socket_is_unavailable(&mut socket).await;
    cluster.start();
    let restarted_at = outcomes.lock().await.len();
    // After the restart, writes succeed again (the pool replaces the connections it lost).
    let deadline = Instant::now() + Duration::from_secs(60);
    while written(&outcomes.lock().await[restarted_at..]) < 10 {
        assert!(
            Instant::now() < deadline,
            "writes did not recover after the restart"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    running.store(false, Ordering::SeqCst);
    for writer in writers {
        writer.await.expect("a writer failed (see its panic above)");
    }
    assert_eq!(readyz(&app).await, 200);

    // Every acknowledged write is there.
    let outcomes = outcomes.lock().await;
    let db = Database::connect(cluster.url("alliance")).await.unwrap();
    let rows = db
        .query_all_raw(alliance_domain::kernel::db::stmt(
            "SELECT name FROM organizations WHERE name LIKE '停电测试 %'",
            [],
        ))
        .await
        .unwrap();
    let stored: std::collections::HashSet<String> = rows
        .iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect();
    let acknowledged: Vec<&String> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Written(name) => Some(name),
            Outcome::Unavailable => None,
        })
        .collect();
    let lost: Vec<&&String> = acknowledged
        .iter()
        .filter(|name| !stored.contains(name.as_str()))
        .collect();
    assert!(lost.is_empty(), "acknowledged but not stored: {lost:?}");
    eprintln!(
        "{} answers: {} written, {} unavailable",
        outcomes.len(),
        acknowledged.len(),
        outcomes.len() - acknowledged.len()
    );
    db.close().await.unwrap();
}
