//! Requesting a booking of a shared resource, and cancelling one.

use super::collisions::{approved_collision, overlapping_requests};
use super::reads::booking_resource;
use super::{NewBooking, Resources};
use crate::entities::{resource_booking, shared_resource};
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::validation::{finish, optional_text};
use crate::kernel::vocab::{BookingStatus, NotificationKind};
use crate::notifications::Notice;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QuerySelect, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

/// A new request, with the undecided requests it overlaps (a warning, not an error).
pub struct Requested {
    pub booking: resource_booking::Model,
    pub overlapping: Vec<resource_booking::Model>,
}

/// The name of an organization, for notification texts.
pub(super) async fn organization_name<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<String, Error> {
    let row = conn
        .query_one_raw(stmt(
            "SELECT name FROM organizations WHERE id = $1",
            [id.into()],
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<String>("", "name"))
        .transpose()?
        .unwrap_or_default())
}

impl Resources<'_> {
    /// Which alliance a request is made in: the one named (it must be offered), or the one offered
    /// alliance the principal's organizations belong to.
    fn alliance_of_request(
        principal: &Principal,
        named: Option<AllianceId>,
        offered: &[AllianceId],
    ) -> Result<AllianceId, Error> {
        if let Some(alliance) = named {
            return if offered.contains(&alliance) {
                Ok(alliance)
            } else {
                Err(Error::invalid(
                    "allianceId",
                    "NOT_OFFERED",
                    "the resource is not offered to this alliance",
                ))
            };
        }
        let mine: Vec<AllianceId> = offered
            .iter()
            .copied()
            .filter(|a| !policy::member_organizations_in(principal, *a).is_empty())
            .collect();
        match mine.as_slice() {
            [one] => Ok(*one),
            [] => Err(Error::Forbidden),
            _ => Err(Error::invalid(
                "allianceId",
                "REQUIRED",
                "the resource is offered to several of your alliances; name one",
            )),
        }
    }

    /// A member organization of an offered alliance requests the resource for [`startsAt`,
    /// `endsAt`). A slot that collides with an approved (or used) booking is refused with `OVERLAP`
    /// naming that booking; overlapping other requests is allowed and reported.
    pub async fn request_booking(
        &self,
        principal: &Principal,
        input: NewBooking,
    ) -> Result<Requested, Error> {
        let (resource, offered) = self
            .resource_for(principal, input.resource_id, Action::ReadSharedResource)
            .await?;
        let alliance = Self::alliance_of_request(principal, input.alliance_id, &offered)?;
        let organization = match input.organization_id {
            Some(org) => org,
            None => policy::acting_organization_in(principal, alliance).ok_or(Error::Forbidden)?,
        };
        policy::authorize(
            principal,
            Action::RequestResourceBooking,
            Resource::ActingOrganization {
                alliance,
                organization,
            },
        )?;
        let mut errors = Vec::new();
        if resource.withdrawn_at.is_some() {
            errors.push(crate::FieldError::new(
                "resourceId",
                "WITHDRAWN",
                "the resource has been withdrawn",
            ));
        }
        if organization.0 == resource.organization_id {
            errors.push(crate::FieldError::new(
                "organizationId",
                "OWN_RESOURCE",
                "an organization does not book its own resource",
            ));
        }
        if input.ends_at <= input.starts_at {
            errors.push(crate::FieldError::new(
                "endsAt",
                "BEFORE_START",
                "must be after the start",
            ));
        }
        if input.starts_at < self.now() {
            errors.push(crate::FieldError::new(
                "startsAt",
                "IN_PAST",
                "must not be in the past",
            ));
        }
        let purpose = optional_text(&mut errors, "purpose", input.purpose.as_deref(), 2_000);
        finish(errors)?;
        let txn = self.db.begin().await?;
        if !self
            .meetings()
            .is_current_member(&txn, alliance.0, organization.0)
            .await?
        {
            return Err(Error::invalid(
                "organizationId",
                "NOT_MEMBER",
                "the organization is not a current member of the alliance",
            ));
        }
        if let Some(activity) = input.activity_id {
            let found = txn
                .query_one_raw(stmt(
                    "SELECT 1 AS found FROM activities WHERE id = $1 AND alliance_id = $2",
                    [activity.into(), alliance.0.into()],
                ))
                .await?;
            if found.is_none() {
                return Err(Error::invalid(
                    "activityId",
                    "NOT_FOUND",
                    "no such activity in the alliance",
                ));
            }
        }
        // One writer per resource at a time: requests and approvals see each other's bookings.
        shared_resource::Entity::find_by_id(resource.id)
            .lock_exclusive()
            .one(&txn)
            .await?;
        if let Some(collision) =
            approved_collision(&txn, resource.id, input.starts_at, input.ends_at, None).await?
        {
            return Err(collision.error("startsAt"));
        }
        let now = self.now();
        let booking = resource_booking::ActiveModel {
            id: Set(Uuid::now_v7()),
            resource_id: Set(resource.id),
            alliance_id: Set(alliance.0),
            requesting_organization_id: Set(organization.0),
            activity_id: Set(input.activity_id),
            starts_at: Set(input.starts_at),
            ends_at: Set(input.ends_at),
            purpose: Set(purpose),
            status: Set(BookingStatus::Requested),
            decision_reason: Set(None),
            decided_by: Set(None),
            decided_at: Set(None),
            contribution_note: Set(None),
            requested_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await?;
        let overlapping = overlapping_requests(
            &txn,
            resource.id,
            booking.starts_at,
            booking.ends_at,
            booking.id,
        )
        .await?;
        let requester = organization_name(&txn, organization.0).await?;
        self.notifications()
            .notify_org_admins(
                &txn,
                resource.organization_id,
                Notice {
                    kind: NotificationKind::BookingRequested,
                    entity_type: "resource_booking",
                    entity_id: booking.id,
                    params: json!({"resource": resource.name, "organization": requester}),
                    dedupe: None,
                },
            )
            .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "resource_booking.request",
            "resource_booking",
            Some(booking.id),
            json!({"resource": resource.id, "startsAt": booking.starts_at, "endsAt": booking.ends_at}),
        )
        .await?;
        txn.commit().await?;
        // Only the overlaps the principal may see are named.
        let ids: Vec<Uuid> = overlapping.iter().map(|b| b.id).collect();
        let visible = self.bookings_visible(principal, &ids).await?;
        let overlapping = overlapping
            .into_iter()
            .filter(|b| visible.contains_key(&b.id))
            .collect();
        Ok(Requested {
            booking,
            overlapping,
        })
    }

    /// The requester (or the alliance's secretariat) cancels a requested or approved booking.
    pub async fn cancel_booking(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
    ) -> Result<resource_booking::Model, Error> {
        self.booking_for(principal, id, Action::CancelResourceBooking)
            .await?;
        let txn = self.db.begin().await?;
        let current = self.locked_booking(&txn, id, version).await?;
        if !matches!(
            current.status,
            BookingStatus::Requested | BookingStatus::Approved
        ) {
            return Err(Error::invalid(
                "id",
                "INVALID_TRANSITION",
                format!("a {} booking cannot be cancelled", current.status),
            ));
        }
        let saved = resource_booking::ActiveModel {
            id: Set(id),
            status: Set(BookingStatus::Cancelled),
            updated_at: Set(self.now()),
            version: Set(current.version + 1),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "resource_booking.cancel",
            "resource_booking",
            Some(id),
            json!({"from": current.status.as_str()}),
        )
        .await?;
        txn.commit().await?;
        Ok(saved)
    }

    /// The booking locked for a change, at the version the client read (stale: `CONFLICT`).
    pub(super) async fn locked_booking<C: ConnectionTrait>(
        &self,
        conn: &C,
        id: Uuid,
        version: i32,
    ) -> Result<resource_booking::Model, Error> {
        let current = resource_booking::Entity::find_by_id(id)
            .lock_exclusive()
            .one(conn)
            .await?
            .ok_or(Error::NotFound("resource booking"))?;
        if current.version != version {
            return Err(Error::Conflict(format!(
                "the booking changed since you read it (now version {}, {}); reload it",
                current.version, current.status
            )));
        }
        Ok(current)
    }

    /// Whether the principal may take `action` on `booking` (for the viewer's buttons).
    pub fn may(
        principal: &Principal,
        action: Action,
        booking: &resource_booking::Model,
        resource: &shared_resource::Model,
    ) -> bool {
        policy::can(principal, action, booking_resource(booking, resource))
    }

    /// Whether the principal may manage `resource` or request it in one of its alliances.
    pub fn may_manage(principal: &Principal, resource: &shared_resource::Model) -> bool {
        policy::can(
            principal,
            Action::ManageSharedResource,
            Resource::SharedResource {
                owner: OrganizationId(resource.organization_id),
                alliances: &[],
            },
        )
    }
}
