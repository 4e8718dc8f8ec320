//! Offering a resource to alliances, editing it (version-checked) and withdrawing it.

use super::{NewResource, ResourceChanges, Resources};
use crate::entities::shared_resource;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::validation::{finish, optional_text, required_text};
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QuerySelect, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

/// At most this many alliances per resource.
const MAX_ALLIANCES: usize = 20;

fn capacity(errors: &mut Vec<FieldError>, value: Option<i32>) -> Option<i32> {
    if let Some(n) = value
        && !(1..=100_000).contains(&n)
    {
        errors.push(FieldError::new(
            "capacity",
            "OUT_OF_RANGE",
            "must be between 1 and 100,000",
        ));
    }
    value
}

/// The alliances, without repeats; empty or too many is a field error.
fn alliance_list(errors: &mut Vec<FieldError>, ids: &[AllianceId]) -> Vec<AllianceId> {
    let mut out: Vec<AllianceId> = Vec::new();
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    if out.is_empty() {
        errors.push(FieldError::new(
            "allianceIds",
            "REQUIRED",
            "name at least one alliance to offer the resource to",
        ));
    } else if out.len() > MAX_ALLIANCES {
        errors.push(FieldError::new(
            "allianceIds",
            "TOO_MANY",
            format!("at most {MAX_ALLIANCES} alliances"),
        ));
    }
    out
}

impl Resources<'_> {
    /// Every alliance must be one the organization currently belongs to, and the principal must
    /// act for the organization there (`OfferResource`).
    async fn check_offered_to<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        organization: OrganizationId,
        alliances: &[AllianceId],
    ) -> Result<(), Error> {
        for alliance in alliances {
            policy::authorize(
                principal,
                Action::OfferResource,
                Resource::ActingOrganization {
                    alliance: *alliance,
                    organization,
                },
            )?;
            if !self
                .meetings()
                .is_current_member(conn, alliance.0, organization.0)
                .await?
            {
                return Err(Error::invalid(
                    "allianceIds",
                    "NOT_MEMBER",
                    "the organization is not a current member of every alliance named",
                ));
            }
        }
        Ok(())
    }

    async fn set_alliances(
        &self,
        txn: &DatabaseTransaction,
        resource: Uuid,
        alliances: &[AllianceId],
    ) -> Result<(), Error> {
        txn.execute_raw(stmt(
            "DELETE FROM shared_resource_alliances WHERE resource_id = $1 AND NOT (alliance_id = ANY($2))",
            [
                resource.into(),
                alliances.iter().map(|a| a.0).collect::<Vec<_>>().into(),
            ],
        ))
        .await?;
        txn.execute_raw(stmt(
            "INSERT INTO shared_resource_alliances (resource_id, alliance_id)
             SELECT $1, a FROM unnest($2::uuid[]) AS a ON CONFLICT DO NOTHING",
            [
                resource.into(),
                alliances.iter().map(|a| a.0).collect::<Vec<_>>().into(),
            ],
        ))
        .await?;
        Ok(())
    }

    /// An organization offers a resource to alliances it belongs to (its admins and secretary).
    pub async fn offer_resource(
        &self,
        principal: &Principal,
        input: NewResource,
    ) -> Result<shared_resource::Model, Error> {
        let mut errors = Vec::new();
        let alliances = alliance_list(&mut errors, &input.alliance_ids);
        if let Some(first) = alliances.first() {
            // Authorization first: a caller who may not offer learns nothing from field checks.
            policy::authorize(
                principal,
                Action::OfferResource,
                Resource::ActingOrganization {
                    alliance: *first,
                    organization: input.organization_id,
                },
            )?;
        }
        let name = required_text(&mut errors, "name", &input.name, 200);
        let description = optional_text(
            &mut errors,
            "description",
            input.description.as_deref(),
            20_000,
        );
        let capacity = capacity(&mut errors, input.capacity);
        let availability = optional_text(
            &mut errors,
            "availability",
            input.availability.as_deref(),
            2_000,
        );
        let rules = optional_text(&mut errors, "rules", input.rules.as_deref(), 20_000);
        let location = optional_text(&mut errors, "location", input.location.as_deref(), 300);
        finish(errors)?;
        let txn = self.db.begin().await?;
        self.check_offered_to(&txn, principal, input.organization_id, &alliances)
            .await?;
        let now = self.now();
        let created = shared_resource::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(input.organization_id.0),
            kind: Set(input.kind),
            name: Set(name),
            description: Set(description),
            capacity: Set(capacity),
            availability: Set(availability),
            rules: Set(rules),
            location: Set(location),
            withdrawn_at: Set(None),
            created_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await?;
        self.set_alliances(&txn, created.id, &alliances).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "resource.offer",
            "shared_resource",
            Some(created.id),
            json!({"alliances": alliances.iter().map(|a| a.0).collect::<Vec<_>>(), "kind": created.kind.as_str()}),
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    /// The owner edits a resource; `version` is the one read (stale: `CONFLICT`).
    pub async fn update_resource(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        changes: ResourceChanges,
    ) -> Result<shared_resource::Model, Error> {
        let (_, _) = self
            .resource_for(principal, id, Action::ManageSharedResource)
            .await?;
        let mut errors = Vec::new();
        let alliances = changes
            .alliance_ids
            .as_deref()
            .map(|ids| alliance_list(&mut errors, ids));
        let kind = changes.kind.required(&mut errors, "kind");
        let name = changes
            .name
            .required(&mut errors, "name")
            .map(|n| required_text(&mut errors, "name", &n, 200));
        let description = changes
            .description
            .text_column(&mut errors, "description", 20_000);
        let capacity_value = match changes.capacity {
            crate::kernel::patch::Patch::Set(n) => {
                capacity(&mut errors, Some(n));
                Set(Some(n))
            }
            crate::kernel::patch::Patch::Clear => Set(None),
            crate::kernel::patch::Patch::Keep => sea_orm::ActiveValue::NotSet,
        };
        let availability = changes
            .availability
            .text_column(&mut errors, "availability", 2_000);
        let rules = changes.rules.text_column(&mut errors, "rules", 20_000);
        let location = changes.location.text_column(&mut errors, "location", 300);
        finish(errors)?;
        let txn = self.db.begin().await?;
        let current = shared_resource::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("shared resource"))?;
        if current.version != version {
            return Err(Error::Conflict(format!(
                "the resource was changed by someone else (now version {}); reload before saving",
                current.version
            )));
        }
        if let Some(alliances) = &alliances {
            self.check_offered_to(
                &txn,
                principal,
                OrganizationId(current.organization_id),
                alliances,
            )
            .await?;
            self.set_alliances(&txn, id, alliances).await?;
        }
        let mut model = shared_resource::ActiveModel {
            id: Set(id),
            description,
            capacity: capacity_value,
            availability,
            rules,
            location,
            updated_at: Set(self.now()),
            version: Set(current.version + 1),
            ..Default::default()
        };
        if let Some(kind) = kind {
            model.kind = Set(kind);
        }
        if let Some(name) = name {
            model.name = Set(name);
        }
        let saved = model.update(&txn).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "resource.update",
            "shared_resource",
            Some(id),
            json!({"version": saved.version}),
        )
        .await?;
        txn.commit().await?;
        Ok(saved)
    }

    /// The owner withdraws a resource: it leaves the registry and takes no new requests; its
    /// bookings stay as they are.
    pub async fn withdraw_resource(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
    ) -> Result<shared_resource::Model, Error> {
        self.resource_for(principal, id, Action::ManageSharedResource)
            .await?;
        let txn = self.db.begin().await?;
        let current = shared_resource::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("shared resource"))?;
        if current.version != version {
            return Err(Error::Conflict(format!(
                "the resource was changed by someone else (now version {}); reload first",
                current.version
            )));
        }
        if current.withdrawn_at.is_some() {
            return Err(Error::invalid(
                "id",
                "WITHDRAWN",
                "the resource is already withdrawn",
            ));
        }
        let now = self.now();
        let saved = shared_resource::ActiveModel {
            id: Set(id),
            withdrawn_at: Set(Some(now)),
            updated_at: Set(now),
            version: Set(current.version + 1),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "resource.withdraw",
            "shared_resource",
            Some(id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(saved)
    }
}
