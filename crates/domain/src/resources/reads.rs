//! Reading shared resources and bookings: one by id, by ids for loaders, the registry, an
//! alliance's resources and a resource's calendar. Every query is filtered by the policy's
//! `resource_readers` scope in SQL, before a page is cut.

use super::{MAX_BOOKINGS_IN_WINDOW, Resources};
use crate::entities::{resource_booking, shared_resource};
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::relations::{ChildQuery, children, counts};
use crate::kernel::vocab::ResourceKind;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource, ResourceScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Value,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The scope as SQL over a `shared_resources` row named `r`, parameters from `$first`.
fn resource_in_sql(r: &str, scope: &ResourceScope, first: usize) -> (String, Vec<Value>) {
    let (a, b, c) = (first, first + 1, first + 2);
    (
        format!(
            "(${a} OR {r}.organization_id = ANY(${b}) OR {r}.id IN (
                SELECT resource_id FROM shared_resource_alliances WHERE alliance_id = ANY(${c})))"
        ),
        scope_values(scope),
    )
}

/// The scope as SQL over a booking `b` of the resource `r`: the owner's people, and the people of
/// the alliance the booking was made in.
fn booking_in_sql(b: &str, r: &str, scope: &ResourceScope, first: usize) -> (String, Vec<Value>) {
    let (x, y, z) = (first, first + 1, first + 2);
    (
        format!("(${x} OR {r}.organization_id = ANY(${y}) OR {b}.alliance_id = ANY(${z}))"),
        scope_values(scope),
    )
}

fn scope_values(scope: &ResourceScope) -> Vec<Value> {
    vec![
        Value::from(scope.all),
        Value::from(scope.owners.iter().map(|o| o.0).collect::<Vec<_>>()),
        Value::from(scope.alliances.iter().map(|a| a.0).collect::<Vec<_>>()),
    ]
}

/// The alliances each resource is offered to (facts for decisions; no rows are shown from here).
pub(super) async fn offered_alliances<C: ConnectionTrait>(
    conn: &C,
    resources: &[Uuid],
) -> Result<HashMap<Uuid, Vec<AllianceId>>, Error> {
    let rows = conn
        .query_all_raw(stmt(
            "SELECT resource_id, alliance_id FROM shared_resource_alliances
              WHERE resource_id = ANY($1) ORDER BY alliance_id",
            [resources.to_vec().into()],
        ))
        .await?;
    let mut out: HashMap<Uuid, Vec<AllianceId>> = HashMap::new();
    for row in rows {
        out.entry(row.try_get("", "resource_id")?)
            .or_default()
            .push(AllianceId(row.try_get("", "alliance_id")?));
    }
    Ok(out)
}

impl Resources<'_> {
    /// The resource with the alliances it is offered to, if the principal may see it.
    pub(super) async fn resource_with_alliances(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<(shared_resource::Model, Vec<AllianceId>)>, Error> {
        let Some(found) = shared_resource::Entity::find_by_id(id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let alliances = offered_alliances(&self.db, &[id])
            .await?
            .remove(&id)
            .unwrap_or_default();
        let visible = policy::can(
            principal,
            Action::ReadSharedResource,
            Resource::SharedResource {
                owner: OrganizationId(found.organization_id),
                alliances: &alliances,
            },
        );
        Ok(visible.then_some((found, alliances)))
    }

    /// A resource the principal may see, checked for `action` (`NOT_FOUND` when it is hidden).
    pub(super) async fn resource_for(
        &self,
        principal: &Principal,
        id: Uuid,
        action: Action,
    ) -> Result<(shared_resource::Model, Vec<AllianceId>), Error> {
        let (found, alliances) = self
            .resource_with_alliances(principal, id)
            .await?
            .ok_or(Error::NotFound("shared resource"))?;
        policy::authorize(
            principal,
            action,
            Resource::SharedResource {
                owner: OrganizationId(found.organization_id),
                alliances: &alliances,
            },
        )?;
        Ok((found, alliances))
    }

    /// One shared resource; `None` when it does not exist or the principal may not see it.
    pub async fn resource(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<shared_resource::Model>, Error> {
        Ok(self
            .resource_with_alliances(principal, id)
            .await?
            .map(|(r, _)| r))
    }

    /// The resources among `ids` the principal may see (for loaders).
    pub async fn resources_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, shared_resource::Model>, Error> {
        let (filter, values) = resource_in_sql("r", &policy::resource_readers(principal), 2);
        let rows = shared_resource::Model::find_by_statement(stmt(
            &format!("SELECT r.* FROM shared_resources r WHERE r.id = ANY($1) AND {filter}"),
            std::iter::once(Value::from(ids.to_vec())).chain(values),
        ))
        .all(&self.db)
        .await?;
        Ok(rows.into_iter().map(|r| (r.id, r)).collect())
    }

    /// The alliances each visible resource among `ids` is offered to (for loaders; the alliances
    /// themselves are loaded through the alliances' own visibility).
    pub async fn offered_alliances_of(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<Uuid>>, Error> {
        let visible: Vec<Uuid> = self
            .resources_visible(principal, ids)
            .await?
            .into_keys()
            .collect();
        Ok(offered_alliances(&self.db, &visible)
            .await?
            .into_iter()
            .map(|(r, a)| (r, a.into_iter().map(|a| a.0).collect()))
            .collect())
    }

    /// The registry: resources the principal may see, oldest first, optionally offered to one
    /// alliance and of one kind; withdrawn ones only when asked for.
    pub async fn resources(
        &self,
        principal: &Principal,
        page: PageRequest,
        alliance: Option<AllianceId>,
        kind: Option<ResourceKind>,
        include_withdrawn: bool,
    ) -> Result<(Page<shared_resource::Model>, u64), Error> {
        let (filter, values) =
            resource_in_sql("shared_resources", &policy::resource_readers(principal), 1);
        let mut query =
            shared_resource::Entity::find().filter(Expr::cust_with_values(filter, values));
        if let Some(alliance) = alliance {
            query = query.filter(Expr::cust_with_values(
                "shared_resources.id IN (SELECT resource_id FROM shared_resource_alliances WHERE alliance_id = $1)",
                [alliance.0],
            ));
        }
        if let Some(kind) = kind {
            query = query.filter(shared_resource::Column::Kind.eq(kind));
        }
        if !include_withdrawn {
            query = query.filter(shared_resource::Column::WithdrawnAt.is_null());
        }
        let filtered = query.clone();
        if let Some(after) = page.after {
            query = query.filter(shared_resource::Column::Id.gt(after));
        }
        let ordered = query
            .order_by_asc(shared_resource::Column::Id)
            .limit(page.limit());
        let (rows, total) =
            crate::kernel::pagination::rows_and_count(&self.db, &filtered, ordered, page).await?;
        Ok((Page::from_rows(rows, page), total))
    }

    /// The resources currently offered (not withdrawn) to many alliances, a page each (for loaders).
    pub async fn resources_of_alliances(
        &self,
        principal: &Principal,
        alliances: &[Uuid],
        page: PageRequest,
    ) -> Result<HashMap<Uuid, Vec<shared_resource::Model>>, Error> {
        let (filter, values) = resource_in_sql("t", &policy::resource_readers(principal), 3);
        children::<shared_resource::Entity, _>(
            &self.db,
            ChildQuery {
                select: "t.*",
                from: "shared_resources t JOIN shared_resource_alliances sra ON sra.resource_id = t.id",
                parent: "sra.alliance_id",
                filter: &format!("t.withdrawn_at IS NULL AND {filter}"),
                values,
            },
            alliances,
            page,
        )
        .await
    }

    /// `totalCount` of [`Self::resources_of_alliances`].
    pub async fn count_resources_of_alliances(
        &self,
        principal: &Principal,
        alliances: &[Uuid],
    ) -> Result<HashMap<Uuid, i64>, Error> {
        let (filter, values) = resource_in_sql("t", &policy::resource_readers(principal), 3);
        counts(
            &self.db,
            "shared_resources t JOIN shared_resource_alliances sra ON sra.resource_id = t.id",
            "sra.alliance_id",
            &format!("t.withdrawn_at IS NULL AND {filter}"),
            alliances,
            values,
        )
        .await
    }

    /// The bookings of many resources that the principal may see and that touch the window
    /// [`from`, `to`), by start time, at most [`MAX_BOOKINGS_IN_WINDOW`] per resource (for loaders).
    pub async fn bookings_of_resources(
        &self,
        principal: &Principal,
        resources: &[Uuid],
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> Result<HashMap<Uuid, Vec<resource_booking::Model>>, Error> {
        let (filter, values) = booking_in_sql("b", "r", &policy::resource_readers(principal), 4);
        let sql = format!(
            "SELECT * FROM (
               SELECT b.*, row_number() OVER (PARTITION BY b.resource_id ORDER BY b.starts_at, b.id) AS n
                 FROM resource_bookings b JOIN shared_resources r ON r.id = b.resource_id
                WHERE b.resource_id = ANY($1)
                  AND ($2::timestamptz IS NULL OR b.ends_at > $2)
                  AND ($3::timestamptz IS NULL OR b.starts_at < $3)
                  AND {filter}) numbered
              WHERE n <= {MAX_BOOKINGS_IN_WINDOW} ORDER BY starts_at, id"
        );
        let mut all: Vec<Value> = vec![resources.to_vec().into(), from.into(), to.into()];
        all.extend(values);
        let rows = resource_booking::Model::find_by_statement(stmt(&sql, all))
            .all(&self.db)
            .await?;
        let mut out: HashMap<Uuid, Vec<resource_booking::Model>> = HashMap::new();
        for row in rows {
            out.entry(row.resource_id).or_default().push(row);
        }
        Ok(out)
    }

    /// The bookings among `ids` the principal may see (for loaders and `node(id:)`).
    pub async fn bookings_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, resource_booking::Model>, Error> {
        let (filter, values) = booking_in_sql("b", "r", &policy::resource_readers(principal), 2);
        let rows = resource_booking::Model::find_by_statement(stmt(
            &format!(
                "SELECT b.* FROM resource_bookings b JOIN shared_resources r ON r.id = b.resource_id
                  WHERE b.id = ANY($1) AND {filter}"
            ),
            std::iter::once(Value::from(ids.to_vec())).chain(values),
        ))
        .all(&self.db)
        .await?;
        Ok(rows.into_iter().map(|b| (b.id, b)).collect())
    }

    /// One booking; `None` when it does not exist or the principal may not see it.
    pub async fn booking(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<resource_booking::Model>, Error> {
        Ok(self.bookings_visible(principal, &[id]).await?.remove(&id))
    }

    /// A booking the principal may see with its resource, checked for `action` (`NOT_FOUND` when
    /// hidden).
    pub(super) async fn booking_for(
        &self,
        principal: &Principal,
        id: Uuid,
        action: Action,
    ) -> Result<(resource_booking::Model, shared_resource::Model), Error> {
        let booking = self
            .booking(principal, id)
            .await?
            .ok_or(Error::NotFound("resource booking"))?;
        let resource = shared_resource::Entity::find_by_id(booking.resource_id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("resource booking"))?;
        policy::authorize(principal, action, booking_resource(&booking, &resource))?;
        Ok((booking, resource))
    }
}

/// The policy's view of a booking.
pub(super) fn booking_resource(
    booking: &resource_booking::Model,
    resource: &shared_resource::Model,
) -> Resource<'static> {
    Resource::ResourceBooking {
        alliance: AllianceId(booking.alliance_id),
        owner: OrganizationId(resource.organization_id),
        requester: OrganizationId(booking.requesting_organization_id),
    }
}
