//! What each request carries into the resolvers.

use crate::kernel::error::internal;
use alliance_domain::Principal;
use alliance_domain::auth::ClientInfo;
use async_graphql::Context;
use std::sync::{Arc, RwLock};

/// Who is asking. Fixed for one HTTP request; on a subscription connection it is re-established
/// before every event, so nested fields always resolve with the rights of that moment.
#[derive(Debug, Clone, Default)]
pub struct Viewer(Arc<RwLock<Arc<Principal>>>);

impl Viewer {
    pub fn new(principal: Principal) -> Self {
        Self(Arc::new(RwLock::new(Arc::new(principal))))
    }

    pub fn get(&self) -> Arc<Principal> {
        // A writer that panicked left a whole principal behind: reading it is safe.
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Keeps the principal but drops the user's row read with the session (see [`Principal::profile`]).
    pub fn forget_profile(&self) {
        let mut current = self.0.write().unwrap_or_else(|e| e.into_inner());
        if current.profile().is_some() {
            let mut principal = Principal::clone(&current);
            principal.forget_profile();
            *current = Arc::new(principal);
        }
    }

    pub fn set(&self, principal: Principal) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(principal);
    }
}

/// Per-request data, inserted by the HTTP layer.
#[derive(Debug, Clone, Default)]
pub struct RequestContext {
    pub viewer: Viewer,
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

pub fn principal(ctx: &Context<'_>) -> async_graphql::Result<Arc<Principal>> {
    Ok(request(ctx)?.viewer.get())
}

pub fn services<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a alliance_domain::Services> {
    ctx.data::<alliance_domain::Services>()
        .map_err(|_| internal("services missing"))
}
