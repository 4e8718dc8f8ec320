//! Live connections: a credential verified again before each event, and sessions revoked so that
//! every live connection that authenticated with them closes.

use super::Auth;
use super::sessions::{INTEGRATION_PREFIX, SESSION_REVOKED};
use crate::entities::session;
use crate::kernel::error::Error;
use crate::kernel::events;
use crate::kernel::ids::{SessionId, UserId};
use crate::policy::facts as principal_loader;
use crate::policy::principal::Principal;
use chrono::{DateTime, Utc};
use sea_orm::prelude::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

/// A credential verified again on a live (subscription) connection.
#[derive(Debug, Clone)]
pub struct Reauthenticated {
    /// The principal with its facts as of now.
    pub principal: Principal,
    /// When the credential stops being valid, if it is an access token.
    pub expires_at: Option<DateTime<Utc>>,
}

impl Auth<'_> {
    /// Verifies a bearer credential again, as a live connection does before each event: the
    /// signature, `exp` as of the injected clock, the session still open and the user not
    /// disabled (for an integration token: not revoked or expired); then the principal's facts as
    /// of now. For an access token that is one round trip.
    pub async fn reauthenticate(&self, bearer: &str) -> Result<Reauthenticated, Error> {
        if bearer.starts_with(INTEGRATION_PREFIX) {
            return Ok(Reauthenticated {
                principal: self.authenticate_integration_token(bearer).await?,
                expires_at: None,
            });
        }
        let claims = self.access_tokens.verify(bearer, self.now())?;
        let expires_at = DateTime::<Utc>::from_timestamp(claims.exp, 0)
            .ok_or(Error::Unauthenticated("invalid or expired access token"))?;
        if expires_at <= self.now() {
            return Err(Error::Unauthenticated(
                "the access token has expired; connect again with a fresh one",
            ));
        }
        let principal = principal_loader::load_session_principal(
            &self.db,
            UserId(claims.sub),
            SessionId(claims.sid),
            self.now(),
            self.config.time_zone,
        )
        .await?
        .ok_or(Error::Unauthenticated(
            "the session has ended; sign in again",
        ))?;
        Ok(Reauthenticated {
            principal: Principal::User(principal),
            expires_at: Some(expires_at),
        })
    }
}

/// Revokes the not-yet-revoked sessions matching `filter`; returns how many. Each revoked session
/// publishes [`SESSION_REVOKED`] (on commit), so that every server instance closes the live
/// connections that authenticated with it.
pub(crate) async fn revoke_sessions<C: ConnectionTrait>(
    conn: &C,
    filter: sea_orm::sea_query::SimpleExpr,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<u64, Error> {
    let ids: Vec<Uuid> = session::Entity::find()
        .select_only()
        .column(session::Column::Id)
        .filter(filter)
        .filter(session::Column::RevokedAt.is_null())
        .into_tuple()
        .all(conn)
        .await?;
    if ids.is_empty() {
        return Ok(0);
    }
    let result = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .col_expr(session::Column::RevokedReason, Expr::value(reason))
        .filter(session::Column::Id.is_in(ids.clone()))
        .filter(session::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    for id in ids {
        events::publish(conn, SESSION_REVOKED, id).await?;
    }
    Ok(result.rows_affected)
}
