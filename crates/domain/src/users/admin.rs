//! Platform administration of user accounts: the searchable list, disabling and enabling.

use super::Users;
use crate::auth::sessions::revoke_sessions;
use crate::entities::{session, user};
use crate::kernel::audit::Actor;
use crate::kernel::error::Error;
use crate::kernel::ids::UserId;
use crate::kernel::pagination::{Page, PageRequest, page_by_id};
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use sea_orm::prelude::Expr;
use sea_orm::sea_query::{ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use serde_json::json;

const MAX_SEARCH: usize = 100;

/// Filters of the platform user list.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Case-insensitive substring of the name, e-mail address or phone number.
    pub search: Option<String>,
    /// `Some(true)`: only disabled accounts; `Some(false)`: only active ones.
    pub disabled: Option<bool>,
}

/// `text` as a LIKE pattern that matches it literally anywhere (`\` is Postgres' default escape).
fn contains_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.to_lowercase().chars() {
        if matches!(c, '\\' | '%' | '_') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

impl Users<'_> {
    /// Every account, for platform admins, in creation order.
    pub async fn platform_users(
        &self,
        principal: &Principal,
        page: PageRequest,
        filter: UserFilter,
    ) -> Result<(Page<user::Model>, u64), Error> {
        policy::authorize(principal, Action::ManageUsers, Resource::Platform)?;
        let mut query = user::Entity::find();
        if let Some(search) = filter.search.as_deref().map(str::trim) {
            if search.contains('\0') {
                return Err(Error::invalid(
                    "search",
                    "INVALID",
                    "must not contain NUL characters",
                ));
            }
            if search.chars().count() > MAX_SEARCH {
                return Err(Error::invalid(
                    "search",
                    "TOO_LONG",
                    format!("at most {MAX_SEARCH} characters"),
                ));
            }
            if !search.is_empty() {
                let pattern = contains_pattern(search);
                let mut any = Condition::any();
                for column in [user::Column::Name, user::Column::Email, user::Column::Phone] {
                    any = any.add(
                        Expr::expr(Func::lower(Expr::col(column)))
                            .like(LikeExpr::new(pattern.clone()).escape('\\')),
                    );
                }
                query = query.filter(any);
            }
        }
        match filter.disabled {
            Some(true) => query = query.filter(user::Column::DisabledAt.is_not_null()),
            Some(false) => query = query.filter(user::Column::DisabledAt.is_null()),
            None => {}
        }
        page_by_id(&self.db, query, user::Column::Id, page).await
    }

    /// Disables an account: it can no longer sign in, and every session (with its access and
    /// refresh tokens) ends at once.
    pub async fn disable_user(
        &self,
        principal: &Principal,
        id: UserId,
    ) -> Result<user::Model, Error> {
        policy::authorize(principal, Action::ManageUsers, Resource::Platform)?;
        if principal.user_id() == Some(id) {
            return Err(Error::invalid(
                "userId",
                "SELF",
                "you cannot disable your own account",
            ));
        }
        let current = user::Entity::find_by_id(id.0)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("user"))?;
        if current.disabled_at.is_some() {
            return Err(Error::invalid(
                "userId",
                "ALREADY_DISABLED",
                "this account is already disabled",
            ));
        }
        let now = self.now();
        let txn = self.db.begin().await?;
        let updated = user::ActiveModel {
            id: Set(current.id),
            disabled_at: Set(Some(now)),
            updated_at: Set(now),
            version: Set(current.version + 1),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        let sessions = revoke_sessions(
            &txn,
            session::Column::UserId.eq(current.id),
            "user_disabled",
            now,
        )
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "user.disable",
            "user",
            Some(current.id),
            json!({"sessionsRevoked": sessions}),
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Lets a disabled account sign in again (its old sessions stay ended).
    pub async fn enable_user(
        &self,
        principal: &Principal,
        id: UserId,
    ) -> Result<user::Model, Error> {
        policy::authorize(principal, Action::ManageUsers, Resource::Platform)?;
        let current = user::Entity::find_by_id(id.0)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("user"))?;
        if current.disabled_at.is_none() {
            return Err(Error::invalid(
                "userId",
                "NOT_DISABLED",
                "this account is not disabled",
            ));
        }
        let now = self.now();
        let txn = self.db.begin().await?;
        let updated = user::ActiveModel {
            id: Set(current.id),
            disabled_at: Set(None),
            updated_at: Set(now),
            version: Set(current.version + 1),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "user.enable",
            "user",
            Some(current.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }
}
