//! The rotation engine: the lead schedule is generated round-robin from the members' rotation
//! order and the alliance's period, edited (swap, skip), and re-planned when members join or
//! leave. Past and current terms never change. Who leads is read from the calendar at request
//! time, so rights switch at the boundary without any job running.
//!
//! Terms begin and end at the alliance's local midnight (`kernel::local_time`), and "today" is the
//! alliance's local date. Every edit takes the schedule's version, locks the schedule and checks
//! the rotation's invariant before it commits: see `cycles` for the definitions.

mod cycles;
mod edits;
mod handover;
mod swap;

pub use cycles::first_broken_cycle;

use crate::alliances::AllianceFacts;
use crate::entities::{alliance, lead_term, organization};
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, on_constraint};
use crate::kernel::ids::{AllianceId, LeadTermId, OrganizationId};
use crate::kernel::local_time::{local_date, start_of_day};
use crate::kernel::scope;
use crate::kernel::vocab::RotationPeriod;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

pub const MAX_TERMS: i32 = 48;
const OVERLAP: (&str, &str, &str, &str) = (
    "lead_term_no_overlap",
    "startsAt",
    "OVERLAP",
    "the term overlaps another lead term of the alliance",
);

/// The day after `start` by one rotation period.
pub fn next_start(period: RotationPeriod, start: NaiveDate) -> NaiveDate {
    crate::seed::add_period(period, start)
}

/// Round-robin plan: `count` terms from `from`, starting with the member after `previous` in
/// rotation order (the first member when there is none).
pub fn plan(
    members: &[(OrganizationId, i32)],
    previous: Option<OrganizationId>,
    period: RotationPeriod,
    from: NaiveDate,
    count: usize,
) -> Vec<(OrganizationId, NaiveDate, NaiveDate)> {
    let mut order: Vec<(OrganizationId, i32)> = members.to_vec();
    order.sort_by_key(|(org, rank)| (*rank, org.0));
    if order.is_empty() {
        return Vec::new();
    }
    let mut index = previous
        .and_then(|p| order.iter().position(|(o, _)| *o == p))
        .map_or(0, |i| (i + 1) % order.len());
    let mut start = from;
    let mut terms = Vec::with_capacity(count);
    for _ in 0..count {
        let end = next_start(period, start);
        terms.push((order[index].0, start, end));
        index = (index + 1) % order.len();
        start = end;
    }
    terms
}

/// Inserts planned terms, from local midnight to local midnight in `zone`, as the plan named
/// `plan_starts_at` (see `cycles`). The ids (and versions) of `replaced` terms, deleted by the caller,
/// are given to the new terms in order, so a client that holds a term's id and the schedule's
/// version meets `CONFLICT`, not `NOT_FOUND`, after a re-plan. An overlap with a remaining term
/// becomes a field error.
async fn insert_terms<C: ConnectionTrait>(
    conn: &C,
    alliance: Uuid,
    zone: Tz,
    terms: Vec<(OrganizationId, NaiveDate, NaiveDate)>,
    plan_starts_at: DateTime<Utc>,
    replaced: &[lead_term::Model],
    now: DateTime<Utc>,
) -> Result<Vec<lead_term::Model>, Error> {
    let mut created = Vec::with_capacity(terms.len());
    for (i, (org, begins, ends)) in terms.into_iter().enumerate() {
        let (id, version) = replaced
            .get(i)
            .map_or((LeadTermId::new().0, 1), |old| (old.id, old.version + 1));
        let term = lead_term::ActiveModel {
            id: Set(id),
            alliance_id: Set(alliance),
            organization_id: Set(org.0),
            starts_at: Set(start_of_day(begins, zone)),
            ends_at: Set(start_of_day(ends, zone)),
            handover_report: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(version),
            plan_starts_at: Set(plan_starts_at),
        }
        .insert(conn)
        .await
        .map_err(|e| on_constraint(e, &[OVERLAP]))?;
        created.push(term);
    }
    Ok(created)
}

/// A lead term and its lead unit, when the principal may see that organization.
#[derive(Debug, Clone)]
pub struct TermWithLead {
    pub term: lead_term::Model,
    pub organization: Option<organization::Model>,
}

impl Rotation<'_> {
    /// The whole schedule of alliances the principal may see, in order; handover reports only for
    /// those who may read the alliance's internal content.
    pub async fn lead_terms_of_alliances(
        &self,
        principal: &Principal,
        alliances: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<lead_term::Model>>, Error> {
        let rows = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.is_in(alliances.to_vec()))
            .filter(scope::alliance_in(
                "lead_terms.alliance_id",
                &policy::readable_alliances(principal),
            ))
            .order_by_asc(lead_term::Column::StartsAt)
            .all(&self.db)
            .await?;
        let internal = policy::internal_alliances(principal);
        let mut out: HashMap<Uuid, Vec<lead_term::Model>> = HashMap::new();
        for mut row in rows {
            if !internal.contains(AllianceId(row.alliance_id), false) {
                row.handover_report = None;
            }
            out.entry(row.alliance_id).or_default().push(row);
        }
        Ok(out)
    }

    /// `lead_terms_of_alliances` with each term's lead unit joined in the same statement, when the
    /// principal may see that organization (as `organizations_visible` decides): for the loaders,
    /// which answer `currentLead { organization }` without a second statement.
    pub async fn lead_terms_with_organizations(
        &self,
        principal: &Principal,
        alliances: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<TermWithLead>>, Error> {
        use sea_orm::{FromQueryResult, IdenStatic, Iterable};
        let (alliance_visible, alliance_values) =
            scope::alliance_in_sql("t.alliance_id", &policy::readable_alliances(principal), 2);
        let (organization_visible, organization_values) = scope::organization_in_sql(
            "o.id",
            &policy::readable_organizations(principal),
            self.now(),
            2 + alliance_values.len(),
        );
        let organization_columns = organization::Column::iter()
            .map(|c| format!("o.{0} AS o_{0}", c.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let mut values = vec![sea_orm::Value::from(alliances.to_vec())];
        values.extend(alliance_values);
        values.extend(organization_values);
        let rows = self
            .db
            .query_all_raw(stmt(
                &format!(
                    "SELECT t.*, {organization_columns} FROM lead_terms t
                     LEFT JOIN organizations o ON o.id = t.organization_id AND {organization_visible}
                     WHERE t.alliance_id = ANY($1) AND {alliance_visible}
                     ORDER BY t.starts_at"
                ),
                values,
            ))
            .await?;
        let internal = policy::internal_alliances(principal);
        let mut out: HashMap<Uuid, Vec<TermWithLead>> = HashMap::new();
        for row in rows {
            let mut term = lead_term::Model::from_query_result(&row, "")?;
            if !internal.contains(AllianceId(term.alliance_id), false) {
                term.handover_report = None;
            }
            let organization = match row.try_get::<Option<Uuid>>("", "o_id")? {
                Some(_) => Some(organization::Model::from_query_result(&row, "o_")?),
                None => None,
            };
            out.entry(term.alliance_id)
                .or_default()
                .push(TermWithLead { term, organization });
        }
        Ok(out)
    }

    /// One lead term, as `lead_terms_of_alliances` shows it to the principal.
    pub async fn lead_term_visible(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<lead_term::Model>, Error> {
        let Some(term) = lead_term::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(None);
        };
        Ok(self
            .lead_terms_of_alliances(principal, &[term.alliance_id])
            .await?
            .remove(&term.alliance_id)
            .and_then(|terms| terms.into_iter().find(|t| t.id == id)))
    }

    /// The organization leading `alliance` at `at`, if any.
    pub async fn lead_at<C: ConnectionTrait>(
        &self,
        conn: &C,
        alliance: Uuid,
        at: DateTime<Utc>,
    ) -> Result<Option<lead_term::Model>, Error> {
        Ok(lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(alliance))
            .filter(lead_term::Column::StartsAt.lte(at))
            .filter(lead_term::Column::EndsAt.gt(at))
            .one(conn)
            .await?)
    }

    async fn rotation_guard(
        &self,
        principal: &Principal,
        alliance: AllianceId,
    ) -> Result<alliance::Model, Error> {
        let found = self
            .alliances()
            .alliance_readable(principal, alliance)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        policy::authorize(
            principal,
            Action::ManageRotation,
            AllianceFacts::of(&found).resource(),
        )?;
        Ok(found)
    }
}

/// Used by the seed to build a schedule around today without a principal.
/// `current_index`: which of the planned terms is the current one; the first member leads it.
#[allow(clippy::too_many_arguments)]
pub async fn seed_schedule<C: ConnectionTrait>(
    conn: &C,
    alliance: Uuid,
    zone: Tz,
    now: DateTime<Utc>,
    members: &[(OrganizationId, i32)],
    period: RotationPeriod,
    first_start: NaiveDate,
    count: usize,
    current_index: usize,
) -> Result<(), Error> {
    let exists = conn
        .query_one_raw(stmt(
            "SELECT 1 AS found FROM lead_terms WHERE alliance_id = $1 LIMIT 1",
            [alliance.into()],
        ))
        .await?;
    if exists.is_some() {
        return Ok(());
    }
    let mut order = members.to_vec();
    order.sort_by_key(|(org, rank)| (*rank, org.0));
    let n = order.len();
    // The member just before the first planned term, so that the first member leads the current one.
    let previous = (n > 0).then(|| order[(n * (current_index + 1) - current_index - 1) % n].0);
    insert_terms(
        conn,
        alliance,
        zone,
        plan(members, previous, period, first_start, count),
        start_of_day(first_start.max(local_date(now, zone)), zone),
        &[],
        now,
    )
    .await?;
    Ok(())
}

/// The rotating lead unit: schedules, edits and handover reports. The façade of this domain: `services.rotation()`.
pub struct Rotation<'a>(&'a crate::Services);

impl crate::Services {
    pub fn rotation(&self) -> Rotation<'_> {
        Rotation(self)
    }
}

impl std::ops::Deref for Rotation<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn round_robin_for_every_period() {
        let (a, b, c) = (
            OrganizationId::new(),
            OrganizationId::new(),
            OrganizationId::new(),
        );
        let members = [(c, 2), (a, 0), (b, 1)];
        for (period, second_start) in [
            (RotationPeriod::Month, d(2027, 2, 1)),
            (RotationPeriod::Quarter, d(2027, 4, 1)),
            (RotationPeriod::HalfYear, d(2027, 7, 1)),
            (RotationPeriod::Year, d(2028, 1, 1)),
        ] {
            let terms = plan(&members, None, period, d(2027, 1, 1), 4);
            let orgs: Vec<_> = terms.iter().map(|t| t.0).collect();
            assert_eq!(orgs, vec![a, b, c, a], "{period:?}");
            assert_eq!(terms[0].2, second_start, "{period:?}");
            assert!(
                terms.windows(2).all(|w| w[0].2 == w[1].1),
                "terms are contiguous"
            );
        }
        let after_b = plan(&members, Some(b), RotationPeriod::Quarter, d(2027, 1, 1), 2);
        assert_eq!(after_b.iter().map(|t| t.0).collect::<Vec<_>>(), vec![c, a]);
        let unknown_previous = plan(
            &members,
            Some(OrganizationId::new()),
            RotationPeriod::Quarter,
            d(2027, 1, 1),
            1,
        );
        assert_eq!(unknown_previous[0].0, a);
        assert!(plan(&[], None, RotationPeriod::Year, d(2027, 1, 1), 3).is_empty());
    }
}
