//! Platform administration of user accounts (platform admins only).

use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, UserError, split};
use crate::kernel::ids::{Kind, decode};
use crate::users::types::UserNode;
use alliance_domain::kernel::ids::UserId;
use alliance_domain::users::admin::UserFilter;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};

#[derive(Default)]
pub struct UserAdminQuery;

#[Object]
impl UserAdminQuery {
    /// Every user account, oldest first (platform admins only; others get `FORBIDDEN`).
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(
            desc = "Case-insensitive part of the name, e-mail address or phone number (at most 100 characters; `%` and `_` match literally)."
        )]
        search: Option<String>,
        #[graphql(
            desc = "`true`: only disabled accounts; `false`: only active ones; omitted: both."
        )]
        disabled: Option<bool>,
    ) -> async_graphql::Result<Conn<UserNode>> {
        let page = page_request(ctx, first, after)?;
        let (rows, total) = services(ctx)?
            .users()
            .platform_users(&*principal(ctx)?, page, UserFilter { search, disabled })
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |u| u.id,
            UserNode,
        ))
    }
}

/// Which account to disable.
#[derive(InputObject)]
pub struct DisableUserInput {
    /// The `User` to disable.
    user_id: ID,
}

/// Which account to enable again.
#[derive(InputObject)]
pub struct EnableUserInput {
    /// The `User` to enable.
    user_id: ID,
}

/// The account after `disableUser` or `enableUser`, or why it was refused.
#[derive(SimpleObject)]
pub struct UserAccountPayload {
    /// The account as it is now; null when the input was refused.
    user: Option<UserNode>,
    /// On `userId`: `SELF` (you cannot disable yourself), `ALREADY_DISABLED`, `NOT_DISABLED`.
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct UserAdminMutation;

#[Object]
impl UserAdminMutation {
    /// Disables an account (platform admins): it can no longer sign in, and every session of it
    /// ends at once, so its access and refresh tokens stop working immediately.
    async fn disable_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The account to disable.")] input: DisableUserInput,
    ) -> async_graphql::Result<UserAccountPayload> {
        let id = UserId(decode(&input.user_id, Kind::User, "userId")?);
        let result = services(ctx)?
            .users()
            .disable_user(&*principal(ctx)?, id)
            .await;
        let (user, user_errors) = split(result)?;
        Ok(UserAccountPayload {
            user: user.map(UserNode),
            user_errors,
        })
    }

    /// Lets a disabled account sign in again (platform admins); its old sessions stay ended.
    async fn enable_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The account to enable.")] input: EnableUserInput,
    ) -> async_graphql::Result<UserAccountPayload> {
        let id = UserId(decode(&input.user_id, Kind::User, "userId")?);
        let result = services(ctx)?
            .users()
            .enable_user(&*principal(ctx)?, id)
            .await;
        let (user, user_errors) = split(result)?;
        Ok(UserAccountPayload {
            user: user.map(UserNode),
            user_errors,
        })
    }
}
