use crate::alliances::types::AllianceNode;
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use crate::users::types::UserNode;
use alliance_domain::entities::integration_token;
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};

/// A token for a third-party system: scoped to one alliance or organization, expiring, revocable.
pub struct IntegrationTokenNode(pub integration_token::Model);

/// A token for a third-party system: scoped to one alliance or organization, expiring, revocable.
/// Visible to those who may manage it: its creator, the target's admins, platform admins.
#[Object(name = "IntegrationToken")]
impl IntegrationTokenNode {
    /// The token's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::IntegrationToken, self.0.id)
    }

    /// The name given at creation.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The first characters of the secret, to recognise it; the secret itself is shown only once.
    async fn prefix(&self) -> &str {
        &self.0.prefix
    }

    /// What the token may do, e.g. `read:alliance`.
    async fn scopes(&self) -> &[String] {
        &self.0.scopes
    }

    /// The alliance the token acts on; null for an organization token.
    async fn alliance(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<AllianceNode>> {
        let Some(id) = self.0.alliance_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?
            .alliances
            .load_one(id)
            .await
            .map_err(load_error)?
            .map(AllianceNode))
    }

    /// The organization the token acts on; null for an alliance token.
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        let Some(id) = self.0.organization_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?
            .organizations
            .load_one(id)
            .await
            .map_err(load_error)?
            .map(OrganizationNode))
    }

    /// Who created it; null when not recorded or not visible to the viewer.
    async fn created_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        let Some(id) = self.0.created_by else {
            return Ok(None);
        };
        Ok(loaders(ctx)?
            .users
            .load_one(id)
            .await
            .map_err(load_error)?
            .map(UserNode))
    }

    /// When it was created (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When it stops working (UTC).
    async fn expires_at(&self) -> DateTime<Utc> {
        self.0.expires_at
    }

    /// Updated at most once a minute.
    async fn last_used_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_used_at
    }

    /// When it was revoked (UTC); null while active.
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
}
