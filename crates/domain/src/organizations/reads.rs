//! Reading organizations, their people and attendance as the principal may see them.

use super::*;
use crate::entities::{organization, organization_membership};
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::OrganizationId;
use crate::kernel::local_time;
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::relations::{ChildQuery, children, counts};
use crate::kernel::scope;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use sea_orm::sea_query::Expr;
use sea_orm::sea_query::extension::postgres::PgExpr;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

impl Organizations<'_> {
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
        let (visible, mut values) = scope::organization_in_sql("t.id", &scope, self.now(), 2);
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
            let today = local_time::today_sql("$1", "a.time_zone");
            let via = Expr::cust_with_values(
                format!("organizations.id IN (SELECT am.organization_id FROM alliance_memberships am JOIN alliances a ON a.id = am.alliance_id
                  WHERE am.joined_on <= {today} AND (am.left_on IS NULL OR am.left_on > {today})
                    AND (am.alliance_id = ANY($2) OR ($3 AND a.visibility = 'public')))"),
                [self.now().into(), sea_orm::Value::from(ids), alliances.public.into()],
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

    /// Current members of many organizations, a page each (for loaders).
    /// `base` (numbered from `$3`, with `values`) narrowed to memberships of organizations whose
    /// people the principal may read.
    /// A person always sees their own memberships (`t.user_id`), current and former.
    pub(crate) fn people_filter(
        &self,
        principal: &Principal,
        base: &str,
        mut values: Vec<sea_orm::Value>,
    ) -> (String, Vec<sea_orm::Value>) {
        let scope = policy::people_organizations(principal);
        let (visible, extra) =
            scope::organization_in_sql("t.organization_id", &scope, self.now(), 3 + values.len());
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
            vec![self.today().into()],
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
            vec![self.today().into()],
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
            vec![self.today().into(), include_past.into()],
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
            vec![self.today().into(), include_past.into()],
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
