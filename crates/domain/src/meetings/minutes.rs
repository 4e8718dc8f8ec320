//! Minutes: drafts with version conflicts, and approval.

use super::Meetings;
use crate::entities::minutes;
use crate::kernel::audit::{self, Actor};
use crate::kernel::error::Error;
use crate::kernel::events;
use crate::kernel::vocab::MinutesStatus;
use crate::policy::Action;
use crate::policy::principal::Principal;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, EntityTrait, QuerySelect, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

impl Meetings<'_> {
    /// Saves draft minutes; `version` is the one read (none for the first save).
    pub async fn save_minutes(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        body: &str,
        version: Option<i32>,
    ) -> Result<minutes::Model, Error> {
        self.meeting_for(principal, meeting_id, Action::RecordMinutes)
            .await?;
        if body.chars().count() > 200_000 {
            return Err(Error::invalid(
                "body",
                "TOO_LONG",
                "at most 200,000 characters",
            ));
        }
        let txn = self.db.begin().await?;
        let existing = minutes::Entity::find_by_id(meeting_id)
            .lock_exclusive()
            .one(&txn)
            .await?;
        let now = Utc::now();
        let saved = match (existing, version) {
            (None, _) => {
                minutes::ActiveModel {
                    meeting_id: Set(meeting_id),
                    body: Set(body.to_owned()),
                    status: Set(MinutesStatus::Draft),
                    approved_by: Set(None),
                    approved_at: Set(None),
                    updated_by: Set(principal.user_id().map(|u| u.0)),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(&txn)
                .await?
            }
            (Some(current), _) if current.status == MinutesStatus::Approved => {
                return Err(Error::invalid(
                    "body",
                    "APPROVED",
                    "approved minutes can no longer be edited",
                ));
            }
            (Some(current), Some(v)) if v == current.version => {
                minutes::ActiveModel {
                    meeting_id: Set(meeting_id),
                    body: Set(body.to_owned()),
                    updated_by: Set(principal.user_id().map(|u| u.0)),
                    updated_at: Set(now),
                    version: Set(current.version + 1),
                    ..Default::default()
                }
                .update(&txn)
                .await?
            }
            (Some(current), _) => {
                return Err(Error::Conflict(format!(
                    "the minutes were changed by someone else (now version {}); reload before saving",
                    current.version
                )));
            }
        };
        audit::record(
            &txn,
            Actor::from(principal),
            "minutes.save",
            "meeting",
            Some(meeting_id),
            json!({"version": saved.version}),
        )
        .await?;
        events::publish(&txn, "meeting", meeting_id).await?;
        txn.commit().await?;
        Ok(saved)
    }

    pub async fn approve_minutes(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        version: i32,
    ) -> Result<minutes::Model, Error> {
        self.meeting_for(principal, meeting_id, Action::ApproveMinutes)
            .await?;
        let txn = self.db.begin().await?;
        let current = minutes::Entity::find_by_id(meeting_id)
            .lock_exclusive()
            .one(&txn)
            .await?
            .ok_or_else(|| {
                Error::invalid(
                    "meetingId",
                    "NO_MINUTES",
                    "there are no minutes to approve yet",
                )
            })?;
        if current.status == MinutesStatus::Approved {
            return Err(Error::invalid(
                "meetingId",
                "ALREADY_APPROVED",
                "the minutes are already approved",
            ));
        }
        if current.version != version {
            return Err(Error::Conflict(format!(
                "the minutes changed since you read them (now version {}); review them again",
                current.version
            )));
        }
        let now = Utc::now();
        let approved = minutes::ActiveModel {
            meeting_id: Set(meeting_id),
            status: Set(MinutesStatus::Approved),
            approved_by: Set(principal.user_id().map(|u| u.0)),
            approved_at: Set(Some(now)),
            version: Set(current.version + 1),
            updated_at: Set(now),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        audit::record(
            &txn,
            Actor::from(principal),
            "minutes.approve",
            "meeting",
            Some(meeting_id),
            json!({}),
        )
        .await?;
        events::publish(&txn, "meeting", meeting_id).await?;
        txn.commit().await?;
        Ok(approved)
    }
}
