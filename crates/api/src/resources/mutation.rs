//! Shared-resource mutations: offer, edit and withdraw a resource; request, approve, decline,
//! mark used and cancel a booking.

use super::inputs::*;
use crate::kernel::context::{principal, services};
use crate::kernel::error::split;
use crate::kernel::ids::{Kind, decode};
use crate::kernel::patch::patch;
use crate::resources::types::{ResourceBookingNode, SharedResourceNode};
use alliance_domain::entities::{resource_booking, shared_resource};
use alliance_domain::kernel::ids::{AllianceId, OrganizationId};
use alliance_domain::resources::{NewBooking, NewResource, ResourceChanges};
use async_graphql::{Context, ID, Object};

#[derive(Default)]
pub struct ResourceMutation;

/// An activity's global id (`Activity:<uuid>`, the activities domain's node type), or
/// `BAD_USER_INPUT` naming `activityId`.
fn activity(id: &ID) -> async_graphql::Result<uuid::Uuid> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(id.trim_end_matches('='))
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            text.strip_prefix("Activity:")
                .and_then(|uuid| uuid::Uuid::parse_str(uuid).ok())
        })
        .ok_or_else(|| {
            crate::kernel::error::coded("`activityId` is not a valid Activity id", "BAD_USER_INPUT")
        })
}

fn alliances(ids: &[ID]) -> async_graphql::Result<Vec<AllianceId>> {
    ids.iter()
        .map(|id| decode(id, Kind::Alliance, "allianceIds").map(AllianceId))
        .collect()
}

fn resource_payload(
    result: Result<shared_resource::Model, alliance_domain::Error>,
) -> async_graphql::Result<SharedResourcePayload> {
    let (saved, user_errors) = split(result)?;
    Ok(SharedResourcePayload {
        shared_resource: saved.map(SharedResourceNode),
        user_errors,
    })
}

fn booking_payload(
    result: Result<resource_booking::Model, alliance_domain::Error>,
) -> async_graphql::Result<ResourceBookingPayload> {
    let (saved, user_errors) = split(result)?;
    Ok(ResourceBookingPayload {
        booking: saved.map(ResourceBookingNode),
        overlapping_requests: Vec::new(),
        user_errors,
    })
}

#[Object]
impl ResourceMutation {
    /// An organization offers a resource to alliances it belongs to (its admins and secretary).
    async fn offer_resource(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The owner, the alliances and the resource.")] input: OfferResourceInput,
    ) -> async_graphql::Result<SharedResourcePayload> {
        let organization = decode(&input.organization_id, Kind::Organization, "organizationId")?;
        let alliance_ids = alliances(&input.alliance_ids)?;
        resource_payload(
            services(ctx)?
                .resources()
                .offer_resource(
                    &*principal(ctx)?,
                    NewResource {
                        organization_id: OrganizationId(organization),
                        alliance_ids,
                        kind: input.kind.into(),
                        name: input.name,
                        description: input.description,
                        capacity: input.capacity,
                        availability: input.availability,
                        rules: input.rules,
                        location: input.location,
                    },
                )
                .await,
        )
    }

    /// The owner edits a resource (version-checked).
    async fn update_resource(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The resource, the version read, and the fields to change.")]
        input: UpdateResourceInput,
    ) -> async_graphql::Result<SharedResourcePayload> {
        let id = decode(&input.id, Kind::SharedResource, "id")?;
        let alliance_ids = input.alliance_ids.as_deref().map(alliances).transpose()?;
        resource_payload(
            services(ctx)?
                .resources()
                .update_resource(
                    &*principal(ctx)?,
                    id,
                    input.version,
                    ResourceChanges {
                        alliance_ids,
                        kind: patch(input.kind).map(Into::into),
                        name: patch(input.name),
                        description: patch(input.description),
                        capacity: patch(input.capacity),
                        availability: patch(input.availability),
                        rules: patch(input.rules),
                        location: patch(input.location),
                    },
                )
                .await,
        )
    }

    /// The owner withdraws a resource: it leaves the registry and takes no new requests.
    async fn withdraw_resource(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The resource and the version read.")] input: WithdrawResourceInput,
    ) -> async_graphql::Result<SharedResourcePayload> {
        let id = decode(&input.id, Kind::SharedResource, "id")?;
        resource_payload(
            services(ctx)?
                .resources()
                .withdraw_resource(&*principal(ctx)?, id, input.version)
                .await,
        )
    }

    /// A member organization of an offered alliance requests the resource for a slot; the owner's
    /// admins are notified. A slot colliding with an approved booking answers `OVERLAP` naming it.
    async fn request_resource_booking(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The resource, the slot and what it is for.")]
        input: RequestResourceBookingInput,
    ) -> async_graphql::Result<ResourceBookingPayload> {
        let resource_id = decode(&input.resource_id, Kind::SharedResource, "resourceId")?;
        let alliance_id = input
            .alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId").map(AllianceId))
            .transpose()?;
        let organization_id = input
            .organization_id
            .as_ref()
            .map(|id| decode(id, Kind::Organization, "organizationId").map(OrganizationId))
            .transpose()?;
        let activity_id = input.activity_id.as_ref().map(activity).transpose()?;
        let result = services(ctx)?
            .resources()
            .request_booking(
                &*principal(ctx)?,
                NewBooking {
                    resource_id,
                    alliance_id,
                    organization_id,
                    activity_id,
                    starts_at: input.starts_at,
                    ends_at: input.ends_at,
                    purpose: input.purpose,
                },
            )
            .await;
        let (requested, user_errors) = split(result)?;
        Ok(match requested {
            Some(r) => ResourceBookingPayload {
                booking: Some(ResourceBookingNode(r.booking)),
                overlapping_requests: r.overlapping.into_iter().map(ResourceBookingNode).collect(),
                user_errors,
            },
            None => ResourceBookingPayload {
                booking: None,
                overlapping_requests: Vec::new(),
                user_errors,
            },
        })
    }

    /// The owner's admins approve a request; the requester is notified. Answers `OVERLAP` (naming
    /// the booking) when the slot collides with an approved one; of approvals racing for
    /// overlapping slots exactly one applies.
    async fn approve_resource_booking(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The booking and the version read.")] input: ResourceBookingVersionInput,
    ) -> async_graphql::Result<ResourceBookingPayload> {
        let id = decode(&input.id, Kind::ResourceBooking, "id")?;
        booking_payload(
            services(ctx)?
                .resources()
                .approve_booking(&*principal(ctx)?, id, input.version)
                .await,
        )
    }

    /// The owner's admins decline a request with a reason; the requester is notified.
    async fn decline_resource_booking(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The booking, the version read and the reason.")]
        input: DeclineResourceBookingInput,
    ) -> async_graphql::Result<ResourceBookingPayload> {
        let id = decode(&input.id, Kind::ResourceBooking, "id")?;
        booking_payload(
            services(ctx)?
                .resources()
                .decline_booking(&*principal(ctx)?, id, input.version, &input.reason)
                .await,
        )
    }

    /// The owner's admins record that an approved booking was used, and what was given.
    async fn mark_resource_booking_used(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The booking, the version read and the contribution note.")]
        input: MarkResourceBookingUsedInput,
    ) -> async_graphql::Result<ResourceBookingPayload> {
        let id = decode(&input.id, Kind::ResourceBooking, "id")?;
        booking_payload(
            services(ctx)?
                .resources()
                .mark_booking_used(
                    &*principal(ctx)?,
                    id,
                    input.version,
                    &input.contribution_note,
                )
                .await,
        )
    }

    /// The requester's admins (or the alliance's secretariat) cancel a requested or approved booking.
    async fn cancel_resource_booking(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The booking and the version read.")] input: ResourceBookingVersionInput,
    ) -> async_graphql::Result<ResourceBookingPayload> {
        let id = decode(&input.id, Kind::ResourceBooking, "id")?;
        booking_payload(
            services(ctx)?
                .resources()
                .cancel_booking(&*principal(ctx)?, id, input.version)
                .await,
        )
    }
}
