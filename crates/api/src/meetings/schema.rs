//! Joint meetings: scheduling, agenda, attendance, minutes, decisions and action items.

use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::{ActionItemStatus, MeetingKind, MeetingStatus, RsvpResponse};
use crate::kernel::error::{ResultExt, UserError, coded, split};
use crate::kernel::ids::{Kind, decode};
use crate::meetings::types::{
    ActionItemNode, AgendaItemNode, AttendanceNode, DecisionNode, MeetingNode, MinutesNode,
};
use alliance_domain::kernel::ids::{AllianceId, OrganizationId, UserId};
use alliance_domain::meetings::{MeetingInput, NewActionItem};
use async_graphql::{Context, ID, InputObject, Object, SimpleObject, Subscription};
use chrono::{DateTime, NaiveDate, Utc};
use futures_util::Stream;

#[derive(Default)]
pub struct MeetingQuery;

#[Object]
impl MeetingQuery {
    /// One meeting; null when it does not exist or the viewer may not see it.
    async fn meeting(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<MeetingNode>> {
        let id = decode(&id, Kind::Meeting, "id")?;
        Ok(services(ctx)?
            .meeting(principal(ctx)?, id)
            .await
            .gql()?
            .map(MeetingNode))
    }

    /// Meetings of the alliances the viewer belongs to, by start time; optionally one alliance and a window.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        alliance_id: Option<ID>,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> async_graphql::Result<Conn<MeetingNode>> {
        let page = page_request(first, after)?;
        let alliance = alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId"))
            .transpose()?
            .map(AllianceId);
        let (rows, total) = services(ctx)?
            .meetings(principal(ctx)?, page, alliance, from, to)
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |m| m.id,
            MeetingNode,
        ))
    }

    /// Action items assigned to the viewer or to organizations they administer.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn my_action_items(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default = false)] include_done: bool,
    ) -> async_graphql::Result<Conn<ActionItemNode>> {
        let page = page_request(first, after)?;
        let (rows, total) = services(ctx)?
            .my_action_items(principal(ctx)?, page, include_done)
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |a| a.id,
            ActionItemNode,
        ))
    }
}

#[derive(InputObject)]
pub struct ScheduleMeetingInput {
    alliance_id: ID,
    title: String,
    #[graphql(default_with = "MeetingKind::Regular")]
    kind: MeetingKind,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    location: Option<String>,
    /// Link to join online: http or https, with a host, no credentials, at most 2,048 characters
    /// (`INVALID_URL` otherwise).
    online_url: Option<String>,
    /// Defaults to the lead unit on the meeting's date.
    host_organization_id: Option<ID>,
}

#[derive(InputObject)]
pub struct UpdateMeetingInput {
    id: ID,
    version: i32,
    title: Option<String>,
    kind: Option<MeetingKind>,
    starts_at: Option<DateTime<Utc>>,
    ends_at: Option<DateTime<Utc>>,
    location: Option<String>,
    /// Link to join online: http or https, with a host, no credentials, at most 2,048 characters
    /// (`INVALID_URL` otherwise).
    online_url: Option<String>,
    status: Option<MeetingStatus>,
}

#[derive(SimpleObject)]
pub struct MeetingPayload {
    meeting: Option<MeetingNode>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct ProposeAgendaItemInput {
    meeting_id: ID,
    title: String,
    /// Defaults to the proposing organization.
    presenter_organization_id: Option<ID>,
    minutes_allotted: Option<i32>,
}

#[derive(InputObject)]
pub struct DecideAgendaItemInput {
    id: ID,
    accept: bool,
}

#[derive(SimpleObject)]
pub struct AgendaItemPayload {
    agenda_item: Option<AgendaItemNode>,
    meeting: Option<MeetingNode>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct ReorderAgendaInput {
    meeting_id: ID,
    /// Every agenda item of the meeting, in the new order.
    item_ids: Vec<ID>,
}

#[derive(InputObject)]
pub struct RespondToMeetingInput {
    meeting_id: ID,
    response: RsvpResponse,
}

#[derive(InputObject)]
pub struct CheckInInput {
    meeting_id: ID,
    /// The code from the check-in link or QR code.
    code: String,
}

#[derive(InputObject)]
pub struct CheckInMemberInput {
    meeting_id: ID,
    user_id: ID,
}

#[derive(SimpleObject)]
pub struct AttendancePayload {
    attendance: Option<AttendanceNode>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct SaveMinutesInput {
    meeting_id: ID,
    /// Markdown.
    body: String,
    /// The version you read; omit for the first save.
    version: Option<i32>,
}

#[derive(InputObject)]
pub struct ApproveMinutesInput {
    meeting_id: ID,
    version: i32,
}

#[derive(SimpleObject)]
pub struct MinutesPayload {
    minutes: Option<MinutesNode>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct RecordDecisionInput {
    meeting_id: ID,
    text: String,
}

#[derive(SimpleObject)]
pub struct DecisionPayload {
    decision: Option<DecisionNode>,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct CreateActionItemInput {
    meeting_id: ID,
    decision_id: Option<ID>,
    title: String,
    assignee_organization_id: ID,
    assignee_user_id: Option<ID>,
    due_on: Option<NaiveDate>,
}

#[derive(InputObject)]
pub struct UpdateActionItemInput {
    id: ID,
    version: i32,
    status: Option<ActionItemStatus>,
    /// A progress note.
    note: Option<String>,
}

#[derive(SimpleObject)]
pub struct ActionItemPayload {
    action_item: Option<ActionItemNode>,
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct MeetingMutation;

async fn with_meeting(
    ctx: &Context<'_>,
    id: uuid::Uuid,
) -> async_graphql::Result<Option<MeetingNode>> {
    Ok(services(ctx)?
        .meeting(principal(ctx)?, id)
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
        input: ScheduleMeetingInput,
    ) -> async_graphql::Result<MeetingPayload> {
        let alliance = AllianceId(decode(&input.alliance_id, Kind::Alliance, "allianceId")?);
        let host = input
            .host_organization_id
            .as_ref()
            .map(|id| decode(id, Kind::Organization, "hostOrganizationId"))
            .transpose()?;
        let result = services(ctx)?
            .schedule_meeting(
                principal(ctx)?,
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
        input: UpdateMeetingInput,
    ) -> async_graphql::Result<MeetingPayload> {
        let id = decode(&input.id, Kind::Meeting, "id")?;
        let result = services(ctx)?
            .update_meeting(
                principal(ctx)?,
                id,
                input.version,
                MeetingInput {
                    title: input.title,
                    kind: input.kind.map(Into::into),
                    starts_at: input.starts_at,
                    ends_at: input.ends_at,
                    location: input.location,
                    online_url: input.online_url,
                    host_organization_id: None,
                    status: input.status.map(Into::into),
                },
            )
            .await;
        let (meeting, user_errors) = split(result)?;
        Ok(MeetingPayload {
            meeting: meeting.map(MeetingNode),
            user_errors,
        })
    }

    /// A member organization proposes an agenda item before the deadline (conveners' items are accepted at once).
    async fn propose_agenda_item(
        &self,
        ctx: &Context<'_>,
        input: ProposeAgendaItemInput,
    ) -> async_graphql::Result<AgendaItemPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let presenter = input
            .presenter_organization_id
            .as_ref()
            .map(|id| decode(id, Kind::Organization, "presenterOrganizationId"))
            .transpose()?;
        let result = services(ctx)?
            .propose_agenda_item(
                principal(ctx)?,
                meeting,
                &input.title,
                presenter,
                input.minutes_allotted,
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
        input: DecideAgendaItemInput,
    ) -> async_graphql::Result<AgendaItemPayload> {
        let id = decode(&input.id, Kind::AgendaItem, "id")?;
        let result = services(ctx)?
            .decide_agenda_item(principal(ctx)?, id, input.accept)
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
        input: ReorderAgendaInput,
    ) -> async_graphql::Result<MeetingPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let ids = input
            .item_ids
            .iter()
            .map(|id| decode(id, Kind::AgendaItem, "itemIds"))
            .collect::<Result<Vec<_>, _>>()?;
        let (done, user_errors) = split(
            services(ctx)?
                .reorder_agenda(principal(ctx)?, meeting, &ids)
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

    /// The viewer answers the invitation.
    async fn respond_to_meeting(
        &self,
        ctx: &Context<'_>,
        input: RespondToMeetingInput,
    ) -> async_graphql::Result<AttendancePayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (attendance, user_errors) = split(
            services(ctx)?
                .respond_to_meeting(principal(ctx)?, meeting, input.response.into())
                .await,
        )?;
        Ok(AttendancePayload {
            attendance: attendance.map(AttendanceNode),
            user_errors,
        })
    }

    /// The viewer checks in with the meeting's code.
    async fn check_in(
        &self,
        ctx: &Context<'_>,
        input: CheckInInput,
    ) -> async_graphql::Result<AttendancePayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (attendance, user_errors) = split(
            services(ctx)?
                .check_in(principal(ctx)?, meeting, &input.code)
                .await,
        )?;
        Ok(AttendancePayload {
            attendance: attendance.map(AttendanceNode),
            user_errors,
        })
    }

    /// The convener checks an invitee in.
    async fn check_in_member(
        &self,
        ctx: &Context<'_>,
        input: CheckInMemberInput,
    ) -> async_graphql::Result<AttendancePayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let user = UserId(decode(&input.user_id, Kind::User, "userId")?);
        let (attendance, user_errors) = split(
            services(ctx)?
                .check_in_member(principal(ctx)?, meeting, user)
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
        input: SaveMinutesInput,
    ) -> async_graphql::Result<MinutesPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (minutes, user_errors) = split(
            services(ctx)?
                .save_minutes(principal(ctx)?, meeting, &input.body, input.version)
                .await,
        )?;
        Ok(MinutesPayload {
            minutes: minutes.map(MinutesNode),
            user_errors,
        })
    }

    /// Approves the minutes (supervisors, alliance admins); then members can read them.
    async fn approve_minutes(
        &self,
        ctx: &Context<'_>,
        input: ApproveMinutesInput,
    ) -> async_graphql::Result<MinutesPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (minutes, user_errors) = split(
            services(ctx)?
                .approve_minutes(principal(ctx)?, meeting, input.version)
                .await,
        )?;
        Ok(MinutesPayload {
            minutes: minutes.map(MinutesNode),
            user_errors,
        })
    }

    async fn record_decision(
        &self,
        ctx: &Context<'_>,
        input: RecordDecisionInput,
    ) -> async_graphql::Result<DecisionPayload> {
        let meeting = decode(&input.meeting_id, Kind::Meeting, "meetingId")?;
        let (decision, user_errors) = split(
            services(ctx)?
                .record_decision(principal(ctx)?, meeting, &input.text)
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
        input: CreateActionItemInput,
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
                .create_action_item(principal(ctx)?, new)
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
        input: UpdateActionItemInput,
    ) -> async_graphql::Result<ActionItemPayload> {
        let id = decode(&input.id, Kind::ActionItem, "id")?;
        let result = services(ctx)?
            .update_action_item(
                principal(ctx)?,
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

#[derive(Default)]
pub struct MeetingSubscription;

#[Subscription]
impl MeetingSubscription {
    /// The meeting each time its agenda, attendance, minutes or action items change.
    async fn meeting_updated(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
    ) -> async_graphql::Result<impl Stream<Item = MeetingNode> + use<>> {
        let id = decode(&meeting_id, Kind::Meeting, "meetingId")?;
        let services = services(ctx)?.clone();
        let viewer = principal(ctx)?.clone();
        if services.meeting(&viewer, id).await.gql()?.is_none() {
            return Err(coded("meeting not found", "NOT_FOUND"));
        }
        let mut events = services.events.subscribe();
        Ok(async_stream::stream! {
            loop {
                match events.recv().await {
                    Ok(event) if event.topic == "meeting" && event.id == id => {
                        // Re-checked on every event: a viewer who lost access stops receiving.
                        match services.meeting(&viewer, id).await {
                            Ok(Some(found)) => yield MeetingNode(found),
                            Ok(None) => break,
                            Err(e) => tracing::warn!(error = %e, "subscription reload failed"),
                        }
                    }
                    Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
                }
            }
        })
    }
}
