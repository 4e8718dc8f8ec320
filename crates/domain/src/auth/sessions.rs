//! Login, silent refresh with rotation and reuse detection, logout, password change, and turning a
//! bearer credential into a principal.

use super::Auth;
use super::{ClientInfo, IssuedSession, secret};
use crate::entities::{refresh_token, session, user};
use crate::kernel::audit::Actor;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::ids::{SessionId, UserId};
use crate::policy::facts as principal_loader;
use crate::policy::principal::Principal;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

pub use super::live::Reauthenticated;
pub(crate) use super::live::revoke_sessions;
use crate::users::{find_user_by_login, normalize_login};

pub const REFRESH_PREFIX: &str = "arf_";
pub const INTEGRATION_PREFIX: &str = "alt_";
/// The event topic published when a session is revoked (logout, password change, refresh-token
/// reuse); the event's id is the session's.
pub const SESSION_REVOKED: &str = "session.revoked";
const BAD_LOGIN: Error = Error::Unauthenticated("incorrect login or password");
const BAD_REFRESH: Error = Error::Unauthenticated("invalid or expired refresh token");

impl Auth<'_> {
    pub async fn login(
        &self,
        login: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<IssuedSession, Error> {
        let mut errors = Vec::new();
        if login.trim().is_empty() {
            errors.push(FieldError::new(
                "login",
                "REQUIRED",
                "enter your e-mail address or mobile number",
            ));
        }
        if password.is_empty() {
            errors.push(FieldError::new(
                "password",
                "REQUIRED",
                "enter your password",
            ));
        } else if password.chars().count() > super::password::MAX_LENGTH {
            errors.push(FieldError::new(
                "password",
                "TOO_LONG",
                "must be at most 128 characters",
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let found = find_user_by_login(&self.db, login).await?;
        let hash = found.as_ref().and_then(|u| u.password_hash.as_deref());
        let attempt = self
            .reserve_password_attempt(
                found.as_ref().map(|u| UserId(u.id)),
                &normalize_login(login),
                client,
            )
            .await?;
        let matches = self.passwords.verify(password, hash).await?;
        let user = match found {
            Some(user) if matches && user.disabled_at.is_none() => user,
            _ => {
                self.password_attempt_failed("login", &attempt);
                return Err(BAD_LOGIN);
            }
        };
        self.password_attempt_succeeded(&attempt).await?;
        let txn = self.db.begin().await?;
        let issued = self.start_session(&txn, UserId(user.id), client).await?;
        self.record_audit(
            &txn,
            Actor {
                user_id: Some(user.id),
                token_id: None,
            },
            "session.login",
            "user",
            Some(user.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(issued)
    }

    /// Opens a session (a refresh-token family) and issues its first token pair.
    pub(crate) async fn start_session<C: ConnectionTrait>(
        &self,
        conn: &C,
        user_id: UserId,
        client: &ClientInfo,
    ) -> Result<IssuedSession, Error> {
        let now = self.now();
        let session_id = SessionId::new();
        let refresh_ttl =
            chrono::Duration::from_std(self.config.refresh_token_ttl).map_err(Error::internal)?;
        session::ActiveModel {
            id: Set(session_id.0),
            user_id: Set(user_id.0),
            created_at: Set(now),
            last_used_at: Set(now),
            expires_at: Set(now + refresh_ttl),
            revoked_at: Set(None),
            revoked_reason: Set(None),
            user_agent: Set(client.user_agent.clone()),
            client_address: Set(client.address.clone()),
        }
        .insert(conn)
        .await?;
        let refresh_token = insert_refresh_token(conn, session_id, now).await?;
        let (access_token, expires_at) = self.access_tokens.issue(user_id, session_id, now)?;
        Ok(IssuedSession {
            user_id,
            access_token,
            expires_at,
            refresh_token,
        })
    }

    /// Rotates a refresh token. A token that was already used means it leaked: the whole session
    /// (every token of the family) is revoked.
    pub async fn refresh_session(&self, refresh_token: &str) -> Result<IssuedSession, Error> {
        if !refresh_token.starts_with(REFRESH_PREFIX) {
            return Err(BAD_REFRESH);
        }
        let now = self.now();
        let txn = self.db.begin().await?;
        let Some(token) = refresh_token::Entity::find()
            .filter(refresh_token::Column::TokenHash.eq(secret::hash(refresh_token)))
            .lock_exclusive()
            .one(&txn)
            .await?
        else {
            return Err(BAD_REFRESH);
        };
        let Some(session) = session::Entity::find_by_id(token.session_id)
            .lock_exclusive()
            .one(&txn)
            .await?
        else {
            return Err(BAD_REFRESH);
        };
        if session.revoked_at.is_some() || session.expires_at <= now {
            return Err(BAD_REFRESH);
        }
        if token.used_at.is_some() {
            revoke_sessions(
                &txn,
                session::Column::Id.eq(session.id),
                "reuse_detected",
                now,
            )
            .await?;
            self.record_audit(
                &txn,
                Actor {
                    user_id: Some(session.user_id),
                    token_id: None,
                },
                "session.reuse_detected",
                "session",
                Some(session.id),
                json!({}),
            )
            .await?;
            txn.commit().await?;
            tracing::warn!(session = %session.id, user = %session.user_id, "refresh token reused; session revoked");
            return Err(Error::Unauthenticated(
                "refresh token already used; the session has been revoked",
            ));
        }
        let user = user::Entity::find_by_id(session.user_id)
            .one(&txn)
            .await?
            .ok_or(BAD_REFRESH)?;
        if user.disabled_at.is_some() {
            return Err(BAD_REFRESH);
        }
        refresh_token::ActiveModel {
            id: Set(token.id),
            used_at: Set(Some(now)),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        session::ActiveModel {
            id: Set(session.id),
            last_used_at: Set(now),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        let new_token = insert_refresh_token(&txn, SessionId(session.id), now).await?;
        self.record_audit(
            &txn,
            Actor {
                user_id: Some(user.id),
                token_id: None,
            },
            "session.refresh",
            "session",
            Some(session.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        let (access_token, expires_at) =
            self.access_tokens
                .issue(UserId(user.id), SessionId(session.id), now)?;
        Ok(IssuedSession {
            user_id: UserId(user.id),
            access_token,
            expires_at,
            refresh_token: new_token,
        })
    }

    /// Revokes the session of the given refresh token, or else the caller's current session.
    /// Returns whether a session was ended.
    pub async fn logout(
        &self,
        principal: &Principal,
        refresh_token: Option<&str>,
    ) -> Result<bool, Error> {
        let session_id = match refresh_token {
            Some(token) => refresh_token::Entity::find()
                .filter(refresh_token::Column::TokenHash.eq(secret::hash(token)))
                .one(&self.db)
                .await?
                .map(|t| t.session_id),
            None => principal.session_id().map(|s| s.0),
        };
        let Some(session_id) = session_id else {
            return Ok(false);
        };
        let txn = self.db.begin().await?;
        let ended = revoke_sessions(
            &txn,
            session::Column::Id.eq(session_id),
            "logout",
            self.now(),
        )
        .await?
            > 0;
        if ended {
            self.record_audit(
                &txn,
                Actor::from(principal),
                "session.logout",
                "session",
                Some(session_id),
                json!({}),
            )
            .await?;
        }
        txn.commit().await?;
        Ok(ended)
    }

    /// Changes the caller's password and revokes every other session of theirs. The current
    /// password is checked under the same throttle as a login of the account.
    pub async fn change_password(
        &self,
        principal: &Principal,
        current: &str,
        new: &str,
        client: &ClientInfo,
    ) -> Result<user::Model, Error> {
        let me = crate::policy::require_user(principal)?;
        let user = user::Entity::find_by_id(me.0)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("user"))?;
        let mut errors = Vec::new();
        if let Err(e) = super::password::validate_new("newPassword", new) {
            errors.push(e);
        } else if new == current {
            errors.push(FieldError::new(
                "newPassword",
                "UNCHANGED",
                "must differ from the current password",
            ));
        }
        let current_ok = if current.chars().count() > super::password::MAX_LENGTH {
            false
        } else {
            let attempt = self
                .reserve_password_attempt(Some(UserId(user.id)), "", client)
                .await?;
            let ok = self
                .passwords
                .verify(current, user.password_hash.as_deref())
                .await?;
            if ok {
                self.password_attempt_succeeded(&attempt).await?;
            } else {
                self.password_attempt_failed("change_password", &attempt);
            }
            ok
        };
        if !current_ok {
            errors.insert(
                0,
                FieldError::new(
                    "currentPassword",
                    "INCORRECT",
                    "the current password is not correct",
                ),
            );
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let hash = self.passwords.hash(new).await?;
        let txn = self.db.begin().await?;
        let updated = user::ActiveModel {
            id: Set(user.id),
            password_hash: Set(Some(hash)),
            updated_at: Set(self.now()),
            version: Set(user.version + 1),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        let mut others = session::Column::UserId.eq(user.id);
        if let Some(current_session) = principal.session_id() {
            others = others.and(session::Column::Id.ne(current_session.0));
        }
        revoke_sessions(&txn, others, "password_changed", self.now()).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "user.change_password",
            "user",
            Some(user.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Turns an `Authorization: Bearer` credential into a principal. Anything wrong with it is
    /// `UNAUTHENTICATED`; it is never treated as anonymous.
    pub async fn authenticate(&self, bearer: &str) -> Result<Principal, Error> {
        if bearer.starts_with(INTEGRATION_PREFIX) {
            return self.authenticate_integration_token(bearer).await;
        }
        let claims = self.access_tokens.verify(bearer, self.now())?;
        // The session check and the principal's facts in one round trip.
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
        Ok(Principal::User(principal))
    }
}

async fn insert_refresh_token<C: ConnectionTrait>(
    conn: &C,
    session_id: SessionId,
    now: DateTime<Utc>,
) -> Result<String, Error> {
    let token = secret::generate(REFRESH_PREFIX);
    refresh_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        session_id: Set(session_id.0),
        token_hash: Set(secret::hash(&token)),
        created_at: Set(now),
        used_at: Set(None),
    }
    .insert(conn)
    .await?;
    Ok(token)
}
