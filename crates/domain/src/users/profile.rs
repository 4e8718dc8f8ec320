//! A person's own account: name, mobile number and language (`updateMyProfile`, with `version`),
//! and a new e-mail address, switched only once a link sent to it is opened; the old address is
//! told afterwards.

use super::Users;
use crate::auth::password_reset::{AccountTokenKind, issue_account_token, take_account_token};
use crate::auth::throttle;
use crate::entities::user;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError, on_constraint};
use crate::kernel::ids::UserId;
use crate::kernel::mail::Message;
use crate::kernel::validation;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;

/// The languages of the web client.
pub const LOCALES: &[&str] = &["zh-CN", "en"];
/// How long an e-mail confirmation link works.
pub const EMAIL_CHANGE_TTL_HOURS: i64 = 24;
/// E-mail change requests answered per account in the throttle window before a lock-out.
const EMAIL_CHANGES_PER_ACCOUNT: i32 = 5;

const PHONE_TAKEN: (&str, &str, &str, &str) = (
    "users_phone_key",
    "phone",
    "TAKEN",
    "this mobile number belongs to another account",
);

/// The new values of `updateMyProfile`; `version` is the one the person last read.
#[derive(Debug, Clone)]
pub struct ProfileChange {
    pub name: String,
    /// Blank or none removes the number (only when the account has an e-mail address).
    pub phone: Option<String>,
    pub locale: String,
    pub version: i32,
}

impl Users<'_> {
    async fn own_account(&self, principal: &Principal) -> Result<user::Model, Error> {
        let me = policy::require_user(principal)?;
        policy::authorize(
            principal,
            Action::UpdateOwnAccount,
            Resource::Account { user: me },
        )?;
        user::Entity::find_by_id(me.0)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("user"))
    }

    /// Changes the caller's name, mobile number and language. A stale `version` is `CONFLICT`.
    pub async fn update_my_profile(
        &self,
        principal: &Principal,
        change: ProfileChange,
    ) -> Result<user::Model, Error> {
        let current = self.own_account(principal).await?;
        let mut errors = Vec::new();
        let name = validation::required_text(&mut errors, "name", &change.name, 100);
        let phone = validation::phone(&mut errors, "phone", change.phone.as_deref());
        if phone.is_none() && current.email.is_none() {
            errors.push(FieldError::new(
                "phone",
                "REQUIRED",
                "an account without an e-mail address needs a mobile number",
            ));
        }
        if !LOCALES.contains(&change.locale.as_str()) {
            errors.push(FieldError::new("locale", "INVALID", "must be zh-CN or en"));
        }
        validation::finish(errors)?;
        let now = self.now();
        let txn = self.db.begin().await?;
        let updated = txn
            .execute_raw(stmt(
                "UPDATE users SET name = $3, phone = $4, locale = $5, updated_at = $6, version = version + 1
                  WHERE id = $1 AND version = $2",
                [
                    current.id.into(),
                    change.version.into(),
                    name.clone().into(),
                    phone.clone().into(),
                    change.locale.clone().into(),
                    now.into(),
                ],
            ))
            .await
            .map_err(|e| on_constraint(e, &[PHONE_TAKEN]))?;
        if updated.rows_affected() == 0 {
            return Err(Error::Conflict(
                "your profile changed since you read it; reload it".into(),
            ));
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "user.update_profile",
            "user",
            Some(current.id),
            json!({"name": name, "phone_changed": phone != current.phone, "locale": change.locale}),
        )
        .await?;
        let saved = user::Entity::find_by_id(current.id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("user"))?;
        txn.commit().await?;
        Ok(saved)
    }

    /// Sends a confirmation link to `new_email`; the address changes only when it is opened.
    /// Returns the address the link went to.
    pub async fn request_email_change(
        &self,
        principal: &Principal,
        new_email: &str,
    ) -> Result<String, Error> {
        let current = self.own_account(principal).await?;
        let mut errors = Vec::new();
        let email = validation::email(&mut errors, "newEmail", Some(new_email));
        validation::finish(errors)?;
        let Some(email) = email else {
            return Err(Error::invalid(
                "newEmail",
                "REQUIRED",
                "enter the new e-mail address",
            ));
        };
        if current.email.as_deref() == Some(email.as_str()) {
            return Err(Error::invalid(
                "newEmail",
                "UNCHANGED",
                "this is your e-mail address already",
            ));
        }
        let taken = user::Entity::find()
            .filter(user::Column::Email.eq(email.clone()))
            .one(&self.db)
            .await?
            .is_some();
        if taken {
            return Err(Error::invalid(
                "newEmail",
                "TAKEN",
                "this e-mail address belongs to another account",
            ));
        }
        let now = self.now();
        throttle::reserve(
            &self.db,
            &self.config.throttle,
            &format!("email-change:{}", current.id),
            EMAIL_CHANGES_PER_ACCOUNT,
            now,
        )
        .await?;
        let txn = self.db.begin().await?;
        let token = issue_account_token(
            &txn,
            UserId(current.id),
            AccountTokenKind::EmailChange,
            Some(email.clone()),
            now,
            chrono::Duration::hours(EMAIL_CHANGE_TTL_HOURS),
        )
        .await?;
        let url = format!(
            "{}/confirm-email/{token}",
            self.config.public_url.trim_end_matches('/')
        );
        let message = Message {
            to: email.clone(),
            subject: "确认新邮箱 / Confirm your new e-mail address".into(),
            body: format!(
                "{}，您好：\n\n请在 24 小时内打开以下链接，确认将此邮箱用于党建联盟平台账号：\n{url}\n\nOpen the link above within 24 hours to use this address for your Alliance account.",
                current.name
            ),
        };
        self.jobs().send_mail(&txn, &message).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "user.request_email_change",
            "user",
            Some(current.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(email)
    }

    /// Switches the account to the address the link was sent to, and tells the old address.
    /// Unknown, used or expired links answer a user error naming `token`.
    pub async fn confirm_email_change(&self, token: &str) -> Result<user::Model, Error> {
        if token.trim().is_empty() {
            return Err(Error::invalid("token", "REQUIRED", "the link has no token"));
        }
        let now = self.now();
        let txn = self.db.begin().await?;
        let found = take_account_token(&txn, token, AccountTokenKind::EmailChange, now).await?;
        let Some(new_email) = found.new_email.clone() else {
            return Err(Error::invalid("token", "INVALID", "this link is not valid"));
        };
        let account = user::Entity::find_by_id(found.user_id)
            .one(&txn)
            .await?
            .filter(|u| u.disabled_at.is_none())
            .ok_or_else(|| Error::invalid("token", "INVALID", "this link is not valid"))?;
        txn.execute_raw(stmt(
            "UPDATE users SET email = $2, updated_at = $3, version = version + 1 WHERE id = $1",
            [account.id.into(), new_email.clone().into(), now.into()],
        ))
        .await
        .map_err(|e| {
            on_constraint(
                e,
                &[(
                    "users_email_key",
                    "token",
                    "EMAIL_TAKEN",
                    "this e-mail address belongs to another account now",
                )],
            )
        })?;
        if let Some(old) = &account.email {
            let message = Message {
                to: old.clone(),
                subject: "邮箱已更改 / Your e-mail address was changed".into(),
                body: format!(
                    "{}，您好：\n\n您在党建联盟平台的登录邮箱已改为 {new_email}。如果不是您本人操作，请立即联系平台管理员。\n\nThe e-mail address of your Alliance account is now {new_email}. If you did not do this, contact your platform administrator at once.",
                    account.name
                ),
            };
            self.jobs().send_mail(&txn, &message).await?;
        }
        self.record_audit(
            &txn,
            Actor {
                user_id: Some(account.id),
                token_id: None,
            },
            "user.change_email",
            "user",
            Some(account.id),
            json!({}),
        )
        .await?;
        let saved = user::Entity::find_by_id(account.id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("user"))?;
        txn.commit().await?;
        Ok(saved)
    }
}
