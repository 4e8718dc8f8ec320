//! Invitations, RSVP and check-in (by code, QR link or the convener).

use super::Meetings;
use crate::auth::throttle;
use crate::entities::{attendance, meeting};
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::events;
use crate::kernel::ids::{AllianceId, UserId};
use crate::kernel::vocab::{MeetingStatus, RsvpResponse};
use crate::policy;
use crate::policy::Action;
use crate::policy::principal::Principal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use serde_json::json;
use subtle::ConstantTimeEq;
use uuid::Uuid;

impl Meetings<'_> {
    /// The principal's attendance row, created on first use if they belong to a member organization.
    ///
    /// Someone invited after the meeting was scheduled has no row yet, and their first requests
    /// (an RSVP and a check-in, or the same check-in sent twice) may arrive at once: the insert
    /// does nothing when a concurrent one got there first, and every request then uses the one
    /// row the unique index keeps. Idempotent, never a unique violation.
    pub(crate) async fn own_attendance<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        found: &meeting::Model,
        user: Uuid,
    ) -> Result<attendance::Model, Error> {
        if let Some(existing) = attendance_of(conn, found.id, user).await? {
            return Ok(existing);
        }
        let orgs = policy::member_organizations_in(principal, AllianceId(found.alliance_id));
        let org = orgs.first().map(|o| o.0).ok_or(Error::Forbidden)?;
        conn.execute_raw(stmt(
            "INSERT INTO attendances (id, meeting_id, organization_id, user_id, rsvp, created_at)
             VALUES ($1, $2, $3, $4, 'pending', $5)
             ON CONFLICT (meeting_id, user_id) WHERE user_id IS NOT NULL DO NOTHING",
            [
                Uuid::now_v7().into(),
                found.id.into(),
                org.into(),
                user.into(),
                self.now().into(),
            ],
        ))
        .await?;
        attendance_of(conn, found.id, user).await?.ok_or_else(|| {
            Error::Conflict("the attendance changed meanwhile; send the request again".into())
        })
    }

    pub async fn respond_to_meeting(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        response: RsvpResponse,
    ) -> Result<attendance::Model, Error> {
        let (found, _) = self
            .meeting_for(principal, meeting_id, Action::Rsvp)
            .await?;
        let user = principal.user_id().ok_or(Error::Forbidden)?;
        let txn = self.db.begin().await?;
        let row = self.own_attendance(&txn, principal, &found, user.0).await?;
        let updated = attendance::ActiveModel {
            id: Set(row.id),
            rsvp: Set(response.as_str().into()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "meeting.rsvp",
            "meeting",
            Some(meeting_id),
            json!({"rsvp": response.as_str()}),
        )
        .await?;
        events::publish(&txn, "meeting", meeting_id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Self check-in with the meeting's code (from the QR link).
    pub async fn check_in(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        code: &str,
    ) -> Result<attendance::Model, Error> {
        let (found, _) = self
            .meeting_for(principal, meeting_id, Action::CheckIn)
            .await?;
        let user = principal.user_id().ok_or(Error::Forbidden)?;
        // Six digits are guessable: each try is counted first, and a few wrong ones lock.
        let key = throttle::check_in_key(found.id, user);
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
            throttle::log_lockouts("check_in", [&attempt]);
            return Err(Error::invalid(
                "code",
                "INVALID",
                "the check-in code is not right",
            ));
        }
        throttle::reset(&self.db, &key).await?;
        if matches!(
            Some(found.status),
            Some(MeetingStatus::Cancelled | MeetingStatus::Completed)
        ) {
            return Err(Error::invalid(
                "meetingId",
                "CLOSED",
                "check-in for this meeting is closed",
            ));
        }
        self.mark_checked_in(principal, &found, user.0).await
    }

    /// The convener checks someone in.
    pub async fn check_in_member(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        user: UserId,
    ) -> Result<attendance::Model, Error> {
        let (found, _) = self
            .meeting_for(principal, meeting_id, Action::TakeAttendance)
            .await?;
        let row = attendance::Entity::find()
            .filter(attendance::Column::MeetingId.eq(meeting_id))
            .filter(attendance::Column::UserId.eq(user.0))
            .one(&self.db)
            .await?
            .ok_or_else(|| {
                Error::invalid(
                    "userId",
                    "NOT_INVITED",
                    "this person is not invited to the meeting",
                )
            })?;
        let _ = row;
        self.mark_checked_in(principal, &found, user.0).await
    }

    pub(crate) async fn mark_checked_in(
        &self,
        principal: &Principal,
        found: &meeting::Model,
        user: Uuid,
    ) -> Result<attendance::Model, Error> {
        let txn = self.db.begin().await?;
        let row = self
            .own_attendance_or_invited(&txn, principal, found, user)
            .await?;
        // Locked, so that of check-ins sent at once one records it and the others return it.
        let row = attendance::Entity::find_by_id(row.id)
            .lock_exclusive()
            .one(&txn)
            .await?
            .unwrap_or(row);
        if row.checked_in_at.is_some() {
            return Ok(row);
        }
        let updated = attendance::ActiveModel {
            id: Set(row.id),
            checked_in_at: Set(Some(self.now())),
            checked_in_by: Set(principal.user_id().map(|u| u.0)),
            rsvp: Set("yes".into()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "meeting.check_in",
            "meeting",
            Some(found.id),
            json!({"user": user}),
        )
        .await?;
        events::publish(&txn, "meeting", found.id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    pub(crate) async fn own_attendance_or_invited<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        found: &meeting::Model,
        user: Uuid,
    ) -> Result<attendance::Model, Error> {
        if principal.user_id().map(|u| u.0) == Some(user) {
            return self.own_attendance(conn, principal, found, user).await;
        }
        attendance_of(conn, found.id, user).await?.ok_or_else(|| {
            Error::invalid(
                "userId",
                "NOT_INVITED",
                "this person is not invited to the meeting",
            )
        })
    }
}

/// The attendance row of `user` at `meeting`, if any.
async fn attendance_of<C: ConnectionTrait>(
    conn: &C,
    meeting: Uuid,
    user: Uuid,
) -> Result<Option<attendance::Model>, Error> {
    Ok(attendance::Entity::find()
        .filter(attendance::Column::MeetingId.eq(meeting))
        .filter(attendance::Column::UserId.eq(user))
        .one(conn)
        .await?)
}
