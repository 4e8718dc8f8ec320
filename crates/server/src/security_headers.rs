//! Security headers on every response: the API, the web client, GraphiQL, errors and 404s.
//!
//! The web client (React + Ant Design) loads only same-origin scripts; Ant Design's CSS-in-JS
//! writes `<style>` elements and style attributes, so styles allow `'unsafe-inline'` (scripts do
//! not). graphql-ws connects to the same origin (`connect-src 'self'` covers `ws:`/`wss:` there).
//! GraphiQL (`GET /graphql` in a browser) loads its assets from unpkg.com and runs one inline
//! script: it gets its own policy, allowing that CDN and exactly that script (by hash).
//! Check-in links carry their code in the query string, so no page sends a referrer.

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy of everything but GraphiQL.
pub const APP_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; \
    manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

pub const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
    serial=(), bluetooth=(), hid=(), midi=(), browsing-topics=(), interest-cohort=()";

const GRAPHIQL_CDN: &str = "https://unpkg.com";

/// The GraphiQL page and its own Content-Security-Policy, built once.
pub struct Graphiql {
    pub html: String,
    pub csp: String,
}

pub static GRAPHIQL: LazyLock<Graphiql> = LazyLock::new(|| {
    let html = async_graphql::http::GraphiQLSource::build()
        .endpoint("/graphql")
        .subscription_endpoint("/graphql/ws")
        .title("Alliance GraphQL")
        .finish();
    let scripts: Vec<String> = inline_scripts(&html)
        .iter()
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let csp = format!(
        "default-src 'none'; script-src {} {GRAPHIQL_CDN}; style-src 'unsafe-inline' {GRAPHIQL_CDN}; \
         img-src 'self' data: {GRAPHIQL_CDN} https://graphql.org; font-src data: {GRAPHIQL_CDN}; \
         connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        scripts.join(" ")
    );
    Graphiql { html, csp }
});

/// The bodies of `<script>` elements without `src`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script>") {
        let body = &rest[start + "<script>".len()..];
        let Some(end) = body.find("</script>") else {
            break;
        };
        found.push(&body[..end]);
        rest = &body[end..];
    }
    found
}

fn static_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// Adds the headers to every response of `router`; a handler that set its own policy keeps it.
pub fn apply<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(static_header(header::CONTENT_SECURITY_POLICY, APP_CSP))
        .layer(static_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(static_header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(static_header(header::REFERRER_POLICY, "no-referrer"))
        .layer(static_header(
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ))
        .layer(static_header(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn graphiql_policy_allows_exactly_its_inline_script() {
        let page = &*super::GRAPHIQL;
        assert_eq!(super::inline_scripts(&page.html).len(), 1);
        assert!(page.csp.contains("'sha256-"), "{}", page.csp);
        assert!(!page.csp.contains("script-src 'unsafe-inline'"));
        assert!(page.csp.contains("frame-ancestors 'none'"));
    }
}
