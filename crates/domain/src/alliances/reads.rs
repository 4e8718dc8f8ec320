//! Reading alliances and their lists as the principal may see them (loaders and queries).

use super::*;
use crate::entities::{alliance, alliance_membership};
use crate::kernel::error::Error;
use crate::kernel::ids::AllianceId;
use crate::kernel::local_time;
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::relations::{ChildQuery, children, counts};
use crate::kernel::scope;
use crate::kernel::vocab::Visibility;
use crate::policy::principal::Principal;
use crate::policy::{self};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

impl Alliances<'_> {
    /// A child filter (`base` numbered from `$3` with `values`) narrowed to rows whose alliance
    /// (`column`) the principal may see.
    pub(crate) fn in_readable_alliances(
        &self,
        principal: &Principal,
        base: &str,
        column: &str,
        mut values: Vec<sea_orm::Value>,
    ) -> (String, Vec<sea_orm::Value>) {
        let (visible, extra) = scope::alliance_in_sql(
            column,
            &policy::readable_alliances(principal),
            3 + values.len(),
        );
        values.extend(extra);
        (format!("({base}) AND {visible}"), values)
    }

    /// `base` for alliance memberships `t` in effect or still to come as of now (`$3`), that is
    /// not yet left as of today in their alliance's zone.
    fn not_left(&self) -> (String, Vec<sea_orm::Value>) {
        let today = local_time::alliance_today_sql("$3", "t.alliance_id");
        (
            format!("t.left_on IS NULL OR t.left_on > {today}"),
            vec![self.now().into()],
        )
    }

    /// `base` for users' alliances `t` through current memberships: the alliance membership as
    /// of today in the alliance's zone (`$3` is now), the person's as of today in the deployment's
    /// zone (`$4`).
    fn through_current_memberships(&self) -> (String, Vec<sea_orm::Value>) {
        let today = local_time::today_sql("$3", "t.time_zone");
        (
            format!(
                "am.joined_on <= {today} AND (am.left_on IS NULL OR am.left_on > {today}) AND om.joined_on <= $4 AND (om.left_on IS NULL OR om.left_on > $4)"
            ),
            vec![self.now().into(), self.today().into()],
        )
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

    /// The alliances the principal may see; with `mine`, only those in which they hold a role.
    pub async fn alliances(
        &self,
        principal: &Principal,
        mine: bool,
        page: PageRequest,
    ) -> Result<(Page<alliance::Model>, u64), Error> {
        let scope = policy::readable_alliances(principal);
        let mut query = alliance::Entity::find();
        if mine {
            let ids = policy::role_alliances(principal);
            query = query
                .filter(alliance::Column::Id.is_in(ids.iter().map(|a| a.0).collect::<Vec<_>>()));
        } else if !scope.all {
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
        let (base, values) = self.through_current_memberships();
        let (filter, values) = self.in_readable_alliances(principal, &base, "t.id", values);
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
        let (base, values) = self.through_current_memberships();
        let (filter, values) = self.in_readable_alliances(principal, &base, "t.id", values);
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
        let (base, values) = self.not_left();
        let (filter, values) =
            self.in_readable_alliances(principal, &base, "t.alliance_id", values);
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
        let (base, values) = self.not_left();
        let (filter, values) =
            self.in_readable_alliances(principal, &base, "t.alliance_id", values);
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
        let (base, values) = self.not_left();
        let (filter, values) =
            self.in_readable_alliances(principal, &base, "t.alliance_id", values);
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
        let (base, values) = self.not_left();
        let (filter, values) =
            self.in_readable_alliances(principal, &base, "t.alliance_id", values);
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
}
