//! Minutes: drafts with version conflicts (review and approval: `minutes_review.rs`).

use super::Meetings;
use crate::entities::minutes;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::events;
use crate::kernel::vocab::MinutesStatus;
use crate::policy::Action;
use crate::policy::principal::Principal;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QuerySelect, Set, TransactionTrait};

const LOST: &str = "the minutes changed meanwhile; send the request again";
use serde_json::json;
use uuid::Uuid;

impl Meetings<'_> {
    /// Saves draft minutes; `version` is the one read (none for the first save). Parallel first
    /// saves: one applies; the same text again returns it, another text answers `CONFLICT`.
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
        let now = self.now();
        let saved = match (existing, version) {
            (None, _) => {
                // First saves sent at once: one inserts, the others find its row (see below).
                let inserted = txn
                    .execute_raw(stmt(
                        "INSERT INTO minutes (meeting_id, body, status, updated_by, updated_at, version)
                         VALUES ($1, $2, 'draft', $3, $4, 1) ON CONFLICT (meeting_id) DO NOTHING",
                        [
                            meeting_id.into(),
                            body.into(),
                            principal.user_id().map(|u| u.0).into(),
                            now.into(),
                        ],
                    ))
                    .await?
                    .rows_affected();
                let current = minutes::Entity::find_by_id(meeting_id)
                    .lock_exclusive()
                    .one(&txn)
                    .await?
                    .ok_or_else(|| Error::Conflict(LOST.into()))?;
                if inserted == 0 {
                    // The same first save sent twice is one save; a different text is an edit
                    // of a version this client has not read.
                    return if current.body == body && current.version == 1 {
                        Ok(current)
                    } else {
                        Err(Error::Conflict(format!(
                            "the minutes were first saved by someone else meanwhile (now version {}); reload before saving",
                            current.version
                        )))
                    };
                }
                current
            }
            (Some(current), _) if current.status == MinutesStatus::Approved => {
                return Err(Error::invalid(
                    "body",
                    "APPROVED",
                    "approved minutes can no longer be edited",
                ));
            }
            // A first save sent again (its answer lost, or sent twice at once) is the same save.
            (Some(current), None) if current.body == body && current.version == 1 => {
                return Ok(current);
            }
            (Some(current), Some(v)) if v == current.version => {
                minutes::ActiveModel {
                    meeting_id: Set(meeting_id),
                    body: Set(body.to_owned()),
                    // Editing returned minutes starts a new draft; the comment stays until the
                    // minutes are submitted again.
                    status: Set(if current.status == MinutesStatus::Returned {
                        MinutesStatus::Draft
                    } else {
                        current.status
                    }),
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
        self.record_audit(
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
}
