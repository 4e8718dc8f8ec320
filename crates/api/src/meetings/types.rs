use crate::alliances::types::AllianceNode;
use crate::kernel::context::{principal, services};
use crate::kernel::enums::{
    ActionItemStatus, AgendaItemStatus, MeetingKind, MeetingStatus, MinutesStatus, RsvpResponse,
};
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use crate::users::types::UserNode;
use alliance_domain::alliances::AllianceFacts;
use alliance_domain::entities::{
    action_item, action_item_note, agenda_item, alliance, attendance, decision, meeting, minutes,
};
use alliance_domain::policy::{self, Action};
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

async fn org(
    ctx: &Context<'_>,
    id: Option<Uuid>,
) -> async_graphql::Result<Option<OrganizationNode>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders(ctx)?
        .organizations
        .load_one(id)
        .await
        .map_err(load_error)?
        .map(OrganizationNode))
}

async fn user(ctx: &Context<'_>, id: Option<Uuid>) -> async_graphql::Result<Option<UserNode>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders(ctx)?
        .users
        .load_one(id)
        .await
        .map_err(load_error)?
        .map(UserNode))
}

/// Visibility and settings of a meeting's alliance, for decisions and derived fields.
async fn facts_of(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<AllianceFacts> {
    loaders(ctx)?
        .alliance_facts
        .load_one(id)
        .await
        .map_err(load_error)?
        .ok_or_else(|| crate::kernel::error::hidden("alliance"))
}

async fn alliance_of(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<alliance::Model> {
    loaders(ctx)?
        .alliances
        .load_one(id)
        .await
        .map_err(load_error)?
        .ok_or_else(|| crate::kernel::error::hidden("alliance"))
}

/// A joint meeting (联席会议) of an alliance.
pub struct MeetingNode(pub meeting::Model);

impl MeetingNode {
    async fn can(&self, ctx: &Context<'_>, action: Action) -> async_graphql::Result<bool> {
        let owner = alliance_of(ctx, self.0.alliance_id).await?;
        Ok(policy::can(
            &*principal(ctx)?,
            action,
            AllianceFacts::of(&owner).resource(),
        ))
    }

    fn link_for_check_in(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        let base = services(ctx)?
            .config
            .public_url
            .trim_end_matches('/')
            .to_owned();
        Ok(format!(
            "{base}/check-in/{}?code={}",
            encode(Kind::Meeting, self.0.id).0,
            self.0.check_in_code
        ))
    }
}

/// A joint meeting (联席会议) of an alliance, visible to the alliance's people, role holders, platform
/// admins and integration tokens with `read:meetings`.
#[Object(name = "Meeting")]
impl MeetingNode {
    /// The meeting's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::Meeting, self.0.id)
    }

    /// The alliance holding the meeting.
    async fn alliance(&self, ctx: &Context<'_>) -> async_graphql::Result<AllianceNode> {
        Ok(AllianceNode(alliance_of(ctx, self.0.alliance_id).await?))
    }

    /// Defaults to the lead unit on the meeting's date.
    async fn host_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        org(ctx, self.0.host_organization_id).await
    }

    /// The kind of meeting.
    async fn kind(&self) -> MeetingKind {
        MeetingKind::from_db(&self.0.kind)
    }

    /// The meeting's title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// When it starts (UTC).
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }

    /// When it ends (UTC).
    async fn ends_at(&self) -> DateTime<Utc> {
        self.0.ends_at
    }

    /// Where it takes place, if given.
    async fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }

    /// The `http(s)` link to join online, if given.
    async fn online_url(&self) -> Option<&str> {
        self.0.online_url.as_deref()
    }

    /// Where the meeting is in its lifecycle.
    async fn status(&self) -> MeetingStatus {
        self.0.status.into()
    }

    /// Send it back with an update; a stale version is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Agenda proposals from member organizations close then.
    async fn agenda_deadline(&self, ctx: &Context<'_>) -> async_graphql::Result<DateTime<Utc>> {
        let owner = facts_of(ctx, self.0.alliance_id).await?;
        Ok(alliance_domain::meetings::agenda_deadline_after(
            &self.0, owner,
        ))
    }

    /// In agenda order, with proposed and rejected items marked by their status.
    async fn agenda_items(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<AgendaItemNode>> {
        let items = loaders(ctx)?
            .agenda_of_meetings
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(items.into_iter().map(AgendaItemNode).collect())
    }

    /// Open action items of earlier meetings of the alliance: "progress on earlier decisions".
    /// An item leaves this list when it is done.
    async fn carried_over_action_items(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ActionItemNode>> {
        let items = loaders(ctx)?
            .carried_over_of_meetings
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(items.into_iter().map(ActionItemNode).collect())
    }

    /// Invited people with their RSVP and check-in.
    async fn attendances(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<AttendanceNode>> {
        let rows = loaders(ctx)?
            .attendances_of_meetings
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(rows.into_iter().map(AttendanceNode).collect())
    }

    /// Checked-in people over invited people (0 to 1); null when nobody is invited.
    async fn attendance_rate(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<f64>> {
        let rows = loaders(ctx)?
            .attendances_of_meetings
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        if rows.is_empty() {
            return Ok(None);
        }
        let present = rows.iter().filter(|a| a.checked_in_at.is_some()).count();
        Ok(Some(present as f64 / rows.len() as f64))
    }

    /// The viewer's own invitation.
    async fn viewer_attendance(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<AttendanceNode>> {
        let Some(me) = principal(ctx)?.user_id() else {
            return Ok(None);
        };
        let rows = loaders(ctx)?
            .attendances_of_meetings
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            .find(|a| a.user_id == Some(me.0))
            .map(AttendanceNode))
    }

    /// The check-in code (conveners only).
    async fn check_in_code(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<&str>> {
        // The domain empties the code for everyone who may not take attendance.
        Ok(
            (!self.0.check_in_code.is_empty() && self.can(ctx, Action::TakeAttendance).await?)
                .then_some(self.0.check_in_code.as_str()),
        )
    }

    /// The link people open to check in (conveners only); shown as a QR code in the room.
    async fn check_in_url(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(if self.can(ctx, Action::TakeAttendance).await? {
            Some(self.link_for_check_in(ctx)?)
        } else {
            None
        })
    }

    /// `checkInUrl` as an SVG QR code (conveners only).
    async fn check_in_qr_svg(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        if !self.can(ctx, Action::TakeAttendance).await? {
            return Ok(None);
        }
        let code = qrcode::QrCode::new(self.link_for_check_in(ctx)?.as_bytes())
            .map_err(|e| crate::kernel::error::internal(&e.to_string()))?;
        Ok(Some(
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(240, 240)
                .build(),
        ))
    }

    /// Approved minutes for members; drafts only for conveners and supervisors.
    async fn minutes(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<MinutesNode>> {
        let found = loaders(ctx)?
            .minutes_of_meetings
            .load_one(self.0.id)
            .await
            .map_err(load_error)?;
        let Some(found) = found else { return Ok(None) };
        if found.status == alliance_domain::kernel::vocab::MinutesStatus::Approved
            || self.can(ctx, Action::ReadDraftMinutes).await?
        {
            Ok(Some(MinutesNode(found)))
        } else {
            Ok(None)
        }
    }

    /// Decisions the meeting recorded, oldest first.
    async fn decisions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<DecisionNode>> {
        let rows = loaders(ctx)?
            .decisions_of_meetings
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(rows.into_iter().map(DecisionNode).collect())
    }

    /// Action items made at this meeting.
    async fn action_items(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ActionItemNode>> {
        let rows = loaders(ctx)?
            .action_items_of_meetings
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(rows.into_iter().map(ActionItemNode).collect())
    }

    /// The viewer may manage agenda, attendance, minutes, decisions and action items.
    async fn viewer_can_manage(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        self.can(ctx, Action::ManageAgenda).await
    }

    /// The viewer may approve the minutes.
    async fn viewer_can_approve(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        self.can(ctx, Action::ApproveMinutes).await
    }

    /// The viewer may propose an agenda item now.
    async fn viewer_can_propose(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        if self.can(ctx, Action::ManageAgenda).await? {
            return Ok(true);
        }
        let owner = facts_of(ctx, self.0.alliance_id).await?;
        let open = services(ctx)?.now()
            <= alliance_domain::meetings::agenda_deadline_after(&self.0, owner);
        Ok(open && self.can(ctx, Action::ProposeAgendaItem).await?)
    }

    /// The meeting as an iCalendar file.
    async fn ics(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        let owner = alliance_of(ctx, self.0.alliance_id).await?;
        Ok(services(ctx)?.calendar().meeting_ics(&self.0, &owner))
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

    /// Proposed, accepted or rejected.
    async fn status(&self) -> AgendaItemStatus {
        self.0.status.into()
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

    /// Draft or approved.
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

    /// Not done or cancelled, and past its due date.
    async fn is_overdue(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let today = services(ctx)?.now().date_naive();
        use alliance_domain::kernel::vocab::ActionItemStatus as S;
        Ok(matches!(self.0.status, S::Open | S::InProgress)
            && self.0.due_on.is_some_and(|d| d < today))
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
