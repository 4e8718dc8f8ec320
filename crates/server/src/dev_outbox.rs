//! `GET /dev/outbox?to=<address>`: in development without SMTP (`ALLIANCE_DEV` set,
//! `ALLIANCE_SMTP_URL` not), the last messages delivered to an e-mail address or mobile number, as
//! JSON, newest first, so that a browser test can follow a reset or confirmation link. Anywhere
//! else it answers 404.

use crate::app::AppState;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// How many messages one answer holds at most.
const LAST: usize = 20;

#[derive(serde::Deserialize)]
pub struct OutboxQuery {
    to: Option<String>,
}

pub async fn messages(State(state): State<AppState>, Query(query): Query<OutboxQuery>) -> Response {
    let Some(outbox) = &state.dev_outbox else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(to) = query.to.filter(|to| !to.trim().is_empty()) else {
        return (StatusCode::BAD_REQUEST, "give ?to=<address>").into_response();
    };
    (
        [(axum::http::header::CACHE_CONTROL, "no-store")],
        Json(outbox.to(&to, LAST)),
    )
        .into_response()
}
