//! Integration tokens.

use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, UserError, split};
use crate::kernel::ids::{Kind, decode};
use crate::tokens::types::IntegrationTokenNode;
use alliance_domain::auth::integration::NewIntegrationToken;
use alliance_domain::kernel::ids::{AllianceId, IntegrationTokenId, OrganizationId};
use alliance_domain::kernel::vocab::Scope;
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
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<Conn<IntegrationTokenNode>> {
        let page = page_request(first, after)?;
        let (rows, total) = services(ctx)?
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

    /// Every scope an integration token can carry.
    async fn integration_scopes(&self) -> Vec<&'static str> {
        Scope::ALL.iter().map(|s| s.as_str()).collect()
    }
}

#[derive(InputObject)]
pub struct CreateIntegrationTokenInput {
    name: String,
    /// E.g. `["read:alliance", "read:meetings"]`; see `integrationScopes`.
    scopes: Vec<String>,
    /// Exactly one of `allianceId` and `organizationId`.
    alliance_id: Option<ID>,
    organization_id: Option<ID>,
    /// Defaults to 90 days from now; at most a year.
    expires_at: Option<DateTime<Utc>>,
}

#[derive(SimpleObject)]
pub struct CreateIntegrationTokenPayload {
    integration_token: Option<IntegrationTokenNode>,
    /// The secret, shown only in this answer. Send it as `Authorization: Bearer <secret>`.
    secret: Option<String>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct RevokeIntegrationTokenInput {
    id: ID,
}

#[derive(SimpleObject)]
pub struct RevokeIntegrationTokenPayload {
    integration_token: Option<IntegrationTokenNode>,
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
        input: RevokeIntegrationTokenInput,
    ) -> async_graphql::Result<RevokeIntegrationTokenPayload> {
        let id = IntegrationTokenId(decode(&input.id, Kind::IntegrationToken, "id")?);
        let result = services(ctx)?
            .revoke_integration_token(&*principal(ctx)?, id)
            .await;
        let (token, user_errors) = split(result)?;
        Ok(RevokeIntegrationTokenPayload {
            integration_token: token.map(IntegrationTokenNode),
            user_errors,
        })
    }
}
