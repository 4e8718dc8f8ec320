//! Member organizations joining and leaving (the rotation is re-planned), and role grants.

use super::*;
use crate::entities::{alliance, alliance_membership, role_grant, user};
use crate::kernel::audit::Actor;
use crate::kernel::error::{Error, on_constraint};
use crate::kernel::ids::{AllianceId, OrganizationId, UserId};
use crate::kernel::vocab::GrantedRole;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

impl Alliances<'_> {
    /// Adds an organization to an alliance from `joined_on`; the rotation order defaults to last.
    pub async fn add_alliance_member(
        &self,
        principal: &Principal,
        alliance_id: AllianceId,
        organization_id: OrganizationId,
        joined_on: NaiveDate,
        rotation_order: Option<i32>,
    ) -> Result<alliance_membership::Model, Error> {
        let current = self
            .alliance_readable(principal, alliance_id)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        policy::authorize(
            principal,
            Action::ManageAllianceMembers,
            AllianceFacts::of(&current).resource(),
        )?;
        if !self
            .organizations()
            .organization_exists(organization_id)
            .await?
        {
            return Err(Error::invalid(
                "organizationId",
                "NOT_FOUND",
                "no such organization",
            ));
        }
        let txn = self.db.begin().await?;
        // The schedule lock first, as every rotation edit takes it: no deadlock between them.
        self.rotation()
            .lock_for_membership(&txn, alliance_id)
            .await?;
        let order = match rotation_order {
            Some(o) if o < 0 => {
                return Err(Error::invalid(
                    "rotationOrder",
                    "OUT_OF_RANGE",
                    "must be zero or more",
                ));
            }
            Some(o) => o,
            None => {
                let max: Option<i32> = alliance_membership::Entity::find()
                    .select_only()
                    .column_as(alliance_membership::Column::RotationOrder.max(), "max")
                    .filter(alliance_membership::Column::AllianceId.eq(alliance_id.0))
                    .into_tuple()
                    .one(&txn)
                    .await?
                    .flatten();
                max.map_or(0, |m| m + 1)
            }
        };
        let created = alliance_membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            alliance_id: Set(alliance_id.0),
            organization_id: Set(organization_id.0),
            joined_on: Set(joined_on),
            left_on: Set(None),
            rotation_order: Set(order),
            created_at: Set(self.now()),
        }
        .insert(&txn)
        .await
        .map_err(|e| {
            on_constraint(
                e,
                &[(
                    "alliance_memberships_no_overlap",
                    "organizationId",
                    "ALREADY_MEMBER",
                    "this organization is already in the alliance for that period",
                )],
            )
        })?;
        // Future lead terms are re-planned to include the newcomer; past and current ones stay.
        self.rotation().replan_future(&txn, &current).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "alliance.add_member",
            "alliance",
            Some(alliance_id.0),
            json!({"organization": organization_id.0, "joinedOn": joined_on}),
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    /// An organization leaves the alliance on `left_on`; future lead terms are re-planned without it.
    pub async fn remove_alliance_member(
        &self,
        principal: &Principal,
        alliance_id: AllianceId,
        organization_id: OrganizationId,
        left_on: NaiveDate,
    ) -> Result<alliance::Model, Error> {
        let current = self
            .alliance_readable(principal, alliance_id)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        policy::authorize(
            principal,
            Action::ManageAllianceMembers,
            AllianceFacts::of(&current).resource(),
        )?;
        let txn = self.db.begin().await?;
        self.rotation()
            .lock_for_membership(&txn, alliance_id)
            .await?;
        let membership = alliance_membership::Entity::find()
            .filter(alliance_membership::Column::AllianceId.eq(alliance_id.0))
            .filter(alliance_membership::Column::OrganizationId.eq(organization_id.0))
            .filter(alliance_membership::Column::LeftOn.is_null())
            .one(&txn)
            .await?
            .ok_or_else(|| {
                Error::invalid(
                    "organizationId",
                    "NOT_MEMBER",
                    "the organization is not a current member",
                )
            })?;
        if left_on <= membership.joined_on {
            return Err(Error::invalid(
                "leftOn",
                "BEFORE_JOINING",
                "must be after the day the organization joined",
            ));
        }
        alliance_membership::ActiveModel {
            id: Set(membership.id),
            left_on: Set(Some(left_on)),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.rotation().replan_future(&txn, &current).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "alliance.remove_member",
            "alliance",
            Some(alliance_id.0),
            json!({"organization": organization_id.0, "leftOn": left_on}),
        )
        .await?;
        txn.commit().await?;
        Ok(current)
    }

    /// Grants a user a role on an alliance (platform admins only).
    pub async fn grant_alliance_role(
        &self,
        principal: &Principal,
        alliance_id: AllianceId,
        user_id: UserId,
        role: GrantedRole,
    ) -> Result<role_grant::Model, Error> {
        policy::authorize(principal, Action::GrantAllianceRole, Resource::Platform)?;
        if self.alliance_facts(alliance_id).await?.is_none() {
            return Err(Error::invalid(
                "allianceId",
                "NOT_FOUND",
                "no such alliance",
            ));
        }
        if user::Entity::find_by_id(user_id.0)
            .one(&self.db)
            .await?
            .is_none()
        {
            return Err(Error::invalid("userId", "NOT_FOUND", "no such user"));
        }
        let txn = self.db.begin().await?;
        let created = role_grant::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id.0),
            alliance_id: Set(alliance_id.0),
            role: Set(role.as_str().to_owned()),
            granted_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(self.now()),
            revoked_at: Set(None),
        }
        .insert(&txn)
        .await
        .map_err(|e| {
            on_constraint(
                e,
                &[(
                    "role_grants_one_active",
                    "role",
                    "ALREADY_GRANTED",
                    "the user already has this role",
                )],
            )
        })?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "alliance.grant_role",
            "alliance",
            Some(alliance_id.0),
            json!({"user": user_id.0, "role": role.as_str()}),
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }
}
