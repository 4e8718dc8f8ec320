//! Editing the schedule: generating it round-robin, re-planning on joins and leaves, swapping and skipping future terms.

use super::*;
use crate::entities::{alliance, alliance_membership, lead_term};
use crate::kernel::audit::{self, Actor};
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::vocab::RotationPeriod;
use crate::policy::principal::Principal;
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

impl Rotation<'_> {
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

    pub(crate) async fn current_members(
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
    pub(crate) async fn replan(
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

    pub(crate) async fn future_term(
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
}
