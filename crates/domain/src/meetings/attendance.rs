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
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use serde_json::json;
use subtle::ConstantTimeEq;
use uuid::Uuid;

/// Where self check-in to a meeting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInWindow {
    /// Opens at this instant.
    NotYet(DateTime<Utc>),
    Open,
    Closed,
}

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
        super::refuse_closed(&found)?;
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
        // Closed or not yet open: said before any code is tried, whatever link brought them here.
        match self.check_in_window(&found) {
            CheckInWindow::Open => {}
            CheckInWindow::NotYet(opens) => {
                return Err(Error::invalid(
                    "meetingId",
                    "NOT_OPEN_YET",
                    format!("check-in opens at {}", opens.to_rfc3339()),
                ));
            }
            CheckInWindow::Closed => {
                return Err(Error::invalid(
                    "meetingId",
                    "CLOSED",
                    "check-in for this meeting is closed",
                ));
            }
        }
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
        self.mark_checked_in(principal, &found, user.0).await
    }

    /// When self check-in opens and closes for `found`: a configured time before its start and
    /// after its end (`DomainConfig::check_in_opens_before`/`check_in_closes_after`).
    pub fn check_in_period(&self, found: &meeting::Model) -> (DateTime<Utc>, DateTime<Utc>) {
        let before = chrono::Duration::from_std(self.config.check_in_opens_before)
            .unwrap_or(chrono::Duration::hours(2));
        let after = chrono::Duration::from_std(self.config.check_in_closes_after)
            .unwrap_or(chrono::Duration::hours(2));
        (found.starts_at - before, found.ends_at + after)
    }

    /// Whether people may check themselves in to `found` now. Completed and cancelled meetings are
    /// closed whatever the time.
    pub fn check_in_window(&self, found: &meeting::Model) -> CheckInWindow {
        if matches!(
            found.status,
            MeetingStatus::Cancelled | MeetingStatus::Completed | MeetingStatus::Draft
        ) {
            return CheckInWindow::Closed;
        }
        let (opens, closes) = self.check_in_period(found);
        let now = self.now();
        if now < opens {
            CheckInWindow::NotYet(opens)
        } else if now >= closes {
            CheckInWindow::Closed
        } else {
            CheckInWindow::Open
        }
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
        super::refuse_closed(&found)?;
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
