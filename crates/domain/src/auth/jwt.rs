//! Access tokens: HS256 JWTs, ~15 minutes, algorithm pinned; `iss`, `aud`, `exp`, `nbf`, `sub` and
//! the `typ` header are required and checked. Times come from the injected clock, both when a
//! token is issued and when it is verified (the library's own `exp`/`nbf` checks read the system
//! time, so they are off and done here).

use crate::kernel::config::DomainConfig;
use crate::kernel::error::Error;
use crate::kernel::ids::{SessionId, UserId};
use chrono::{DateTime, Utc};
use jsonwebtoken::{
    Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, decode_header, encode,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The JOSE `typ` of an access token (RFC 9068), so that no other JWT signed with the key passes.
pub const ACCESS_TOKEN_TYP: &str = "at+jwt";

/// Seconds of clock skew allowed on `exp` and `nbf`.
pub const LEEWAY_SECS: i64 = 30;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    pub sub: Uuid,
    /// The session (refresh-token family) this token belongs to; revoking it revokes the token.
    pub sid: Uuid,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
}

#[derive(Clone)]
pub struct AccessTokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    audience: String,
    ttl: chrono::Duration,
}

impl AccessTokens {
    pub fn new(config: &DomainConfig) -> Result<Self, Error> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[&config.jwt_issuer]);
        validation.set_audience(&[&config.jwt_audience]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        // Checked against the injected clock in `verify`.
        validation.validate_exp = false;
        validation.validate_nbf = false;
        Ok(Self {
            encoding: EncodingKey::from_secret(&config.jwt_secret),
            decoding: DecodingKey::from_secret(&config.jwt_secret),
            validation,
            issuer: config.jwt_issuer.clone(),
            audience: config.jwt_audience.clone(),
            ttl: chrono::Duration::from_std(config.access_token_ttl).map_err(Error::internal)?,
        })
    }

    /// Issues a token valid from `now` (the injected clock) for the configured lifetime.
    pub fn issue(
        &self,
        user: UserId,
        session: SessionId,
        now: DateTime<Utc>,
    ) -> Result<(String, DateTime<Utc>), Error> {
        let expires_at = now + self.ttl;
        let claims = Claims {
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            sub: user.0,
            sid: session.0,
            iat: now.timestamp(),
            nbf: now.timestamp(),
            exp: expires_at.timestamp(),
        };
        let header = Header {
            typ: Some(ACCESS_TOKEN_TYP.into()),
            ..Header::new(Algorithm::HS256)
        };
        let token = encode(&header, &claims, &self.encoding).map_err(Error::internal)?;
        Ok((token, expires_at))
    }

    /// Verifies the signature and claims; `exp` and `nbf` as of `now` (the injected clock), with
    /// [`LEEWAY_SECS`] either side for clock skew between instances.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<Claims, Error> {
        const REJECTED: Error = Error::Unauthenticated("invalid or expired access token");
        let header = decode_header(token).map_err(|_| REJECTED)?;
        if header.typ.as_deref() != Some(ACCESS_TOKEN_TYP) || header.alg != Algorithm::HS256 {
            return Err(REJECTED);
        }
        let claims = decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|_| REJECTED)?;
        let now = now.timestamp();
        if claims.exp < now - LEEWAY_SECS || claims.nbf > now + LEEWAY_SECS {
            return Err(REJECTED);
        }
        Ok(claims)
    }
}
