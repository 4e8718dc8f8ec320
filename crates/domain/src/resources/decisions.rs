//! The owner's decisions on a booking: approve, decline with a reason, and mark used with what was
//! given (the contribution ledger).

use super::Resources;
use super::collisions::{approved_collision, on_overlap};
use crate::entities::{resource_booking, shared_resource};
use crate::kernel::audit::Actor;
use crate::kernel::error::Error;
use crate::kernel::validation::required_text;
use crate::kernel::vocab::{BookingStatus, NotificationKind};
use crate::notifications::Notice;
use crate::policy::Action;
use crate::policy::principal::Principal;
use sea_orm::{ActiveModelTrait, EntityTrait, QuerySelect, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

fn only_from(
    current: &resource_booking::Model,
    from: BookingStatus,
    verb: &str,
) -> Result<(), Error> {
    if current.status == from {
        Ok(())
    } else {
        Err(Error::invalid(
            "id",
            "INVALID_TRANSITION",
            format!("a {} booking cannot be {verb}", current.status),
        ))
    }
}

impl Resources<'_> {
    /// The owner approves a request. A slot that collides with an approved (or used) booking is
    /// refused with `OVERLAP` naming it; of two approvals racing for overlapping slots exactly one
    /// applies (the resource row is locked, and the exclusion constraint is the last word).
    pub async fn approve_booking(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
    ) -> Result<resource_booking::Model, Error> {
        let (_, resource) = self
            .booking_for(principal, id, Action::DecideResourceBooking)
            .await?;
        let txn = self.db.begin().await?;
        shared_resource::Entity::find_by_id(resource.id)
            .lock_exclusive()
            .one(&txn)
            .await?;
        let current = self.locked_booking(&txn, id, version).await?;
        only_from(&current, BookingStatus::Requested, "approved")?;
        if let Some(collision) = approved_collision(
            &txn,
            current.resource_id,
            current.starts_at,
            current.ends_at,
            Some(id),
        )
        .await?
        {
            return Err(collision.error("id"));
        }
        let now = self.now();
        let saved = match (resource_booking::ActiveModel {
            id: Set(id),
            status: Set(BookingStatus::Approved),
            decided_by: Set(principal.user_id().map(|u| u.0)),
            decided_at: Set(Some(now)),
            updated_at: Set(now),
            version: Set(current.version + 1),
            ..Default::default()
        })
        .update(&txn)
        .await
        {
            Ok(saved) => saved,
            Err(e) => {
                drop(txn);
                return Err(on_overlap(&self.db, e, "id", &current).await);
            }
        };
        self.decided(&txn, principal, &saved, &resource, "approved")
            .await?;
        txn.commit().await?;
        Ok(saved)
    }

    /// The owner declines a request; the reason is required (`reason` `REQUIRED`).
    pub async fn decline_booking(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        reason: &str,
    ) -> Result<resource_booking::Model, Error> {
        let (_, resource) = self
            .booking_for(principal, id, Action::DecideResourceBooking)
            .await?;
        let mut errors = Vec::new();
        let reason = required_text(&mut errors, "reason", reason, 2_000);
        crate::kernel::validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let current = self.locked_booking(&txn, id, version).await?;
        only_from(&current, BookingStatus::Requested, "declined")?;
        let now = self.now();
        let saved = resource_booking::ActiveModel {
            id: Set(id),
            status: Set(BookingStatus::Declined),
            decision_reason: Set(Some(reason)),
            decided_by: Set(principal.user_id().map(|u| u.0)),
            decided_at: Set(Some(now)),
            updated_at: Set(now),
            version: Set(current.version + 1),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.decided(&txn, principal, &saved, &resource, "declined")
            .await?;
        txn.commit().await?;
        Ok(saved)
    }

    /// The owner records that an approved booking was used, and what was given.
    pub async fn mark_booking_used(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        contribution_note: &str,
    ) -> Result<resource_booking::Model, Error> {
        self.booking_for(principal, id, Action::MarkResourceBookingUsed)
            .await?;
        let mut errors = Vec::new();
        let note = required_text(&mut errors, "contributionNote", contribution_note, 5_000);
        crate::kernel::validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let current = self.locked_booking(&txn, id, version).await?;
        only_from(&current, BookingStatus::Approved, "marked used")?;
        let saved = resource_booking::ActiveModel {
            id: Set(id),
            status: Set(BookingStatus::Used),
            contribution_note: Set(Some(note)),
            updated_at: Set(self.now()),
            version: Set(current.version + 1),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "resource_booking.mark_used",
            "resource_booking",
            Some(id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(saved)
    }

    /// The audit entry of a decision and the requester's notification.
    async fn decided(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        principal: &Principal,
        booking: &resource_booking::Model,
        resource: &shared_resource::Model,
        decision: &str,
    ) -> Result<(), Error> {
        self.record_audit(
            txn,
            Actor::from(principal),
            &format!(
                "resource_booking.{}",
                if decision == "approved" {
                    "approve"
                } else {
                    "decline"
                }
            ),
            "resource_booking",
            Some(booking.id),
            json!({"decision": decision}),
        )
        .await?;
        self.notifications()
            .notify_org_admins(
                txn,
                booking.requesting_organization_id,
                Notice {
                    kind: NotificationKind::BookingDecided,
                    entity_type: "resource_booking",
                    entity_id: booking.id,
                    params: json!({"resource": resource.name, "decision": decision}),
                    dedupe: None,
                },
            )
            .await
    }
}
