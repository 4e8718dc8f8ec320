//! Role grants: the `RoleGrant` type, `Alliance.roleGrants` and `revokeAllianceRole`.

use crate::alliances::types::AllianceNode;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::GrantedRole;
use crate::kernel::error::{ResultExt, UserError, split};
use crate::kernel::ids::{Kind, decode, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::users::types::UserNode;
use alliance_domain::entities::role_grant;
use alliance_domain::kernel::ids::{AllianceId, RoleGrantId};
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A role (alliance admin / secretariat, or supervisor) granted to a user on one alliance.
pub struct RoleGrantNode(pub role_grant::Model);

/// A role (alliance admin / secretariat, or supervisor) granted to a user on one alliance.
#[Object(name = "RoleGrant")]
impl RoleGrantNode {
    /// Global id; pass it to `revokeAllianceRole`.
    pub async fn id(&self) -> ID {
        encode(Kind::RoleGrant, self.0.id)
    }

    /// Who holds the role.
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        Ok(loaders(ctx)?
            .users
            .load_one(self.0.user_id)
            .await
            .map_err(load_error)?
            .map(UserNode))
    }

    /// The alliance the role is held in.
    async fn alliance(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<AllianceNode>> {
        Ok(loaders(ctx)?
            .alliances
            .load_one(self.0.alliance_id)
            .await
            .map_err(load_error)?
            .map(AllianceNode))
    }

    /// The role granted.
    async fn role(&self) -> GrantedRole {
        GrantedRole::from_db(&self.0.role)
    }

    /// The platform admin who granted it; null for grants made by the system (seed, migration).
    async fn granted_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        let Some(id) = self.0.granted_by else {
            return Ok(None);
        };
        Ok(loaders(ctx)?
            .users
            .load_one(id)
            .await
            .map_err(load_error)?
            .map(UserNode))
    }

    /// When the role was granted.
    async fn granted_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When the role was revoked; null while it is held.
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
}

/// `Alliance.roleGrants`: empty for viewers who may not see them.
pub async fn role_grants_of(
    ctx: &Context<'_>,
    alliance: Uuid,
    first: Option<i32>,
    after: Option<String>,
    include_revoked: bool,
) -> async_graphql::Result<Conn<RoleGrantNode>> {
    let page = page_request(ctx, first, after)?;
    let (rows, total) = services(ctx)?
        .alliances()
        .role_grants(
            &*principal(ctx)?,
            AllianceId(alliance),
            page,
            include_revoked,
        )
        .await
        .gql()?;
    Ok(build(
        rows,
        i64::try_from(total).unwrap_or(i64::MAX),
        |g| g.id,
        RoleGrantNode,
    ))
}

/// Which role grant to revoke.
#[derive(InputObject)]
pub struct RevokeAllianceRoleInput {
    /// The `RoleGrant` id to revoke (from `Alliance.roleGrants`).
    grant_id: ID,
}

/// The revoked grant, or why the revocation was refused.
#[derive(SimpleObject)]
pub struct RevokeAllianceRolePayload {
    /// The grant, now with `revokedAt`; null when the input was refused.
    role_grant: Option<RoleGrantNode>,
    /// `ALREADY_REVOKED` on `grantId` when the grant had already ended.
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct RoleGrantMutation;

#[Object]
impl RoleGrantMutation {
    /// Revokes a role grant (platform admins). The holder loses the role's rights with their next
    /// request. An unknown grant, or one the viewer may not see, is `NOT_FOUND`.
    async fn revoke_alliance_role(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The grant to revoke.")] input: RevokeAllianceRoleInput,
    ) -> async_graphql::Result<RevokeAllianceRolePayload> {
        let id = RoleGrantId(decode(&input.grant_id, Kind::RoleGrant, "grantId")?);
        let result = services(ctx)?
            .alliances()
            .revoke_alliance_role(&*principal(ctx)?, id)
            .await;
        let (grant, user_errors) = split(result)?;
        Ok(RevokeAllianceRolePayload {
            role_grant: grant.map(RoleGrantNode),
            user_errors,
        })
    }
}
