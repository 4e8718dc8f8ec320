//! Organizations (成员单位) and their members.

use crate::entities::{organization, organization_membership};
use crate::kernel::audit::{self, Actor};
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError, on_constraint};
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::relations::{ChildQuery, children, counts};
use crate::kernel::scope;
use crate::kernel::validation;
use crate::kernel::vocab::OrganizationKind;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::sea_query::extension::postgres::PgExpr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult,
    QueryFilter, Set, TransactionTrait,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// What the policy needs to know about an organization: the alliances it is in now, with their visibility.
#[derive(Debug, Clone, Default)]
pub struct OrganizationFacts {
    pub id: OrganizationId,
    pub alliances: Vec<(AllianceId, bool)>,
}

impl OrganizationFacts {
    pub fn resource(&self) -> Resource<'_> {
        Resource::Organization {
            id: self.id,
            alliances: &self.alliances,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct OrganizationInput {
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub kind: Option<OrganizationKind>,
    pub host_entity: Option<String>,
    pub region: Option<String>,
    pub founded_on: Option<NaiveDate>,
    pub honours: Option<Vec<String>>,
}

const NAME_TAKEN: (&str, &str, &str, &str) = (
    "organizations_name_key",
    "name",
    "TAKEN",
    "an organization with this name already exists",
);

/// Shifts `$n` parameters (n ≥ `from`) down to start at `to`, in SQL built by a helper for
/// another numbering.
fn renumber(sql: &str, from: usize, to: usize) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            let mut digits = String::new();
            while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(*d);
                chars.next();
            }
            match digits.parse::<usize>() {
                Ok(n) if n >= from => out.push_str(&format!("${}", n - from + to)),
                _ => {
                    out.push('$');
                    out.push_str(&digits);
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl Organizations<'_> {
    pub async fn organization_facts(
        &self,
        id: OrganizationId,
    ) -> Result<Option<OrganizationFacts>, Error> {
        Ok(self.organization_facts_many(&[id.0]).await?.remove(&id.0))
    }

    /// Facts for many organizations in one statement (for loaders and lists).
    pub async fn organization_facts_many(
        &self,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, OrganizationFacts>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                "SELECT o.id, am.alliance_id, a.visibility = 'public' AS public
                   FROM organizations o
                   LEFT JOIN alliance_memberships am ON am.organization_id = o.id
                        AND am.joined_on <= $2 AND (am.left_on IS NULL OR am.left_on > $2)
                   LEFT JOIN alliances a ON a.id = am.alliance_id
                  WHERE o.id = ANY($1)",
                [ids.to_vec().into(), self.now().date_naive().into()],
            ))
            .await?;
        let mut facts: HashMap<Uuid, OrganizationFacts> = HashMap::new();
        for row in rows {
            let id: Uuid = row.try_get("", "id")?;
            let entry = facts.entry(id).or_insert_with(|| OrganizationFacts {
                id: OrganizationId(id),
                alliances: Vec::new(),
            });
            if let Some(alliance) = row.try_get::<Option<Uuid>>("", "alliance_id")? {
                let public: Option<bool> = row.try_get("", "public")?;
                entry
                    .alliances
                    .push((AllianceId(alliance), public.unwrap_or(false)));
            }
        }
        Ok(facts)
    }

    /// One organization membership, if the principal may read the organization's people (or it
    /// is their own).
    pub async fn membership_visible(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<organization_membership::Model>, Error> {
        let (filter, mut values) = self.people_filter(principal, "TRUE", Vec::new());
        // `people_filter` numbers from `$3`; this statement has one parameter before, so shift.
        let filter = renumber(&filter, 3, 2);
        values.insert(0, id.into());
        let row = self
            .db
            .query_one_raw(stmt(
                &format!("SELECT t.* FROM organization_memberships t WHERE t.id = $1 AND {filter}"),
                values,
            ))
            .await?;
        Ok(match row {
            Some(row) => Some(organization_membership::Model::from_query_result(&row, "")?),
            None => None,
        })
    }

    /// The organizations among `ids` the principal may read (for loaders).
    pub async fn organizations_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, organization::Model>, Error> {
        let scope = policy::readable_organizations(principal);
        let (visible, mut values) =
            scope::organization_in_sql("t.id", &scope, self.now().date_naive(), 2);
        values.insert(0, ids.to_vec().into());
        let rows = self
            .db
            .query_all_raw(stmt(
                &format!("SELECT t.* FROM organizations t WHERE t.id = ANY($1) AND {visible}"),
                values,
            ))
            .await?;
        let mut out = HashMap::new();
        for row in rows {
            let found = organization::Model::from_query_result(&row, "")?;
            out.insert(found.id, found);
        }
        Ok(out)
    }

    /// Whether an organization exists, whoever may see it (for references checked by a policy).
    pub(crate) async fn organization_exists(&self, id: OrganizationId) -> Result<bool, Error> {
        Ok(organization::Entity::find_by_id(id.0)
            .one(&self.db)
            .await?
            .is_some())
    }

    /// The organization if it exists and the principal may read it.
    pub async fn organization(
        &self,
        principal: &Principal,
        id: OrganizationId,
    ) -> Result<Option<organization::Model>, Error> {
        let Some(facts) = self.organization_facts(id).await? else {
            return Ok(None);
        };
        if !policy::can(principal, Action::ReadOrganization, facts.resource()) {
            return Ok(None);
        }
        Ok(organization::Entity::find_by_id(id.0).one(&self.db).await?)
    }

    /// Organizations the principal may see, optionally matching `search` in either name.
    pub async fn organizations(
        &self,
        principal: &Principal,
        page: PageRequest,
        search: Option<&str>,
    ) -> Result<(Page<organization::Model>, u64), Error> {
        let scope = policy::readable_organizations(principal);
        let mut query = organization::Entity::find();
        if !scope.all {
            let alliances = scope.via_alliances;
            let ids: Vec<Uuid> = alliances.ids.iter().map(|a| a.0).collect();
            let via = Expr::cust_with_values(
                "organizations.id IN (SELECT am.organization_id FROM alliance_memberships am JOIN alliances a ON a.id = am.alliance_id
                  WHERE am.joined_on <= $1 AND (am.left_on IS NULL OR am.left_on > $1)
                    AND (am.alliance_id = ANY($2) OR ($3 AND a.visibility = 'public')))",
                [self.now().date_naive().into(), sea_orm::Value::from(ids), alliances.public.into()],
            );
            let own: Vec<Uuid> = scope.ids.iter().map(|o| o.0).collect();
            query = query.filter(
                Condition::any()
                    .add(organization::Column::Id.is_in(own))
                    .add(via),
            );
        }
        if let Some(search) = search.map(str::trim).filter(|s| !s.is_empty()) {
            let pattern = format!(
                "%{}%",
                search
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            query = query.filter(
                Condition::any()
                    .add(Expr::col(organization::Column::Name).ilike(pattern.clone()))
                    .add(Expr::col(organization::Column::NameEn).ilike(pattern)),
            );
        }
        crate::kernel::pagination::page_by_id(&self.db, query, organization::Column::Id, page).await
    }

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
        let now = chrono::Utc::now();
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
        audit::record(
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
        input: OrganizationInput,
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
        if let Some(name) = &input.name {
            changes.name = Set(validation::required_text(&mut errors, "name", name, 200));
        }
        if let Some(v) = &input.name_en {
            changes.name_en = Set(validation::optional_text(
                &mut errors,
                "nameEn",
                Some(v),
                200,
            ));
        }
        if let Some(kind) = input.kind {
            changes.kind = Set(kind.as_str().to_owned());
        }
        if let Some(v) = &input.host_entity {
            changes.host_entity = Set(validation::optional_text(
                &mut errors,
                "hostEntity",
                Some(v),
                200,
            ));
        }
        if let Some(v) = &input.region {
            changes.region = Set(validation::optional_text(
                &mut errors,
                "region",
                Some(v),
                200,
            ));
        }
        if let Some(d) = input.founded_on {
            changes.founded_on = Set(Some(d));
        }
        if let Some(h) = input.honours {
            changes.honours = Set(clean_honours(&mut errors, h));
        }
        validation::finish(errors)?;
        changes.version = Set(version + 1);
        changes.updated_at = Set(chrono::Utc::now());
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
        audit::record(
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

    /// Current members of many organizations, a page each (for loaders).
    /// `base` (numbered from `$3`, with `values`) narrowed to memberships of organizations whose
    /// people the principal may read.
    /// A person always sees their own memberships (`t.user_id`), current and former.
    fn people_filter(
        &self,
        principal: &Principal,
        base: &str,
        mut values: Vec<sea_orm::Value>,
    ) -> (String, Vec<sea_orm::Value>) {
        let scope = policy::people_organizations(principal);
        let (visible, extra) = scope::organization_in_sql(
            "t.organization_id",
            &scope,
            self.now().date_naive(),
            3 + values.len(),
        );
        values.extend(extra);
        values.push(policy::own_user(principal).map(|u| u.0).into());
        let own = values.len() + 2;
        (
            format!("({base}) AND ({visible} OR t.user_id = ${own})"),
            values,
        )
    }

    /// Current members of many organizations, a page each, where the principal may read them.
    pub async fn members_of_organizations(
        &self,
        principal: &Principal,
        organizations: &[Uuid],
        page: PageRequest,
    ) -> Result<HashMap<Uuid, Vec<organization_membership::Model>>, Error> {
        let (filter, values) = self.people_filter(
            principal,
            "t.left_on IS NULL OR t.left_on > $3",
            vec![self.now().date_naive().into()],
        );
        children::<organization_membership::Entity, _>(
            &self.db,
            ChildQuery {
                select: "t.*",
                from: "organization_memberships t",
                parent: "t.organization_id",
                filter: &filter,
                values,
            },
            organizations,
            page,
        )
        .await
    }

    pub async fn count_members_of_organizations(
        &self,
        principal: &Principal,
        organizations: &[Uuid],
    ) -> Result<HashMap<Uuid, i64>, Error> {
        let (filter, values) = self.people_filter(
            principal,
            "t.left_on IS NULL OR t.left_on > $3",
            vec![self.now().date_naive().into()],
        );
        counts(
            &self.db,
            "organization_memberships t",
            "t.organization_id",
            &filter,
            organizations,
            values,
        )
        .await
    }

    /// Memberships of many users, a page each; former ones too when `include_past`.
    /// Memberships of many users, a page each (former ones too when `include_past`), limited to
    /// organizations whose people the principal may read; the filter runs before the page is cut.
    pub async fn memberships_of_users(
        &self,
        principal: &Principal,
        users: &[Uuid],
        page: PageRequest,
        include_past: bool,
    ) -> Result<HashMap<Uuid, Vec<organization_membership::Model>>, Error> {
        let (filter, values) = self.people_filter(
            principal,
            "$4 OR t.left_on IS NULL OR t.left_on > $3",
            vec![self.now().date_naive().into(), include_past.into()],
        );
        children::<organization_membership::Entity, _>(
            &self.db,
            ChildQuery {
                select: "t.*",
                from: "organization_memberships t",
                parent: "t.user_id",
                filter: &filter,
                values,
            },
            users,
            page,
        )
        .await
    }

    pub async fn count_memberships_of_users(
        &self,
        principal: &Principal,
        users: &[Uuid],
        include_past: bool,
    ) -> Result<HashMap<Uuid, i64>, Error> {
        let (filter, values) = self.people_filter(
            principal,
            "$4 OR t.left_on IS NULL OR t.left_on > $3",
            vec![self.now().date_naive().into(), include_past.into()],
        );
        counts(
            &self.db,
            "organization_memberships t",
            "t.user_id",
            &filter,
            users,
            values,
        )
        .await
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

fn clean_honours(errors: &mut Vec<FieldError>, honours: Vec<String>) -> Vec<String> {
    let cleaned: Vec<String> = honours
        .into_iter()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .collect();
    if cleaned.len() > 50 {
        errors.push(FieldError::new("honours", "TOO_MANY", "at most 50 honours"));
    }
    for (i, honour) in cleaned.iter().enumerate() {
        if honour.chars().count() > 200 {
            errors.push(FieldError::new(
                format!("honours.{i}"),
                "TOO_LONG",
                "must be at most 200 characters",
            ));
        }
    }
    cleaned
}

impl Organizations<'_> {
    async fn membership_for_admin(
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
        audit::record(&txn, Actor::from(principal), "organization.update_member", "organization", Some(found.organization_id), json!({"membership": id, "position": updated.position, "isOrgAdmin": updated.is_org_admin})).await?;
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
        let left_on = left_on.unwrap_or_else(|| self.now().date_naive());
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
        audit::record(
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

    /// Attendance rate of organizations in an alliance's meetings so far: checked-in invitations over
    /// invitations, per organization (for alliance memberships).
    /// Only for alliances whose internal content the principal may read; none for the others.
    pub async fn attendance_rates(
        &self,
        principal: &Principal,
        memberships: &[Uuid],
    ) -> Result<HashMap<Uuid, f64>, Error> {
        let (internal, mut values) =
            scope::alliance_in_sql("am.alliance_id", &policy::internal_alliances(principal), 3);
        values.splice(0..0, [memberships.to_vec().into(), self.now().into()]);
        let rows = self
            .db
            .query_all_raw(stmt(
                &format!(
                    "SELECT am.id, count(a.id) AS invited, count(a.checked_in_at) AS present
                       FROM alliance_memberships am
                       JOIN meetings m ON m.alliance_id = am.alliance_id AND m.starts_at <= $2 AND m.status <> 'cancelled'
                       JOIN attendances a ON a.meeting_id = m.id AND a.organization_id = am.organization_id
                      WHERE am.id = ANY($1) AND {internal} GROUP BY am.id"
                ),
                values,
            ))
            .await?;
        let mut out = HashMap::new();
        for row in rows {
            let invited: i64 = row.try_get("", "invited")?;
            let present: i64 = row.try_get("", "present")?;
            if invited > 0 {
                out.insert(
                    row.try_get::<Uuid>("", "id")?,
                    present as f64 / invited as f64,
                );
            }
        }
        Ok(out)
    }
}

/// Member organizations and their people. The façade of this domain: `services.organizations()`.
pub struct Organizations<'a>(&'a crate::Services);

impl crate::Services {
    pub fn organizations(&self) -> Organizations<'_> {
        Organizations(self)
    }
}

impl std::ops::Deref for Organizations<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
