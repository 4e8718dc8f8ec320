//! Creating and editing organizations.

use super::*;
use crate::entities::{organization, organization_membership};
use crate::kernel::audit::Actor;
use crate::kernel::error::{Error, FieldError, on_constraint};
use crate::kernel::ids::OrganizationId;
use crate::kernel::patch::Patch;
use crate::kernel::validation;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use serde_json::json;

impl Organizations<'_> {
    pub async fn create_organization(
        &self,
        principal: &Principal,
        input: OrganizationInput,
    ) -> Result<organization::Model, Error> {
        policy::authorize(principal, Action::CreateOrganization, Resource::Platform)?;
        let mut errors = Vec::new();
        let name = validation::required_text(
            &mut errors,
            "name",
            input.name.as_deref().unwrap_or(""),
            200,
        );
        let name_en =
            validation::optional_text(&mut errors, "nameEn", input.name_en.as_deref(), 200);
        let host_entity =
            validation::optional_text(&mut errors, "hostEntity", input.host_entity.as_deref(), 200);
        let region = validation::optional_text(&mut errors, "region", input.region.as_deref(), 200);
        let honours = clean_honours(&mut errors, input.honours.unwrap_or_default());
        let Some(kind) = input.kind else {
            errors.push(FieldError::new(
                "kind",
                "REQUIRED",
                "choose the kind of organization",
            ));
            return Err(Error::Invalid(errors));
        };
        validation::finish(errors)?;
        let now = self.now();
        let txn = self.db.begin().await?;
        let created = organization::ActiveModel {
            id: Set(OrganizationId::new().0),
            name: Set(name),
            name_en: Set(name_en),
            kind: Set(kind.as_str().to_owned()),
            host_entity: Set(host_entity),
            region: Set(region),
            founded_on: Set(input.founded_on),
            honours: Set(honours),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await
        .map_err(|e| on_constraint(e, &[NAME_TAKEN]))?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "organization.create",
            "organization",
            Some(created.id),
            json!({"name": created.name}),
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    /// Updates the given fields if `version` is still current; a stale version is a `CONFLICT`.
    pub async fn update_organization(
        &self,
        principal: &Principal,
        id: OrganizationId,
        version: i32,
        input: OrganizationChanges,
    ) -> Result<organization::Model, Error> {
        let facts = self
            .organization_facts(id)
            .await?
            .ok_or(Error::NotFound("organization"))?;
        if !policy::can(principal, Action::ReadOrganization, facts.resource()) {
            return Err(Error::NotFound("organization"));
        }
        policy::authorize(principal, Action::UpdateOrganization, facts.resource())?;
        let mut errors = Vec::new();
        let mut changes = organization::ActiveModel {
            id: Set(id.0),
            ..Default::default()
        };
        if let Some(name) = input.name.required(&mut errors, "name") {
            changes.name = Set(validation::required_text(&mut errors, "name", &name, 200));
        }
        changes.name_en = input.name_en.text_column(&mut errors, "nameEn", 200);
        if let Some(kind) = input.kind.required(&mut errors, "kind") {
            changes.kind = Set(kind.as_str().to_owned());
        }
        changes.host_entity = input
            .host_entity
            .text_column(&mut errors, "hostEntity", 200);
        changes.region = input.region.text_column(&mut errors, "region", 200);
        changes.founded_on = input.founded_on.column();
        match input.honours {
            Patch::Keep => {}
            Patch::Clear => changes.honours = Set(Vec::new()),
            Patch::Set(h) => changes.honours = Set(clean_honours(&mut errors, h)),
        }
        validation::finish(errors)?;
        changes.version = Set(version + 1);
        changes.updated_at = Set(self.now());
        let txn = self.db.begin().await?;
        let result = organization::Entity::update_many()
            .set(changes)
            .filter(organization::Column::Id.eq(id.0))
            .filter(organization::Column::Version.eq(version))
            .exec(&txn)
            .await
            .map_err(|e| on_constraint(e, &[NAME_TAKEN]))?;
        if result.rows_affected == 0 {
            return Err(Error::Conflict(format!(
                "the organization was changed by someone else (you edited version {version}); reload and try again"
            )));
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "organization.update",
            "organization",
            Some(id.0),
            json!({"version": version + 1}),
        )
        .await?;
        crate::kernel::events::publish(&txn, "organization", id.0).await?;
        let updated = organization::Entity::find_by_id(id.0)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("organization"))?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Adds a user to an organization directly (platform admins and the demo seed; others invite).
    pub async fn add_organization_member<C: ConnectionTrait>(
        &self,
        conn: &C,
        membership: organization_membership::ActiveModel,
    ) -> Result<organization_membership::Model, Error> {
        membership.insert(conn).await.map_err(|e| {
            on_constraint(
                e,
                &[
                    (
                        "organization_memberships_one_secretary",
                        "position",
                        "TAKEN",
                        "the organization already has a secretary",
                    ),
                    (
                        "organization_memberships_one_current",
                        "userId",
                        "ALREADY_MEMBER",
                        "already a member of this organization",
                    ),
                ],
            )
        })
    }
}
