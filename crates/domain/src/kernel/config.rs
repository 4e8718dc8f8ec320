//! Settings the domain needs; the server reads them from the environment once at start.

use std::time::Duration;

#[derive(Clone)]
pub struct DomainConfig {
    /// HMAC secret for access tokens (at least 32 bytes).
    pub jwt_secret: Vec<u8>,
    pub jwt_issuer: String,
    pub jwt_audience: String,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    /// Where the web client lives, for links in invitations and calendar feeds.
    pub public_url: String,
    /// At most this many argon2 hashes run at once (each takes ~19 MiB and a core for ~50 ms).
    pub max_concurrent_hashes: usize,
    pub throttle: ThrottleConfig,
    pub invitation_ttl: Duration,
    /// The zone of new alliances that name none, and of dates that belong to no alliance (a
    /// person's membership of an organization).
    pub time_zone: chrono_tz::Tz,
    /// Self check-in (by code or QR link) opens this long before a meeting starts…
    pub check_in_opens_before: Duration,
    /// …and closes this long after it ends.
    pub check_in_closes_after: Duration,
    /// Notifications also go by mail to the people who have an e-mail address (through the
    /// outbox, in the language of each). On by default when SMTP is configured.
    pub notification_mail: bool,
}

impl std::fmt::Debug for DomainConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DomainConfig")
            .field("jwt_secret", &"<redacted>")
            .field("jwt_issuer", &self.jwt_issuer)
            .field("jwt_audience", &self.jwt_audience)
            .field("access_token_ttl", &self.access_token_ttl)
            .field("public_url", &self.public_url)
            .field("time_zone", &self.time_zone)
            .finish_non_exhaustive()
    }
}

/// Throttling of password checks and check-in codes (see `auth::throttle`). Each attempt is
/// counted before the secret is checked; within `window`, the attempt that reaches a key's free
/// count is still answered but locks the key for `base_lockout`, during which every attempt is
/// refused with `RATE_LIMITED`. After a lock-out one more attempt is answered; if it fails too,
/// the next lock-out doubles, up to `max_lockout`. A success clears the key.
#[derive(Debug, Clone)]
pub struct ThrottleConfig {
    /// Password attempts answered per account (e-mail and phone share it) before a lock-out.
    pub account_free_failures: i32,
    /// Password attempts answered per client address before a lock-out; a success gives its
    /// attempt back.
    pub address_free_failures: i32,
    /// Check-in code attempts answered per person and meeting before a lock-out.
    pub check_in_free_failures: i32,
    pub window: Duration,
    pub base_lockout: Duration,
    pub max_lockout: Duration,
}

impl Default for ThrottleConfig {
    fn default() -> Self {
        Self {
            account_free_failures: 5,
            address_free_failures: 20,
            check_in_free_failures: 5,
            window: Duration::from_secs(15 * 60),
            base_lockout: Duration::from_secs(30),
            max_lockout: Duration::from_secs(15 * 60),
        }
    }
}

impl DomainConfig {
    /// Settings for tests and development: a fixed secret nobody deploys.
    pub fn for_tests() -> Self {
        Self {
            jwt_secret: b"test-secret-test-secret-test-secret!".to_vec(),
            jwt_issuer: "alliance".into(),
            jwt_audience: "alliance-api".into(),
            access_token_ttl: Duration::from_secs(15 * 60),
            refresh_token_ttl: Duration::from_secs(30 * 24 * 3600),
            public_url: "http://localhost:8080".into(),
            max_concurrent_hashes: 2,
            throttle: ThrottleConfig::default(),
            invitation_ttl: Duration::from_secs(7 * 24 * 3600),
            time_zone: chrono_tz::Asia::Shanghai,
            check_in_opens_before: Duration::from_secs(2 * 3600),
            check_in_closes_after: Duration::from_secs(2 * 3600),
            notification_mail: false,
        }
    }
}
