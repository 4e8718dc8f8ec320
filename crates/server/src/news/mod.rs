//! The public news (新闻动态) as plain HTML and Atom, served by the server itself so that it works
//! without JavaScript, is read by search engines and link previews (Open Graph), and is followed
//! by feed readers: `/news`, `/news/{id}`, `/news/feed.atom` and `/alliances/{id}/news.atom`.
//! Only published activities of public alliances are ever read (`services.news()`).

mod atom;
mod html;
mod markdown;

use crate::app::AppState;
use alliance_domain::kernel::ids::{AllianceId, global_id};
use alliance_domain::kernel::pagination::PageRequest;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use uuid::Uuid;

/// Articles on one page of `/news`.
const PAGE: u64 = 20;
/// Entries in a feed.
const FEED: u64 = 50;
/// Pages and feeds may be cached briefly: an unpublished article leaves within a minute.
const CACHE: &str = "public, max-age=60";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/news", get(list_page))
        .route("/news/feed.atom", get(platform_feed))
        .route("/news/{id}", get(article_page))
        .route("/alliances/{id}/news.atom", get(alliance_feed))
}

/// The global id of an article, as in the GraphQL API and the addresses.
pub(crate) fn article_id(id: Uuid) -> String {
    global_id("NewsArticle", id)
}

/// A global id of type `kind`, or `None`.
fn decode(id: &str, kind: &str) -> Option<Uuid> {
    let bytes = URL_SAFE_NO_PAD.decode(id.trim_end_matches('=')).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (name, uuid) = text.split_once(':')?;
    (name == kind).then(|| Uuid::parse_str(uuid).ok()).flatten()
}

fn cursor(after: Option<&str>) -> Option<Uuid> {
    let bytes = URL_SAFE_NO_PAD.decode(after?).ok()?;
    Uuid::from_slice(&bytes).ok()
}

pub(crate) fn encode_cursor(id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(id.as_bytes())
}

fn public_url(state: &AppState) -> String {
    state
        .services
        .config
        .public_url
        .trim_end_matches('/')
        .to_owned()
}

fn failed(e: alliance_domain::Error) -> Response {
    match e {
        alliance_domain::Error::Unavailable(_) => {
            tracing::warn!(error = %e, "news: database unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, crate::graphql::retry_after())],
                "服务暂时不可用，请稍后再试 / The service is unavailable, retry in a moment",
            )
                .into_response()
        }
        e => {
            tracing::error!(error = %e, debug = ?e, "news failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

fn html_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        body,
    )
        .into_response()
}

fn atom_response(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        body,
    )
        .into_response()
}

#[derive(Deserialize)]
struct ListParams {
    after: Option<String>,
}

async fn list_page(State(state): State<AppState>, Query(params): Query<ListParams>) -> Response {
    let page = PageRequest {
        first: PAGE,
        after: cursor(params.after.as_deref()),
        count: false,
    };
    match state.services.news().articles(None, page).await {
        Ok((articles, _)) => html_response(
            StatusCode::OK,
            html::list(&public_url(&state), &articles, params.after.is_some()),
        ),
        Err(e) => failed(e),
    }
}

async fn article_page(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let base = public_url(&state);
    let Some(id) = decode(&id, "NewsArticle") else {
        return html_response(StatusCode::NOT_FOUND, html::not_found(&base));
    };
    match state.services.news().article(id).await {
        Ok(Some(article)) => html_response(StatusCode::OK, html::article(&base, &article)),
        Ok(None) => html_response(StatusCode::NOT_FOUND, html::not_found(&base)),
        Err(e) => failed(e),
    }
}

async fn platform_feed(State(state): State<AppState>) -> Response {
    let page = PageRequest {
        first: FEED,
        after: None,
        count: false,
    };
    match state.services.news().articles(None, page).await {
        Ok((articles, _)) => {
            let base = public_url(&state);
            atom_response(atom::feed(
                &base,
                &atom::FeedHead {
                    id: format!("{base}/news"),
                    title: "新闻动态 · News".to_owned(),
                    self_url: format!("{base}/news/feed.atom"),
                },
                &articles.items,
                state.services.now(),
            ))
        }
        Err(e) => failed(e),
    }
}

async fn alliance_feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let base = public_url(&state);
    let Some(id) = decode(&file, "Alliance") else {
        return (StatusCode::NOT_FOUND, "no such feed").into_response();
    };
    let news = state.services.news();
    let name = match news.public_alliance_name(AllianceId(id)).await {
        Ok(Some(name)) => name,
        Ok(None) => return (StatusCode::NOT_FOUND, "no such feed").into_response(),
        Err(e) => return failed(e),
    };
    let page = PageRequest {
        first: FEED,
        after: None,
        count: false,
    };
    match news.articles(Some(AllianceId(id)), page).await {
        Ok((articles, _)) => {
            let gid = global_id("Alliance", id);
            atom_response(atom::feed(
                &base,
                &atom::FeedHead {
                    id: format!("{base}/alliances/{gid}/news"),
                    title: format!("{name} · 新闻动态"),
                    self_url: format!("{base}/alliances/{gid}/news.atom"),
                },
                &articles.items,
                state.services.now(),
            ))
        }
        Err(e) => failed(e),
    }
}
