//! Alliances (联盟), their member organizations and role grants.

pub mod grants;

use crate::entities::{alliance, alliance_membership, role_grant, user};
use crate::kernel::audit::{self, Actor};
use crate::kernel::error::{Error, FieldError, on_constraint};
use crate::kernel::ids::{AllianceId, OrganizationId, UserId};
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::relations::{ChildQuery, children, counts};
use crate::kernel::scope;
use crate::kernel::validation;
use crate::kernel::vocab::{AllianceKind, AllianceStatus, GrantedRole, RotationPeriod, Visibility};
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug, Clone, Copy)]
pub struct AllianceFacts {
    pub id: AllianceId,
    pub public: bool,
    /// Days before a meeting that agenda proposals close.
    pub agenda_deadline_days: i32,
}

impl AllianceFacts {
    pub fn resource(&self) -> Resource<'static> {
        Resource::Alliance {
            id: self.id,
            public: self.public,
        }
    }

    pub fn of(model: &alliance::Model) -> Self {
        Self {
            id: AllianceId(model.id),
            public: model.visibility == Visibility::Public.as_str(),
            agenda_deadline_days: model.agenda_deadline_days,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct AllianceInput {
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub kind: Option<AllianceKind>,
    pub status: Option<AllianceStatus>,
    pub founded_on: Option<NaiveDate>,
    pub supervising_body: Option<String>,
    pub instructor: Option<String>,
    pub rotation_period: Option<RotationPeriod>,
    pub visibility: Option<Visibility>,
    pub working_rules: Option<String>,
    pub agenda_deadline_days: Option<i32>,
}

const NAME_TAKEN: (&str, &str, &str, &str) = (
    "alliances_name_key",
    "name",
    "TAKEN",
    "an alliance with this name already exists",
);

/// Allowed moves of the alliance lifecycle: preparatory → active → dissolved.
fn status_move_allowed(from: AllianceStatus, to: AllianceStatus) -> bool {
    use AllianceStatus as S;
    matches!(
        (from, to),
        (S::Preparatory, _) | (S::Active, S::Active | S::Dissolved) | (S::Dissolved, S::Dissolved)
    )
}

/// Members-only fields of an alliance, removed unless the principal may read its internal content.
fn redact(principal: &Principal, mut found: alliance::Model) -> alliance::Model {
    if !policy::can(
        principal,
        Action::ReadAllianceInternal,
        AllianceFacts::of(&found).resource(),
    ) {
        found.working_rules = None;
    }
    found
}

impl Alliances<'_> {
    pub async fn alliance_facts(&self, id: AllianceId) -> Result<Option<AllianceFacts>, Error> {
        Ok(alliance::Entity::find_by_id(id.0)
            .one(&self.db)
            .await?
            .as_ref()
            .map(AllianceFacts::of))
    }

    /// One alliance membership, if the principal may see the alliance.
    pub async fn alliance_membership_visible(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<alliance_membership::Model>, Error> {
        Ok(alliance_membership::Entity::find_by_id(id)
            .filter(scope::alliance_in(
                "alliance_memberships.alliance_id",
                &policy::readable_alliances(principal),
            ))
            .one(&self.db)
            .await?)
    }

    /// The facts decisions and derived fields need (visibility, agenda deadline), for alliances
    /// the principal may not see in full: nothing here is shown as such.
    pub async fn alliance_facts_many(
        &self,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, AllianceFacts>, Error> {
        let rows = alliance::Entity::find()
            .filter(alliance::Column::Id.is_in(ids.to_vec()))
            .all(&self.db)
            .await?;
        Ok(rows.iter().map(|a| (a.id, AllianceFacts::of(a))).collect())
    }

    /// A child filter (`base` numbered from `$3` with today's date) narrowed to rows whose alliance
    /// (`column`) the principal may see.
    fn in_readable_alliances(
        &self,
        principal: &Principal,
        base: &str,
        column: &str,
    ) -> (String, Vec<sea_orm::Value>) {
        let (visible, extra) =
            scope::alliance_in_sql(column, &policy::readable_alliances(principal), 4);
        let mut values: Vec<sea_orm::Value> = vec![self.now().date_naive().into()];
        values.extend(extra);
        (format!("({base}) AND {visible}"), values)
    }

    /// The alliances among `ids` the principal may see, members-only fields removed where the
    /// policy says so (for loaders).
    pub async fn alliances_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, alliance::Model>, Error> {
        let rows = alliance::Entity::find()
            .filter(alliance::Column::Id.is_in(ids.to_vec()))
            .filter(scope::alliance_in(
                "alliances.id",
                &policy::readable_alliances(principal),
            ))
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|a| (a.id, redact(principal, a)))
            .collect())
    }

    /// The alliance if it exists and the principal may at least see its profile (internal use:
    /// nothing removed).
    pub(crate) async fn alliance_readable(
        &self,
        principal: &Principal,
        id: AllianceId,
    ) -> Result<Option<alliance::Model>, Error> {
        let found = alliance::Entity::find_by_id(id.0).one(&self.db).await?;
        Ok(found.filter(|a| {
            policy::can(
                principal,
                Action::ReadAllianceProfile,
                AllianceFacts::of(a).resource(),
            )
        }))
    }

    /// The alliance as the principal may see it: its profile, and members-only fields (working
    /// rules) only for those who may read its internal content.
    pub async fn alliance(
        &self,
        principal: &Principal,
        id: AllianceId,
    ) -> Result<Option<alliance::Model>, Error> {
        Ok(self
            .alliance_readable(principal, id)
            .await?
            .map(|a| redact(principal, a)))
    }

    pub async fn alliances(
        &self,
        principal: &Principal,
        page: PageRequest,
    ) -> Result<(Page<alliance::Model>, u64), Error> {
        let scope = policy::readable_alliances(principal);
        let mut query = alliance::Entity::find();
        if !scope.all {
            let mut visible = Condition::any()
                .add(alliance::Column::Id.is_in(scope.ids.iter().map(|a| a.0).collect::<Vec<_>>()));
            if scope.public {
                visible = visible.add(alliance::Column::Visibility.eq(Visibility::Public.as_str()));
            }
            query = query.filter(visible);
        }
        let (page, total) =
            crate::kernel::pagination::page_by_id(&self.db, query, alliance::Column::Id, page)
                .await?;
        Ok((page.map(|a| redact(principal, a)), total))
    }

    /// Alliances of many users (through their current organizations), a page each.
    pub async fn alliances_of_users(
        &self,
        principal: &Principal,
        users: &[Uuid],
        page: PageRequest,
    ) -> Result<HashMap<Uuid, Vec<alliance::Model>>, Error> {
        let (filter, values) = self.in_readable_alliances(
            principal,
            "am.joined_on <= $3 AND (am.left_on IS NULL OR am.left_on > $3) AND om.joined_on <= $3 AND (om.left_on IS NULL OR om.left_on > $3)",
            "t.id",
        );
        children::<alliance::Entity, _>(
            &self.db,
            ChildQuery {
                select: "DISTINCT ON (om.user_id, t.id) t.*",
                from: "alliances t JOIN alliance_memberships am ON am.alliance_id = t.id
                   JOIN organization_memberships om ON om.organization_id = am.organization_id",
                parent: "om.user_id",
                filter: &filter,
                values,
            },
            users,
            page,
        )
        .await
    }

    pub async fn count_alliances_of_users(
        &self,
        principal: &Principal,
        users: &[Uuid],
    ) -> Result<HashMap<Uuid, i64>, Error> {
        let (filter, values) = self.in_readable_alliances(
            principal,
            "am.joined_on <= $3 AND (am.left_on IS NULL OR am.left_on > $3) AND om.joined_on <= $3 AND (om.left_on IS NULL OR om.left_on > $3)",
            "t.id",
        );
        counts(&self.db,
            "alliances t JOIN alliance_memberships am ON am.alliance_id = t.id JOIN organization_memberships om ON om.organization_id = am.organization_id",
            "om.user_id",
            &filter,
            users, values).await
    }

    /// Current member organizations of many alliances, a page each, in rotation order of joining.
    pub async fn members_of_alliances(
        &self,
        principal: &Principal,
        alliances: &[Uuid],
        page: PageRequest,
    ) -> Result<HashMap<Uuid, Vec<alliance_membership::Model>>, Error> {
        let (filter, values) = self.in_readable_alliances(
            principal,
            "t.left_on IS NULL OR t.left_on > $3",
            "t.alliance_id",
        );
        children::<alliance_membership::Entity, _>(
            &self.db,
            ChildQuery {
                select: "t.*",
                from: "alliance_memberships t",
                parent: "t.alliance_id",
                filter: &filter,
                values,
            },
            alliances,
            page,
        )
        .await
    }

    pub async fn count_members_of_alliances(
        &self,
        principal: &Principal,
        alliances: &[Uuid],
    ) -> Result<HashMap<Uuid, i64>, Error> {
        let (filter, values) = self.in_readable_alliances(
            principal,
            "t.left_on IS NULL OR t.left_on > $3",
            "t.alliance_id",
        );
        counts(
            &self.db,
            "alliance_memberships t",
            "t.alliance_id",
            &filter,
            alliances,
            values,
        )
        .await
    }

    /// The alliances many organizations currently belong to, a page each.
    pub async fn alliances_of_organizations(
        &self,
        principal: &Principal,
        organizations: &[Uuid],
        page: PageRequest,
    ) -> Result<HashMap<Uuid, Vec<alliance_membership::Model>>, Error> {
        let (filter, values) = self.in_readable_alliances(
            principal,
            "t.left_on IS NULL OR t.left_on > $3",
            "t.alliance_id",
        );
        children::<alliance_membership::Entity, _>(
            &self.db,
            ChildQuery {
                select: "t.*",
                from: "alliance_memberships t",
                parent: "t.organization_id",
                filter: &filter,
                values,
            },
            organizations,
            page,
        )
        .await
    }

    pub async fn count_alliances_of_organizations(
        &self,
        principal: &Principal,
        organizations: &[Uuid],
    ) -> Result<HashMap<Uuid, i64>, Error> {
        let (filter, values) = self.in_readable_alliances(
            principal,
            "t.left_on IS NULL OR t.left_on > $3",
            "t.alliance_id",
        );
        counts(
            &self.db,
            "alliance_memberships t",
            "t.organization_id",
            &filter,
            organizations,
            values,
        )
        .await
    }

    pub async fn create_alliance(
        &self,
        principal: &Principal,
        input: AllianceInput,
    ) -> Result<alliance::Model, Error> {
        policy::authorize(principal, Action::CreateAlliance, Resource::Platform)?;
        let mut errors = Vec::new();
        let name = validation::required_text(
            &mut errors,
            "name",
            input.name.as_deref().unwrap_or(""),
            200,
        );
        let name_en =
            validation::optional_text(&mut errors, "nameEn", input.name_en.as_deref(), 200);
        let supervising_body = validation::optional_text(
            &mut errors,
            "supervisingBody",
            input.supervising_body.as_deref(),
            200,
        );
        let instructor =
            validation::optional_text(&mut errors, "instructor", input.instructor.as_deref(), 100);
        let working_rules = validation::optional_text(
            &mut errors,
            "workingRules",
            input.working_rules.as_deref(),
            100_000,
        );
        if input.kind.is_none() {
            errors.push(FieldError::new(
                "kind",
                "REQUIRED",
                "choose the kind of alliance",
            ));
        }
        validation::finish(errors)?;
        let kind = input.kind.unwrap_or(AllianceKind::Pairing);
        let now = chrono::Utc::now();
        let txn = self.db.begin().await?;
        let created = alliance::ActiveModel {
            id: Set(AllianceId::new().0),
            name: Set(name),
            name_en: Set(name_en),
            kind: Set(kind.as_str().to_owned()),
            status: Set(input.status.unwrap_or(AllianceStatus::Preparatory)),
            founded_on: Set(input.founded_on),
            supervising_body: Set(supervising_body),
            instructor: Set(instructor),
            rotation_period: Set(input
                .rotation_period
                .unwrap_or(RotationPeriod::Quarter)
                .as_str()
                .to_owned()),
            visibility: Set(input
                .visibility
                .unwrap_or(Visibility::Members)
                .as_str()
                .to_owned()),
            working_rules: Set(working_rules),
            agenda_deadline_days: Set(7),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await
        .map_err(|e| on_constraint(e, &[NAME_TAKEN]))?;
        audit::record(
            &txn,
            Actor::from(principal),
            "alliance.create",
            "alliance",
            Some(created.id),
            json!({"name": created.name}),
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    pub async fn update_alliance(
        &self,
        principal: &Principal,
        id: AllianceId,
        version: i32,
        input: AllianceInput,
    ) -> Result<alliance::Model, Error> {
        let current = self
            .alliance_readable(principal, id)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        policy::authorize(
            principal,
            Action::UpdateAlliance,
            AllianceFacts::of(&current).resource(),
        )?;
        let mut errors = Vec::new();
        let mut changes = alliance::ActiveModel {
            id: Set(id.0),
            ..Default::default()
        };
        if let Some(v) = &input.name {
            changes.name = Set(validation::required_text(&mut errors, "name", v, 200));
        }
        if let Some(v) = &input.name_en {
            changes.name_en = Set(validation::optional_text(
                &mut errors,
                "nameEn",
                Some(v),
                200,
            ));
        }
        if let Some(v) = input.kind {
            changes.kind = Set(v.as_str().to_owned());
        }
        if let Some(v) = input.status {
            if !status_move_allowed(current.status, v) {
                errors.push(FieldError::new(
                    "status",
                    "INVALID_TRANSITION",
                    format!("an alliance cannot go from {} to {}", current.status, v),
                ));
            }
            changes.status = Set(v);
        }
        if let Some(v) = input.founded_on {
            changes.founded_on = Set(Some(v));
        }
        if let Some(v) = &input.supervising_body {
            changes.supervising_body = Set(validation::optional_text(
                &mut errors,
                "supervisingBody",
                Some(v),
                200,
            ));
        }
        if let Some(v) = &input.instructor {
            changes.instructor = Set(validation::optional_text(
                &mut errors,
                "instructor",
                Some(v),
                100,
            ));
        }
        if let Some(v) = input.rotation_period {
            changes.rotation_period = Set(v.as_str().to_owned());
        }
        if let Some(v) = input.visibility {
            changes.visibility = Set(v.as_str().to_owned());
        }
        if let Some(v) = &input.working_rules {
            changes.working_rules = Set(validation::optional_text(
                &mut errors,
                "workingRules",
                Some(v),
                100_000,
            ));
        }
        if let Some(days) = input.agenda_deadline_days {
            if (0..=60).contains(&days) {
                changes.agenda_deadline_days = Set(days);
            } else {
                errors.push(FieldError::new(
                    "agendaDeadlineDays",
                    "OUT_OF_RANGE",
                    "between 0 and 60 days",
                ));
            }
        }
        validation::finish(errors)?;
        changes.version = Set(version + 1);
        changes.updated_at = Set(chrono::Utc::now());
        let txn = self.db.begin().await?;
        let result = alliance::Entity::update_many()
            .set(changes)
            .filter(alliance::Column::Id.eq(id.0))
            .filter(alliance::Column::Version.eq(version))
            .exec(&txn)
            .await
            .map_err(|e| on_constraint(e, &[NAME_TAKEN]))?;
        if result.rows_affected == 0 {
            return Err(Error::Conflict(format!(
                "the alliance was changed by someone else (you edited version {version}); reload and try again"
            )));
        }
        audit::record(
            &txn,
            Actor::from(principal),
            "alliance.update",
            "alliance",
            Some(id.0),
            json!({"version": version + 1}),
        )
        .await?;
        let updated = alliance::Entity::find_by_id(id.0)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        txn.commit().await?;
        Ok(updated)
    }

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
            created_at: Set(chrono::Utc::now()),
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
        audit::record(
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
        audit::record(
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
            created_at: Set(chrono::Utc::now()),
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
        audit::record(
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

/// Alliances, their member organizations and role grants. The façade of this domain: `services.alliances()`.
pub struct Alliances<'a>(&'a crate::Services);

impl crate::Services {
    pub fn alliances(&self) -> Alliances<'_> {
        Alliances(self)
    }
}

impl std::ops::Deref for Alliances<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
