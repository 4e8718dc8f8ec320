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
}

impl std::fmt::Debug for DomainConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DomainConfig")
            .field("jwt_secret", &"<redacted>")
            .field("jwt_issuer", &self.jwt_issuer)
            .field("jwt_audience", &self.jwt_audience)
            .field("access_token_ttl", &self.access_token_ttl)
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}

/// Failed-login throttling: after `free_failures` failures within `window`, each further failure
/// locks the key for `base_lockout` × 2^(excess − 1), capped at `max_lockout`.
#[derive(Debug, Clone)]
pub struct ThrottleConfig {
    pub account_free_failures: i32,
    pub address_free_failures: i32,
    pub window: Duration,
    pub base_lockout: Duration,
    pub max_lockout: Duration,
}

impl Default for ThrottleConfig {
    fn default() -> Self {
        Self {
            account_free_failures: 5,
            address_free_failures: 20,
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
        }
    }
}
