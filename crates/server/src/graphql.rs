//! `POST /graphql` and `/graphql/ws`: authentication, limits enforced before anything runs,
//! execution with a timeout, and errors that always carry a code.

use crate::app::AppState;
use crate::observability::OperationInfo;
use crate::operation_label::operation_name;
use alliance_api::RequestContext;
use alliance_domain::Principal;
use alliance_domain::auth::ClientInfo;
use async_graphql::{
    BatchRequest, BatchResponse, Executor, Response as GqlResponse, ServerError, Value,
};
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::time::Instant;

/// The peer address when the server runs with connect info (not in every test harness).
pub struct PeerAddr(pub Option<SocketAddr>);

impl<S: Send + Sync> FromRequestParts<S> for PeerAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| *addr),
        ))
    }
}

fn error_value(message: &str, code: &str, extra: &[(&str, Value)]) -> ServerError {
    let mut error = ServerError::new(message, None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", code);
    for (k, v) in extra {
        extensions.set(*k, v.clone());
    }
    error.extensions = Some(extensions);
    error
}

pub(crate) use alliance_api::kernel::error::RETRY_AFTER_SECS;

fn is_unavailable(error: &ServerError) -> bool {
    error
        .extensions
        .as_ref()
        .and_then(|e| e.get("code"))
        .is_some_and(|code| *code == Value::from("SERVICE_UNAVAILABLE"))
}

/// True when nothing of the response could be answered: no root field has data.
fn no_data(response: &GqlResponse) -> bool {
    match &response.data {
        Value::Null => true,
        Value::Object(fields) => fields.values().all(|v| *v == Value::Null),
        _ => false,
    }
}

/// How an answer that met an unavailable database goes over HTTP. Any `SERVICE_UNAVAILABLE` error
/// adds `Retry-After`. The status becomes 503 only when nothing could be answered (no data and at
/// least one unavailable error): GraphQL over HTTP keeps 200 for `application/json` answers that
/// carry data, and allows a 5xx for one that carries none; clients and proxies that look at the
/// status alone then retry, and those that read the body find the code.
fn unavailable_status(responses: &[&GqlResponse]) -> (bool, bool) {
    let any = responses
        .iter()
        .any(|r| r.errors.iter().any(is_unavailable));
    let all = !responses.is_empty()
        && responses
            .iter()
            .all(|r| no_data(r) && r.errors.iter().any(is_unavailable));
    (any, all)
}

pub(crate) fn retry_after() -> header::HeaderValue {
    header::HeaderValue::from(RETRY_AFTER_SECS)
}

/// A refusal before execution: one error, a status, and the operation log.
fn refuse(status: StatusCode, message: &str, code: &str, extra: &[(&str, Value)]) -> Response {
    let body = GqlResponse::from_errors(vec![error_value(message, code, extra)]);
    let mut response = (status, axum::Json(body)).into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, retry_after());
    }
    response.extensions_mut().insert(OperationInfo {
        name: "-".into(),
        outcome: "refused",
    });
    response
}

pub fn client_info(headers: &HeaderMap, peer: Option<SocketAddr>, trust_proxy: bool) -> ClientInfo {
    let forwarded = trust_proxy
        .then(|| {
            headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .map(|v| v.trim().to_owned())
        })
        .flatten();
    ClientInfo {
        address: forwarded.or_else(|| peer.map(|p| p.ip().to_string())),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.chars().take(300).collect()),
    }
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name && !v.is_empty()).then(|| v.to_owned())
        })
}

/// The token of an `Authorization: Bearer <token>` value.
pub(crate) fn bearer_token(value: &str) -> Result<&str, alliance_domain::Error> {
    value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(alliance_domain::Error::Unauthenticated(
            "the Authorization header must be `Bearer <token>`",
        ))
}

/// Reads `Authorization`. No header is anonymous; anything present but wrong is an error.
pub async fn authenticate(
    state: &AppState,
    authorization: Option<&str>,
) -> Result<Principal, alliance_domain::Error> {
    let Some(value) = authorization else {
        return Ok(Principal::Anonymous);
    };
    let token = bearer_token(value)?;
    state.services.auth().authenticate(token).await
}

pub async fn graphql_post(
    State(state): State<AppState>,
    PeerAddr(peer): PeerAddr,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let started = Instant::now();
    let limits = &state.limits;
    let bytes = match axum::body::to_bytes(body, limits.max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!(
                    "the request body is larger than {} bytes",
                    limits.max_body_bytes
                ),
                "BAD_USER_INPUT",
                &[("limit", Value::from("bodySize"))],
            );
        }
    };
    let batch: BatchRequest = match serde_json::from_slice(&bytes) {
        Ok(batch) => batch,
        Err(e) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                &format!("the body is not a GraphQL request: {e}"),
                "BAD_USER_INPUT",
                &[],
            );
        }
    };
    if let BatchRequest::Batch(requests) = &batch {
        if requests.len() > limits.max_batch {
            return refuse(
                StatusCode::BAD_REQUEST,
                &format!(
                    "a batch of {} operations is more than the limit of {}; nothing was run",
                    requests.len(),
                    limits.max_batch
                ),
                "BAD_USER_INPUT",
                &[("limit", Value::from("batch"))],
            );
        }
        if requests.is_empty() {
            return refuse(
                StatusCode::BAD_REQUEST,
                "the batch is empty",
                "BAD_USER_INPUT",
                &[],
            );
        }
    }
    let authorization = headers
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or("\u{0}"));
    let principal = match authenticate(&state, authorization).await {
        Ok(p) => p,
        Err(e @ alliance_domain::Error::Unauthenticated(_)) => {
            let mut response = refuse(
                StatusCode::UNAUTHORIZED,
                &e.to_string(),
                "UNAUTHENTICATED",
                &[],
            );
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
            return response;
        }
        Err(e @ alliance_domain::Error::Unavailable(_)) => {
            tracing::warn!(error = %e, debug = ?e, "authentication could not reach the database");
            return refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                "the service is temporarily unavailable",
                "SERVICE_UNAVAILABLE",
                &[("retryAfter", Value::from(RETRY_AFTER_SECS))],
            );
        }
        Err(e) => {
            tracing::error!(error = %e, debug = ?e, "authentication failed");
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error",
                "INTERNAL",
                &[],
            );
        }
    };
    let context = RequestContext {
        viewer: alliance_api::kernel::context::Viewer::new(principal),
        client: client_info(&headers, peer, state.config_trust_proxy),
        refresh_cookie: cookie(&headers, &state.api_config.refresh_cookie_name),
    };
    let name = operation_name(&batch);
    let label = state
        .root_fields
        .label(&batch, |query| state.api.document(query).ok());
    let services = state.services.clone();
    let batch = match batch {
        BatchRequest::Single(r) => {
            BatchRequest::Single(alliance_api::schema::prepare(r, context, &services))
        }
        BatchRequest::Batch(rs) => BatchRequest::Batch(
            rs.into_iter()
                .map(|r| alliance_api::schema::prepare(r, context.clone(), &services))
                .collect(),
        ),
    };
    // Dropping the future on timeout drops any open transaction, which rolls back: nothing half-written.
    let executed = tokio::time::timeout(limits.timeout, state.api.execute_batch(batch)).await;
    let mut response = match executed {
        Ok(response) => response,
        Err(_) => {
            return refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                &format!(
                    "the request took longer than {} ms and was stopped",
                    limits.timeout.as_millis()
                ),
                "SERVICE_UNAVAILABLE",
                &[("limit", Value::from("timeout"))],
            );
        }
    };
    let mut headers_out = HeaderMap::new();
    let mut outcome = "ok";
    match &mut response {
        BatchResponse::Single(r) => {
            headers_out.extend(r.http_headers.drain());
            if !r.errors.is_empty() {
                outcome = "error";
            }
        }
        BatchResponse::Batch(rs) => {
            for r in rs {
                for (k, v) in r.http_headers.iter() {
                    headers_out.append(k.clone(), v.clone());
                }
                if !r.errors.is_empty() {
                    outcome = "error";
                }
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    // Labels from a bounded set only (see operation_label): never the client's operation name.
    metrics::counter!(
        "alliance_graphql_requests_total",
        "operation_type" => label.operation_type,
        "root_field" => label.root_field.clone(),
        "outcome" => outcome
    )
    .increment(1);
    metrics::histogram!(
        "alliance_graphql_request_duration_seconds",
        "operation_type" => label.operation_type,
        "root_field" => label.root_field
    )
    .record(elapsed);
    let (any_unavailable, all_unavailable) = match &response {
        BatchResponse::Single(r) => unavailable_status(&[r]),
        BatchResponse::Batch(rs) => unavailable_status(&rs.iter().collect::<Vec<_>>()),
    };
    let mut http = axum::Json(response).into_response();
    if any_unavailable {
        http.headers_mut()
            .insert(header::RETRY_AFTER, retry_after());
    }
    if all_unavailable {
        *http.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    }
    for (k, v) in headers_out.iter() {
        http.headers_mut().append(k.clone(), v.clone());
    }
    http.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    http.extensions_mut()
        .insert(OperationInfo { name, outcome });
    http
}

/// GraphiQL, with its own Content-Security-Policy (it loads its assets from a CDN).
pub async fn graphiql() -> impl IntoResponse {
    let page = &*crate::security_headers::GRAPHIQL;
    let mut response = axum::response::Html(page.html.clone()).into_response();
    if let Ok(csp) = header::HeaderValue::from_str(&page.csp) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_an_answer_without_data_is_a_503() {
        use async_graphql::{Name, Response, ServerError, Value};
        let unavailable = || {
            let mut e = ServerError::new("the service is unavailable", None);
            let mut ext = async_graphql::ErrorExtensionValues::default();
            ext.set("code", "SERVICE_UNAVAILABLE");
            e.extensions = Some(ext);
            e
        };
        let none = Response::from_errors(vec![unavailable()]);
        let mut partial = Response::new(Value::Object(
            [(Name::new("me"), Value::from("x"))].into_iter().collect(),
        ));
        partial.errors.push(unavailable());
        let fine = Response::new(Value::Null);
        assert_eq!(super::unavailable_status(&[&none]), (true, true));
        assert_eq!(super::unavailable_status(&[&partial]), (true, false));
        assert_eq!(super::unavailable_status(&[&none, &partial]), (true, false));
        assert_eq!(super::unavailable_status(&[&fine]), (false, false));
    }
}
