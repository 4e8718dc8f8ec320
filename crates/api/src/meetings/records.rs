//! The parts of a meeting: agenda items, attendance, minutes, decisions, action items and their
//! notes.

use super::types::{MeetingNode, facts_of, org, user};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::{ActionItemStatus, AgendaItemStatus, MinutesStatus, RsvpResponse};
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use crate::users::types::UserNode;
use alliance_domain::entities::{
    action_item, action_item_note, agenda_item, attendance, decision, minutes,
};
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, NaiveDate, Utc};

impl ActionItemNode {
    /// Today in the zone of the alliance whose meeting made the item (loaded in batches).
    async fn alliance_today(&self, ctx: &Context<'_>) -> async_graphql::Result<NaiveDate> {
        let services = services(ctx)?;
        if self.0.due_on.is_none() {
            // No due date: nothing depends on the zone.
            return Ok(services.today());
        }
        let loaders = loaders(ctx)?;
        let meeting = loaders
            .meetings
            .load_one(self.0.meeting_id)
            .await
            .map_err(load_error)?;
        let alliance = match meeting {
            Some(m) => loaders
                .alliances
                .load_one(m.alliance_id)
                .await
                .map_err(load_error)?,
            None => None,
        };
        Ok(alliance.map_or_else(|| services.today(), |a| services.today_in(&a.time_zone)))
    }
}

/// An item on a meeting's agenda.
pub struct AgendaItemNode(pub agenda_item::Model);

/// An item on a meeting's agenda, visible with the meeting.
#[Object(name = "AgendaItem")]
impl AgendaItemNode {
    /// The item's global id, for `decideAgendaItem` and `reorderAgenda`.
    async fn id(&self) -> ID {
        encode(Kind::AgendaItem, self.0.id)
    }

    /// Its place in the agenda, counting from 1.
    async fn position(&self) -> i32 {
        self.0.position
    }

    /// The item's title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The organization presenting it, if any.
    async fn presenter_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        org(ctx, self.0.presenter_organization_id).await
    }

    /// Minutes of speaking time, if set.
    async fn minutes_allotted(&self) -> Option<i32> {
        self.0.minutes_allotted
    }

    /// The organization the proposer acted for; null when they acted for none.
    async fn proposed_by_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        org(ctx, self.0.proposed_by_organization_id).await
    }

    /// Proposed, accepted, rejected, or withdrawn by the proposing organization.
    async fn status(&self) -> AgendaItemStatus {
        self.0.status.into()
    }

    /// What the proposer wants discussed, if given (plain text, up to 2,000 characters).
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }

    /// Send it back with `updateAgendaProposal` or `withdrawAgendaProposal`; a stale version is
    /// refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was proposed (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// The meeting it is proposed for.
    async fn meeting(&self, ctx: &Context<'_>) -> async_graphql::Result<MeetingNode> {
        loaders(ctx)?
            .meetings
            .load_one(self.0.meeting_id)
            .await
            .map_err(load_error)?
            .map(MeetingNode)
            .ok_or_else(|| crate::kernel::error::hidden("meeting"))
    }
}

/// An invited person's RSVP and check-in.
pub struct AttendanceNode(pub attendance::Model);

/// One invitee's RSVP and check-in for a meeting.
#[Object(name = "Attendance")]
impl AttendanceNode {
    /// The attendance's global id.
    async fn id(&self) -> ID {
        encode(Kind::Attendance, self.0.id)
    }

    /// The organization the invitee attends for.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<OrganizationNode> {
        org(ctx, Some(self.0.organization_id))
            .await?
            .ok_or_else(|| crate::kernel::error::hidden("organization"))
    }

    /// The invited person; null when none is recorded or the person is not visible to the viewer.
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.user_id).await
    }

    /// The invitee's answer.
    async fn rsvp(&self) -> RsvpResponse {
        RsvpResponse::from_db(&self.0.rsvp)
    }

    /// When the invitee checked in (UTC); null until then.
    async fn checked_in_at(&self) -> Option<DateTime<Utc>> {
        self.0.checked_in_at
    }
}

/// Minutes in markdown.
pub struct MinutesNode(pub minutes::Model);

/// A meeting's minutes: approved minutes are seen with the meeting, drafts only by alliance admins, the lead convener and supervisors.
#[Object(name = "Minutes")]
impl MinutesNode {
    /// The text, in markdown.
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// Draft, submitted for approval, returned for changes, or approved.
    async fn status(&self) -> MinutesStatus {
        self.0.status.into()
    }

    /// Send it back when saving or approving; a stale version is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Who approved them; null while a draft or when not visible to the viewer.
    async fn approved_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.approved_by).await
    }

    /// When they were approved (UTC); null while a draft.
    async fn approved_at(&self) -> Option<DateTime<Utc>> {
        self.0.approved_at
    }

    /// When they were last saved (UTC).
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// When they were last submitted for approval (UTC); null if never.
    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.0.submitted_at
    }

    /// Why the reviewer returned them, while they are returned or being changed after a return;
    /// null once submitted again or approved.
    async fn return_comment(&self) -> Option<&str> {
        use alliance_domain::kernel::vocab::MinutesStatus as S;
        match self.0.status {
            S::Returned | S::Draft => self.0.return_comment.as_deref(),
            S::Submitted | S::Approved => None,
        }
    }

    /// Who returned them (see `returnComment`).
    async fn returned_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        use alliance_domain::kernel::vocab::MinutesStatus as S;
        match self.0.status {
            S::Returned | S::Draft => user(ctx, self.0.returned_by).await,
            S::Submitted | S::Approved => Ok(None),
        }
    }

    /// When they were returned (UTC), with `returnComment`.
    async fn returned_at(&self) -> Option<DateTime<Utc>> {
        use alliance_domain::kernel::vocab::MinutesStatus as S;
        match self.0.status {
            S::Returned | S::Draft => self.0.returned_at,
            S::Submitted | S::Approved => None,
        }
    }
}

/// A decision of a meeting.
pub struct DecisionNode(pub decision::Model);

/// A decision a meeting made.
#[Object(name = "Decision")]
impl DecisionNode {
    /// The decision's global id, for `createActionItem(decisionId:)`.
    async fn id(&self) -> ID {
        encode(Kind::Decision, self.0.id)
    }

    /// The decision.
    async fn text(&self) -> &str {
        &self.0.text
    }
}

/// Work a meeting assigned to a member organization, tracked until done.
pub struct ActionItemNode(pub action_item::Model);

/// Work a meeting assigned to a member organization (and optionally a person), visible with the meeting.
#[Object(name = "ActionItem")]
impl ActionItemNode {
    /// The action item's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::ActionItem, self.0.id)
    }

    /// The meeting that made it.
    async fn meeting(&self, ctx: &Context<'_>) -> async_graphql::Result<MeetingNode> {
        let found = loaders(ctx)?
            .meetings
            .load_one(self.0.meeting_id)
            .await
            .map_err(load_error)?;
        found
            .map(MeetingNode)
            .ok_or_else(|| crate::kernel::error::hidden("meeting"))
    }

    /// The decision it carries out, if any.
    async fn decision(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<DecisionNode>> {
        let Some(id) = self.0.decision_id else {
            return Ok(None);
        };
        let all = loaders(ctx)?
            .decisions_of_meetings
            .load_one(self.0.meeting_id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(all.into_iter().find(|d| d.id == id).map(DecisionNode))
    }

    /// What to do.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The responsible organization.
    async fn assignee_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<OrganizationNode> {
        org(ctx, Some(self.0.assignee_organization_id))
            .await?
            .ok_or_else(|| crate::kernel::error::hidden("organization"))
    }

    /// The responsible person, if one was named and is visible to the viewer.
    async fn assignee_user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.assignee_user_id).await
    }

    /// The due day (`YYYY-MM-DD`), if any.
    async fn due_on(&self) -> Option<NaiveDate> {
        self.0.due_on
    }

    /// Where the work stands.
    async fn status(&self) -> ActionItemStatus {
        self.0.status.into()
    }

    /// Not done or cancelled, and past its due date (dates in the alliance's time zone).
    async fn is_overdue(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let today = self.alliance_today(ctx).await?;
        Ok(alliance_domain::meetings::is_overdue(&self.0, today))
    }

    /// Not done or cancelled, and due today (in the alliance's time zone).
    async fn is_due_today(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let today = self.alliance_today(ctx).await?;
        Ok(alliance_domain::meetings::is_due_today(&self.0, today))
    }

    /// Send it back with `updateActionItem`; a stale version is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Progress notes, oldest first.
    async fn notes(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ActionItemNoteNode>> {
        let rows = loaders(ctx)?
            .notes_of_action_items
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(rows.into_iter().map(ActionItemNoteNode).collect())
    }

    /// The viewer may update its status and add notes.
    async fn viewer_can_update(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let found = loaders(ctx)?
            .meetings
            .load_one(self.0.meeting_id)
            .await
            .map_err(load_error)?;
        let Some(found) = found else { return Ok(false) };
        let owner = facts_of(ctx, found.alliance_id).await?;
        Ok(services(ctx)?
            .meetings()
            .may_update_action_item(&*principal(ctx)?, &self.0, owner))
    }
}

/// A progress note on an action item.
pub struct ActionItemNoteNode(pub action_item_note::Model);

/// A progress note on an action item.
#[Object(name = "ActionItemNote")]
impl ActionItemNoteNode {
    /// The note.
    async fn text(&self) -> &str {
        &self.0.text
    }

    /// The status set with this note, if it changed.
    async fn status(&self) -> Option<ActionItemStatus> {
        self.0.status.map(Into::into)
    }

    /// Who wrote it; null when not visible to the viewer.
    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.author_id).await
    }

    /// When it was written (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}
