//! Joint meetings: scheduling, agenda, attendance, minutes, decisions and action items.

use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::{ActionItemStatus, MeetingKind, MeetingStatus, RsvpResponse};
use crate::kernel::error::{ResultExt, UserError, coded, split};
use crate::kernel::ids::{Kind, decode};
use crate::kernel::live::{Live, Reauthorized};
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
        #[graphql(
            desc = "The meeting's global id; an id of another type answers `BAD_USER_INPUT`."
        )]
        id: ID,
    ) -> async_graphql::Result<Option<MeetingNode>> {
        let id = decode(&id, Kind::Meeting, "id")?;
        Ok(services(ctx)?
            .meetings()
            .meeting(&*principal(ctx)?, id)
            .await
            .gql()?
            .map(MeetingNode))
    }

    /// Meetings of the alliances the viewer belongs to, by start time; optionally one alliance and a window.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(desc = "Only this alliance's meetings.")] alliance_id: Option<ID>,
        #[graphql(
            desc = "Only meetings still running after this instant (UTC), i.e. ending later."
        )]
        from: Option<DateTime<Utc>>,
        #[graphql(desc = "Only meetings starting before this instant (UTC).")] to: Option<
            DateTime<Utc>,
        >,
    ) -> async_graphql::Result<Conn<MeetingNode>> {
        let page = page_request(first, after)?;
        let alliance = alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId"))
            .transpose()?
            .map(AllianceId);
        let (rows, total) = services(ctx)?
            .meetings()
            .meetings(&*principal(ctx)?, page, alliance, from, to)
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
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(default = false, desc = "Include done and cancelled items.")] include_done: bool,
    ) -> async_graphql::Result<Conn<ActionItemNode>> {
        let page = page_request(first, after)?;
        let (rows, total) = services(ctx)?
            .meetings()
            .my_action_items(&*principal(ctx)?, page, include_done)
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

/// Input for `scheduleMeeting`.
#[derive(InputObject)]
pub struct ScheduleMeetingInput {
    /// The alliance's global id.
    alliance_id: ID,
    /// The meeting's title, 1 to 200 characters.
    title: String,
    /// The kind of meeting.
    #[graphql(default_with = "MeetingKind::Regular")]
    kind: MeetingKind,
    /// When it starts (UTC).
    starts_at: DateTime<Utc>,
    /// When it ends (UTC); must be after `startsAt` (else `BEFORE_START`).
    ends_at: DateTime<Utc>,
    /// Where it takes place, at most 300 characters.
    location: Option<String>,
    /// Link to join online: http or https, with a host, no credentials, at most 2,048 characters
    /// (`INVALID_URL` otherwise).
    online_url: Option<String>,
    /// Defaults to the lead unit on the meeting's date.
    host_organization_id: Option<ID>,
}

/// Input for `updateMeeting`: omitted fields stay as they are; an empty string clears an optional text.
#[derive(InputObject)]
pub struct UpdateMeetingInput {
    /// The meeting's global id.
    id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    version: i32,
    /// New title, 1 to 200 characters.
    title: Option<String>,
    /// New kind.
    kind: Option<MeetingKind>,
    /// New start (UTC).
    starts_at: Option<DateTime<Utc>>,
    /// New end (UTC); must be after the start (else `BEFORE_START`).
    ends_at: Option<DateTime<Utc>>,
    /// New location, at most 300 characters.
    location: Option<String>,
    /// Link to join online: http or https, with a host, no credentials, at most 2,048 characters
    /// (`INVALID_URL` otherwise).
    online_url: Option<String>,
    /// New status; a move the lifecycle does not allow answers `INVALID_TRANSITION`.
    status: Option<MeetingStatus>,
}

/// The result of `scheduleMeeting` or `updateMeeting`.
#[derive(SimpleObject)]
pub struct MeetingPayload {
    /// The meeting as saved; null when `userErrors` is not empty.
    meeting: Option<MeetingNode>,
    /// Invalid input: `title` `REQUIRED`/`TOO_LONG`, `startsAt` `REQUIRED`, `endsAt` `BEFORE_START`, `location`/`onlineUrl` `TOO_LONG`, `onlineUrl` `INVALID`, `hostOrganizationId` `NOT_MEMBER`, `status` `INVALID_TRANSITION`.
    user_errors: Vec<UserError>,
}

/// Input for `proposeAgendaItem`.
#[derive(InputObject)]
pub struct ProposeAgendaItemInput {
    /// The meeting's global id.
    meeting_id: ID,
    /// The item's title, 1 to 200 characters.
    title: String,
    /// Defaults to the proposing organization.
    presenter_organization_id: Option<ID>,
    /// Minutes of speaking time, 1 to 480.
    minutes_allotted: Option<i32>,
}

/// Input for `decideAgendaItem`.
#[derive(InputObject)]
pub struct DecideAgendaItemInput {
    /// The agenda item's global id (from `Meeting.agenda`).
    id: ID,
    /// True to accept, false to reject.
    accept: bool,
}

/// The result of an agenda change.
#[derive(SimpleObject)]
pub struct AgendaItemPayload {
    /// The item as saved; null for `reorderAgenda` or when `userErrors` is not empty.
    agenda_item: Option<AgendaItemNode>,
    /// The meeting with its updated agenda; null when `userErrors` is not empty.
    meeting: Option<MeetingNode>,
    /// Invalid input: `title` `REQUIRED`/`TOO_LONG`, `minutesAllotted` `OUT_OF_RANGE`, `meetingId` `DEADLINE_PASSED`/`CLOSED`, `presenterOrganizationId` `NOT_MEMBER`, `itemIds` `MISMATCH`.
    user_errors: Vec<UserError>,
}

/// Input for `reorderAgenda`.
#[derive(InputObject)]
pub struct ReorderAgendaInput {
    /// The meeting's global id.
    meeting_id: ID,
    /// Every agenda item of the meeting, in the new order.
    item_ids: Vec<ID>,
}

/// Input for `respondToMeeting`.
#[derive(InputObject)]
pub struct RespondToMeetingInput {
    /// The meeting's global id; the viewer must be a person of one of its alliance's member
    /// organizations (else `FORBIDDEN`).
    meeting_id: ID,
    /// The answer.
    response: RsvpResponse,
}

/// Input for `checkIn`.
#[derive(InputObject)]
pub struct CheckInInput {
    /// The meeting's global id; a completed or cancelled meeting answers `CLOSED`.
    meeting_id: ID,
    /// The code from the check-in link or QR code.
    code: String,
}

/// Input for `checkInMember`.
#[derive(InputObject)]
pub struct CheckInMemberInput {
    /// The meeting's global id.
    meeting_id: ID,
    /// The invitee's global id; someone not invited answers `NOT_INVITED`.
    user_id: ID,
}

/// The result of an RSVP or a check-in.
#[derive(SimpleObject)]
pub struct AttendancePayload {
    /// The attendance as saved; null when `userErrors` is not empty.
    attendance: Option<AttendanceNode>,
    /// Invalid input: `code` `INVALID`, `meetingId` `CLOSED`, `userId` `NOT_INVITED`.
    user_errors: Vec<UserError>,
}

/// Input for `saveMinutes`.
#[derive(InputObject)]
pub struct SaveMinutesInput {
    /// The meeting's global id.
    meeting_id: ID,
    /// Markdown.
    body: String,
    /// The version you read; omit for the first save.
    version: Option<i32>,
}

/// Input for `approveMinutes`.
#[derive(InputObject)]
pub struct ApproveMinutesInput {
    /// The meeting's global id.
    meeting_id: ID,
    /// The minutes' `version` you read; a stale one is refused with `CONFLICT`.
    version: i32,
}

/// The result of `saveMinutes` or `approveMinutes`.
#[derive(SimpleObject)]
pub struct MinutesPayload {
    /// The minutes as saved; null when `userErrors` is not empty.
    minutes: Option<MinutesNode>,
    /// Invalid input: `body` `TOO_LONG` (200,000 characters) or `APPROVED` (approved minutes are final), `meetingId` `NO_MINUTES`/`ALREADY_APPROVED`.
    user_errors: Vec<UserError>,
}

/// Input for `recordDecision`.
#[derive(InputObject)]
pub struct RecordDecisionInput {
    /// The meeting's global id.
    meeting_id: ID,
    /// The decision, 1 to 2000 characters.
    text: String,
}

/// The result of `recordDecision`.
#[derive(SimpleObject)]
pub struct DecisionPayload {
    /// The decision as saved; null when `userErrors` is not empty.
    decision: Option<DecisionNode>,
    /// Invalid input: `text` `REQUIRED`/`TOO_LONG`.
    user_errors: Vec<UserError>,
}

/// Input for `createActionItem`.
#[derive(InputObject)]
pub struct CreateActionItemInput {
    /// The meeting that makes it.
    meeting_id: ID,
    /// The decision it carries out; one of another meeting answers `INVALID`.
    decision_id: Option<ID>,
    /// What to do, 1 to 500 characters.
    title: String,
    /// The responsible organization, a current member of the alliance (else `NOT_MEMBER`).
    assignee_organization_id: ID,
    /// A responsible person, a current member of that organization (else `NOT_MEMBER`).
    assignee_user_id: Option<ID>,
    /// The due day (`YYYY-MM-DD`); past it the item is overdue.
    due_on: Option<NaiveDate>,
}

/// Input for `updateActionItem`: give a new `status`, a `note`, or both (else `REQUIRED`).
#[derive(InputObject)]
pub struct UpdateActionItemInput {
    /// The action item's global id.
    id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    version: i32,
    /// The new status.
    status: Option<ActionItemStatus>,
    /// A progress note.
    note: Option<String>,
}

/// The result of `createActionItem` or `updateActionItem`.
#[derive(SimpleObject)]
pub struct ActionItemPayload {
    /// The action item as saved; null when `userErrors` is not empty.
    action_item: Option<ActionItemNode>,
    /// Invalid input: `title` `REQUIRED`/`TOO_LONG`, `assigneeOrganizationId`/`assigneeUserId` `NOT_MEMBER`, `decisionId` `INVALID`, `note` `TOO_LONG` (2000 characters), `status` `REQUIRED`.
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct MeetingMutation;

async fn with_meeting(
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

    /// The viewer answers the invitation.
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

    /// The viewer checks in with the meeting's code.
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

    /// The convener checks an invitee in.
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

    /// Approves the minutes (supervisors, alliance admins); then members can read them.
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

#[derive(Default)]
pub struct MeetingSubscription;

#[Subscription]
impl MeetingSubscription {
    /// The meeting each time its agenda, attendance, minutes or action items change.
    async fn meeting_updated(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The meeting's global id; one the viewer may not see answers `NOT_FOUND`. The stream ends when the viewer loses access."
        )]
        meeting_id: ID,
    ) -> async_graphql::Result<impl Stream<Item = MeetingNode> + use<>> {
        let id = decode(&meeting_id, Kind::Meeting, "meetingId")?;
        let live = Live::of(ctx)?;
        if live
            .services()
            .meetings()
            .meeting(&live.principal(), id)
            .await
            .gql()?
            .is_none()
        {
            return Err(coded("meeting not found", "NOT_FOUND"));
        }
        let mut events = live.services().events.subscribe();
        Ok(async_stream::stream! {
            loop {
                match events.recv().await {
                    Ok(event) if event.topic == "meeting" && event.id == id => {
                        // Before every event: the credential again, the rights as of now, then
                        // the meeting with those rights. A viewer who lost access stops receiving.
                        let viewer = match live.reauthorize().await {
                            Reauthorized::Fresh(viewer) => viewer,
                            Reauthorized::Skip => continue,
                            Reauthorized::Closed => break,
                        };
                        match live.services().meetings().meeting(&viewer, id).await {
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
