//! The HTTP router: GraphQL, GraphiQL, health, metrics and the built web client.

use crate::config::Config;
use crate::graphql;
use crate::observability::{OperationInfo, metrics_handle};
use crate::operation_label::RootFields;
use alliance_api::{Api, ApiConfig, Limits};
use alliance_domain::Services;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sea_orm::ConnectionTrait;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower_http::compression::CompressionLayer;
use tower_http::cors::CorsLayer;
use tower_http::services::{ServeDir, ServeFile};

#[derive(Clone)]
pub struct AppState {
    /// The schema behind its executor (`alliance_api::Api`): what both transports run.
    pub api: Api,
    pub services: Services,
    pub limits: Limits,
    pub api_config: ApiConfig,
    pub config_trust_proxy: bool,
    /// The schema's root fields: the only values the `root_field` metric label takes.
    pub root_fields: Arc<RootFields>,
    /// False when `/metrics` has a listener of its own (`ALLIANCE_METRICS_LISTEN`).
    pub metrics_on_main: bool,
    /// Development without SMTP only: the delivered messages, served at `/dev/outbox`.
    pub dev_outbox: Option<alliance_domain::kernel::dev_outbox::DevOutbox>,
}

impl AppState {
    pub fn new(services: Services, config: &Config) -> Self {
        let api_config = ApiConfig {
            refresh_cookie_secure: config.cookie_secure,
            ..ApiConfig::default()
        };
        let api = alliance_api::build_schema(
            services.clone(),
            api_config.clone(),
            &config.limits,
            config.introspection,
        );
        let root_fields = Arc::new(RootFields::from_sdl(&api.schema().sdl()));
        Self {
            api,
            services,
            limits: config.limits.clone(),
            api_config,
            config_trust_proxy: config.trust_proxy,
            root_fields,
            metrics_on_main: config.metrics_listen.is_none(),
            dev_outbox: None,
        }
    }
}

async fn healthz() -> &'static str {
    "ok"
}

/// 200 only while Postgres answers.
async fn readyz(State(state): State<AppState>) -> Response {
    let ping = tokio::time::timeout(
        Duration::from_secs(2),
        state.services.db.execute_unprepared("SELECT 1"),
    )
    .await;
    match ping {
        Ok(Ok(_)) => (StatusCode::OK, "ready").into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response(),
    }
}

/// `GET /calendar/{token}.ics`: a secret, revocable iCalendar feed.
async fn calendar_feed(
    State(state): State<AppState>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    match state.services.calendar().calendar_feed_ics(token).await {
        Ok(Some(ics)) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            ics,
        )
            .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "no such calendar feed").into_response(),
        Err(e @ alliance_domain::Error::Unavailable(_)) => {
            tracing::warn!(error = %e, debug = ?e, "calendar feed: database unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, crate::graphql::retry_after())],
                "the service is unavailable, retry in a moment",
            )
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, debug = ?e, "calendar feed failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

async fn metrics_text(State(state): State<AppState>) -> Response {
    let pool = state.services.db.get_postgres_connection_pool();
    let size = f64::from(pool.size());
    let idle = pool.num_idle() as f64;
    metrics::gauge!("alliance_db_pool_connections").set(size);
    metrics::gauge!("alliance_db_pool_idle_connections").set(idle);
    metrics::gauge!("alliance_db_pool_in_use_connections").set(size - idle);
    match metrics_handle() {
        Some(handle) => (
            [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
            handle.render(),
        )
            .into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            "metrics recorder unavailable",
        )
            .into_response(),
    }
}

/// Paths that carry a secret (calendar feed tokens, invitation tokens) are logged without it.
/// Query strings (check-in codes) are never logged.
fn loggable_path(path: &str) -> String {
    for prefix in ["/calendar/", "/invitations/"] {
        if path.starts_with(prefix) {
            return format!("{prefix}<redacted>");
        }
    }
    path.to_owned()
}

/// One line per request: method, path, status, duration, and the GraphQL operation and outcome.
async fn log_requests(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = loggable_path(request.uri().path());
    let response = next.run(request).await;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    let status = response.status().as_u16();
    match response.extensions().get::<OperationInfo>() {
        Some(op) => {
            tracing::info!(%method, %path, status, duration_ms = millis, operation = %op.name, outcome = op.outcome, "request")
        }
        None => tracing::info!(%method, %path, status, duration_ms = millis, "request"),
    }
    metrics::counter!("alliance_http_requests_total", "status" => status.to_string()).increment(1);
    response
}

pub fn router(state: AppState, web_dist: &Path, cors_origins: &[String]) -> Router {
    // Installed before the first request so that no measurement is lost.
    if metrics_handle().is_none() {
        tracing::warn!("metrics recorder could not be installed; /metrics will answer 503");
    }
    // GraphQL answers (JSON, often large lists) are compressed on the fly when the client accepts
    // it; the WebSocket upgrade and `/metrics` stay outside the layer.
    let graphql_http = Router::new()
        .route(
            "/graphql",
            get(graphql::graphiql).post(graphql::graphql_post),
        )
        .layer(CompressionLayer::new().br(true).gzip(true));
    let mut app = Router::new()
        .merge(graphql_http)
        .route("/graphql/ws", get(crate::ws::graphql_ws))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/calendar/{file}", get(calendar_feed))
        .route("/dev/outbox", get(crate::dev_outbox::messages))
        .merge(crate::media::routes(&state))
        // Server-rendered, so that the news works without JavaScript; matched before the web
        // client's history fallback, which never sees these paths.
        .merge(crate::news::routes());
    if state.metrics_on_main {
        app = app.route("/metrics", get(metrics_text));
    }
    if web_dist.join("index.html").is_file() {
        app = web_client(app, web_dist);
    }
    let mut app = app
        .with_state(state)
        .layer(middleware::from_fn(log_requests));
    if !cors_origins.is_empty() {
        let origins: Vec<HeaderValue> = cors_origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        app = app.layer(
            CorsLayer::new()
                .allow_origin(origins)
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
                .allow_credentials(true)
                .max_age(Duration::from_secs(600)),
        );
    }
    // Outermost, so that CORS answers, errors and 404s get the headers too.
    crate::security_headers::apply(app)
}

/// Cache policy of the hashed build output under `/assets/`: its names change with its content.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache policy of `index.html` (and the history fallback): always revalidated, so that a new
/// release is picked up on the next load.
const REVALIDATE: &str = "no-cache";

/// The built web client. `/assets/` holds content-hashed files, cached for a year; a missing asset
/// is a 404 (never the HTML shell, which a browser would then cache as a script). Every other path
/// gets the file or, as a history-API fallback, `index.html`, revalidated on every load. Both serve
/// the `.br`/`.gz` files written by the web build when the client accepts them.
fn web_client<S: Clone + Send + Sync + 'static>(app: Router<S>, web_dist: &Path) -> Router<S> {
    let assets = ServeDir::new(web_dist.join("assets"))
        .precompressed_br()
        .precompressed_gzip();
    let index = ServeFile::new(web_dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let spa = ServeDir::new(web_dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    app.nest_service(
        "/assets",
        Router::new()
            .fallback_service(assets)
            .layer(middleware::map_response(cache_asset)),
    )
    .fallback_service(
        Router::new()
            .fallback_service(spa)
            .layer(middleware::map_response(cache_shell)),
    )
}

/// A found asset is immutable; a 404 (or any error) must not be cached for a year.
async fn cache_asset(response: Response) -> Response {
    let found = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    with_cache_headers(response, if found { IMMUTABLE } else { REVALIDATE })
}

async fn cache_shell(response: Response) -> Response {
    with_cache_headers(response, REVALIDATE)
}

/// `Vary: Accept-Encoding` too: the same URL answers with a `.br`, `.gz` or plain body, and
/// shared caches must keep them apart.
fn with_cache_headers(mut response: Response, policy: &'static str) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// `/metrics` alone, for its own listener (`ALLIANCE_METRICS_LISTEN`), e.g. an address only the
/// monitoring network reaches.
pub fn metrics_router(state: AppState) -> Router {
    crate::security_headers::apply(
        Router::new()
            .route("/metrics", get(metrics_text))
            .with_state(state),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_in_paths_are_not_logged() {
        assert_eq!(
            super::loggable_path("/calendar/acal_secret.ics"),
            "/calendar/<redacted>"
        );
        assert_eq!(
            super::loggable_path("/invitations/ainv_secret"),
            "/invitations/<redacted>"
        );
        assert_eq!(super::loggable_path("/meetings/abc"), "/meetings/abc");
    }
}
