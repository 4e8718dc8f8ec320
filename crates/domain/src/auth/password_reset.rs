//! Forgot password: a one-time link (30 minutes, stored hashed, single use) goes out through the
//! outbox by e-mail, or by text message when the account has only a mobile number. The request
//! always answers the same, whether the login names an account or not, and is throttled per login
//! and per client address. Setting the new password ends every session of the account.

use super::Auth;
use super::{ClientInfo, secret, throttle};
use crate::auth::sessions::revoke_sessions;
use crate::entities::{account_token, session, user};
use crate::kernel::audit::Actor;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::ids::UserId;
use crate::kernel::mail::Message;
use crate::kernel::sms::Sms;
use crate::users::{find_user_by_login, normalize_login};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

pub const RESET_PREFIX: &str = "apw_";
pub const EMAIL_CHANGE_PREFIX: &str = "aem_";
/// How long a password-reset link works.
pub const RESET_TTL_MINUTES: i64 = 30;
/// Reset requests answered per login in the throttle window before a lock-out.
pub const RESET_REQUESTS_PER_LOGIN: i32 = 3;
const LOGIN_MAX: usize = 254;

/// What a one-time account link is for (`account_tokens.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountTokenKind {
    PasswordReset,
    EmailChange,
}

impl AccountTokenKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PasswordReset => "password_reset",
            Self::EmailChange => "email_change",
        }
    }
}

/// Stores a new one-time link for `user` (only its hash), replacing the unused links of that kind,
/// and returns the secret.
pub(crate) async fn issue_account_token<C: ConnectionTrait>(
    conn: &C,
    user: UserId,
    kind: AccountTokenKind,
    new_email: Option<String>,
    now: DateTime<Utc>,
    ttl: chrono::Duration,
) -> Result<String, Error> {
    account_token::Entity::delete_many()
        .filter(account_token::Column::UserId.eq(user.0))
        .filter(account_token::Column::Kind.eq(kind.as_str()))
        .filter(account_token::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    let prefix = match kind {
        AccountTokenKind::PasswordReset => RESET_PREFIX,
        AccountTokenKind::EmailChange => EMAIL_CHANGE_PREFIX,
    };
    let token = secret::generate(prefix);
    account_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.0),
        kind: Set(kind.as_str().to_owned()),
        token_hash: Set(secret::hash(&token)),
        new_email: Set(new_email),
        created_at: Set(now),
        expires_at: Set(now + ttl),
        used_at: Set(None),
    }
    .insert(conn)
    .await?;
    Ok(token)
}

/// Finds a usable one-time link of `kind` and locks it: unknown, used or expired links answer a
/// user error naming `token`.
pub(crate) async fn take_account_token<C: ConnectionTrait>(
    conn: &C,
    token: &str,
    kind: AccountTokenKind,
    now: DateTime<Utc>,
) -> Result<account_token::Model, Error> {
    let found = account_token::Entity::find()
        .filter(account_token::Column::TokenHash.eq(secret::hash(token.trim())))
        .filter(account_token::Column::Kind.eq(kind.as_str()))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or_else(|| Error::invalid("token", "INVALID", "this link is not valid"))?;
    if found.used_at.is_some() {
        return Err(Error::invalid(
            "token",
            "USED",
            "this link has already been used; ask for a new one",
        ));
    }
    if found.expires_at <= now {
        return Err(Error::invalid(
            "token",
            "EXPIRED",
            "this link has expired; ask for a new one",
        ));
    }
    account_token::ActiveModel {
        id: Set(found.id),
        used_at: Set(Some(now)),
        ..Default::default()
    }
    .update(conn)
    .await?;
    Ok(found)
}

impl Auth<'_> {
    /// Sends a password-reset link to the account `login` names, if any. Answers the same either
    /// way; `RATE_LIMITED` after repeated requests for one login or from one address.
    pub async fn request_password_reset(
        &self,
        login: &str,
        client: &ClientInfo,
    ) -> Result<(), Error> {
        let trimmed = login.trim();
        if trimmed.is_empty() {
            return Err(Error::invalid(
                "login",
                "REQUIRED",
                "enter your e-mail address or mobile number",
            ));
        }
        if trimmed.chars().count() > LOGIN_MAX || trimmed.contains('\0') {
            return Err(Error::invalid(
                "login",
                "INVALID",
                "is not an e-mail address or mobile number",
            ));
        }
        let normalized = normalize_login(trimmed);
        let limits = &self.config.throttle;
        let now = self.now();
        if let Some(address) = client.address.as_deref() {
            let r = throttle::reserve(
                &self.db,
                limits,
                &format!("reset-address:{address}"),
                limits.address_free_failures,
                now,
            )
            .await?;
            throttle::log_lockouts("password_reset", [&r]);
        }
        // Keyed by the login as typed (normalized), known or not, so that both take one path.
        let r = throttle::reserve(
            &self.db,
            limits,
            &format!("reset-login:{normalized}"),
            RESET_REQUESTS_PER_LOGIN,
            now,
        )
        .await?;
        throttle::log_lockouts("password_reset", [&r]);
        let Some(found) = find_user_by_login(&self.db, trimmed).await? else {
            return Ok(());
        };
        if found.disabled_at.is_some() {
            return Ok(());
        }
        let txn = self.db.begin().await?;
        let token = issue_account_token(
            &txn,
            UserId(found.id),
            AccountTokenKind::PasswordReset,
            None,
            now,
            chrono::Duration::minutes(RESET_TTL_MINUTES),
        )
        .await?;
        let url = format!(
            "{}/reset-password/{token}",
            self.config.public_url.trim_end_matches('/')
        );
        match (&found.email, &found.phone) {
            (Some(to), _) => {
                let body = format!(
                    "{}，您好：\n\n有人请求重置您在党建联盟平台的密码。请在 30 分钟内打开以下链接设置新密码（仅可使用一次）：\n{url}\n\n如果不是您本人操作，请忽略此邮件。\n\nSomeone asked to reset your Alliance password. Open the link above within 30 minutes to set a new one (it works once). If it was not you, ignore this message.",
                    found.name
                );
                let message = Message {
                    to: to.clone(),
                    subject: "重置密码 / Reset your password".into(),
                    body,
                };
                self.jobs().send_mail(&txn, &message).await?;
            }
            (None, Some(phone)) => {
                let message = Sms {
                    to: phone.clone(),
                    body: format!("党建联盟平台：30 分钟内打开链接重置密码（仅一次有效）：{url}"),
                };
                self.jobs().send_sms(&txn, &message).await?;
            }
            (None, None) => {}
        }
        self.record_audit(
            &txn,
            Actor {
                user_id: None,
                token_id: None,
            },
            "user.request_password_reset",
            "user",
            Some(found.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Sets a new password from a reset link, marks the link used and ends every session of the
    /// account. Unknown, used or expired links answer a user error naming `token`.
    pub async fn reset_password(&self, token: &str, new_password: &str) -> Result<(), Error> {
        let mut errors = Vec::new();
        if token.trim().is_empty() {
            errors.push(FieldError::new(
                "token",
                "REQUIRED",
                "the link has no token",
            ));
        }
        if let Err(e) = super::password::validate_new("newPassword", new_password) {
            errors.push(e);
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let hash = self.passwords.hash(new_password).await?;
        let now = self.now();
        let txn = self.db.begin().await?;
        let found = take_account_token(&txn, token, AccountTokenKind::PasswordReset, now).await?;
        let account = user::Entity::find_by_id(found.user_id)
            .one(&txn)
            .await?
            .filter(|u| u.disabled_at.is_none())
            .ok_or_else(|| Error::invalid("token", "INVALID", "this link is not valid"))?;
        user::ActiveModel {
            id: Set(account.id),
            password_hash: Set(Some(hash)),
            updated_at: Set(now),
            version: Set(account.version + 1),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        revoke_sessions(
            &txn,
            session::Column::UserId.eq(account.id),
            // The sessions table's reasons name it as a password change.
            "password_changed",
            now,
        )
        .await?;
        self.record_audit(
            &txn,
            Actor {
                user_id: Some(account.id),
                token_id: None,
            },
            "user.reset_password",
            "user",
            Some(account.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        // The owner proved it: a lock-out of their login ends with it.
        throttle::reset(
            &self.db,
            &throttle::account_key(Some(UserId(account.id)), ""),
        )
        .await?;
        Ok(())
    }
}
