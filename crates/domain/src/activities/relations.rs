//! Batched parts of activities for the loaders: organizers, head-counts, participants and totals.
//! Every batch takes the principal and selects only rows of activities it may read; participants
//! (people's names) also need the alliance's internal content.

use super::Activities;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::scope;
use crate::policy::principal::Principal;
use crate::policy::{self, AllianceScope};
use chrono::{DateTime, Utc};
use sea_orm::{FromQueryResult, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// An organization that organizes an activity.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Organizer {
    pub activity_id: Uuid,
    pub organization_id: Uuid,
    /// `host` or `co_organizer`.
    pub role: String,
}

/// People without accounts counted for one organization.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Headcount {
    pub activity_id: Uuid,
    pub organization_id: Uuid,
    pub head_count: i32,
}

/// A person with an account taking part.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Participant {
    pub id: Uuid,
    pub activity_id: Uuid,
    pub user_id: Uuid,
    pub organization_id: Option<Uuid>,
    pub signed_up_at: Option<DateTime<Utc>>,
    pub checked_in_at: Option<DateTime<Utc>>,
}

/// How many took part.
#[derive(Debug, Clone, Copy, Default, FromQueryResult)]
pub struct ActivityTotals {
    pub activity_id: Uuid,
    pub signed_up: i64,
    pub checked_in: i64,
    pub head_count: i64,
}

/// `activity_id IN (activities of alliances in scope)`, parameters from `$2`.
fn visible(scope: &AllianceScope) -> (String, Vec<Value>) {
    let (inner, values) = scope::alliance_in_sql("alliance_id", scope, 2);
    (
        format!("activity_id IN (SELECT id FROM activities WHERE id = ANY($1) AND {inner})"),
        values,
    )
}

fn group<T>(rows: Vec<T>, key: impl Fn(&T) -> Uuid) -> HashMap<Uuid, Vec<T>> {
    let mut out: HashMap<Uuid, Vec<T>> = HashMap::new();
    for row in rows {
        out.entry(key(&row)).or_default().push(row);
    }
    out
}

impl Activities<'_> {
    async fn batch<T: FromQueryResult>(
        &self,
        sql: &str,
        ids: &[Uuid],
        scope: &AllianceScope,
    ) -> Result<Vec<T>, Error> {
        let (filter, values) = visible(scope);
        let sql = sql.replace("{visible}", &filter);
        let mut params = vec![Value::from(ids.to_vec())];
        params.extend(values);
        Ok(T::find_by_statement(stmt(&sql, params))
            .all(&self.db)
            .await?)
    }

    pub async fn organizers_of_activities(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<Organizer>>, Error> {
        let rows: Vec<Organizer> = self
            .batch(
                "SELECT activity_id, organization_id, role FROM activity_organizers
                  WHERE {visible} ORDER BY activity_id, role DESC, organization_id",
                ids,
                &policy::activity_alliances(principal),
            )
            .await?;
        Ok(group(rows, |r| r.activity_id))
    }

    pub async fn headcounts_of_activities(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<Headcount>>, Error> {
        let rows: Vec<Headcount> = self
            .batch(
                "SELECT activity_id, organization_id, head_count FROM activity_headcounts
                  WHERE {visible} ORDER BY activity_id, organization_id",
                ids,
                &policy::activity_alliances(principal),
            )
            .await?;
        Ok(group(rows, |r| r.activity_id))
    }

    /// Who signed up or checked in: only for those who may read the alliance's internal content.
    pub async fn participants_of_activities(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<Participant>>, Error> {
        let activities = policy::activity_alliances(principal);
        let internal = policy::internal_alliances(principal);
        let both = AllianceScope {
            all: activities.all && internal.all,
            ids: if activities.all {
                internal.ids.clone()
            } else if internal.all {
                activities.ids.clone()
            } else {
                activities
                    .ids
                    .iter()
                    .copied()
                    .filter(|a| internal.ids.contains(a))
                    .collect()
            },
            public: false,
        };
        let rows: Vec<Participant> = self
            .batch(
                "SELECT id, activity_id, user_id, organization_id, signed_up_at, checked_in_at
                   FROM activity_participants WHERE {visible}
                  ORDER BY activity_id, checked_in_at NULLS LAST, signed_up_at, id",
                ids,
                &both,
            )
            .await?;
        Ok(group(rows, |r| r.activity_id))
    }

    /// The viewer's own participation in each of `ids` (signed up, checked in).
    pub async fn own_participation(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, Participant>, Error> {
        let Some(me) = policy::own_user(principal) else {
            return Ok(HashMap::new());
        };
        let (filter, values) = visible(&policy::activity_alliances(principal));
        let sql = format!(
            "SELECT id, activity_id, user_id, organization_id, signed_up_at, checked_in_at
               FROM activity_participants WHERE {filter} AND user_id = $5"
        );
        let mut params = vec![Value::from(ids.to_vec())];
        params.extend(values);
        params.push(Value::from(me.0));
        let rows = Participant::find_by_statement(stmt(&sql, params))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|p| (p.activity_id, p)).collect())
    }

    pub async fn totals_of_activities(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, ActivityTotals>, Error> {
        let (filter, values) = visible(&policy::activity_alliances(principal));
        let filter = filter.replacen("activity_id IN", "a.id IN", 1);
        let sql = format!(
            "SELECT a.id AS activity_id,
                    (SELECT count(*) FROM activity_participants p WHERE p.activity_id = a.id AND p.signed_up_at IS NOT NULL) AS signed_up,
                    (SELECT count(*) FROM activity_participants p WHERE p.activity_id = a.id AND p.checked_in_at IS NOT NULL) AS checked_in,
                    (SELECT coalesce(sum(h.head_count), 0)::bigint FROM activity_headcounts h WHERE h.activity_id = a.id) AS head_count
               FROM activities a WHERE {filter}"
        );
        let mut params = vec![Value::from(ids.to_vec())];
        params.extend(values);
        let rows = ActivityTotals::find_by_statement(stmt(&sql, params))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|t| (t.activity_id, t)).collect())
    }
}
