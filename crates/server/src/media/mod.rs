//! Media over HTTP: `POST /media` (multipart upload), `GET /media/{id}/{variant}?exp=…&sig=…`
//! (signed, members-only) and `GET /media/public/{id}/{variant}` (public news, cacheable).

pub mod config;
mod serve;
mod upload;

use crate::app::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

/// The media routes; the body limit (all files plus a little for the form) is on the upload only.
pub fn routes(state: &AppState) -> Router<AppState> {
    let settings = &state.services.media_storage.settings;
    let limit = settings
        .max_file_bytes
        .saturating_mul(settings.max_files)
        .saturating_add(1024 * 1024);
    Router::new()
        .route(
            "/media",
            post(upload::upload).layer(DefaultBodyLimit::max(limit)),
        )
        .route("/media/public/{id}/{variant}", get(serve::public))
        .route("/media/{id}/{variant}", get(serve::signed))
}
