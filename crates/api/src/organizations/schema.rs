//! Organizations: queries, admin mutations and the `organizationUpdated` subscription.

use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::OrganizationKind;
use crate::kernel::error::{ResultExt, UserError, coded, split};
use crate::kernel::ids::{Kind, decode};
use crate::kernel::live::{Live, Reauthorized};
use crate::kernel::patch::patch;
use crate::organizations::types::OrganizationNode;
use alliance_domain::kernel::ids::OrganizationId;
use alliance_domain::organizations::{OrganizationChanges, OrganizationInput};
use alliance_domain::policy::Action;
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, SimpleObject, Subscription};
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
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(
            desc = "Case-insensitive text to find in the Chinese or English name; blank means no filter."
        )]
        search: Option<String>,
    ) -> async_graphql::Result<Conn<OrganizationNode>> {
        let page = page_request(ctx, first, after)?;
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
        #[graphql(
            desc = "The organization's global id; an id of another type answers `BAD_USER_INPUT`."
        )]
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

/// Input for `createOrganization`.
#[derive(InputObject)]
pub struct CreateOrganizationInput {
    /// Name in Chinese.
    name: String,
    /// Name in English, at most 200 characters.
    name_en: Option<String>,
    /// The kind of organization.
    kind: OrganizationKind,
    /// The entity the party branch belongs to, e.g. the company; at most 200 characters.
    host_entity: Option<String>,
    /// Region or district, free text of at most 200 characters.
    region: Option<String>,
    /// The day the party branch was founded (`YYYY-MM-DD`).
    founded_on: Option<NaiveDate>,
    /// Honours and awards, at most 50 of at most 200 characters each; blank entries are dropped.
    honours: Option<Vec<String>>,
}

/// Input for `updateOrganization`: a field left out stays as it is; `null` clears an optional field
/// (and is refused with `REQUIRED` for `name` and `kind`).
#[derive(InputObject)]
pub struct UpdateOrganizationInput {
    /// The organization's global id.
    id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    version: i32,
    /// New name in Chinese, 1 to 200 characters.
    name: MaybeUndefined<String>,
    /// New name in English, at most 200 characters; `null` or an empty string clears it.
    name_en: MaybeUndefined<String>,
    /// New kind.
    kind: MaybeUndefined<OrganizationKind>,
    /// New host entity, at most 200 characters; `null` or an empty string clears it.
    host_entity: MaybeUndefined<String>,
    /// New region, at most 200 characters; `null` or an empty string clears it.
    region: MaybeUndefined<String>,
    /// New founding day (`YYYY-MM-DD`); `null` clears it.
    founded_on: MaybeUndefined<NaiveDate>,
    /// The new list of honours, replacing the old one (at most 50 of at most 200 characters each);
    /// `null` empties it.
    honours: MaybeUndefined<Vec<String>>,
}

/// The result of `createOrganization` or `updateOrganization`.
#[derive(SimpleObject)]
pub struct OrganizationPayload {
    /// The organization as saved; null when `userErrors` is not empty.
    organization: Option<OrganizationNode>,
    /// Invalid input: `name` `REQUIRED`/`TOO_LONG`, `kind` `REQUIRED`, `nameEn`/`hostEntity`/`region` `TOO_LONG`, `honours` `TOO_MANY`, `honours.<i>` `TOO_LONG`.
    user_errors: Vec<UserError>,
}

/// Input for `updateOrganizationMember`: omitted fields stay as they are.
#[derive(InputObject)]
pub struct UpdateOrganizationMemberInput {
    /// The membership's global id; a membership that has ended answers `LEFT`.
    membership_id: ID,
    /// New position; `SECRETARY` answers `TAKEN` when another current member holds it.
    position: Option<crate::kernel::enums::Position>,
    /// Make the person an organization admin, or not.
    is_org_admin: Option<bool>,
}

/// Input for `deactivateOrganizationMember`.
#[derive(InputObject)]
pub struct DeactivateOrganizationMemberInput {
    /// The membership's global id; one that has already ended answers `LEFT`.
    membership_id: ID,
    /// Defaults to today.
    left_on: Option<NaiveDate>,
}

/// The result of `updateOrganizationMember` or `deactivateOrganizationMember`.
#[derive(SimpleObject)]
pub struct OrganizationMemberPayload {
    /// The membership as saved; null when `userErrors` is not empty.
    membership: Option<crate::organizations::types::OrganizationMembershipNode>,
    /// Invalid input: `membershipId` `LEFT`, `position` `TAKEN`, `leftOn` `BEFORE_JOINING`.
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
        #[graphql(desc = "The new organization's profile.")] input: CreateOrganizationInput,
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
        #[graphql(desc = "The membership and its new position or admin flag.")]
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
        #[graphql(desc = "The membership to end and the leave date.")]
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
        #[graphql(desc = "The organization, the version read, and the fields to change.")]
        input: UpdateOrganizationInput,
    ) -> async_graphql::Result<OrganizationPayload> {
        let id = OrganizationId(decode(&input.id, Kind::Organization, "id")?);
        let result = services(ctx)?
            .organizations()
            .update_organization(
                &*principal(ctx)?,
                id,
                input.version,
                OrganizationChanges {
                    name: patch(input.name),
                    name_en: patch(input.name_en),
                    kind: patch(input.kind).map(Into::into),
                    host_entity: patch(input.host_entity),
                    region: patch(input.region),
                    founded_on: patch(input.founded_on),
                    honours: patch(input.honours),
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
        #[graphql(
            desc = "The organization's global id; one the viewer may not see answers `NOT_FOUND`."
        )]
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
