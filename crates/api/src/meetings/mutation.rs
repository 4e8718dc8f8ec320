//! Meeting mutations: scheduling, agenda, RSVP and check-in, minutes, decisions, action items.

use super::inputs::*;
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, split};
use crate::kernel::ids::{Kind, decode};
use crate::kernel::patch::patch;
use crate::meetings::types::{
    ActionItemNode, AgendaItemNode, AttendanceNode, DecisionNode, MeetingNode, MinutesNode,
};
use alliance_domain::kernel::ids::{AllianceId, OrganizationId, UserId};
use alliance_domain::kernel::patch::Patch;
use alliance_domain::meetings::{MeetingChanges, MeetingInput, NewActionItem};
use async_graphql::{Context, Object};

#[derive(Default)]
pub struct MeetingMutation;

pub(super) async fn with_meeting(
    ctx: &Context<'_>,
    id: uuid::Uuid,
) -> async_graphql::Result<Option<MeetingNode>> {
    Ok(services(ctx)?
        .meetings()
        .meeting(&*principal(ctx)?, id)
        .await
        .gql()?
        .map(MeetingNode))
}

#[Object]
impl MeetingMutation {
    /// Schedules a joint meeting (lead convener, alliance admins); every member is invited and notified.
    async fn schedule_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, title, time and place.")] input: ScheduleMeetingInput,
    ) -> async_graphql::Result<MeetingPayload> {
        let alliance = AllianceId(decode(&input.alliance_id, Kind::Alliance, "allianceId")?);
        let host = input
            .host_organization_id
            .as_ref()
            .map(|id| decode(id, Kind::Organization, "hostOrganizationId"))
            .transpose()?;
        let result = services(ctx)?
            .meetings()
            .schedule_meeting(
                &*principal(ctx)?,
                alliance,
                MeetingInput {
                    title: Some(input.title),
                    kind: Some(input.kind.into()),
                    starts_at: Some(input.starts_at),
                    ends_at: Some(input.ends_at),
                    location: input.location,
                    online_url: input.online_url,
                    host_organization_id: host.map(OrganizationId),
                    status: None,
                    agenda_deadline: input.agenda_deadline,
                },
            )
            .await;
        let (meeting, user_errors) = split(result)?;
        Ok(MeetingPayload {
            meeting: meeting.map(MeetingNode),
            user_errors,
        })
    }

    /// Changes a meeting; invitees are notified.
    async fn update_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting, the version read, and the fields to change.")]
        input: UpdateMeetingInput,
    ) -> async_graphql::Result<MeetingPayload> {
        let id = decode(&input.id, Kind::Meeting, "id")?;
        let result = services(ctx)?
            .meetings()
            .update_meeting(
                &*principal(ctx)?,
                id,
                input.version,
                MeetingChanges {
                    title: patch(input.title),
                    kind: patch(input.kind).map(Into::into),
                    starts_at: patch(input.starts_at),
                    ends_at: patch(input.ends_at),
                    location: patch(input.location),
                    online_url: patch(input.online_url),
                    host_organization_id: Patch::Keep,
                    status: patch(input.status).map(Into::into),
                    agenda_deadline: patch(input.agenda_deadline),
                },
            )
            .await;
        let (meeting, user_errors) = split(result)?;
        Ok(MeetingPayload {
            meeting: meeting.map(MeetingNode),
            user_errors,
        })
    }

    /// A member organization proposes an agenda item before the deadline (conveners' items are accepted at once);
    /// a completed or cancelled meeting answers `CLOSED`.
    async fn propose_agenda_item(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting and the item.")] input: ProposeAgendaItemInput,
    ) -> async_graphql::Result<AgendaItemPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let presenter = input
            .presenter_organization_id
            .as_ref()
            .map(|id| decode(id, Kind::Organization, "presenterOrganizationId"))
            .transpose()?;
        let result = services(ctx)?
            .meetings()
            .propose_agenda_item(
                &*principal(ctx)?,
                meeting,
                &input.title,
                presenter,
                input.minutes_allotted,
                input.description.as_deref(),
            )
            .await;
        let (item, user_errors) = split(result)?;
        let meeting = if item.is_some() {
            with_meeting(ctx, meeting).await?
        } else {
            None
        };
        Ok(AgendaItemPayload {
            agenda_item: item.map(AgendaItemNode),
            meeting,
            user_errors,
        })
    }

    /// The convener accepts or rejects a proposed item.
    async fn decide_agenda_item(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The item and the decision.")] input: DecideAgendaItemInput,
    ) -> async_graphql::Result<AgendaItemPayload> {
        let id = decode(&input.id, Kind::AgendaItem, "id")?;
        let result = services(ctx)?
            .meetings()
            .decide_agenda_item(&*principal(ctx)?, id, input.accept)
            .await;
        let (item, user_errors) = split(result)?;
        let meeting = match &item {
            Some(item) => with_meeting(ctx, item.meeting_id).await?,
            None => None,
        };
        Ok(AgendaItemPayload {
            agenda_item: item.map(AgendaItemNode),
            meeting,
            user_errors,
        })
    }

    /// The convener puts the agenda in order.
    async fn reorder_agenda(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting and the new order.")] input: ReorderAgendaInput,
    ) -> async_graphql::Result<MeetingPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let ids = input
            .item_ids
            .iter()
            .map(|id| decode(id, Kind::AgendaItem, "itemIds"))
            .collect::<Result<Vec<_>, _>>()?;
        let (done, user_errors) = split(
            services(ctx)?
                .meetings()
                .reorder_agenda(&*principal(ctx)?, meeting, &ids)
                .await,
        )?;
        let meeting = if done.is_some() {
            with_meeting(ctx, meeting).await?
        } else {
            None
        };
        Ok(MeetingPayload {
            meeting,
            user_errors,
        })
    }

    /// The viewer answers the invitation; a completed or cancelled meeting answers `CLOSED`.
    async fn respond_to_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting and the answer.")] input: RespondToMeetingInput,
    ) -> async_graphql::Result<AttendancePayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (attendance, user_errors) = split(
            services(ctx)?
                .meetings()
                .respond_to_meeting(&*principal(ctx)?, meeting, input.response.into())
                .await,
        )?;
        Ok(AttendancePayload {
            attendance: attendance.map(AttendanceNode),
            user_errors,
        })
    }

    /// The viewer checks in with the meeting's code; outside the check-in window, and for a completed or
    /// cancelled meeting, it answers `CLOSED` (or `NOT_OPEN_YET`).
    async fn check_in(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting and its check-in code.")] input: CheckInInput,
    ) -> async_graphql::Result<AttendancePayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (attendance, user_errors) = split(
            services(ctx)?
                .meetings()
                .check_in(&*principal(ctx)?, meeting, &input.code)
                .await,
        )?;
        Ok(AttendancePayload {
            attendance: attendance.map(AttendanceNode),
            user_errors,
        })
    }

    /// The convener checks an invitee in; a completed or cancelled meeting answers `CLOSED`.
    async fn check_in_member(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting and the invitee.")] input: CheckInMemberInput,
    ) -> async_graphql::Result<AttendancePayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let user = UserId(decode(&input.user_id, Kind::User, "userId")?);
        let (attendance, user_errors) = split(
            services(ctx)?
                .meetings()
                .check_in_member(&*principal(ctx)?, meeting, user)
                .await,
        )?;
        Ok(AttendancePayload {
            attendance: attendance.map(AttendanceNode),
            user_errors,
        })
    }

    /// Saves draft minutes (conveners). Two people editing never overwrite each other: a stale version is a `CONFLICT`.
    async fn save_minutes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting, the text and the version read.")] input: SaveMinutesInput,
    ) -> async_graphql::Result<MinutesPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (minutes, user_errors) = split(
            services(ctx)?
                .meetings()
                .save_minutes(&*principal(ctx)?, meeting, &input.body, input.version)
                .await,
        )?;
        Ok(MinutesPayload {
            minutes: minutes.map(MinutesNode),
            user_errors,
        })
    }

    /// Submits the minutes for approval (conveners); the supervisors and alliance admins are notified.
    async fn submit_minutes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting and the minutes' version read.")] input: SubmitMinutesInput,
    ) -> async_graphql::Result<MinutesPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (minutes, user_errors) = split(
            services(ctx)?
                .meetings()
                .submit_minutes(&*principal(ctx)?, meeting, input.version)
                .await,
        )?;
        Ok(MinutesPayload {
            minutes: minutes.map(MinutesNode),
            user_errors,
        })
    }

    /// Returns the minutes for changes with a comment (supervisors, alliance admins); the conveners are notified.
    async fn return_minutes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting, the minutes' version read and what to change.")]
        input: ReturnMinutesInput,
    ) -> async_graphql::Result<MinutesPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (minutes, user_errors) = split(
            services(ctx)?
                .meetings()
                .return_minutes(&*principal(ctx)?, meeting, input.version, &input.comment)
                .await,
        )?;
        Ok(MinutesPayload {
            minutes: minutes.map(MinutesNode),
            user_errors,
        })
    }

    /// Approves the minutes (supervisors, alliance admins); then every invitee can read them and is notified.
    async fn approve_minutes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting and the minutes' version read.")] input: ApproveMinutesInput,
    ) -> async_graphql::Result<MinutesPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (minutes, user_errors) = split(
            services(ctx)?
                .meetings()
                .approve_minutes(&*principal(ctx)?, meeting, input.version)
                .await,
        )?;
        Ok(MinutesPayload {
            minutes: minutes.map(MinutesNode),
            user_errors,
        })
    }

    /// Records a decision the meeting made (conveners: alliance admins and the lead convener).
    async fn record_decision(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting and the decision.")] input: RecordDecisionInput,
    ) -> async_graphql::Result<DecisionPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (decision, user_errors) = split(
            services(ctx)?
                .meetings()
                .record_decision(&*principal(ctx)?, meeting, &input.text)
                .await,
        )?;
        Ok(DecisionPayload {
            decision: decision.map(DecisionNode),
            user_errors,
        })
    }

    /// Assigns work to a member organization (and optionally a person); they are notified.
    async fn create_action_item(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting, the work and who does it.")] input: CreateActionItemInput,
    ) -> async_graphql::Result<ActionItemPayload> {
        let new = NewActionItem {
            meeting_id: decode(&input.meeting_id, Kind::Meeting, "meetingId")?,
            decision_id: input
                .decision_id
                .as_ref()
                .map(|id| decode(id, Kind::Decision, "decisionId"))
                .transpose()?,
            title: input.title,
            assignee_organization_id: decode(
                &input.assignee_organization_id,
                Kind::Organization,
                "assigneeOrganizationId",
            )?,
            assignee_user_id: input
                .assignee_user_id
                .as_ref()
                .map(|id| decode(id, Kind::User, "assigneeUserId"))
                .transpose()?,
            due_on: input.due_on,
        };
        let (item, user_errors) = split(
            services(ctx)?
                .meetings()
                .create_action_item(&*principal(ctx)?, new)
                .await,
        )?;
        Ok(ActionItemPayload {
            action_item: item.map(ActionItemNode),
            user_errors,
        })
    }

    /// The assignee organization's admins (or the conveners) update status and add progress notes.
    async fn update_action_item(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The item, the version read, and the new status or note.")]
        input: UpdateActionItemInput,
    ) -> async_graphql::Result<ActionItemPayload> {
        let id = decode(&input.id, Kind::ActionItem, "id")?;
        let result = services(ctx)?
            .meetings()
            .update_action_item(
                &*principal(ctx)?,
                id,
                input.version,
                input.status.map(Into::into),
                input.note.as_deref(),
            )
            .await;
        let (item, user_errors) = split(result)?;
        Ok(ActionItemPayload {
            action_item: item.map(ActionItemNode),
            user_errors,
        })
    }
}
