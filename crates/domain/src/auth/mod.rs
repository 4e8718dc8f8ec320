//! Authentication: passwords, access tokens, sessions with rotating refresh tokens, integration
//! tokens, invitations and login throttling (DESIGN.md §4).

pub mod integration;
pub mod invitations;
pub mod jwt;
mod live;
pub mod password;
pub mod password_reset;
pub mod secret;
pub mod sessions;
pub mod throttle;

use crate::kernel::ids::UserId;
use chrono::{DateTime, Utc};

/// What a successful login, refresh or invitation acceptance hands back.
#[derive(Debug, Clone)]
pub struct IssuedSession {
    pub user_id: UserId,
    pub access_token: String,
    pub expires_at: DateTime<Utc>,
    pub refresh_token: String,
}

/// Where a request comes from, for throttling and the session record.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub address: Option<String>,
    pub user_agent: Option<String>,
}

/// Signing in and out, sessions, integration tokens and invitations. The façade of this domain:
/// `services.auth()`.
pub struct Auth<'a>(&'a crate::Services);

impl crate::Services {
    pub fn auth(&self) -> Auth<'_> {
        Auth(self)
    }
}

impl std::ops::Deref for Auth<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
