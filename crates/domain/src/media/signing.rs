//! Short-lived signed URLs for members-only media: `/media/{id}/{variant}?exp=…&sig=…`, where
//! `sig` is HMAC-SHA256 over id, variant and expiry under a key derived from the server secret.
//! Minted only after the policy check; checked in constant time; the served bytes are
//! `Cache-Control: private`. The same route serves the S3 store (streamed through the server), so
//! that the bucket never needs to be reachable by browsers and one check guards both stores.

use super::{Media, Variant};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

type HmacSha256 = Hmac<Sha256>;

/// A URL for a media item's bytes (relative to the API's origin) and when it stops working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedUrl {
    pub url: String,
    /// `None` for public media, whose URL does not expire.
    pub expires_at: Option<DateTime<Utc>>,
}

/// The public, cacheable URL of a media item of public news (the contract the news pages use).
pub fn public_url(id: Uuid, variant: Variant) -> String {
    format!("/media/public/{id}/{}", variant.as_str())
}

impl Media<'_> {
    fn mac(&self, id: Uuid, variant: Variant, exp: i64) -> Option<HmacSha256> {
        // A key of its own, so that a media signature is never valid as anything else.
        let mut derive = HmacSha256::new_from_slice(&self.config.jwt_secret).ok()?;
        derive.update(b"alliance media url v1");
        let key = derive.finalize().into_bytes();
        let mut mac = HmacSha256::new_from_slice(&key).ok()?;
        mac.update(format!("{id}\n{}\n{exp}", variant.as_str()).as_bytes());
        Some(mac)
    }

    /// A signed URL valid for the configured time. Call only after the policy allowed `ReadMedia`.
    pub(crate) fn sign(&self, id: Uuid, variant: Variant) -> Option<SignedUrl> {
        let ttl = chrono::Duration::from_std(self.media_storage.settings.url_ttl).ok()?;
        let expires_at = self.now() + ttl;
        let exp = expires_at.timestamp();
        let sig = URL_SAFE_NO_PAD.encode(self.mac(id, variant, exp)?.finalize().into_bytes());
        Some(SignedUrl {
            url: format!("/media/{id}/{}?exp={exp}&sig={sig}", variant.as_str()),
            expires_at: Some(expires_at),
        })
    }

    /// Whether `sig` signs `id`, `variant` and `exp`, and `exp` is still ahead of the clock.
    pub fn verify(&self, id: Uuid, variant: Variant, exp: i64, sig: &str) -> bool {
        if exp <= self.now().timestamp() {
            return false;
        }
        let Ok(given) = URL_SAFE_NO_PAD.decode(sig) else {
            return false;
        };
        // `verify_slice` compares in constant time.
        self.mac(id, variant, exp)
            .is_some_and(|mac| mac.verify_slice(&given).is_ok())
    }
}
