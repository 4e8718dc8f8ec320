//! Minutes under review: the convener submits them, a supervisor or alliance admin approves them or
//! returns them for changes with a comment. Each step names the version it read and hands off to
//! the next person (reviewers, the convener, the invitees).

use super::Meetings;
use crate::entities::{alliance, meeting, minutes};
use crate::kernel::audit::Actor;
use crate::kernel::error::Error;
use crate::kernel::events;
use crate::kernel::validation;
use crate::kernel::vocab::{MinutesStatus, NotificationKind};
use crate::policy::Action;
use crate::policy::principal::Principal;
use sea_orm::{
    ActiveModelTrait, DatabaseTransaction, EntityTrait, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

/// The review step a request takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Submit,
    Return,
    Approve,
}

impl Meetings<'_> {
    /// Sends the minutes to the supervisors and alliance admins for approval (conveners).
    pub async fn submit_minutes(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        version: i32,
    ) -> Result<minutes::Model, Error> {
        let (found, owner) = self
            .meeting_for(principal, meeting_id, Action::RecordMinutes)
            .await?;
        let txn = self.db.begin().await?;
        let current = locked(&txn, meeting_id, version, Step::Submit).await?;
        let now = self.now();
        let submitted = minutes::ActiveModel {
            meeting_id: Set(meeting_id),
            status: Set(MinutesStatus::Submitted),
            submitted_at: Set(Some(now)),
            submitted_by: Set(principal.user_id().map(|u| u.0)),
            version: Set(current.version + 1),
            updated_at: Set(now),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        let reviewers = self.reviewers_of(&txn, owner.id).await?;
        self.finish(
            &txn,
            principal,
            (&found, &owner),
            "minutes.submit",
            (NotificationKind::MinutesSubmitted, &reviewers),
        )
        .await?;
        txn.commit().await?;
        Ok(submitted)
    }

    /// Returns the minutes for changes with a comment the convener sees (supervisors, alliance admins).
    pub async fn return_minutes(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        version: i32,
        comment: &str,
    ) -> Result<minutes::Model, Error> {
        let (found, owner) = self
            .meeting_for(principal, meeting_id, Action::ApproveMinutes)
            .await?;
        let mut errors = Vec::new();
        let comment = validation::required_text(&mut errors, "comment", comment, 5000);
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let current = locked(&txn, meeting_id, version, Step::Return).await?;
        let now = self.now();
        let returned = minutes::ActiveModel {
            meeting_id: Set(meeting_id),
            status: Set(MinutesStatus::Returned),
            returned_at: Set(Some(now)),
            returned_by: Set(principal.user_id().map(|u| u.0)),
            return_comment: Set(Some(comment)),
            version: Set(current.version + 1),
            updated_at: Set(now),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        // Back to whoever wrote and submitted them, and the conveners.
        let mut writers = self.conveners_of(&txn, &found).await?;
        writers.extend(current.updated_by);
        writers.extend(current.submitted_by);
        writers.sort();
        writers.dedup();
        self.finish(
            &txn,
            principal,
            (&found, &owner),
            "minutes.return",
            (NotificationKind::MinutesReturned, &writers),
        )
        .await?;
        txn.commit().await?;
        Ok(returned)
    }

    /// Approves the minutes (supervisors, alliance admins); then every invitee can read them and is told.
    pub async fn approve_minutes(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        version: i32,
    ) -> Result<minutes::Model, Error> {
        let (found, owner) = self
            .meeting_for(principal, meeting_id, Action::ApproveMinutes)
            .await?;
        let txn = self.db.begin().await?;
        let current = locked(&txn, meeting_id, version, Step::Approve).await?;
        let now = self.now();
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
        let invited = self.invited_users(&txn, meeting_id).await?;
        self.finish(
            &txn,
            principal,
            (&found, &owner),
            "minutes.approve",
            (NotificationKind::MinutesApproved, &invited),
        )
        .await?;
        txn.commit().await?;
        Ok(approved)
    }

    /// The common end of a step: the hand-off, the audit entry and the live event.
    async fn finish(
        &self,
        txn: &DatabaseTransaction,
        principal: &Principal,
        (found, owner): (&meeting::Model, &alliance::Model),
        action: &str,
        (kind, recipients): (NotificationKind, &[Uuid]),
    ) -> Result<(), Error> {
        self.hand_off(
            txn,
            principal,
            recipients,
            kind,
            found,
            &owner.name,
            json!({}),
        )
        .await?;
        self.record_audit(
            txn,
            Actor::from(principal),
            action,
            "meeting",
            Some(found.id),
            json!({}),
        )
        .await?;
        events::publish(txn, "meeting", found.id).await?;
        Ok(())
    }
}

/// The minutes of `meeting_id`, locked, if `step` may be taken from where they stand at `version`.
async fn locked(
    txn: &DatabaseTransaction,
    meeting_id: Uuid,
    version: i32,
    step: Step,
) -> Result<minutes::Model, Error> {
    let current = minutes::Entity::find_by_id(meeting_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or_else(|| {
            Error::invalid(
                "meetingId",
                "NO_MINUTES",
                "there are no minutes for this meeting yet",
            )
        })?;
    if current.version != version {
        return Err(Error::Conflict(format!(
            "the minutes changed since you read them (now version {}); review them again",
            current.version
        )));
    }
    let refusal = match (current.status, step) {
        (MinutesStatus::Approved, _) => {
            Some(("ALREADY_APPROVED", "the minutes are already approved"))
        }
        (MinutesStatus::Submitted, Step::Submit) => Some((
            "ALREADY_SUBMITTED",
            "the minutes are already waiting for approval",
        )),
        (MinutesStatus::Returned, Step::Return) => Some((
            "ALREADY_RETURNED",
            "the minutes were returned and have not been changed since",
        )),
        _ => None,
    };
    if let Some((code, message)) = refusal {
        return Err(Error::invalid("meetingId", code, message));
    }
    Ok(current)
}
