//! Planning the schedule: generating it round-robin, and re-planning it on joins and leaves.

use super::cycles::{Locked, bump_version, lock_schedule};
use super::*;
use crate::entities::{alliance, alliance_membership, lead_term};
use crate::kernel::audit::Actor;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::local_time::local_date;
use crate::kernel::retry::{TxError, retry};
use crate::kernel::vocab::RotationPeriod;
use crate::policy::principal::Principal;
use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use serde_json::json;

impl Rotation<'_> {
    /// Replaces every term that starts at or after `from` with a fresh round-robin plan, if the
    /// schedule is still at `version` (else `CONFLICT`).
    pub async fn generate_lead_schedule(
        &self,
        principal: &Principal,
        alliance_id: AllianceId,
        version: i32,
        from: Option<NaiveDate>,
        terms: Option<i32>,
    ) -> Result<Vec<lead_term::Model>, Error> {
        self.rotation_guard(principal, alliance_id).await?;
        if let Some(n) = terms
            && !(1..=MAX_TERMS).contains(&n)
        {
            return Err(Error::invalid(
                "terms",
                "OUT_OF_RANGE",
                format!("between 1 and {MAX_TERMS} terms"),
            ));
        }
        retry(|| self.try_generate(principal, alliance_id, version, from, terms)).await
    }

    async fn try_generate(
        &self,
        principal: &Principal,
        alliance_id: AllianceId,
        version: i32,
        from: Option<NaiveDate>,
        terms: Option<i32>,
    ) -> Result<Vec<lead_term::Model>, TxError> {
        let txn = self.db.begin().await?;
        let now = self.now();
        let locked = lock_schedule(&txn, alliance_id.0, now).await?;
        locked.expect_version(version)?;
        let zone = locked.zone();
        let today = local_date(now, zone);
        let period = RotationPeriod::parse(&locked.alliance.rotation_period)
            .unwrap_or(RotationPeriod::Quarter);
        let current = self.lead_at(&txn, alliance_id.0, now).await?;
        let from = match from {
            Some(date) => date,
            None => match &current {
                Some(term) => local_date(term.ends_at, zone),
                None => crate::seed::period_start(period, today),
            },
        };
        let start = start_of_day(from, zone);
        if current.as_ref().is_some_and(|t| t.ends_at > start) {
            return Err(Error::invalid(
                "from",
                "IN_CURRENT_TERM",
                "the schedule can only be re-planned from the end of the current term",
            )
            .into());
        }
        // Past terms never change.
        let started = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(alliance_id.0))
            .filter(lead_term::Column::StartsAt.gte(start))
            .filter(lead_term::Column::StartsAt.lte(now))
            .one(&txn)
            .await?;
        if started.is_some() {
            return Err(
                Error::invalid("from", "PAST_TERM", "past terms cannot be re-planned").into(),
            );
        }
        // The plan is for the members on its first day, or today when it begins in the past.
        let effective = from.max(today);
        let members = self.current_members(&txn, alliance_id, effective).await?;
        if members.is_empty() {
            return Err(Error::invalid(
                "allianceId",
                "NO_MEMBERS",
                "the alliance has no member organizations to rotate",
            )
            .into());
        }
        let count = usize::try_from(terms.unwrap_or(i32::try_from(members.len()).unwrap_or(1)))
            .unwrap_or(1);
        let key = start_of_day(effective, zone);
        let planned = self
            .replan(&txn, &locked, &members, period, from, count, key)
            .await?;
        self.check_cycles(&txn, &locked.alliance, now, "allianceId")
            .await?;
        bump_version(&txn, alliance_id.0).await?;
        self.record_audit(
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

    /// The members of the alliance on the local date `on`, with their rotation order.
    pub(crate) async fn current_members<C: ConnectionTrait>(
        &self,
        conn: &C,
        alliance: AllianceId,
        on: NaiveDate,
    ) -> Result<Vec<(OrganizationId, i32)>, Error> {
        let rows = alliance_membership::Entity::find()
            .filter(alliance_membership::Column::AllianceId.eq(alliance.0))
            .filter(alliance_membership::Column::JoinedOn.lte(on))
            .all(conn)
            .await?;
        Ok(rows
            .into_iter()
            .filter(|m| m.left_on.is_none_or(|l| l > on))
            .map(|m| (OrganizationId(m.organization_id), m.rotation_order))
            .collect())
    }

    /// Deletes the terms starting at or after `from` and inserts `count` new ones, as the plan
    /// named `key`; the new terms take the deleted ones' ids in order.
    #[allow(clippy::too_many_arguments)]
    async fn replan(
        &self,
        txn: &DatabaseTransaction,
        locked: &Locked,
        members: &[(OrganizationId, i32)],
        period: RotationPeriod,
        from: NaiveDate,
        count: usize,
        key: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<lead_term::Model>, TxError> {
        let zone = locked.zone();
        let alliance = locked.alliance.id;
        let start = start_of_day(from, zone);
        let replaced: Vec<lead_term::Model> = locked
            .future
            .iter()
            .filter(|t| t.starts_at >= start)
            .cloned()
            .collect();
        lead_term::Entity::delete_many()
            .filter(lead_term::Column::AllianceId.eq(alliance))
            .filter(lead_term::Column::StartsAt.gte(start))
            .exec(txn)
            .await?;
        let previous = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(alliance))
            .filter(lead_term::Column::StartsAt.lt(start))
            .order_by_desc(lead_term::Column::StartsAt)
            .one(txn)
            .await?
            .map(|t| OrganizationId(t.organization_id));
        let planned = plan(members, previous, period, from, count);
        Ok(insert_terms(txn, alliance, zone, planned, key, &replaced, self.now()).await?)
    }

    /// Takes the schedule lock of `alliance` in a membership change's transaction, before the
    /// membership rows are written, so that joins, leaves and edits of one alliance queue in one
    /// order.
    pub(crate) async fn lock_for_membership(
        &self,
        txn: &DatabaseTransaction,
        alliance: AllianceId,
    ) -> Result<(), Error> {
        lock_schedule(txn, alliance.0, self.now()).await?;
        Ok(())
    }

    /// Re-plans the future terms after a member joined or left, keeping their number; the caller
    /// holds the schedule lock (`lock_for_membership`). The schedule's version is bumped.
    pub(crate) async fn replan_future(
        &self,
        txn: &DatabaseTransaction,
        alliance: &alliance::Model,
    ) -> Result<(), Error> {
        let now = self.now();
        let locked = lock_schedule(txn, alliance.id, now).await?;
        let Some(first) = locked.future.first() else {
            return Ok(());
        };
        let zone = locked.zone();
        let from = local_date(first.starts_at, zone);
        let key = first.starts_at;
        let members = self
            .current_members(txn, AllianceId(alliance.id), from)
            .await?;
        let period = RotationPeriod::parse(&locked.alliance.rotation_period)
            .unwrap_or(RotationPeriod::Quarter);
        let count = locked.future.len();
        self.replan(txn, &locked, &members, period, from, count, key)
            .await?;
        self.check_cycles(txn, &locked.alliance, now, "organizationId")
            .await?;
        bump_version(txn, alliance.id).await?;
        Ok(())
    }
}
