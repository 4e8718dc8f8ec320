//! The object types of shared resources and their bookings.

use crate::alliances::types::AllianceNode;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::principal;
use crate::kernel::enums::{BookingStatus, ResourceKind};
use crate::kernel::error::hidden;
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use crate::users::types::UserNode;
use alliance_domain::entities::{resource_booking, shared_resource};
use alliance_domain::kernel::ids::{AllianceId, OrganizationId, global_id};
use alliance_domain::kernel::pagination::Page;
use alliance_domain::policy::{self, Action, Resource};
use alliance_domain::resources::Resources;
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

async fn organization(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<OrganizationNode> {
    loaders(ctx)?
        .organizations
        .load_one(id)
        .await
        .map_err(load_error)?
        .map(OrganizationNode)
        .ok_or_else(|| hidden("organization"))
}

async fn user(ctx: &Context<'_>, id: Option<Uuid>) -> async_graphql::Result<Option<UserNode>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders(ctx)?
        .users
        .load_one(id)
        .await
        .map_err(load_error)?
        .map(UserNode))
}

/// `Alliance.sharedResources`: the resources currently offered to the alliance, a page.
pub async fn shared_resources_of_alliance(
    ctx: &Context<'_>,
    alliance: Uuid,
    first: Option<i32>,
    after: Option<String>,
) -> async_graphql::Result<Conn<SharedResourceNode>> {
    let page = page_request(ctx, first, after)?;
    let loaders = &loaders(ctx)?.resources;
    let rows = loaders
        .of_alliances
        .load_one((alliance, page))
        .await
        .map_err(load_error)?
        .unwrap_or_default();
    let total = if page.count {
        loaders
            .count_of_alliances
            .load_one(alliance)
            .await
            .map_err(load_error)?
            .unwrap_or(0)
    } else {
        0
    };
    Ok(build(
        Page::from_rows(rows, page),
        total,
        |r| r.id,
        SharedResourceNode,
    ))
}

/// A resource an organization offers to its alliances (资源共享).
pub struct SharedResourceNode(pub shared_resource::Model);

impl SharedResourceNode {
    async fn offered(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Uuid>> {
        Ok(loaders(ctx)?
            .resources
            .offered_alliances
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default())
    }
}

/// A resource an organization offers to the alliances it belongs to: a venue, an education or
/// practice base, a course, an expert, a volunteer team or materials. Visible to the people of the
/// alliances it is offered to and of the owner organization, to platform admins, and to integration
/// tokens with `read:resources` on one of those alliances or on the owner.
#[Object(name = "SharedResource")]
impl SharedResourceNode {
    /// The resource's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::SharedResource, self.0.id)
    }

    /// The organization that offers it (the owner).
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<OrganizationNode> {
        organization(ctx, self.0.organization_id).await
    }

    /// The alliances it is offered to (those the viewer may see).
    async fn offered_to(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<AllianceNode>> {
        let ids = self.offered(ctx).await?;
        let found = loaders(ctx)?
            .alliances
            .load_many(ids.iter().copied())
            .await
            .map_err(load_error)?;
        Ok(ids
            .iter()
            .filter_map(|id| found.get(id).cloned().map(AllianceNode))
            .collect())
    }

    /// What it is.
    async fn kind(&self) -> ResourceKind {
        self.0.kind.into()
    }

    /// Its name, 1 to 200 characters.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// A description (plain text or markdown), if given.
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }

    /// How many people it takes (or how many items there are), if given.
    async fn capacity(&self) -> Option<i32> {
        self.0.capacity
    }

    /// When it is available, in words (e.g. "weekday afternoons"), if given.
    async fn availability(&self) -> Option<&str> {
        self.0.availability.as_deref()
    }

    /// The rules of use, if given.
    async fn rules(&self) -> Option<&str> {
        self.0.rules.as_deref()
    }

    /// Where it is, if given.
    async fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }

    /// When the owner withdrew it (UTC); withdrawn resources take no new requests.
    async fn withdrawn_at(&self) -> Option<DateTime<Utc>> {
        self.0.withdrawn_at
    }

    /// When it was offered (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Send it back with `updateResource` or `withdrawResource`; a stale version is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Bookings (every status) that touch the window [`from`, `to`), by start time, at most 500:
    /// the resource's calendar. Only bookings the viewer may see (those of their alliances; all of
    /// them for the owner).
    async fn bookings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only bookings ending after this instant (UTC).")] from: Option<
            DateTime<Utc>,
        >,
        #[graphql(desc = "Only bookings starting before this instant (UTC).")] to: Option<
            DateTime<Utc>,
        >,
    ) -> async_graphql::Result<Vec<ResourceBookingNode>> {
        Ok(loaders(ctx)?
            .resources
            .bookings_in_window
            .load_one((self.0.id, from, to))
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .into_iter()
            .map(ResourceBookingNode)
            .collect())
    }

    /// The viewer may edit or withdraw the resource and decide its bookings (the owner's admins).
    async fn viewer_can_manage(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(Resources::may_manage(&*principal(ctx)?, &self.0))
    }

    /// The viewer may request a booking: they act for a member organization (not the owner) of
    /// an alliance the resource is offered to, and it is not withdrawn.
    async fn viewer_can_request(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        if self.0.withdrawn_at.is_some() {
            return Ok(false);
        }
        let viewer = principal(ctx)?;
        let owner = OrganizationId(self.0.organization_id);
        Ok(self.offered(ctx).await?.into_iter().any(|alliance| {
            policy::acting_organizations(&viewer)
                .into_iter()
                .filter(|org| *org != owner)
                .any(|organization| {
                    policy::can(
                        &viewer,
                        Action::RequestResourceBooking,
                        Resource::ActingOrganization {
                            alliance: AllianceId(alliance),
                            organization,
                        },
                    )
                })
        }))
    }
}

/// A booking of a shared resource for a time slot [`startsAt`, `endsAt`): requested → approved /
/// declined → used, or cancelled. Visible to the people of the alliance it was made in and of the
/// resource's owner.
pub struct ResourceBookingNode(pub resource_booking::Model);

impl ResourceBookingNode {
    async fn resource_model(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<shared_resource::Model>> {
        loaders(ctx)?
            .resources
            .resources
            .load_one(self.0.resource_id)
            .await
            .map_err(load_error)
    }

    async fn may(&self, ctx: &Context<'_>, action: Action) -> async_graphql::Result<bool> {
        Ok(match self.resource_model(ctx).await? {
            Some(resource) => Resources::may(&*principal(ctx)?, action, &self.0, &resource),
            None => false,
        })
    }
}

/// A booking of a shared resource for a time slot [`startsAt`, `endsAt`): requested → approved /
/// declined → used (with a contribution note), or cancelled. Two approved (or used) bookings of one
/// resource never overlap. Visible to the people of the alliance it was made in and of the
/// resource's owner, to platform admins and to tokens with `read:resources` there.
#[Object(name = "ResourceBooking")]
impl ResourceBookingNode {
    /// The booking's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::ResourceBooking, self.0.id)
    }

    /// The resource booked; null when the viewer may not see the resource itself.
    async fn resource(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<SharedResourceNode>> {
        Ok(self.resource_model(ctx).await?.map(SharedResourceNode))
    }

    /// The alliance the booking was requested in.
    async fn alliance(&self, ctx: &Context<'_>) -> async_graphql::Result<AllianceNode> {
        loaders(ctx)?
            .alliances
            .load_one(self.0.alliance_id)
            .await
            .map_err(load_error)?
            .map(AllianceNode)
            .ok_or_else(|| hidden("alliance"))
    }

    /// The member organization that asked for it.
    async fn requesting_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<OrganizationNode> {
        organization(ctx, self.0.requesting_organization_id).await
    }

    /// The global id of the joint activity the booking serves, if linked.
    async fn activity_id(&self) -> Option<ID> {
        self.0.activity_id.map(|id| ID(global_id("Activity", id)))
    }

    /// When the slot starts (UTC, inclusive).
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }

    /// When the slot ends (UTC, exclusive): a booking ending at 12:00 and one starting at 12:00 do not overlap.
    async fn ends_at(&self) -> DateTime<Utc> {
        self.0.ends_at
    }

    /// What the resource is for, if given.
    async fn purpose(&self) -> Option<&str> {
        self.0.purpose.as_deref()
    }

    /// Where the booking stands.
    async fn status(&self) -> BookingStatus {
        self.0.status.into()
    }

    /// Why the owner declined, when declined.
    async fn decision_reason(&self) -> Option<&str> {
        self.0.decision_reason.as_deref()
    }

    /// When the owner approved or declined (UTC).
    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.decided_at
    }

    /// Who approved or declined, if the viewer may see that person.
    async fn decided_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.decided_by).await
    }

    /// What was given, once used: the contribution ledger.
    async fn contribution_note(&self) -> Option<&str> {
        self.0.contribution_note.as_deref()
    }

    /// Who asked, if the viewer may see that person.
    async fn requested_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.requested_by).await
    }

    /// When it was requested (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Send it back with every booking mutation; a stale version is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// The viewer may approve or decline it (the owner's admins).
    async fn viewer_can_decide(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        self.may(ctx, Action::DecideResourceBooking).await
    }

    /// The viewer may mark it used (the owner's admins).
    async fn viewer_can_mark_used(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        self.may(ctx, Action::MarkResourceBookingUsed).await
    }

    /// The viewer may cancel it (the requester's admins, the alliance's secretariat).
    async fn viewer_can_cancel(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        self.may(ctx, Action::CancelResourceBooking).await
    }
}
