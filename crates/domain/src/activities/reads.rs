//! Reading activities: one by id (for the policy and the resolvers), the filtered list of an
//! alliance or of everything the viewer may see, and an organization's ledger.

use super::{Activities, ActivityKind, ActivityStatus, activity};
use crate::alliances::AllianceFacts;
use crate::entities::alliance;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::scope;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

/// An activity with what every decision on it needs: its alliance and its organizers.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub found: activity::Model,
    pub owner: alliance::Model,
    pub organizers: Vec<OrganizationId>,
}

impl Loaded {
    pub(crate) fn resource(&self) -> Resource<'_> {
        Resource::Activity {
            alliance: AllianceId(self.owner.id),
            public: AllianceFacts::of(&self.owner).public,
            organizers: &self.organizers,
        }
    }
}

impl Activities<'_> {
    /// The organizers (host first) of each of `ids`, without any check: for decisions only.
    pub(crate) async fn organizer_ids<C: ConnectionTrait>(
        &self,
        conn: &C,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<OrganizationId>>, Error> {
        let rows = conn
            .query_all_raw(stmt(
                "SELECT activity_id, organization_id FROM activity_organizers
                  WHERE activity_id = ANY($1) ORDER BY activity_id, role DESC, organization_id",
                [ids.to_vec().into()],
            ))
            .await?;
        let mut out: HashMap<Uuid, Vec<OrganizationId>> = HashMap::new();
        for row in rows {
            let activity: Uuid = row.try_get("", "activity_id")?;
            let org: Uuid = row.try_get("", "organization_id")?;
            out.entry(activity).or_default().push(OrganizationId(org));
        }
        Ok(out)
    }

    /// The activity with its alliance and organizers, if the principal may read it.
    pub(crate) async fn loaded(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<Loaded>, Error> {
        let Some(found) = activity::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(None);
        };
        let Some(owner) = alliance::Entity::find_by_id(found.alliance_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if !policy::can_in_alliance(principal, Action::ReadActivities, AllianceId(owner.id)) {
            return Ok(None);
        }
        let organizers = self
            .organizer_ids(&self.db, &[id])
            .await?
            .remove(&id)
            .unwrap_or_default();
        Ok(Some(Loaded {
            found,
            owner,
            organizers,
        }))
    }

    /// Loads an activity the principal may read and checks `action` on it (`NOT_FOUND` when it
    /// may not be read, `FORBIDDEN` when it may be read but not acted on).
    pub(crate) async fn loaded_for(
        &self,
        principal: &Principal,
        id: Uuid,
        action: Action,
    ) -> Result<Loaded, Error> {
        let loaded = self
            .loaded(principal, id)
            .await?
            .ok_or(Error::NotFound("activity"))?;
        let resource = match action {
            Action::ManageActivity => loaded.resource(),
            _ => Resource::Alliance {
                id: AllianceId(loaded.owner.id),
                public: false,
            },
        };
        policy::authorize(principal, action, resource)?;
        Ok(loaded)
    }

    /// One activity; `None` when it does not exist or the principal may not read it.
    pub async fn activity(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<activity::Model>, Error> {
        Ok(self
            .loaded(principal, id)
            .await?
            .map(|loaded| redact(principal, loaded)))
    }

    /// Whether the principal may manage `found` (edit, report, check people in, publish).
    pub async fn may_manage(
        &self,
        principal: &Principal,
        found: &activity::Model,
    ) -> Result<bool, Error> {
        let organizers = self
            .organizer_ids(&self.db, &[found.id])
            .await?
            .remove(&found.id)
            .unwrap_or_default();
        Ok(policy::can(
            principal,
            Action::ManageActivity,
            Resource::Activity {
                alliance: AllianceId(found.alliance_id),
                public: false,
                organizers: &organizers,
            },
        ))
    }

    /// Activities the principal may read, newest start first; optionally one alliance, a status
    /// and a kind.
    pub async fn activities(
        &self,
        principal: &Principal,
        page: PageRequest,
        alliance_id: Option<AllianceId>,
        status: Option<ActivityStatus>,
        kind: Option<ActivityKind>,
    ) -> Result<(Page<activity::Model>, u64), Error> {
        let mut query = activity::Entity::find().filter(scope::alliance_in(
            "activities.alliance_id",
            &policy::activity_alliances(principal),
        ));
        if let Some(alliance) = alliance_id {
            query = query.filter(activity::Column::AllianceId.eq(alliance.0));
        }
        if let Some(status) = status {
            query = query.filter(activity::Column::Status.eq(status));
        }
        if let Some(kind) = kind {
            query = query.filter(activity::Column::Kind.eq(kind));
        }
        let filtered = query.clone();
        if let Some(after) = page.after {
            query = query.filter(Expr::cust_with_values(
                "(activities.starts_at, activities.id) < (SELECT starts_at, id FROM activities WHERE id = $1)",
                [after],
            ));
        }
        let ordered = query
            .order_by_desc(activity::Column::StartsAt)
            .order_by_desc(activity::Column::Id)
            .limit(page.limit());
        let (rows, total) =
            crate::kernel::pagination::rows_and_count(&self.db, &filtered, ordered, page).await?;
        let rows = self.redact_all(principal, rows).await?;
        Ok((Page::from_rows(rows, page), total))
    }

    /// The ledgers of `organizations`: activities each hosted or co-organized, newest first, only
    /// of alliances whose activities the principal may read (for the loaders).
    pub async fn activities_of_organizations(
        &self,
        principal: &Principal,
        organizations: &[Uuid],
        page: PageRequest,
    ) -> Result<HashMap<Uuid, Vec<activity::Model>>, Error> {
        let (visible, mut values) =
            scope::alliance_in_sql("a.alliance_id", &policy::activity_alliances(principal), 3);
        let after = match page.after {
            Some(_) => {
                "AND (a.starts_at, a.id) < (SELECT starts_at, id FROM activities WHERE id = $2)"
            }
            None => "",
        };
        let sql = format!(
            "SELECT o.organization_id AS ledger_org, a.* FROM activity_organizers o
               JOIN activities a ON a.id = o.activity_id
              WHERE o.organization_id = ANY($1) AND {visible} {after}
              ORDER BY a.starts_at DESC, a.id DESC"
        );
        let mut params = vec![
            sea_orm::Value::from(organizations.to_vec()),
            sea_orm::Value::from(page.after),
        ];
        params.append(&mut values);
        let rows = self.db.query_all_raw(stmt(&sql, params)).await?;
        let mut out: HashMap<Uuid, Vec<activity::Model>> = HashMap::new();
        for row in rows {
            let org: Uuid = row.try_get("", "ledger_org")?;
            let list = out.entry(org).or_default();
            if (list.len() as u64) < page.limit() {
                let model =
                    <activity::Model as sea_orm::FromQueryResult>::from_query_result(&row, "")?;
                list.push(model);
            }
        }
        for (_, list) in out.iter_mut() {
            let rows = std::mem::take(list);
            *list = self.redact_all(principal, rows).await?;
        }
        Ok(out)
    }

    /// The activities serving each of `commitments`, newest first, only of alliances whose
    /// activities the principal may read (for the loaders under an authorized commitment).
    pub async fn activities_of_commitments(
        &self,
        principal: &Principal,
        commitments: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<activity::Model>>, Error> {
        let rows = activity::Entity::find()
            .filter(scope::alliance_in(
                "activities.alliance_id",
                &policy::activity_alliances(principal),
            ))
            .filter(activity::Column::CommitmentId.is_in(commitments.to_vec()))
            .order_by_desc(activity::Column::StartsAt)
            .order_by_desc(activity::Column::Id)
            .all(&self.db)
            .await?;
        let mut out: HashMap<Uuid, Vec<activity::Model>> = HashMap::new();
        for row in self.redact_all(principal, rows).await? {
            if let Some(commitment) = row.commitment_id {
                out.entry(commitment).or_default().push(row);
            }
        }
        Ok(out)
    }

    /// How many activities each of `organizations` hosted or co-organized (readable ones only).
    pub async fn count_activities_of_organizations(
        &self,
        principal: &Principal,
        organizations: &[Uuid],
    ) -> Result<HashMap<Uuid, i64>, Error> {
        let (visible, mut values) =
            scope::alliance_in_sql("a.alliance_id", &policy::activity_alliances(principal), 2);
        let sql = format!(
            "SELECT o.organization_id, count(*) AS n FROM activity_organizers o
               JOIN activities a ON a.id = o.activity_id
              WHERE o.organization_id = ANY($1) AND {visible}
              GROUP BY o.organization_id"
        );
        let mut params = vec![sea_orm::Value::from(organizations.to_vec())];
        params.append(&mut values);
        let rows = self.db.query_all_raw(stmt(&sql, params)).await?;
        let mut out = HashMap::new();
        for row in rows {
            out.insert(row.try_get("", "organization_id")?, row.try_get("", "n")?);
        }
        Ok(out)
    }

    async fn redact_all(
        &self,
        principal: &Principal,
        rows: Vec<activity::Model>,
    ) -> Result<Vec<activity::Model>, Error> {
        let ids: Vec<Uuid> = rows.iter().map(|a| a.id).collect();
        let mut organizers = self.organizer_ids(&self.db, &ids).await?;
        Ok(rows
            .into_iter()
            .map(|found| {
                let organizers = organizers.remove(&found.id).unwrap_or_default();
                let owner = AllianceId(found.alliance_id);
                redact_with(principal, found, owner, &organizers)
            })
            .collect())
    }
}

/// The check-in code is for those who manage the activity: for everyone else it reads as empty.
pub(crate) fn redact(principal: &Principal, loaded: Loaded) -> activity::Model {
    let owner = AllianceId(loaded.owner.id);
    redact_with(principal, loaded.found, owner, &loaded.organizers)
}

fn redact_with(
    principal: &Principal,
    mut found: activity::Model,
    alliance: AllianceId,
    organizers: &[OrganizationId],
) -> activity::Model {
    if !policy::can(
        principal,
        Action::ManageActivity,
        Resource::Activity {
            alliance,
            public: false,
            organizers,
        },
    ) {
        found.check_in_code = String::new();
    }
    found
}
