//! What each request carries into the resolvers.

use crate::kernel::error::internal;
use alliance_domain::Principal;
use alliance_domain::auth::ClientInfo;
use async_graphql::Context;

/// Per-request data, inserted by the HTTP layer.
#[derive(Debug, Clone, Default)]
pub struct RequestContext {
    pub principal: Principal,
    pub client: ClientInfo,
    /// The refresh token from the HttpOnly cookie, if the browser sent one.
    pub refresh_cookie: Option<String>,
}

/// Settings of the API layer, fixed at start.
#[derive(Debug, Clone)]
pub struct ApiConfig {
    pub refresh_cookie_name: String,
    /// Browsers only send `Secure` cookies over https (and to localhost); off only for plain-http dev setups.
    pub refresh_cookie_secure: bool,
    pub refresh_cookie_max_age_secs: u64,
}

impl Default for ApiConfig {
    fn default() -> Self {
        Self {
            refresh_cookie_name: "alliance_refresh".into(),
            refresh_cookie_secure: true,
            refresh_cookie_max_age_secs: 30 * 24 * 3600,
        }
    }
}

pub fn request<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a RequestContext> {
    ctx.data::<RequestContext>()
        .map_err(|_| internal("request context missing"))
}

pub fn principal<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Principal> {
    Ok(&request(ctx)?.principal)
}

pub fn services<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a alliance_domain::Services> {
    ctx.data::<alliance_domain::Services>()
        .map_err(|_| internal("services missing"))
}
