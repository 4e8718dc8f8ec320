//! Joint meetings (联席会议) tracked to completion: scheduling, agenda proposals and decisions,
//! invitations, RSVP and check-in, minutes with approval, decisions and action items. Open action
//! items of earlier meetings appear on the next meeting's agenda until they are done.

use crate::audit::{self, Actor};
use crate::db::stmt;
use crate::entities::{
    action_item, action_item_note, agenda_item, alliance, attendance, decision, meeting, minutes,
};
use crate::error::{Error, FieldError};
use crate::events;
use crate::ids::{AllianceId, MeetingId, OrganizationId, UserId};
use crate::pagination::{Page, PageRequest};
use crate::policy::{self, Action};
use crate::principal::Principal;
use crate::services::Services;
use crate::services::alliances::AllianceFacts;
use crate::services::notifications::Notice;
use crate::validation;
use crate::vocab::{ActionItemStatus, MeetingKind, MeetingStatus, NotificationKind, RsvpResponse};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug, Clone, Default)]
pub struct MeetingInput {
    pub title: Option<String>,
    pub kind: Option<MeetingKind>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub location: Option<String>,
    pub online_url: Option<String>,
    pub host_organization_id: Option<OrganizationId>,
    pub status: Option<MeetingStatus>,
}

#[derive(Debug, Clone)]
pub struct NewActionItem {
    pub meeting_id: Uuid,
    pub decision_id: Option<Uuid>,
    pub title: String,
    pub assignee_organization_id: Uuid,
    pub assignee_user_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
}

/// When agenda proposals close for a meeting.
pub fn agenda_deadline(meeting: &meeting::Model, alliance: &alliance::Model) -> DateTime<Utc> {
    meeting.starts_at - Duration::days(i64::from(alliance.agenda_deadline_days))
}

fn check_in_code() -> String {
    format!("{:06}", rand::random::<u32>() % 1_000_000)
}

fn status_move_allowed(from: &str, to: MeetingStatus) -> bool {
    use MeetingStatus as S;
    match MeetingStatus::parse(from) {
        Some(S::Draft) => true,
        Some(S::Scheduled) => !matches!(to, S::Draft),
        Some(S::InProgress) => matches!(to, S::InProgress | S::Completed | S::Cancelled),
        Some(S::Completed) => matches!(to, S::Completed),
        Some(S::Cancelled) => matches!(to, S::Cancelled | S::Scheduled),
        None => false,
    }
}

impl Services {
    /// The meeting with its alliance, if the principal may see it.
    pub async fn meeting_with_alliance(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<(meeting::Model, alliance::Model)>, Error> {
        let Some(found) = meeting::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(None);
        };
        let Some(owner) = alliance::Entity::find_by_id(found.alliance_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if !policy::can(
            principal,
            Action::ReadMeetings,
            AllianceFacts::of(&owner).resource(),
        ) {
            return Ok(None);
        }
        Ok(Some((found, owner)))
    }

    pub async fn meeting(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<meeting::Model>, Error> {
        Ok(self
            .meeting_with_alliance(principal, id)
            .await?
            .map(|(m, _)| m))
    }

    /// Loads a meeting the principal may see and checks `action` on its alliance.
    async fn meeting_for(
        &self,
        principal: &Principal,
        id: Uuid,
        action: Action,
    ) -> Result<(meeting::Model, alliance::Model), Error> {
        let (found, owner) = self
            .meeting_with_alliance(principal, id)
            .await?
            .ok_or(Error::NotFound("meeting"))?;
        policy::authorize(principal, action, AllianceFacts::of(&owner).resource())?;
        Ok((found, owner))
    }

    pub async fn meetings_by_ids(
        &self,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, meeting::Model>, Error> {
        let rows = meeting::Entity::find()
            .filter(meeting::Column::Id.is_in(ids.to_vec()))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|m| (m.id, m)).collect())
    }

    /// Meetings the principal may see, by start time, optionally in one alliance and a window.
    pub async fn meetings(
        &self,
        principal: &Principal,
        page: PageRequest,
        alliance_id: Option<AllianceId>,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> Result<(Page<meeting::Model>, u64), Error> {
        let scope = policy::meeting_alliances(principal);
        let mut query = meeting::Entity::find();
        if !scope.all {
            query = query.filter(
                meeting::Column::AllianceId
                    .is_in(scope.ids.iter().map(|a| a.0).collect::<Vec<_>>()),
            );
        }
        if let Some(alliance) = alliance_id {
            query = query.filter(meeting::Column::AllianceId.eq(alliance.0));
        }
        if let Some(from) = from {
            query = query.filter(meeting::Column::EndsAt.gt(from));
        }
        if let Some(to) = to {
            query = query.filter(meeting::Column::StartsAt.lt(to));
        }
        let total = query.clone().count(&self.db).await?;
        if let Some(after) = page.after {
            query = query.filter(Expr::cust_with_values(
                "(meetings.starts_at, meetings.id) > (SELECT starts_at, id FROM meetings WHERE id = $1)",
                [after],
            ));
        }
        let rows = query
            .order_by_asc(meeting::Column::StartsAt)
            .order_by_asc(meeting::Column::Id)
            .limit(page.limit())
            .all(&self.db)
            .await?;
        Ok((Page::from_rows(rows, page), total))
    }

    pub async fn schedule_meeting(
        &self,
        principal: &Principal,
        alliance_id: AllianceId,
        input: MeetingInput,
    ) -> Result<meeting::Model, Error> {
        let owner = self
            .alliance(principal, alliance_id)
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
        let online_url =
            validation::optional_text(&mut errors, "onlineUrl", input.online_url.as_deref(), 500);
        if online_url
            .as_deref()
            .is_some_and(|u| !(u.starts_with("https://") || u.starts_with("http://")))
        {
            errors.push(FieldError::new(
                "onlineUrl",
                "INVALID",
                "must be an http(s) link",
            ));
        }
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
                (Utc::now(), Utc::now())
            }
        };
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let host = match input.host_organization_id {
            Some(org) => Some(org.0),
            None => self
                .lead_at(&txn, owner.id, starts_at)
                .await?
                .map(|t| t.organization_id),
        };
        let now = Utc::now();
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
            status: Set(input
                .status
                .unwrap_or(MeetingStatus::Scheduled)
                .as_str()
                .into()),
            check_in_code: Set(check_in_code()),
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
            [created.id.into(), owner.id.into(), self.now().date_naive().into()],
        ))
        .await?;
        let invited = self.invited_users(&txn, created.id).await?;
        let title = format!("{}：{} / meeting scheduled", owner.name, created.title);
        self.notify_users(
            &txn,
            &invited,
            Notice {
                kind: NotificationKind::MeetingScheduled,
                entity_type: "meeting",
                entity_id: created.id,
                title: &title,
                dedupe: None,
            },
        )
        .await?;
        audit::record(
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

    async fn invited_users<C: ConnectionTrait>(
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
        input: MeetingInput,
    ) -> Result<meeting::Model, Error> {
        let (current, owner) = self
            .meeting_for(principal, id, Action::ScheduleMeeting)
            .await?;
        let mut errors = Vec::new();
        let mut changes = meeting::ActiveModel {
            id: Set(id),
            ..Default::default()
        };
        if let Some(v) = &input.title {
            changes.title = Set(validation::required_text(&mut errors, "title", v, 200));
        }
        if let Some(v) = input.kind {
            changes.kind = Set(v.as_str().into());
        }
        let starts = input.starts_at.unwrap_or(current.starts_at);
        let ends = input.ends_at.unwrap_or(current.ends_at);
        if ends <= starts {
            errors.push(FieldError::new(
                "endsAt",
                "BEFORE_START",
                "must be after the start",
            ));
        }
        changes.starts_at = Set(starts);
        changes.ends_at = Set(ends);
        if let Some(v) = &input.location {
            changes.location = Set(validation::optional_text(
                &mut errors,
                "location",
                Some(v),
                300,
            ));
        }
        if let Some(v) = &input.online_url {
            changes.online_url = Set(validation::optional_text(
                &mut errors,
                "onlineUrl",
                Some(v),
                500,
            ));
        }
        if let Some(v) = input.status {
            if !status_move_allowed(&current.status, v) {
                errors.push(FieldError::new(
                    "status",
                    "INVALID_TRANSITION",
                    format!("a meeting cannot go from {} to {v}", current.status),
                ));
            }
            changes.status = Set(v.as_str().into());
        }
        validation::finish(errors)?;
        changes.version = Set(version + 1);
        changes.updated_at = Set(Utc::now());
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
        let title = format!("{}：{} / meeting changed", owner.name, updated.title);
        self.notify_users(
            &txn,
            &invited,
            Notice {
                kind: NotificationKind::MeetingChanged,
                entity_type: "meeting",
                entity_id: id,
                title: &title,
                dedupe: None,
            },
        )
        .await?;
        audit::record(
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

    /// The first organization the principal acts for in the alliance (for "proposed by").
    fn acting_org(principal: &Principal, alliance: AllianceId) -> Option<Uuid> {
        let Principal::User(user) = principal else {
            return None;
        };
        let orgs = user.member_alliances.get(&alliance)?;
        let mut acting: Vec<Uuid> = orgs
            .iter()
            .filter(|o| user.organizations.get(o).is_some_and(|s| s.acts_for_org()))
            .map(|o| o.0)
            .collect();
        acting.sort();
        acting.into_iter().next()
    }

    pub async fn propose_agenda_item(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        title: &str,
        presenter: Option<Uuid>,
        minutes_allotted: Option<i32>,
    ) -> Result<agenda_item::Model, Error> {
        let (found, owner) = self
            .meeting_for(principal, meeting_id, Action::ProposeAgendaItem)
            .await?;
        let resource = AllianceFacts::of(&owner).resource();
        let convener = policy::can(principal, Action::ManageAgenda, resource);
        let mut errors = Vec::new();
        let title = validation::required_text(&mut errors, "title", title, 200);
        if minutes_allotted.is_some_and(|m| !(1..=480).contains(&m)) {
            errors.push(FieldError::new(
                "minutesAllotted",
                "OUT_OF_RANGE",
                "between 1 and 480 minutes",
            ));
        }
        if !convener && self.now() > agenda_deadline(&found, &owner) {
            errors.push(FieldError::new(
                "meetingId",
                "DEADLINE_PASSED",
                "agenda proposals for this meeting are closed",
            ));
        }
        if matches!(
            MeetingStatus::parse(&found.status),
            Some(MeetingStatus::Completed | MeetingStatus::Cancelled)
        ) {
            errors.push(FieldError::new(
                "meetingId",
                "CLOSED",
                "the meeting is over",
            ));
        }
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let position = self.next_agenda_position(&txn, meeting_id).await?;
        let proposer = Self::acting_org(principal, AllianceId(owner.id));
        let created = agenda_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting_id),
            position: Set(position),
            title: Set(title),
            presenter_organization_id: Set(presenter.or(proposer)),
            minutes_allotted: Set(minutes_allotted),
            proposed_by_organization_id: Set(proposer),
            proposed_by: Set(principal.user_id().map(|u| u.0)),
            // The convener's own items need no acceptance.
            status: Set(if convener { "accepted" } else { "proposed" }.into()),
            created_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            Actor::from(principal),
            "agenda.propose",
            "meeting",
            Some(meeting_id),
            json!({"item": created.id}),
        )
        .await?;
        events::publish(&txn, "meeting", meeting_id).await?;
        txn.commit().await?;
        Ok(created)
    }

    async fn next_agenda_position<C: ConnectionTrait>(
        &self,
        conn: &C,
        meeting: Uuid,
    ) -> Result<i32, Error> {
        let row = conn.query_one_raw(stmt("SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1", [meeting.into()])).await?;
        Ok(match row {
            Some(row) => row.try_get("", "next")?,
            None => 1,
        })
    }

    pub async fn decide_agenda_item(
        &self,
        principal: &Principal,
        id: Uuid,
        accept: bool,
    ) -> Result<agenda_item::Model, Error> {
        let item = agenda_item::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("agenda item"))?;
        self.meeting_for(principal, item.meeting_id, Action::ManageAgenda)
            .await?;
        let txn = self.db.begin().await?;
        let updated = agenda_item::ActiveModel {
            id: Set(id),
            status: Set(if accept { "accepted" } else { "rejected" }.into()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        audit::record(
            &txn,
            Actor::from(principal),
            if accept {
                "agenda.accept"
            } else {
                "agenda.reject"
            },
            "meeting",
            Some(item.meeting_id),
            json!({"item": id}),
        )
        .await?;
        events::publish(&txn, "meeting", item.meeting_id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Puts the meeting's agenda items in the given order (every item, once).
    pub async fn reorder_agenda(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        order: &[Uuid],
    ) -> Result<(), Error> {
        self.meeting_for(principal, meeting_id, Action::ManageAgenda)
            .await?;
        let items = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(meeting_id))
            .all(&self.db)
            .await?;
        let mut expected: Vec<Uuid> = items.iter().map(|i| i.id).collect();
        let mut given = order.to_vec();
        expected.sort();
        given.sort();
        if expected != given {
            return Err(Error::invalid(
                "itemIds",
                "MISMATCH",
                "list every agenda item of the meeting exactly once",
            ));
        }
        let txn = self.db.begin().await?;
        for (index, id) in order.iter().enumerate() {
            agenda_item::ActiveModel {
                id: Set(*id),
                position: Set(i32::try_from(index).unwrap_or(0) + 1),
                ..Default::default()
            }
            .update(&txn)
            .await?;
        }
        audit::record(
            &txn,
            Actor::from(principal),
            "agenda.reorder",
            "meeting",
            Some(meeting_id),
            json!({}),
        )
        .await?;
        events::publish(&txn, "meeting", meeting_id).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The principal's attendance row, created on first use if they belong to a member organization.
    async fn own_attendance<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        found: &meeting::Model,
        user: Uuid,
    ) -> Result<attendance::Model, Error> {
        if let Some(existing) = attendance::Entity::find()
            .filter(attendance::Column::MeetingId.eq(found.id))
            .filter(attendance::Column::UserId.eq(user))
            .one(conn)
            .await?
        {
            return Ok(existing);
        }
        let Principal::User(me) = principal else {
            return Err(Error::Forbidden);
        };
        let mut orgs: Vec<Uuid> = me
            .member_alliances
            .get(&AllianceId(found.alliance_id))
            .map(|o| o.iter().map(|o| o.0).collect())
            .unwrap_or_default();
        orgs.sort();
        let org = orgs.first().copied().ok_or(Error::Forbidden)?;
        Ok(attendance::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(found.id),
            organization_id: Set(org),
            user_id: Set(Some(user)),
            rsvp: Set("pending".into()),
            checked_in_at: Set(None),
            checked_in_by: Set(None),
            created_at: Set(Utc::now()),
        }
        .insert(conn)
        .await?)
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
        audit::record(
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
        if code.trim() != found.check_in_code {
            return Err(Error::invalid(
                "code",
                "INVALID",
                "the check-in code is not right",
            ));
        }
        if matches!(
            MeetingStatus::parse(&found.status),
            Some(MeetingStatus::Cancelled | MeetingStatus::Completed)
        ) {
            return Err(Error::invalid(
                "meetingId",
                "CLOSED",
                "check-in for this meeting is closed",
            ));
        }
        let user = principal.user_id().ok_or(Error::Forbidden)?;
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

    async fn mark_checked_in(
        &self,
        principal: &Principal,
        found: &meeting::Model,
        user: Uuid,
    ) -> Result<attendance::Model, Error> {
        let txn = self.db.begin().await?;
        let row = self
            .own_attendance_or_invited(&txn, principal, found, user)
            .await?;
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
        audit::record(
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

    async fn own_attendance_or_invited<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        found: &meeting::Model,
        user: Uuid,
    ) -> Result<attendance::Model, Error> {
        if principal.user_id().map(|u| u.0) == Some(user) {
            return self.own_attendance(conn, principal, found, user).await;
        }
        attendance::Entity::find()
            .filter(attendance::Column::MeetingId.eq(found.id))
            .filter(attendance::Column::UserId.eq(user))
            .one(conn)
            .await?
            .ok_or_else(|| {
                Error::invalid(
                    "userId",
                    "NOT_INVITED",
                    "this person is not invited to the meeting",
                )
            })
    }

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
                    status: Set("draft".into()),
                    approved_by: Set(None),
                    approved_at: Set(None),
                    updated_by: Set(principal.user_id().map(|u| u.0)),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(&txn)
                .await?
            }
            (Some(current), _) if current.status == "approved" => {
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
        if current.status == "approved" {
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
            status: Set("approved".into()),
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

    pub async fn record_decision(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        text: &str,
    ) -> Result<decision::Model, Error> {
        self.meeting_for(principal, meeting_id, Action::RecordMinutes)
            .await?;
        let mut errors = Vec::new();
        let text = validation::required_text(&mut errors, "text", text, 2000);
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let created = decision::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting_id),
            text: Set(text),
            created_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            Actor::from(principal),
            "meeting.decision",
            "meeting",
            Some(meeting_id),
            json!({"decision": created.id}),
        )
        .await?;
        events::publish(&txn, "meeting", meeting_id).await?;
        txn.commit().await?;
        Ok(created)
    }

    pub async fn create_action_item(
        &self,
        principal: &Principal,
        input: NewActionItem,
    ) -> Result<action_item::Model, Error> {
        let (found, owner) = self
            .meeting_for(principal, input.meeting_id, Action::RecordMinutes)
            .await?;
        let mut errors = Vec::new();
        let title = validation::required_text(&mut errors, "title", &input.title, 500);
        let members = self
            .members_of_alliances(
                &[owner.id],
                PageRequest {
                    first: 100,
                    after: None,
                },
            )
            .await?;
        let is_member = members.get(&owner.id).is_some_and(|m| {
            m.iter()
                .any(|m| m.organization_id == input.assignee_organization_id)
        });
        if !is_member {
            errors.push(FieldError::new(
                "assigneeOrganizationId",
                "NOT_MEMBER",
                "assign to a member organization of the alliance",
            ));
        }
        if let Some(decision) = input.decision_id {
            let belongs = decision::Entity::find_by_id(decision)
                .one(&self.db)
                .await?
                .is_some_and(|d| d.meeting_id == found.id);
            if !belongs {
                errors.push(FieldError::new(
                    "decisionId",
                    "INVALID",
                    "the decision is not one of this meeting",
                ));
            }
        }
        validation::finish(errors)?;
        let now = Utc::now();
        let txn = self.db.begin().await?;
        let created = action_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(found.id),
            decision_id: Set(input.decision_id),
            title: Set(title),
            assignee_organization_id: Set(input.assignee_organization_id),
            assignee_user_id: Set(input.assignee_user_id),
            due_on: Set(input.due_on),
            status: Set("open".into()),
            completed_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await?;
        let title = format!(
            "{}：新的任务 / new action item: {}",
            owner.name, created.title
        );
        match created.assignee_user_id {
            Some(user) => {
                self.notify_users(
                    &txn,
                    &[user],
                    Notice {
                        kind: NotificationKind::ActionItemAssigned,
                        entity_type: "action_item",
                        entity_id: created.id,
                        title: &title,
                        dedupe: None,
                    },
                )
                .await?
            }
            None => {
                self.notify_org_admins(
                    &txn,
                    created.assignee_organization_id,
                    Notice {
                        kind: NotificationKind::ActionItemAssigned,
                        entity_type: "action_item",
                        entity_id: created.id,
                        title: &title,
                        dedupe: None,
                    },
                )
                .await?
            }
        }
        audit::record(
            &txn,
            Actor::from(principal),
            "action_item.create",
            "action_item",
            Some(created.id),
            json!({"meeting": found.id}),
        )
        .await?;
        events::publish(&txn, "meeting", found.id).await?;
        txn.commit().await?;
        Ok(created)
    }

    /// Whether the principal may update the action item: its assignee organization's admins, or the conveners.
    pub fn may_update_action_item(
        &self,
        principal: &Principal,
        item: &action_item::Model,
        owner: &alliance::Model,
    ) -> bool {
        let resource = policy::Resource::ActionItem {
            alliance: AllianceId(owner.id),
            public: AllianceFacts::of(owner).public,
            organization: OrganizationId(item.assignee_organization_id),
            user: item.assignee_user_id.map(UserId),
        };
        policy::can(principal, Action::UpdateActionItem, resource)
    }

    pub async fn update_action_item(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        status: Option<ActionItemStatus>,
        note: Option<&str>,
    ) -> Result<action_item::Model, Error> {
        let item = action_item::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("action item"))?;
        let (_, owner) = self
            .meeting_with_alliance(principal, item.meeting_id)
            .await?
            .ok_or(Error::NotFound("action item"))?;
        if !self.may_update_action_item(principal, &item, &owner) {
            return Err(Error::Forbidden);
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > 2000) {
            return Err(Error::invalid(
                "note",
                "TOO_LONG",
                "at most 2000 characters",
            ));
        }
        if status.is_none() && note.is_none() {
            return Err(Error::invalid(
                "status",
                "REQUIRED",
                "give a new status or a progress note",
            ));
        }
        let now = Utc::now();
        let txn = self.db.begin().await?;
        let mut changes = action_item::ActiveModel {
            id: Set(id),
            version: Set(version + 1),
            updated_at: Set(now),
            ..Default::default()
        };
        if let Some(status) = status {
            changes.status = Set(status.as_str().into());
            changes.completed_at = Set((status == ActionItemStatus::Done).then_some(now));
        }
        let result = action_item::Entity::update_many()
            .set(changes)
            .filter(action_item::Column::Id.eq(id))
            .filter(action_item::Column::Version.eq(version))
            .exec(&txn)
            .await?;
        if result.rows_affected == 0 {
            return Err(Error::Conflict(format!(
                "the action item was changed by someone else (you edited version {version}); reload and try again"
            )));
        }
        action_item_note::ActiveModel {
            id: Set(Uuid::now_v7()),
            action_item_id: Set(id),
            author_id: Set(principal.user_id().map(|u| u.0)),
            text: Set(note.unwrap_or_default().to_owned()),
            status: Set(status.map(|s| s.as_str().to_owned())),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            Actor::from(principal),
            "action_item.update",
            "action_item",
            Some(id),
            json!({"status": status.map(|s| s.as_str())}),
        )
        .await?;
        events::publish(&txn, "meeting", item.meeting_id).await?;
        // The later meetings that carry it on their agenda change too: one notification each, one statement.
        txn.execute_raw(stmt(
            "SELECT pg_notify($2, json_build_object('topic', 'meeting', 'id', later.id)::text)
               FROM meetings made JOIN meetings later ON later.alliance_id = made.alliance_id AND later.starts_at > made.starts_at
              WHERE made.id = $1",
            [item.meeting_id.into(), events::CHANNEL.into()],
        ))
        .await?;
        let updated = action_item::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("action item"))?;
        txn.commit().await?;
        Ok(updated)
    }

    pub async fn action_items_by_ids(
        &self,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, action_item::Model>, Error> {
        let rows = action_item::Entity::find()
            .filter(action_item::Column::Id.is_in(ids.to_vec()))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|a| (a.id, a)).collect())
    }

    /// Action items assigned to the principal or to organizations they act for.
    pub async fn my_action_items(
        &self,
        principal: &Principal,
        page: PageRequest,
        include_done: bool,
    ) -> Result<(Page<action_item::Model>, u64), Error> {
        let Principal::User(user) = principal else {
            return Err(Error::Unauthenticated("sign in first"));
        };
        let acting: Vec<Uuid> = user
            .organizations
            .iter()
            .filter(|(_, s)| s.acts_for_org())
            .map(|(o, _)| o.0)
            .collect();
        let mut query = action_item::Entity::find().filter(
            Condition::any()
                .add(action_item::Column::AssigneeUserId.eq(user.user_id.0))
                .add(action_item::Column::AssigneeOrganizationId.is_in(acting)),
        );
        if !include_done {
            query = query.filter(action_item::Column::Status.is_in(["open", "in_progress"]));
        }
        crate::pagination::page_by_id(&self.db, query, action_item::Column::Id, page).await
    }

    // Batched relations for loaders.

    pub async fn agenda_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<agenda_item::Model>>, Error> {
        group(
            agenda_item::Entity::find()
                .filter(agenda_item::Column::MeetingId.is_in(meetings.to_vec()))
                .order_by_asc(agenda_item::Column::Position)
                .all(&self.db)
                .await?,
            |i| i.meeting_id,
        )
    }

    pub async fn attendances_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<attendance::Model>>, Error> {
        group(
            attendance::Entity::find()
                .filter(attendance::Column::MeetingId.is_in(meetings.to_vec()))
                .order_by_asc(attendance::Column::Id)
                .all(&self.db)
                .await?,
            |a| a.meeting_id,
        )
    }

    pub async fn decisions_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<decision::Model>>, Error> {
        group(
            decision::Entity::find()
                .filter(decision::Column::MeetingId.is_in(meetings.to_vec()))
                .order_by_asc(decision::Column::Id)
                .all(&self.db)
                .await?,
            |d| d.meeting_id,
        )
    }

    pub async fn action_items_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<action_item::Model>>, Error> {
        group(
            action_item::Entity::find()
                .filter(action_item::Column::MeetingId.is_in(meetings.to_vec()))
                .order_by_asc(action_item::Column::Id)
                .all(&self.db)
                .await?,
            |a| a.meeting_id,
        )
    }

    pub async fn notes_of_action_items(
        &self,
        items: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<action_item_note::Model>>, Error> {
        group(
            action_item_note::Entity::find()
                .filter(action_item_note::Column::ActionItemId.is_in(items.to_vec()))
                .order_by_asc(action_item_note::Column::Id)
                .all(&self.db)
                .await?,
            |n| n.action_item_id,
        )
    }

    pub async fn minutes_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, minutes::Model>, Error> {
        let rows = minutes::Entity::find()
            .filter(minutes::Column::MeetingId.is_in(meetings.to_vec()))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|m| (m.meeting_id, m)).collect())
    }

    /// Open action items of earlier meetings of the same alliance: "progress on earlier decisions".
    pub async fn carried_over_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<action_item::Model>>, Error> {
        #[derive(FromQueryResult)]
        struct Row {
            parent_id: Uuid,
            id: Uuid,
        }
        let rows = Row::find_by_statement(stmt(
            "SELECT m.id AS parent_id, ai.id FROM meetings m
               JOIN meetings earlier ON earlier.alliance_id = m.alliance_id AND earlier.starts_at < m.starts_at
               JOIN action_items ai ON ai.meeting_id = earlier.id
              WHERE m.id = ANY($1) AND ai.status IN ('open', 'in_progress')
              ORDER BY ai.due_on NULLS LAST, ai.id",
            [meetings.to_vec().into()],
        ))
        .all(&self.db)
        .await?;
        let items = self
            .action_items_by_ids(&rows.iter().map(|r| r.id).collect::<Vec<_>>())
            .await?;
        let mut out: HashMap<Uuid, Vec<action_item::Model>> = HashMap::new();
        for row in rows {
            if let Some(item) = items.get(&row.id) {
                out.entry(row.parent_id).or_default().push(item.clone());
            }
        }
        Ok(out)
    }
}

fn group<T>(rows: Vec<T>, key: impl Fn(&T) -> Uuid) -> Result<HashMap<Uuid, Vec<T>>, Error> {
    let mut out: HashMap<Uuid, Vec<T>> = HashMap::new();
    for row in rows {
        out.entry(key(&row)).or_default().push(row);
    }
    Ok(out)
}
