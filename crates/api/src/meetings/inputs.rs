//! Inputs and payloads of the meeting mutations.

use crate::kernel::enums::{ActionItemStatus, MeetingKind, MeetingStatus, RsvpResponse};
use crate::kernel::error::UserError;
use crate::meetings::types::{
    ActionItemNode, AgendaItemNode, AttendanceNode, DecisionNode, MeetingNode, MinutesNode,
};
use async_graphql::{ID, InputObject, MaybeUndefined, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};

/// Input for `scheduleMeeting`.
#[derive(InputObject)]
pub struct ScheduleMeetingInput {
    /// The alliance's global id.
    pub(crate) alliance_id: ID,
    /// The meeting's title, 1 to 200 characters.
    pub(crate) title: String,
    /// The kind of meeting.
    #[graphql(default_with = "MeetingKind::Regular")]
    pub(crate) kind: MeetingKind,
    /// When it starts (UTC).
    pub(crate) starts_at: DateTime<Utc>,
    /// When it ends (UTC); must be after `startsAt` (else `BEFORE_START`).
    pub(crate) ends_at: DateTime<Utc>,
    /// Where it takes place, at most 300 characters.
    pub(crate) location: Option<String>,
    /// Link to join online: http or https, with a host, no credentials, at most 2,048 characters
    /// (`INVALID_URL` otherwise).
    pub(crate) online_url: Option<String>,
    /// Defaults to the lead unit on the meeting's date.
    pub(crate) host_organization_id: Option<ID>,
    /// When agenda proposals close (UTC), before `startsAt` (else `AFTER_START`). Omitted: the
    /// alliance's `agendaDeadlineDays` before the start — set a later one when scheduling at
    /// short notice, so that member organizations can still propose items.
    pub(crate) agenda_deadline: Option<DateTime<Utc>>,
}

/// Input for `updateMeeting`: a field left out stays as it is; `null` (or an empty string) clears
/// `location` or `onlineUrl`, and is refused with `REQUIRED` for the other fields.
#[derive(InputObject)]
pub struct UpdateMeetingInput {
    /// The meeting's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// New title, 1 to 200 characters.
    pub(crate) title: MaybeUndefined<String>,
    /// New kind.
    pub(crate) kind: MaybeUndefined<MeetingKind>,
    /// New start (UTC).
    pub(crate) starts_at: MaybeUndefined<DateTime<Utc>>,
    /// New end (UTC); must be after the start (else `BEFORE_START`).
    pub(crate) ends_at: MaybeUndefined<DateTime<Utc>>,
    /// New location, at most 300 characters.
    pub(crate) location: MaybeUndefined<String>,
    /// Link to join online: http or https, with a host, no credentials, at most 2,048 characters
    /// (`INVALID_URL` otherwise).
    pub(crate) online_url: MaybeUndefined<String>,
    /// New status; a move the lifecycle does not allow answers `INVALID_TRANSITION`.
    pub(crate) status: MaybeUndefined<MeetingStatus>,
    /// New agenda deadline (UTC), before the start (else `AFTER_START`); `null`: back to the
    /// alliance's `agendaDeadlineDays` before the start.
    pub(crate) agenda_deadline: MaybeUndefined<DateTime<Utc>>,
}

/// The result of `scheduleMeeting` or `updateMeeting`.
#[derive(SimpleObject)]
pub struct MeetingPayload {
    /// The meeting as saved; null when `userErrors` is not empty.
    pub(crate) meeting: Option<MeetingNode>,
    /// Invalid input: `title` `REQUIRED`/`TOO_LONG`, `startsAt` `REQUIRED`, `endsAt` `BEFORE_START`, `location`/`onlineUrl` `TOO_LONG`, `onlineUrl` `INVALID`, `hostOrganizationId` `NOT_MEMBER`, `status` `INVALID_TRANSITION`, `agendaDeadline` `AFTER_START`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `proposeAgendaItem`.
#[derive(InputObject)]
pub struct ProposeAgendaItemInput {
    /// The meeting's global id.
    pub(crate) meeting_id: ID,
    /// The item's title, 1 to 200 characters.
    pub(crate) title: String,
    /// Defaults to the proposing organization.
    pub(crate) presenter_organization_id: Option<ID>,
    /// Minutes of speaking time, 1 to 480.
    pub(crate) minutes_allotted: Option<i32>,
    /// What the organization wants discussed (plain text, up to 2,000 characters).
    pub(crate) description: Option<String>,
}

/// Input for `updateAgendaProposal`.
#[derive(InputObject)]
pub struct UpdateAgendaProposalInput {
    /// The agenda item's global id (from `myAgendaProposals`).
    pub(crate) id: ID,
    /// The new title, 1 to 200 characters.
    pub(crate) title: String,
    /// The new description (plain text, up to 2,000 characters); empty or omitted: none.
    pub(crate) description: Option<String>,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
}

/// Input for `withdrawAgendaProposal`.
#[derive(InputObject)]
pub struct WithdrawAgendaProposalInput {
    /// The agenda item's global id (from `myAgendaProposals`).
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
}

/// Input for `decideAgendaItem`.
#[derive(InputObject)]
pub struct DecideAgendaItemInput {
    /// The agenda item's global id (from `Meeting.agenda`).
    pub(crate) id: ID,
    /// True to accept, false to reject.
    pub(crate) accept: bool,
}

/// The result of an agenda change.
#[derive(SimpleObject)]
pub struct AgendaItemPayload {
    /// The item as saved; null for `reorderAgenda` or when `userErrors` is not empty.
    pub(crate) agenda_item: Option<AgendaItemNode>,
    /// The meeting with its updated agenda; null when `userErrors` is not empty.
    pub(crate) meeting: Option<MeetingNode>,
    /// Invalid input: `title` `REQUIRED`/`TOO_LONG`, `minutesAllotted` `OUT_OF_RANGE`, `description` `TOO_LONG`, `meetingId` `DEADLINE_PASSED`/`CLOSED`, `presenterOrganizationId` `NOT_MEMBER`, `itemIds` `MISMATCH`; for `updateAgendaProposal` and `withdrawAgendaProposal` (and `decideAgendaItem`) `id` `DECIDED`/`WITHDRAWN`/`CLOSED`/`DEADLINE_PASSED`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `reorderAgenda`.
#[derive(InputObject)]
pub struct ReorderAgendaInput {
    /// The meeting's global id.
    pub(crate) meeting_id: ID,
    /// Every agenda item of the meeting, in the new order.
    pub(crate) item_ids: Vec<ID>,
}

/// Input for `respondToMeeting`.
#[derive(InputObject)]
pub struct RespondToMeetingInput {
    /// The meeting's global id; the viewer must be a person of one of its alliance's member
    /// organizations (else `FORBIDDEN`).
    pub(crate) meeting_id: ID,
    /// The answer.
    pub(crate) response: RsvpResponse,
}

/// Input for `checkIn`.
#[derive(InputObject)]
pub struct CheckInInput {
    /// The meeting's global id; a completed or cancelled meeting answers `CLOSED`.
    pub(crate) meeting_id: ID,
    /// The code from the check-in link or QR code.
    pub(crate) code: String,
}

/// Input for `checkInMember`.
#[derive(InputObject)]
pub struct CheckInMemberInput {
    /// The meeting's global id.
    pub(crate) meeting_id: ID,
    /// The invitee's global id; someone not invited answers `NOT_INVITED`.
    pub(crate) user_id: ID,
}

/// The result of an RSVP or a check-in.
#[derive(SimpleObject)]
pub struct AttendancePayload {
    /// The attendance as saved; null when `userErrors` is not empty.
    pub(crate) attendance: Option<AttendanceNode>,
    /// Invalid input: `code` `INVALID`, `meetingId` `CLOSED`, `userId` `NOT_INVITED`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `saveMinutes`.
#[derive(InputObject)]
pub struct SaveMinutesInput {
    /// The meeting's global id.
    pub(crate) meeting_id: ID,
    /// Markdown.
    pub(crate) body: String,
    /// The version you read; omit for the first save.
    pub(crate) version: Option<i32>,
}

/// Input for `approveMinutes`.
#[derive(InputObject)]
pub struct ApproveMinutesInput {
    /// The meeting's global id.
    pub(crate) meeting_id: ID,
    /// The minutes' `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
}

/// Input for `submitMinutes`.
#[derive(InputObject)]
pub struct SubmitMinutesInput {
    /// The meeting's global id.
    pub(crate) meeting_id: ID,
    /// The minutes' `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
}

/// Input for `returnMinutes`.
#[derive(InputObject)]
pub struct ReturnMinutesInput {
    /// The meeting's global id.
    pub(crate) meeting_id: ID,
    /// The minutes' `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// What to change, for the convener (1 to 5,000 characters).
    pub(crate) comment: String,
}

/// The result of `saveMinutes`, `submitMinutes`, `returnMinutes` or `approveMinutes`.
#[derive(SimpleObject)]
pub struct MinutesPayload {
    /// The minutes as saved; null when `userErrors` is not empty.
    pub(crate) minutes: Option<MinutesNode>,
    /// Invalid input: `body` `TOO_LONG` (200,000 characters) or `APPROVED` (approved minutes are final), `comment` `REQUIRED`/`TOO_LONG`, `meetingId` `NO_MINUTES`/`ALREADY_SUBMITTED`/`ALREADY_RETURNED`/`ALREADY_APPROVED`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `recordDecision`.
#[derive(InputObject)]
pub struct RecordDecisionInput {
    /// The meeting's global id.
    pub(crate) meeting_id: ID,
    /// The decision, 1 to 2000 characters.
    pub(crate) text: String,
}

/// The result of `recordDecision`.
#[derive(SimpleObject)]
pub struct DecisionPayload {
    /// The decision as saved; null when `userErrors` is not empty.
    pub(crate) decision: Option<DecisionNode>,
    /// Invalid input: `text` `REQUIRED`/`TOO_LONG`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `createActionItem`.
#[derive(InputObject)]
pub struct CreateActionItemInput {
    /// The meeting that makes it.
    pub(crate) meeting_id: ID,
    /// The decision it carries out; one of another meeting answers `INVALID`.
    pub(crate) decision_id: Option<ID>,
    /// What to do, 1 to 500 characters.
    pub(crate) title: String,
    /// The responsible organization, a current member of the alliance (else `NOT_MEMBER`).
    pub(crate) assignee_organization_id: ID,
    /// A responsible person, a current member of that organization (else `NOT_MEMBER`).
    pub(crate) assignee_user_id: Option<ID>,
    /// The due day (`YYYY-MM-DD`); past it the item is overdue.
    pub(crate) due_on: Option<NaiveDate>,
}

/// Input for `updateActionItem`: give a new `status`, a `note`, or both (else `REQUIRED`).
#[derive(InputObject)]
pub struct UpdateActionItemInput {
    /// The action item's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// The new status.
    pub(crate) status: Option<ActionItemStatus>,
    /// A progress note.
    pub(crate) note: Option<String>,
}

/// The result of `createActionItem` or `updateActionItem`.
#[derive(SimpleObject)]
pub struct ActionItemPayload {
    /// The action item as saved; null when `userErrors` is not empty.
    pub(crate) action_item: Option<ActionItemNode>,
    /// Invalid input: `title` `REQUIRED`/`TOO_LONG`, `assigneeOrganizationId`/`assigneeUserId` `NOT_MEMBER`, `decisionId` `INVALID`, `note` `TOO_LONG` (2000 characters), `status` `REQUIRED`.
    pub(crate) user_errors: Vec<UserError>,
}
