//! Managing an organization's people: positions, admin flags, leaving.

use super::*;
use crate::entities::organization_membership;
use crate::kernel::audit::Actor;
use crate::kernel::error::{Error, on_constraint};
use crate::kernel::ids::OrganizationId;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, EntityTrait, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

impl Organizations<'_> {
    pub(crate) async fn membership_for_admin(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<organization_membership::Model, Error> {
        let found = organization_membership::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("membership"))?;
        let facts = self
            .organization_facts(OrganizationId(found.organization_id))
            .await?
            .ok_or(Error::NotFound("membership"))?;
        if !policy::can(principal, Action::ReadOrganizationMembers, facts.resource()) {
            return Err(Error::NotFound("membership"));
        }
        policy::authorize(
            principal,
            Action::ManageOrganizationMembers,
            facts.resource(),
        )?;
        Ok(found)
    }

    /// Changes a member's position or admin flag (organization admins); one current secretary per organization.
    pub async fn update_organization_member(
        &self,
        principal: &Principal,
        id: Uuid,
        position: Option<crate::kernel::vocab::Position>,
        is_org_admin: Option<bool>,
    ) -> Result<organization_membership::Model, Error> {
        let found = self.membership_for_admin(principal, id).await?;
        if found.left_on.is_some() {
            return Err(Error::invalid(
                "membershipId",
                "LEFT",
                "the person has left the organization",
            ));
        }
        let txn = self.db.begin().await?;
        let mut changes = organization_membership::ActiveModel {
            id: Set(id),
            ..Default::default()
        };
        if let Some(p) = position {
            changes.position = Set(p.as_str().to_owned());
        }
        if let Some(a) = is_org_admin {
            changes.is_org_admin = Set(a);
        }
        let updated = changes.update(&txn).await.map_err(|e| {
            on_constraint(
                e,
                &[(
                    "organization_memberships_one_secretary",
                    "position",
                    "TAKEN",
                    "the organization already has a secretary",
                )],
            )
        })?;
        self.record_audit(&txn, Actor::from(principal), "organization.update_member", "organization", Some(found.organization_id), json!({"membership": id, "position": updated.position, "isOrgAdmin": updated.is_org_admin})).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// A member leaves the organization; the membership is kept with its leave date.
    pub async fn deactivate_organization_member(
        &self,
        principal: &Principal,
        id: Uuid,
        left_on: Option<NaiveDate>,
    ) -> Result<organization_membership::Model, Error> {
        let found = self.membership_for_admin(principal, id).await?;
        if found.left_on.is_some() {
            return Err(Error::invalid(
                "membershipId",
                "LEFT",
                "the person has already left",
            ));
        }
        let left_on = left_on.unwrap_or_else(|| self.today());
        if left_on < found.joined_on {
            return Err(Error::invalid(
                "leftOn",
                "BEFORE_JOINING",
                "must not be before the day the person joined",
            ));
        }
        let txn = self.db.begin().await?;
        let updated = organization_membership::ActiveModel {
            id: Set(id),
            left_on: Set(Some(left_on)),
            is_org_admin: Set(false),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "organization.deactivate_member",
            "organization",
            Some(found.organization_id),
            json!({"membership": id, "leftOn": left_on}),
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }
}
