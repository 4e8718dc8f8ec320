//! Organizations: queries, admin mutations and the `organizationUpdated` subscription.

use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::OrganizationKind;
use crate::kernel::error::{ResultExt, UserError, coded, split};
use crate::kernel::ids::{Kind, decode};
use crate::kernel::live::{Live, Reauthorized};
use crate::organizations::types::OrganizationNode;
use alliance_domain::kernel::ids::OrganizationId;
use alliance_domain::organizations::OrganizationInput;
use alliance_domain::policy::Action;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject, Subscription};
use chrono::NaiveDate;
use futures_util::Stream;

#[derive(Default)]
pub struct OrganizationQuery;

#[Object]
impl OrganizationQuery {
    /// Organizations the viewer may see, optionally searched by name (Chinese or English).
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn organizations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        search: Option<String>,
    ) -> async_graphql::Result<Conn<OrganizationNode>> {
        let page = page_request(first, after)?;
        let (rows, total) = services(ctx)?
            .organizations()
            .organizations(&*principal(ctx)?, page, search.as_deref())
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |o| o.id,
            OrganizationNode,
        ))
    }

    /// One organization; null when it does not exist or the viewer may not see it.
    async fn organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        let id = OrganizationId(decode(&id, Kind::Organization, "id")?);
        Ok(services(ctx)?
            .organizations()
            .organization(&*principal(ctx)?, id)
            .await
            .gql()?
            .map(OrganizationNode))
    }
}

#[derive(InputObject)]
pub struct CreateOrganizationInput {
    /// Name in Chinese.
    name: String,
    name_en: Option<String>,
    kind: OrganizationKind,
    host_entity: Option<String>,
    region: Option<String>,
    founded_on: Option<NaiveDate>,
    honours: Option<Vec<String>>,
}

#[derive(InputObject)]
pub struct UpdateOrganizationInput {
    id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    version: i32,
    name: Option<String>,
    name_en: Option<String>,
    kind: Option<OrganizationKind>,
    host_entity: Option<String>,
    region: Option<String>,
    founded_on: Option<NaiveDate>,
    honours: Option<Vec<String>>,
}

#[derive(SimpleObject)]
pub struct OrganizationPayload {
    organization: Option<OrganizationNode>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct UpdateOrganizationMemberInput {
    membership_id: ID,
    position: Option<crate::kernel::enums::Position>,
    is_org_admin: Option<bool>,
}

#[derive(InputObject)]
pub struct DeactivateOrganizationMemberInput {
    membership_id: ID,
    /// Defaults to today.
    left_on: Option<NaiveDate>,
}

#[derive(SimpleObject)]
pub struct OrganizationMemberPayload {
    membership: Option<crate::organizations::types::OrganizationMembershipNode>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct OrganizationMutation;

#[Object]
impl OrganizationMutation {
    /// Creates an organization (platform admins).
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganizationInput,
    ) -> async_graphql::Result<OrganizationPayload> {
        let result = services(ctx)?
            .organizations()
            .create_organization(
                &*principal(ctx)?,
                OrganizationInput {
                    name: Some(input.name),
                    name_en: input.name_en,
                    kind: Some(input.kind.into()),
                    host_entity: input.host_entity,
                    region: input.region,
                    founded_on: input.founded_on,
                    honours: input.honours,
                },
            )
            .await;
        let (organization, user_errors) = split(result)?;
        Ok(OrganizationPayload {
            organization: organization.map(OrganizationNode),
            user_errors,
        })
    }

    /// Changes a member's position or admin flag (organization admins). One current secretary per organization.
    async fn update_organization_member(
        &self,
        ctx: &Context<'_>,
        input: UpdateOrganizationMemberInput,
    ) -> async_graphql::Result<OrganizationMemberPayload> {
        let id = decode(
            &input.membership_id,
            Kind::OrganizationMembership,
            "membershipId",
        )?;
        let result = services(ctx)?
            .organizations()
            .update_organization_member(
                &*principal(ctx)?,
                id,
                input.position.map(Into::into),
                input.is_org_admin,
            )
            .await;
        let (membership, user_errors) = split(result)?;
        Ok(OrganizationMemberPayload {
            membership: membership.map(crate::organizations::types::OrganizationMembershipNode),
            user_errors,
        })
    }

    /// A member leaves the organization; the membership is kept with its leave date.
    async fn deactivate_organization_member(
        &self,
        ctx: &Context<'_>,
        input: DeactivateOrganizationMemberInput,
    ) -> async_graphql::Result<OrganizationMemberPayload> {
        let id = decode(
            &input.membership_id,
            Kind::OrganizationMembership,
            "membershipId",
        )?;
        let result = services(ctx)?
            .organizations()
            .deactivate_organization_member(&*principal(ctx)?, id, input.left_on)
            .await;
        let (membership, user_errors) = split(result)?;
        Ok(OrganizationMemberPayload {
            membership: membership.map(crate::organizations::types::OrganizationMembershipNode),
            user_errors,
        })
    }

    /// Updates the given fields of an organization (its admins, platform admins).
    async fn update_organization(
        &self,
        ctx: &Context<'_>,
        input: UpdateOrganizationInput,
    ) -> async_graphql::Result<OrganizationPayload> {
        let id = OrganizationId(decode(&input.id, Kind::Organization, "id")?);
        let result = services(ctx)?
            .organizations()
            .update_organization(
                &*principal(ctx)?,
                id,
                input.version,
                OrganizationInput {
                    name: input.name,
                    name_en: input.name_en,
                    kind: input.kind.map(Into::into),
                    host_entity: input.host_entity,
                    region: input.region,
                    founded_on: input.founded_on,
                    honours: input.honours,
                },
            )
            .await;
        let (organization, user_errors) = split(result)?;
        Ok(OrganizationPayload {
            organization: organization.map(OrganizationNode),
            user_errors,
        })
    }
}

#[derive(Default)]
pub struct OrganizationSubscription;

#[Subscription]
impl OrganizationSubscription {
    /// The organization, each time it is changed.
    async fn organization_updated(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<impl Stream<Item = OrganizationNode> + use<>> {
        let id = OrganizationId(decode(&id, Kind::Organization, "id")?);
        let live = Live::of(ctx)?;
        let facts = live
            .services()
            .organizations()
            .organization_facts(id)
            .await
            .gql()?
            .ok_or_else(|| coded("organization not found", "NOT_FOUND"))?;
        if !alliance_domain::policy::can(
            &live.principal(),
            Action::ReadOrganization,
            facts.resource(),
        ) {
            return Err(coded("organization not found", "NOT_FOUND"));
        }
        let mut events = live.services().events.subscribe();
        Ok(async_stream::stream! {
            loop {
                match events.recv().await {
                    Ok(event) if event.topic == "organization" && event.id == id.0 => {
                        // Before every event: the credential again, the rights as of now, then
                        // the organization with those rights. A viewer who lost access stops receiving.
                        let viewer = match live.reauthorize().await {
                            Reauthorized::Fresh(viewer) => viewer,
                            Reauthorized::Skip => continue,
                            Reauthorized::Closed => break,
                        };
                        match live.services().organizations().organization(&viewer, id).await {
                            Ok(Some(org)) => yield OrganizationNode(org),
                            Ok(None) => break,
                            Err(e) => { tracing::warn!(error = %e, "subscription reload failed"); }
                        }
                    }
                    Ok(_) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
                }
            }
        })
    }
}
