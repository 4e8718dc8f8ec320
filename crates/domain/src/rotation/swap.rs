//! Editing future terms: swapping two leads within a cycle, and skipping a turn (see `cycles`).

use super::cycles::{Locked, bump_version, cycle_bounds, lock_schedule, plan_terms};
use super::*;
use crate::entities::lead_term;
use crate::kernel::audit::Actor;
use crate::kernel::error::Error;
use crate::kernel::ids::AllianceId;
use crate::kernel::retry::{TxError, retry};
use crate::policy::principal::Principal;
use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

fn past_term(field: &str) -> Error {
    Error::invalid(
        field,
        "PAST_TERM",
        "terms that have started cannot be changed",
    )
}

impl Rotation<'_> {
    /// A term the principal may re-plan, that has not started.
    pub(crate) async fn future_term(
        &self,
        principal: &Principal,
        id: Uuid,
        field: &str,
    ) -> Result<lead_term::Model, Error> {
        let term = lead_term::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("lead term"))?;
        self.rotation_guard(principal, AllianceId(term.alliance_id))
            .await?;
        if term.starts_at <= self.now() {
            return Err(past_term(field));
        }
        Ok(term)
    }

    /// Swaps the lead organizations of two future terms of one cycle, if the schedule is still at
    /// `version` (else `CONFLICT`).
    pub async fn swap_lead_terms(
        &self,
        principal: &Principal,
        first: Uuid,
        second: Uuid,
        version: i32,
    ) -> Result<Uuid, Error> {
        let a = self.future_term(principal, first, "firstId").await?;
        let b = self.future_term(principal, second, "secondId").await?;
        if a.alliance_id != b.alliance_id {
            return Err(Error::invalid(
                "secondId",
                "OTHER_ALLIANCE",
                "both terms must belong to the same alliance",
            ));
        }
        retry(|| self.try_swap(principal, a.alliance_id, first, second, version)).await
    }

    async fn try_swap(
        &self,
        principal: &Principal,
        alliance: Uuid,
        first: Uuid,
        second: Uuid,
        version: i32,
    ) -> Result<Uuid, TxError> {
        let txn = self.db.begin().await?;
        let now = self.now();
        let locked = lock_schedule(&txn, alliance, now).await?;
        locked.expect_version(version)?;
        let find = |id: Uuid, field: &str| {
            locked
                .future
                .iter()
                .find(|t| t.id == id)
                .cloned()
                .ok_or_else(|| past_term(field))
        };
        let a = find(first, "firstId")?;
        let b = find(second, "secondId")?;
        if a.organization_id != b.organization_id {
            let same_cycle = a.plan_starts_at == b.plan_starts_at && {
                let (start, end) = self.cycle_of(&txn, &locked, &a).await?;
                let terms = plan_terms(&txn, alliance, a.plan_starts_at).await?;
                terms[start..end].iter().any(|t| t.id == b.id)
            };
            if !same_cycle {
                return Err(Error::invalid(
                    "secondId",
                    "OTHER_CYCLE",
                    "both terms must be in the same cycle of the rotation, or a member would lead twice in one cycle",
                )
                .into());
            }
            for (term, org) in [(&a, b.organization_id), (&b, a.organization_id)] {
                set_lead(&txn, term, org, now).await?;
            }
        }
        self.check_cycles(&txn, &locked.alliance, now, "secondId")
            .await?;
        bump_version(&txn, alliance).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "rotation.swap",
            "alliance",
            Some(alliance),
            json!({"first": a.id, "second": b.id}),
        )
        .await?;
        txn.commit().await?;
        Ok(alliance)
    }

    /// The term's organization gives up its turn now: it leads last in its cycle instead, and the
    /// turns in between move forward by one term. The last turn of a cycle answers `LAST_IN_CYCLE`.
    pub async fn skip_lead_term(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
    ) -> Result<Uuid, Error> {
        let term = self.future_term(principal, id, "id").await?;
        retry(|| self.try_skip(principal, term.alliance_id, id, version)).await
    }

    async fn try_skip(
        &self,
        principal: &Principal,
        alliance: Uuid,
        id: Uuid,
        version: i32,
    ) -> Result<Uuid, TxError> {
        let txn = self.db.begin().await?;
        let now = self.now();
        let locked = lock_schedule(&txn, alliance, now).await?;
        locked.expect_version(version)?;
        let term = locked
            .future
            .iter()
            .find(|t| t.id == id)
            .cloned()
            .ok_or_else(|| past_term("id"))?;
        let (start, end) = self.cycle_of(&txn, &locked, &term).await?;
        let terms = plan_terms(&txn, alliance, term.plan_starts_at).await?;
        let at = terms[start..end]
            .iter()
            .position(|t| t.id == id)
            .map_or(end, |i| start + i);
        if at + 1 >= end {
            return Err(Error::invalid(
                "id",
                "LAST_IN_CYCLE",
                "the last turn of a cycle has no later turn to move to; swap it with an earlier one instead",
            )
            .into());
        }
        // Everyone after the skipped turn moves forward by one; the skipped organization leads last.
        for i in at..end {
            let org = if i + 1 < end {
                terms[i + 1].organization_id
            } else {
                term.organization_id
            };
            if terms[i].organization_id != org {
                set_lead(&txn, &terms[i], org, now).await?;
            }
        }
        self.check_cycles(&txn, &locked.alliance, now, "id").await?;
        bump_version(&txn, alliance).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "rotation.skip",
            "alliance",
            Some(alliance),
            json!({"term": term.id}),
        )
        .await?;
        txn.commit().await?;
        Ok(alliance)
    }

    /// The bounds of the cycle holding `term`, as positions in its plan's terms.
    async fn cycle_of(
        &self,
        txn: &DatabaseTransaction,
        locked: &Locked,
        term: &lead_term::Model,
    ) -> Result<(usize, usize), TxError> {
        let terms = plan_terms(txn, locked.alliance.id, term.plan_starts_at).await?;
        let members = self
            .plan_members(txn, &locked.alliance, term.plan_starts_at)
            .await?;
        let at = terms
            .iter()
            .position(|t| t.id == term.id)
            .unwrap_or(terms.len());
        Ok(cycle_bounds(at, terms.len(), members.len()))
    }
}

/// Gives a term a new lead organization.
async fn set_lead(
    txn: &DatabaseTransaction,
    term: &lead_term::Model,
    organization: Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), TxError> {
    lead_term::ActiveModel {
        id: Set(term.id),
        organization_id: Set(organization),
        version: Set(term.version + 1),
        updated_at: Set(now),
        ..Default::default()
    }
    .update(txn)
    .await?;
    Ok(())
}
