//! Integration tokens.

use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, UserError, split};
use crate::kernel::ids::{Kind, decode};
use crate::tokens::types::IntegrationTokenNode;
use alliance_domain::auth::integration::NewIntegrationToken;
use alliance_domain::kernel::ids::{AllianceId, IntegrationTokenId, OrganizationId};
use alliance_domain::kernel::vocab::Scope;
use alliance_domain::policy;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

#[derive(Default)]
pub struct TokenQuery;

#[Object]
impl TokenQuery {
    /// Tokens the viewer may manage: created by them, or for an alliance they administer or an
    /// organization they act for (all for platform admins).
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn integration_tokens(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
    ) -> async_graphql::Result<Conn<IntegrationTokenNode>> {
        let page = page_request(ctx, first, after)?;
        let (rows, total) = services(ctx)?
            .auth()
            .integration_tokens_matching(&*principal(ctx)?, page, None)
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |t| t.id,
            IntegrationTokenNode,
        ))
    }

    /// The scopes an integration token can carry; with `target`, only those that let a token on
    /// that kind of target do something (an organization token reads its profile, members and
    /// resources; the others are about an alliance's content).
    async fn integration_scopes(
        &self,
        #[graphql(desc = "The kind of target the token is for; omit for every scope.")]
        target: Option<IntegrationTargetKind>,
    ) -> Vec<&'static str> {
        match target {
            None => Scope::ALL.iter().map(|s| s.as_str()).collect(),
            Some(kind) => policy::scopes_for_target(kind.into())
                .into_iter()
                .map(|s| s.as_str())
                .collect(),
        }
    }
}

/// The kind of target an integration token acts on.
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntegrationTargetKind {
    /// One alliance (`allianceId`).
    Alliance,
    /// One organization (`organizationId`).
    Organization,
}

impl From<IntegrationTargetKind> for policy::TokenTargetKind {
    fn from(kind: IntegrationTargetKind) -> Self {
        match kind {
            IntegrationTargetKind::Alliance => policy::TokenTargetKind::Alliance,
            IntegrationTargetKind::Organization => policy::TokenTargetKind::Organization,
        }
    }
}

/// Input for `createIntegrationToken`.
#[derive(InputObject)]
pub struct CreateIntegrationTokenInput {
    /// A name to recognise the token by, 1 to 100 characters.
    name: String,
    /// E.g. `["read:alliance", "read:meetings"]`; see `integrationScopes`.
    scopes: Vec<String>,
    /// Exactly one of `allianceId` and `organizationId`.
    alliance_id: Option<ID>,
    /// The organization the token acts on (its admins or secretary may create it).
    organization_id: Option<ID>,
    /// Defaults to 90 days from now; at most a year.
    expires_at: Option<DateTime<Utc>>,
}

/// The result of `createIntegrationToken`: the token and its secret.
#[derive(SimpleObject)]
pub struct CreateIntegrationTokenPayload {
    /// The token; null when `userErrors` is not empty.
    integration_token: Option<IntegrationTokenNode>,
    /// The secret, shown only in this answer. Send it as `Authorization: Bearer <secret>`.
    secret: Option<String>,
    /// Invalid input: `name` `REQUIRED`/`TOO_LONG`, `scopes` `REQUIRED`, `scopes.<i>` `INVALID` (unknown) or `NOT_FOR_TARGET` (does nothing on that kind of target, see `integrationScopes(target:)`), `expiresAt` `IN_PAST`/`TOO_LATE`, `allianceId` `REQUIRED` unless exactly one target is given.
    user_errors: Vec<UserError>,
}

/// Input for `revokeIntegrationToken`.
#[derive(InputObject)]
pub struct RevokeIntegrationTokenInput {
    /// The token's global id; one the viewer may not manage answers `NOT_FOUND` or `FORBIDDEN`.
    id: ID,
}

/// The result of `revokeIntegrationToken`.
#[derive(SimpleObject)]
pub struct RevokeIntegrationTokenPayload {
    /// The revoked token.
    integration_token: Option<IntegrationTokenNode>,
    /// Always empty.
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct TokenMutation;

#[Object]
impl TokenMutation {
    /// Creates a token for an alliance (its admins) or an organization (its admins).
    async fn create_integration_token(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The token's name, scopes, target and expiry.")]
        input: CreateIntegrationTokenInput,
    ) -> async_graphql::Result<CreateIntegrationTokenPayload> {
        let alliance_id = input
            .alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId"))
            .transpose()?;
        let organization_id = input
            .organization_id
            .as_ref()
            .map(|id| decode(id, Kind::Organization, "organizationId"))
            .transpose()?;
        let result = services(ctx)?
            .auth()
            .create_integration_token(
                &*principal(ctx)?,
                NewIntegrationToken {
                    name: input.name,
                    scopes: input.scopes,
                    alliance_id: alliance_id.map(AllianceId),
                    organization_id: organization_id.map(OrganizationId),
                    expires_at: input.expires_at,
                },
            )
            .await;
        let (created, user_errors) = split(result)?;
        let (integration_token, secret) = match created {
            Some((token, secret)) => (Some(IntegrationTokenNode(token)), Some(secret)),
            None => (None, None),
        };
        Ok(CreateIntegrationTokenPayload {
            integration_token,
            secret,
            user_errors,
        })
    }

    /// Revokes a token at once; requests with it are refused from then on.
    async fn revoke_integration_token(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The token to revoke.")] input: RevokeIntegrationTokenInput,
    ) -> async_graphql::Result<RevokeIntegrationTokenPayload> {
        let id = IntegrationTokenId(decode(&input.id, Kind::IntegrationToken, "id")?);
        let result = services(ctx)?
            .auth()
            .revoke_integration_token(&*principal(ctx)?, id)
            .await;
        let (token, user_errors) = split(result)?;
        Ok(RevokeIntegrationTokenPayload {
            integration_token: token.map(IntegrationTokenNode),
            user_errors,
        })
    }
}
