//! The rotation engine: the lead schedule is generated round-robin from the members' rotation
//! order and the alliance's period, edited (swap, skip), and re-planned when members join or
//! leave. Past and current terms never change. Who leads is read from the calendar at request
//! time, so rights switch at the boundary without any job running.

use crate::alliances::AllianceFacts;
use crate::entities::{alliance, alliance_membership, lead_term};
use crate::kernel::audit::{self, Actor};
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, on_constraint};
use crate::kernel::ids::{AllianceId, LeadTermId, OrganizationId};
use crate::kernel::scope;
use crate::kernel::vocab::RotationPeriod;
use crate::notifications::Notice;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

pub const MAX_TERMS: i32 = 48;
const OVERLAP: (&str, &str, &str, &str) = (
    "lead_term_no_overlap",
    "startsAt",
    "OVERLAP",
    "the term overlaps another lead term of the alliance",
);

pub fn midnight(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default())
}

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

/// Inserts planned terms; an overlap with an existing term becomes a field error.
async fn insert_terms<C: ConnectionTrait>(
    conn: &C,
    alliance: Uuid,
    terms: Vec<(OrganizationId, NaiveDate, NaiveDate)>,
) -> Result<Vec<lead_term::Model>, Error> {
    let now = Utc::now();
    let mut created = Vec::with_capacity(terms.len());
    for (org, begins, ends) in terms {
        let term = lead_term::ActiveModel {
            id: Set(LeadTermId::new().0),
            alliance_id: Set(alliance),
            organization_id: Set(org.0),
            starts_at: Set(midnight(begins)),
            ends_at: Set(midnight(ends)),
            handover_report: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(conn)
        .await
        .map_err(|e| on_constraint(e, &[OVERLAP]))?;
        created.push(term);
    }
    Ok(created)
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

    /// Replaces every term that starts at or after `from` with a fresh round-robin plan.
    pub async fn generate_lead_schedule(
        &self,
        principal: &Principal,
        alliance_id: AllianceId,
        from: Option<NaiveDate>,
        terms: Option<i32>,
    ) -> Result<Vec<lead_term::Model>, Error> {
        let found = self.rotation_guard(principal, alliance_id).await?;
        if let Some(n) = terms
            && !(1..=MAX_TERMS).contains(&n)
        {
            return Err(Error::invalid(
                "terms",
                "OUT_OF_RANGE",
                format!("between 1 and {MAX_TERMS} terms"),
            ));
        }
        let txn = self.db.begin().await?;
        let now = self.now();
        let members = self
            .current_members(&txn, alliance_id, now.date_naive())
            .await?;
        if members.is_empty() {
            return Err(Error::invalid(
                "allianceId",
                "NO_MEMBERS",
                "the alliance has no member organizations to rotate",
            ));
        }
        let period =
            RotationPeriod::parse(&found.rotation_period).unwrap_or(RotationPeriod::Quarter);
        let current = self.lead_at(&txn, alliance_id.0, now).await?;
        let from = match from {
            Some(date) => date,
            None => match &current {
                Some(term) => term.ends_at.date_naive(),
                None => crate::seed::period_start(period, now.date_naive()),
            },
        };
        if current.as_ref().is_some_and(|t| t.ends_at > midnight(from)) {
            return Err(Error::invalid(
                "from",
                "IN_CURRENT_TERM",
                "the schedule can only be re-planned from the end of the current term",
            ));
        }
        // Past terms never change.
        let started = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(alliance_id.0))
            .filter(lead_term::Column::StartsAt.gte(midnight(from)))
            .filter(lead_term::Column::StartsAt.lte(now))
            .one(&txn)
            .await?;
        if started.is_some() {
            return Err(Error::invalid(
                "from",
                "PAST_TERM",
                "past terms cannot be re-planned",
            ));
        }
        let count = usize::try_from(terms.unwrap_or(i32::try_from(members.len()).unwrap_or(1)))
            .unwrap_or(1);
        let planned = self
            .replan(&txn, alliance_id, &members, period, from, count)
            .await?;
        audit::record(
            &txn,
            Actor::from(principal),
            "rotation.generate",
            "alliance",
            Some(alliance_id.0),
            json!({"from": from, "terms": count}),
        )
        .await?;
        txn.commit().await?;
        Ok(planned)
    }

    async fn current_members(
        &self,
        txn: &DatabaseTransaction,
        alliance: AllianceId,
        on: NaiveDate,
    ) -> Result<Vec<(OrganizationId, i32)>, Error> {
        let rows = alliance_membership::Entity::find()
            .filter(alliance_membership::Column::AllianceId.eq(alliance.0))
            .filter(alliance_membership::Column::JoinedOn.lte(on))
            .all(txn)
            .await?;
        Ok(rows
            .into_iter()
            .filter(|m| m.left_on.is_none_or(|l| l > on))
            .map(|m| (OrganizationId(m.organization_id), m.rotation_order))
            .collect())
    }

    /// Deletes terms starting at or after `from` and inserts `count` new ones.
    async fn replan(
        &self,
        txn: &DatabaseTransaction,
        alliance: AllianceId,
        members: &[(OrganizationId, i32)],
        period: RotationPeriod,
        from: NaiveDate,
        count: usize,
    ) -> Result<Vec<lead_term::Model>, Error> {
        let start = midnight(from);
        lead_term::Entity::delete_many()
            .filter(lead_term::Column::AllianceId.eq(alliance.0))
            .filter(lead_term::Column::StartsAt.gte(start))
            .exec(txn)
            .await?;
        let previous = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(alliance.0))
            .filter(lead_term::Column::StartsAt.lt(start))
            .order_by_desc(lead_term::Column::StartsAt)
            .one(txn)
            .await?
            .map(|t| OrganizationId(t.organization_id));
        insert_terms(
            txn,
            alliance.0,
            plan(members, previous, period, from, count),
        )
        .await
    }

    /// Re-plans the future terms after a member joined or left, keeping their number.
    pub(crate) async fn replan_future(
        &self,
        txn: &DatabaseTransaction,
        alliance: &alliance::Model,
    ) -> Result<(), Error> {
        let now = self.now();
        let future = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(alliance.id))
            .filter(lead_term::Column::StartsAt.gt(now))
            .order_by_asc(lead_term::Column::StartsAt)
            .all(txn)
            .await?;
        let Some(first) = future.first() else {
            return Ok(());
        };
        let members = self
            .current_members(txn, AllianceId(alliance.id), first.starts_at.date_naive())
            .await?;
        let period =
            RotationPeriod::parse(&alliance.rotation_period).unwrap_or(RotationPeriod::Quarter);
        self.replan(
            txn,
            AllianceId(alliance.id),
            &members,
            period,
            first.starts_at.date_naive(),
            future.len(),
        )
        .await?;
        Ok(())
    }

    async fn future_term(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<lead_term::Model, Error> {
        let term = lead_term::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("lead term"))?;
        self.rotation_guard(principal, AllianceId(term.alliance_id))
            .await?;
        if term.starts_at <= self.now() {
            return Err(Error::invalid(
                "id",
                "PAST_TERM",
                "terms that have started cannot be changed",
            ));
        }
        Ok(term)
    }

    /// Swaps the lead organizations of two future terms of one alliance.
    pub async fn swap_lead_terms(
        &self,
        principal: &Principal,
        first: Uuid,
        second: Uuid,
    ) -> Result<Uuid, Error> {
        let a = self.future_term(principal, first).await?;
        let b = self.future_term(principal, second).await?;
        if a.alliance_id != b.alliance_id {
            return Err(Error::invalid(
                "secondId",
                "OTHER_ALLIANCE",
                "both terms must belong to the same alliance",
            ));
        }
        let txn = self.db.begin().await?;
        for (term, org) in [(&a, b.organization_id), (&b, a.organization_id)] {
            lead_term::ActiveModel {
                id: Set(term.id),
                organization_id: Set(org),
                version: Set(term.version + 1),
                updated_at: Set(Utc::now()),
                ..Default::default()
            }
            .update(&txn)
            .await?;
        }
        audit::record(
            &txn,
            Actor::from(principal),
            "rotation.swap",
            "alliance",
            Some(a.alliance_id),
            json!({"first": a.id, "second": b.id}),
        )
        .await?;
        txn.commit().await?;
        Ok(a.alliance_id)
    }

    /// The term's organization gives up its turn: the rotation continues from that slot with the next member.
    pub async fn skip_lead_term(&self, principal: &Principal, id: Uuid) -> Result<Uuid, Error> {
        let term = self.future_term(principal, id).await?;
        let found = alliance::Entity::find_by_id(term.alliance_id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        let txn = self.db.begin().await?;
        let remaining = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(term.alliance_id))
            .filter(lead_term::Column::StartsAt.gte(term.starts_at))
            .all(&txn)
            .await?
            .len();
        let members: Vec<(OrganizationId, i32)> = self
            .current_members(
                &txn,
                AllianceId(term.alliance_id),
                term.starts_at.date_naive(),
            )
            .await?;
        let period =
            RotationPeriod::parse(&found.rotation_period).unwrap_or(RotationPeriod::Quarter);
        // Pretend the skipped organization led just before, so the plan starts with the one after it.
        let start = term.starts_at.date_naive();
        lead_term::Entity::delete_many()
            .filter(lead_term::Column::AllianceId.eq(term.alliance_id))
            .filter(lead_term::Column::StartsAt.gte(term.starts_at))
            .exec(&txn)
            .await?;
        let planned = plan(
            &members,
            Some(OrganizationId(term.organization_id)),
            period,
            start,
            remaining,
        );
        insert_terms(&txn, term.alliance_id, planned).await?;
        audit::record(
            &txn,
            Actor::from(principal),
            "rotation.skip",
            "alliance",
            Some(term.alliance_id),
            json!({"term": term.id}),
        )
        .await?;
        txn.commit().await?;
        Ok(term.alliance_id)
    }

    /// The outgoing lead writes a handover report; the incoming lead's admins are notified.
    pub async fn submit_handover_report(
        &self,
        principal: &Principal,
        id: Uuid,
        report: &str,
    ) -> Result<lead_term::Model, Error> {
        let term = lead_term::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("lead term"))?;
        let found = self
            .alliances()
            .alliance_readable(principal, AllianceId(term.alliance_id))
            .await?
            .ok_or(Error::NotFound("lead term"))?;
        let resource = policy::Resource::LeadTerm {
            alliance: AllianceId(found.id),
            public: AllianceFacts::of(&found).public,
            organization: OrganizationId(term.organization_id),
        };
        policy::authorize(principal, Action::SubmitHandoverReport, resource)?;
        if term.starts_at > self.now() {
            return Err(Error::invalid(
                "id",
                "NOT_STARTED",
                "a handover report is written once the term has started",
            ));
        }
        let report = report.trim();
        if report.is_empty() {
            return Err(Error::invalid("report", "REQUIRED", "write the report"));
        }
        let txn = self.db.begin().await?;
        let updated = lead_term::ActiveModel {
            id: Set(term.id),
            handover_report: Set(Some(report.to_owned())),
            version: Set(term.version + 1),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        let next = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(term.alliance_id))
            .filter(lead_term::Column::StartsAt.gte(term.ends_at))
            .order_by_asc(lead_term::Column::StartsAt)
            .one(&txn)
            .await?;
        if let Some(next) = next {
            let title = format!(
                "{}：上一轮值单位已提交交接报告 / the outgoing lead submitted its handover report",
                found.name
            );
            self.notifications()
                .notify_org_admins(
                    &txn,
                    next.organization_id,
                    Notice {
                        kind: crate::kernel::vocab::NotificationKind::LeadTermStarting,
                        entity_type: "lead_term",
                        entity_id: next.id,
                        title: &title,
                        dedupe: Some(format!("handover:{}", next.id)),
                    },
                )
                .await?;
        }
        audit::record(
            &txn,
            Actor::from(principal),
            "rotation.handover_report",
            "lead_term",
            Some(term.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }
}

/// Used by the seed to build a schedule around today without a principal.
/// `current_index`: which of the planned terms is the current one; the first member leads it.
pub async fn seed_schedule<C: ConnectionTrait>(
    conn: &C,
    alliance: Uuid,
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
        plan(members, previous, period, first_start, count),
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
