//! The rotation's invariant, and the lock and version every edit of the schedule takes.
//!
//! **Plans.** Every term belongs to the plan that wrote it: `generateLeadSchedule` plans from its
//! `from`, the re-plan on a join or a leave plans from the first term that has not started. A
//! term's `plan_starts_at` names its plan: the instant the plan took effect, which is its first
//! term's start, or the start of the day it was written when that is later (a first schedule may
//! begin at the start of the current period). The *members of a plan* are the organizations that
//! are members of the alliance on that local day; a plan is written round-robin over exactly them.
//! Any change of membership re-plans every term that has not started, so a plan that still has
//! terms to come always has the members it was written for.
//!
//! **Cycles.** A plan's terms, in `starts_at` order from its first term (started or not), are cut
//! into consecutive cycles of N terms, N being the number of the plan's members; the last cycle
//! may be shorter when the plan's length is not a multiple of N. Cycles are counted from the
//! plan's start, not from "now", so that time passing never moves a cycle's bounds.
//!
//! **The invariant.** In every cycle that still has a term to come, every term is led by a member
//! of the plan and no member leads twice. A full cycle therefore gives each member exactly one
//! turn, and the last, shorter one gives no member a second turn. The edits keep it:
//! - generate and the re-plan write round-robin, which holds it by construction;
//! - swap exchanges the leads of two terms of one cycle; across cycles it would give one member
//!   two turns in a cycle and none in the other, and is refused (`OTHER_CYCLE`);
//! - skip: the term's organization gives up its turn *now*, not its turn in the cycle. It moves to
//!   the last turn of its cycle and the turns in between move forward by one term. The last turn
//!   of a cycle has no later turn to move to and is refused (`LAST_IN_CYCLE`).
//!
//! [`Rotation::check_cycles`] runs in the edit's transaction, after the edit and before the
//! commit, and refuses (`TURN_LOST`) whatever would still break the invariant: an edit that breaks
//! it is never committed. It is a check in the domain rather than a constraint trigger because the
//! rule reads three tables (terms, memberships by date, the alliance's zone) and because every
//! writer of `lead_terms` is in this module and holds the schedule lock; a refusal then names the
//! input field, which a trigger's exception could not.
//!
//! **Locking.** An edit runs in one transaction that first locks the alliance row (`FOR NO KEY
//! UPDATE`: it serializes the edits of one schedule, and unlike `FOR UPDATE` does not block rows
//! that merely reference the alliance, such as a new meeting), then the terms that have not
//! started, in `starts_at` order. Joins and leaves take the same alliance lock first. Edits of one
//! alliance thus queue in one order and never deadlock one another; what the database still gives
//! up is retried (`kernel::retry`). The edit compares the version it was given with
//! `alliances.lead_schedule_version` under the lock (`CONFLICT` when they differ) and bumps it.

use super::Rotation;
use crate::entities::{alliance, lead_term};
use crate::kernel::error::Error;
use crate::kernel::ids::AllianceId;
use crate::kernel::local_time::{local_date, zone_or_default};
use crate::kernel::retry::TxError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::LockType;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

/// The index of the first cycle of `orgs` (a plan's leads in order) that breaks the invariant for
/// `members`, if any; cycles before `from_cycle` (all of whose terms have started) are not looked at.
pub fn first_broken_cycle(
    orgs: &[Uuid],
    members: &HashSet<Uuid>,
    from_cycle: usize,
) -> Option<usize> {
    if orgs.is_empty() {
        return None;
    }
    if members.is_empty() {
        return Some(from_cycle);
    }
    orgs.chunks(members.len())
        .enumerate()
        .skip(from_cycle)
        .find(|(_, cycle)| {
            let mut seen = HashSet::with_capacity(cycle.len());
            !cycle
                .iter()
                .all(|org| members.contains(org) && seen.insert(*org))
        })
        .map(|(i, _)| i)
}

/// The bounds `[start, end)` of the cycle holding position `at` in a plan of `len` terms with
/// `members` members.
pub(crate) fn cycle_bounds(at: usize, len: usize, members: usize) -> (usize, usize) {
    let n = members.max(1);
    let start = at / n * n;
    (start, (start + n).min(len))
}

/// The schedule of one alliance, locked for an edit.
pub(crate) struct Locked {
    pub alliance: alliance::Model,
    /// The terms that have not started, in order, locked.
    pub future: Vec<lead_term::Model>,
}

impl Locked {
    pub fn zone(&self) -> chrono_tz::Tz {
        zone_or_default(&self.alliance.time_zone)
    }

    /// `CONFLICT` unless the schedule is still at the version the client read.
    pub fn expect_version(&self, read: i32) -> Result<(), Error> {
        if read == self.alliance.lead_schedule_version {
            Ok(())
        } else {
            Err(Error::Conflict(format!(
                "the lead schedule changed since it was read (now version {}); reload it",
                self.alliance.lead_schedule_version
            )))
        }
    }
}

/// Locks the alliance row, then its terms that have not started in `starts_at` order.
pub(crate) async fn lock_schedule(
    txn: &DatabaseTransaction,
    alliance: Uuid,
    now: DateTime<Utc>,
) -> Result<Locked, TxError> {
    let alliance = alliance::Entity::find_by_id(alliance)
        .lock(LockType::NoKeyUpdate)
        .one(txn)
        .await?
        .ok_or(Error::NotFound("alliance"))?;
    let future = lead_term::Entity::find()
        .filter(lead_term::Column::AllianceId.eq(alliance.id))
        .filter(lead_term::Column::StartsAt.gt(now))
        .order_by_asc(lead_term::Column::StartsAt)
        .lock(LockType::NoKeyUpdate)
        .all(txn)
        .await?;
    Ok(Locked { alliance, future })
}

/// Bumps the schedule's version; every edit that commits calls it once.
pub(crate) async fn bump_version(txn: &DatabaseTransaction, alliance: Uuid) -> Result<(), TxError> {
    txn.execute_raw(crate::kernel::db::stmt(
        "UPDATE alliances SET lead_schedule_version = lead_schedule_version + 1 WHERE id = $1",
        [alliance.into()],
    ))
    .await?;
    Ok(())
}

/// The terms of one plan, in order.
pub(crate) async fn plan_terms<C: ConnectionTrait>(
    conn: &C,
    alliance: Uuid,
    plan_starts_at: DateTime<Utc>,
) -> Result<Vec<lead_term::Model>, TxError> {
    Ok(lead_term::Entity::find()
        .filter(lead_term::Column::AllianceId.eq(alliance))
        .filter(lead_term::Column::PlanStartsAt.eq(plan_starts_at))
        .order_by_asc(lead_term::Column::StartsAt)
        .all(conn)
        .await?)
}

impl Rotation<'_> {
    /// The members of the plan named `plan_starts_at`.
    pub(crate) async fn plan_members<C: ConnectionTrait>(
        &self,
        conn: &C,
        alliance: &alliance::Model,
        plan_starts_at: DateTime<Utc>,
    ) -> Result<HashSet<Uuid>, Error> {
        let day = local_date(plan_starts_at, zone_or_default(&alliance.time_zone));
        Ok(self
            .current_members(conn, AllianceId(alliance.id), day)
            .await?
            .into_iter()
            .map(|(org, _)| org.0)
            .collect())
    }

    /// Refuses, naming `field`, a schedule in which some cycle with a term to come breaks the
    /// invariant (see the module doc). Runs inside the edit's transaction, before the commit.
    pub(crate) async fn check_cycles(
        &self,
        txn: &DatabaseTransaction,
        alliance: &alliance::Model,
        now: DateTime<Utc>,
        field: &str,
    ) -> Result<(), TxError> {
        let terms = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(alliance.id))
            .order_by_asc(lead_term::Column::StartsAt)
            .all(txn)
            .await?;
        let mut plans: BTreeMap<DateTime<Utc>, Vec<&lead_term::Model>> = BTreeMap::new();
        for term in &terms {
            plans.entry(term.plan_starts_at).or_default().push(term);
        }
        for (start, terms) in plans {
            let Some(first_future) = terms.iter().position(|t| t.starts_at > now) else {
                continue;
            };
            let members = self.plan_members(txn, alliance, start).await?;
            let orgs: Vec<Uuid> = terms.iter().map(|t| t.organization_id).collect();
            let from_cycle = first_future / members.len().max(1);
            if let Some(cycle) = first_broken_cycle(&orgs, &members, from_cycle) {
                tracing::info!(alliance = %alliance.id, %start, cycle, "edit refused: a member would lose its turn");
                return Err(Error::invalid(
                    field,
                    "TURN_LOST",
                    "the change would leave a member without its turn, or give one two turns, in a cycle of the rotation",
                )
                .into());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_hold_each_member_once() {
        let (a, b, c) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let members: HashSet<Uuid> = [a, b, c].into();
        assert_eq!(
            first_broken_cycle(&[a, b, c, b, a, c, c], &members, 0),
            None
        );
        assert_eq!(
            first_broken_cycle(&[a, b, c, b, b, c], &members, 0),
            Some(1)
        );
        assert_eq!(
            first_broken_cycle(&[a, a, c, b, a, c], &members, 0),
            Some(0)
        );
        assert_eq!(
            first_broken_cycle(&[a, a, c, b, a, c], &members, 1),
            None,
            "started cycles are not looked at"
        );
        assert_eq!(
            first_broken_cycle(&[a, b, c, a, a], &members, 0),
            Some(1),
            "a short last cycle gives no second turn"
        );
        let stranger = Uuid::now_v7();
        assert_eq!(first_broken_cycle(&[a, b, stranger], &members, 0), Some(0));
        assert_eq!(first_broken_cycle(&[], &members, 0), None);
        assert_eq!(first_broken_cycle(&[a], &HashSet::new(), 0), Some(0));
    }

    #[test]
    fn cycle_bounds_cut_from_the_plan_start() {
        assert_eq!(cycle_bounds(0, 7, 3), (0, 3));
        assert_eq!(cycle_bounds(4, 7, 3), (3, 6));
        assert_eq!(cycle_bounds(6, 7, 3), (6, 7));
        assert_eq!(cycle_bounds(2, 2, 0), (2, 2));
    }
}
