//! Participants with accounts: sign-up ahead (until sign-up closes, within the capacity), check-in
//! on the day by code or QR link, or by an organizer.

use super::{Activities, ActivityStatus, CHANGED_TOPIC, activity};
use crate::auth::throttle;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::events;
use crate::kernel::ids::{AllianceId, UserId};
use crate::kernel::local_time::{local_date, zone_or_default};
use crate::policy;
use crate::policy::Action;
use crate::policy::principal::Principal;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use subtle::ConstantTimeEq;
use uuid::Uuid;

impl Activities<'_> {
    /// The viewer signs up. Idempotent: signing up twice keeps the first time.
    pub async fn sign_up(&self, principal: &Principal, id: Uuid) -> Result<activity::Model, Error> {
        let loaded = self.loaded_for(principal, id, Action::JoinActivity).await?;
        let user = policy::require_user(principal)?;
        let found = &loaded.found;
        if found.status != ActivityStatus::Planned {
            return Err(Error::invalid(
                "activityId",
                "CLOSED",
                "sign-up is open only while the activity is planned",
            ));
        }
        if self.now() >= found.signup_closes_at.unwrap_or(found.starts_at) {
            return Err(Error::invalid(
                "activityId",
                "SIGNUP_CLOSED",
                "sign-up for this activity has closed",
            ));
        }
        let org = policy::member_organizations_in(principal, AllianceId(found.alliance_id))
            .first()
            .map(|o| o.0);
        let txn = self.db.begin().await?;
        // Locked, so that sign-ups sent at once see each other against the capacity.
        let row = txn
            .query_one_raw(stmt(
                "SELECT capacity, (SELECT count(*) FROM activity_participants
                                    WHERE activity_id = $1 AND signed_up_at IS NOT NULL) AS taken
                   FROM activities WHERE id = $1 FOR UPDATE",
                [id.into()],
            ))
            .await?
            .ok_or(Error::NotFound("activity"))?;
        let capacity: Option<i32> = row.try_get("", "capacity")?;
        let taken: i64 = row.try_get("", "taken")?;
        let changed = txn
            .query_one_raw(stmt(
                "INSERT INTO activity_participants (id, activity_id, user_id, organization_id, signed_up_at, created_at)
                 VALUES ($1, $2, $3, $4, $5, $5)
                 ON CONFLICT (activity_id, user_id) DO UPDATE SET signed_up_at = EXCLUDED.signed_up_at
                  WHERE activity_participants.signed_up_at IS NULL
                 RETURNING id",
                [
                    Uuid::now_v7().into(),
                    id.into(),
                    user.0.into(),
                    org.into(),
                    self.now().into(),
                ],
            ))
            .await?;
        if changed.is_some() {
            if capacity.is_some_and(|c| taken >= i64::from(c)) {
                return Err(Error::invalid("activityId", "FULL", "the activity is full"));
            }
            self.record_audit(
                &txn,
                Actor::from(principal),
                "activity.sign_up",
                "activity",
                Some(id),
                json!({"user": user.0}),
            )
            .await?;
            events::publish(&txn, CHANGED_TOPIC, id).await?;
        }
        txn.commit().await?;
        self.activity(principal, id)
            .await?
            .ok_or(Error::NotFound("activity"))
    }

    /// The viewer withdraws before the start; someone already checked in cannot.
    pub async fn cancel_sign_up(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<activity::Model, Error> {
        let loaded = self.loaded_for(principal, id, Action::JoinActivity).await?;
        let user = policy::require_user(principal)?;
        if self.now() >= loaded.found.starts_at {
            return Err(Error::invalid(
                "activityId",
                "STARTED",
                "the activity has started",
            ));
        }
        let txn = self.db.begin().await?;
        let row = txn
            .query_one_raw(stmt(
                "SELECT checked_in_at IS NOT NULL AS checked_in FROM activity_participants
                  WHERE activity_id = $1 AND user_id = $2 FOR UPDATE",
                [id.into(), user.0.into()],
            ))
            .await?;
        if let Some(row) = row {
            let checked_in: bool = row.try_get("", "checked_in")?;
            if checked_in {
                return Err(Error::invalid(
                    "activityId",
                    "CHECKED_IN",
                    "you have already checked in",
                ));
            }
            txn.execute_raw(stmt(
                "DELETE FROM activity_participants WHERE activity_id = $1 AND user_id = $2",
                [id.into(), user.0.into()],
            ))
            .await?;
            self.record_audit(
                &txn,
                Actor::from(principal),
                "activity.cancel_sign_up",
                "activity",
                Some(id),
                json!({"user": user.0}),
            )
            .await?;
            events::publish(&txn, CHANGED_TOPIC, id).await?;
        }
        txn.commit().await?;
        self.activity(principal, id)
            .await?
            .ok_or(Error::NotFound("activity"))
    }

    /// Self check-in with the activity's code (from the QR link), on the day.
    pub async fn check_in(
        &self,
        principal: &Principal,
        id: Uuid,
        code: &str,
    ) -> Result<activity::Model, Error> {
        let loaded = self.loaded_for(principal, id, Action::JoinActivity).await?;
        let user = policy::require_user(principal)?;
        let found = &loaded.found;
        // Six digits are guessable: each try is counted first, and a few wrong ones lock.
        let key = format!("activity-check-in:{id}:{}", user.0);
        let limits = &self.config.throttle;
        let attempt = throttle::reserve(
            &self.db,
            limits,
            &key,
            limits.check_in_free_failures,
            self.now(),
        )
        .await?;
        if !bool::from(code.trim().as_bytes().ct_eq(found.check_in_code.as_bytes())) {
            throttle::log_lockouts("activity_check_in", [&attempt]);
            return Err(Error::invalid(
                "code",
                "INVALID",
                "the check-in code is not right",
            ));
        }
        throttle::reset(&self.db, &key).await?;
        if found.status != ActivityStatus::Planned {
            return Err(Error::invalid(
                "activityId",
                "CLOSED",
                "check-in for this activity is closed",
            ));
        }
        self.check_on_the_day(&loaded.owner.time_zone, found)?;
        let org = policy::member_organizations_in(principal, AllianceId(found.alliance_id))
            .first()
            .map(|o| o.0);
        self.mark_checked_in(principal, id, user, org).await
    }

    /// An organizer checks a person of the alliance in (also after the activity is completed).
    pub async fn check_in_participant(
        &self,
        principal: &Principal,
        id: Uuid,
        user: UserId,
    ) -> Result<activity::Model, Error> {
        let loaded = self
            .loaded_for(principal, id, Action::ManageActivity)
            .await?;
        if !matches!(
            loaded.found.status,
            ActivityStatus::Planned | ActivityStatus::Completed
        ) {
            return Err(Error::invalid(
                "activityId",
                "CLOSED",
                "check-in for this activity is closed",
            ));
        }
        // The person's organization among the alliance's current members, as of today there.
        let row = self
            .db
            .query_one_raw(stmt(
                "SELECT om.organization_id FROM organization_memberships om
                   JOIN alliance_memberships am ON am.organization_id = om.organization_id
                   JOIN alliances al ON al.id = am.alliance_id
                  WHERE om.user_id = $1 AND am.alliance_id = $2
                    AND om.joined_on <= (($3::timestamptz AT TIME ZONE al.time_zone)::date)
                    AND (om.left_on IS NULL OR om.left_on > (($3::timestamptz AT TIME ZONE al.time_zone)::date))
                    AND am.joined_on <= (($3::timestamptz AT TIME ZONE al.time_zone)::date)
                    AND (am.left_on IS NULL OR am.left_on > (($3::timestamptz AT TIME ZONE al.time_zone)::date))
                  ORDER BY om.organization_id LIMIT 1",
                [user.0.into(), loaded.owner.id.into(), self.now().into()],
            ))
            .await?
            .ok_or_else(|| {
                Error::invalid(
                    "userId",
                    "NOT_MEMBER",
                    "this person belongs to no member organization of the alliance",
                )
            })?;
        let org: Uuid = row.try_get("", "organization_id")?;
        self.mark_checked_in(principal, id, user, Some(org)).await
    }

    /// Check-in is open on the activity's days, in the alliance's zone.
    fn check_on_the_day(&self, zone: &str, found: &activity::Model) -> Result<(), Error> {
        let zone = zone_or_default(zone);
        let today = local_date(self.now(), zone);
        if today < local_date(found.starts_at, zone) || today > local_date(found.ends_at, zone) {
            return Err(Error::invalid(
                "activityId",
                "NOT_TODAY",
                "check-in is open on the day of the activity",
            ));
        }
        Ok(())
    }

    /// One participant row per person: of check-ins sent at once one records it, the others
    /// find it recorded (the unique key and the conditional update see to it).
    async fn mark_checked_in(
        &self,
        principal: &Principal,
        id: Uuid,
        user: UserId,
        org: Option<Uuid>,
    ) -> Result<activity::Model, Error> {
        let txn = self.db.begin().await?;
        let changed = txn
            .query_one_raw(stmt(
                "INSERT INTO activity_participants (id, activity_id, user_id, organization_id, checked_in_at, checked_in_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $5)
                 ON CONFLICT (activity_id, user_id) DO UPDATE
                    SET checked_in_at = EXCLUDED.checked_in_at, checked_in_by = EXCLUDED.checked_in_by
                  WHERE activity_participants.checked_in_at IS NULL
                 RETURNING id",
                [
                    Uuid::now_v7().into(),
                    id.into(),
                    user.0.into(),
                    org.into(),
                    self.now().into(),
                    principal.user_id().map(|u| u.0).into(),
                ],
            ))
            .await?;
        if changed.is_some() {
            self.record_audit(
                &txn,
                Actor::from(principal),
                "activity.check_in",
                "activity",
                Some(id),
                json!({"user": user.0}),
            )
            .await?;
            events::publish(&txn, CHANGED_TOPIC, id).await?;
        }
        txn.commit().await?;
        self.activity(principal, id)
            .await?
            .ok_or(Error::NotFound("activity"))
    }
}
