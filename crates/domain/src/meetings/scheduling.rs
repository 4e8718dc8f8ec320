//! Scheduling a meeting and changing it: time, place, host and status.

use super::*;
use crate::alliances::AllianceFacts;
use crate::entities::meeting;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::events;
use crate::kernel::ids::{AllianceId, MeetingId};
use crate::kernel::validation;
use crate::kernel::vocab::{MeetingKind, MeetingStatus, NotificationKind};
use crate::notifications::Notice;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

impl Meetings<'_> {
    pub async fn schedule_meeting(
        &self,
        principal: &Principal,
        alliance_id: AllianceId,
        input: MeetingInput,
    ) -> Result<meeting::Model, Error> {
        let owner = self
            .alliances()
            .alliance_readable(principal, alliance_id)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        policy::authorize(
            principal,
            Action::ScheduleMeeting,
            AllianceFacts::of(&owner).resource(),
        )?;
        let mut errors = Vec::new();
        let title = validation::required_text(
            &mut errors,
            "title",
            input.title.as_deref().unwrap_or(""),
            200,
        );
        let location =
            validation::optional_text(&mut errors, "location", input.location.as_deref(), 300);
        let online_url = validation::url(&mut errors, "onlineUrl", input.online_url.as_deref());
        let (starts_at, ends_at) = match (input.starts_at, input.ends_at) {
            (Some(s), Some(e)) if e > s => (s, e),
            (Some(s), Some(_)) => {
                errors.push(FieldError::new(
                    "endsAt",
                    "BEFORE_START",
                    "must be after the start",
                ));
                (s, s)
            }
            _ => {
                errors.push(FieldError::new(
                    "startsAt",
                    "REQUIRED",
                    "give the start and end time",
                ));
                (self.now(), self.now())
            }
        };
        if let Some(deadline) = input.agenda_deadline {
            check_agenda_deadline(&mut errors, deadline, starts_at);
        }
        if let Some(org) = input.host_organization_id
            && !self.is_current_member(&self.db, owner.id, org.0).await?
        {
            errors.push(FieldError::new(
                "hostOrganizationId",
                "NOT_MEMBER",
                "the host must be a member organization of the alliance",
            ));
        }
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let host = match input.host_organization_id {
            Some(org) => Some(org.0),
            None => self
                .rotation()
                .lead_at(&txn, owner.id, starts_at)
                .await?
                .map(|t| t.organization_id),
        };
        let now = self.now();
        let created = meeting::ActiveModel {
            id: Set(MeetingId::new().0),
            alliance_id: Set(owner.id),
            host_organization_id: Set(host),
            kind: Set(input.kind.unwrap_or(MeetingKind::Regular).as_str().into()),
            title: Set(title),
            starts_at: Set(starts_at),
            ends_at: Set(ends_at),
            location: Set(location),
            online_url: Set(online_url),
            status: Set(input.status.unwrap_or(MeetingStatus::Scheduled)),
            check_in_code: Set(check_in_code()),
            agenda_deadline_at: Set(input.agenda_deadline),
            created_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await?;
        // Everyone of the current member organizations is invited.
        txn.execute_raw(stmt(
            "INSERT INTO attendances (id, meeting_id, organization_id, user_id)
             SELECT DISTINCT ON (om.user_id) gen_random_uuid(), $1, om.organization_id, om.user_id
               FROM alliance_memberships am JOIN organization_memberships om ON om.organization_id = am.organization_id
              WHERE am.alliance_id = $2 AND am.joined_on <= $3 AND (am.left_on IS NULL OR am.left_on > $3)
                AND om.left_on IS NULL",
            [
                created.id.into(),
                owner.id.into(),
                self.today_in(&owner.time_zone).into(),
            ],
        ))
        .await?;
        let invited = self.invited_users(&txn, created.id).await?;
        let params = serde_json::json!({ "alliance": owner.name, "meeting": created.title });
        self.notifications()
            .notify_users(
                &txn,
                &invited,
                Notice {
                    kind: NotificationKind::MeetingScheduled,
                    entity_type: "meeting",
                    entity_id: created.id,
                    params,
                    dedupe: None,
                },
            )
            .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "meeting.schedule",
            "meeting",
            Some(created.id),
            json!({"title": created.title}),
        )
        .await?;
        events::publish(&txn, "meeting", created.id).await?;
        txn.commit().await?;
        Ok(created)
    }

    pub(crate) async fn invited_users<C: ConnectionTrait>(
        &self,
        conn: &C,
        meeting: Uuid,
    ) -> Result<Vec<Uuid>, Error> {
        let rows = conn
            .query_all_raw(stmt(
                "SELECT user_id FROM attendances WHERE meeting_id = $1 AND user_id IS NOT NULL",
                [meeting.into()],
            ))
            .await?;
        Ok(rows
            .iter()
            .filter_map(|r| r.try_get("", "user_id").ok())
            .collect())
    }

    pub async fn update_meeting(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        input: MeetingChanges,
    ) -> Result<meeting::Model, Error> {
        let (current, owner) = self
            .meeting_for(principal, id, Action::ScheduleMeeting)
            .await?;
        let mut errors = Vec::new();
        let mut changes = meeting::ActiveModel {
            id: Set(id),
            ..Default::default()
        };
        if let Some(v) = input.title.required(&mut errors, "title") {
            changes.title = Set(validation::required_text(&mut errors, "title", &v, 200));
        }
        if let Some(v) = input.kind.required(&mut errors, "kind") {
            changes.kind = Set(v.as_str().into());
        }
        let starts = input
            .starts_at
            .required(&mut errors, "startsAt")
            .unwrap_or(current.starts_at);
        let ends = input
            .ends_at
            .required(&mut errors, "endsAt")
            .unwrap_or(current.ends_at);
        if ends <= starts {
            errors.push(FieldError::new(
                "endsAt",
                "BEFORE_START",
                "must be after the start",
            ));
        }
        changes.starts_at = Set(starts);
        changes.ends_at = Set(ends);
        match input.agenda_deadline {
            // A kept deadline later than a new, earlier start reads as the start (`agenda_deadline_after`).
            Patch::Keep => {}
            Patch::Clear => changes.agenda_deadline_at = Set(None),
            Patch::Set(deadline) => {
                check_agenda_deadline(&mut errors, deadline, starts);
                changes.agenda_deadline_at = Set(Some(deadline));
            }
        }
        changes.location = input.location.text_column(&mut errors, "location", 300);
        match input.online_url {
            Patch::Keep => {}
            Patch::Clear => changes.online_url = Set(None),
            Patch::Set(v) => {
                changes.online_url = Set(validation::url(&mut errors, "onlineUrl", Some(&v)));
            }
        }
        if let Some(v) = input.status.required(&mut errors, "status") {
            if !status_move_allowed(current.status, v) {
                errors.push(FieldError::new(
                    "status",
                    "INVALID_TRANSITION",
                    format!("a meeting cannot go from {} to {v}", current.status),
                ));
            }
            changes.status = Set(v);
        }
        if let Some(org) = input
            .host_organization_id
            .required(&mut errors, "hostOrganizationId")
        {
            if self.is_current_member(&self.db, owner.id, org.0).await? {
                changes.host_organization_id = Set(Some(org.0));
            } else {
                errors.push(FieldError::new(
                    "hostOrganizationId",
                    "NOT_MEMBER",
                    "the host must be a member organization of the alliance",
                ));
            }
        }
        validation::finish(errors)?;
        changes.version = Set(version + 1);
        changes.updated_at = Set(self.now());
        let txn = self.db.begin().await?;
        let result = meeting::Entity::update_many()
            .set(changes)
            .filter(meeting::Column::Id.eq(id))
            .filter(meeting::Column::Version.eq(version))
            .exec(&txn)
            .await?;
        if result.rows_affected == 0 {
            return Err(Error::Conflict(format!(
                "the meeting was changed by someone else (you edited version {version}); reload and try again"
            )));
        }
        let updated = meeting::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("meeting"))?;
        let invited = self.invited_users(&txn, id).await?;
        // Cancelled and rescheduled are told as such: those are the changes people act on.
        let kind = if updated.status == MeetingStatus::Cancelled
            && current.status != MeetingStatus::Cancelled
        {
            NotificationKind::MeetingCancelled
        } else if updated.starts_at != current.starts_at || updated.ends_at != current.ends_at {
            NotificationKind::MeetingRescheduled
        } else {
            NotificationKind::MeetingChanged
        };
        self.hand_off(
            &txn,
            principal,
            &invited,
            kind,
            &updated,
            &owner.name,
            json!({}),
        )
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "meeting.update",
            "meeting",
            Some(id),
            json!({"version": version + 1}),
        )
        .await?;
        events::publish(&txn, "meeting", id).await?;
        txn.commit().await?;
        Ok(updated)
    }
}
