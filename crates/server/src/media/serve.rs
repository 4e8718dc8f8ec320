//! Serving media bytes: signed (members-only, `Cache-Control: private`, 403 without bytes for a
//! bad or expired signature) and public (media of public news, cacheable; anything else 404).

use crate::app::AppState;
use alliance_domain::media::{MediaBytes, Variant};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Debug, Deserialize)]
pub(super) struct Signature {
    exp: Option<i64>,
    sig: Option<String>,
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CACHE_CONTROL, "no-store")],
        "no such media",
    )
        .into_response()
}

fn parse(id: &str, variant: &str) -> Option<(Uuid, Variant)> {
    Some((Uuid::parse_str(id).ok()?, Variant::parse(variant)?))
}

/// `filename*=` of RFC 6266/5987: UTF-8, percent-encoded.
fn disposition(name: &str) -> String {
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect();
    format!("inline; filename*=UTF-8''{encoded}")
}

fn bytes_response(found: MediaBytes, cache: String) -> Response {
    let mut response = Body::from_stream(found.stream).into_response();
    let headers = response.headers_mut();
    let value = |v: &str| HeaderValue::from_str(v).unwrap_or(HeaderValue::from_static("inline"));
    headers.insert(header::CONTENT_TYPE, value(&found.content_type));
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(found.size));
    headers.insert(header::CACHE_CONTROL, value(&cache));
    headers.insert(
        header::CONTENT_DISPOSITION,
        value(&disposition(&found.original_name)),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn failed(e: &alliance_domain::Error) -> Response {
    tracing::error!(error = %e, debug = ?e, "serving media failed");
    let status = match e {
        alliance_domain::Error::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    (
        status,
        [(header::CACHE_CONTROL, "no-store")],
        "media unavailable",
    )
        .into_response()
}

pub(super) async fn signed(
    State(state): State<AppState>,
    Path((id, variant)): Path<(String, String)>,
    Query(signature): Query<Signature>,
) -> Response {
    let Some((id, variant)) = parse(&id, &variant) else {
        return not_found();
    };
    let media = state.services.media();
    let (Some(exp), Some(sig)) = (signature.exp, signature.sig) else {
        return forbidden();
    };
    if !media.verify(id, variant, exp, &sig) {
        return forbidden();
    }
    let left = (exp - state.services.now().timestamp()).max(0);
    match media.signed_bytes(id, variant, exp, &sig).await {
        Ok(Some(found)) => bytes_response(found, format!("private, max-age={left}")),
        Ok(None) => not_found(),
        Err(e) => failed(&e),
    }
}

fn forbidden() -> Response {
    (
        StatusCode::FORBIDDEN,
        [(header::CACHE_CONTROL, "no-store")],
        "this media link is invalid or has expired; ask for a new one",
    )
        .into_response()
}

pub(super) async fn public(
    State(state): State<AppState>,
    Path((id, variant)): Path<(String, String)>,
) -> Response {
    let Some((id, variant)) = parse(&id, &variant) else {
        return not_found();
    };
    let max_age = state
        .services
        .media_storage
        .settings
        .public_max_age
        .as_secs();
    match state.services.media().public_bytes(id, variant).await {
        Ok(Some(found)) => bytes_response(found, format!("public, max-age={max_age}")),
        Ok(None) => not_found(),
        Err(e) => failed(&e),
    }
}
