use crate::alliances::types::AllianceNode;
use crate::kernel::context::{principal, services};
use crate::kernel::enums::{MeetingKind, MeetingStatus};
use crate::kernel::error::ResultExt;
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use crate::users::types::UserNode;
use alliance_domain::alliances::AllianceFacts;
use alliance_domain::entities::{alliance, meeting};
use alliance_domain::policy::{self, Action};
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

pub(super) async fn org(
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

pub(super) async fn user(
    ctx: &Context<'_>,
    id: Option<Uuid>,
) -> async_graphql::Result<Option<UserNode>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders(ctx)?
        .users
        .load_one(id)
        .await
        .map_err(load_error)?
        .map(UserNode))
}

/// Visibility and settings of a meeting's alliance, for decisions and derived fields.
pub(super) async fn facts_of(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<AllianceFacts> {
    loaders(ctx)?
        .alliance_facts
        .load_one(id)
        .await
        .map_err(load_error)?
        .ok_or_else(|| crate::kernel::error::hidden("alliance"))
}

pub(super) async fn alliance_of(
    ctx: &Context<'_>,
    id: Uuid,
) -> async_graphql::Result<alliance::Model> {
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

    /// The check-in link and QR code: for those who take attendance, while the meeting is not over.
    async fn offers_check_in(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(!alliance_domain::meetings::is_closed(&self.0)
            && self.can(ctx, Action::TakeAttendance).await?)
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

    /// Agenda proposals from member organizations close then (UTC): the deadline the convener set, or the
    /// alliance's `agendaDeadlineDays` before the start.
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

    /// When people can start checking themselves in (UTC): a configured time before the start (2 hours by default).
    async fn check_in_opens_at(&self, ctx: &Context<'_>) -> async_graphql::Result<DateTime<Utc>> {
        Ok(services(ctx)?.meetings().check_in_period(&self.0).0)
    }

    /// When self check-in closes (UTC): a configured time after the end (2 hours by default).
    async fn check_in_closes_at(&self, ctx: &Context<'_>) -> async_graphql::Result<DateTime<Utc>> {
        Ok(services(ctx)?.meetings().check_in_period(&self.0).1)
    }

    /// Whether people can check themselves in now (by code or QR link): between `checkInOpensAt`
    /// and `checkInClosesAt`, and never for a draft, completed or cancelled meeting.
    async fn is_check_in_open(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(services(ctx)?.meetings().check_in_window(&self.0)
            == alliance_domain::meetings::CheckInWindow::Open)
    }

    /// The check-in code (conveners only).
    async fn check_in_code(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<&str>> {
        // The domain empties the code for everyone who may not take attendance.
        Ok(
            (!self.0.check_in_code.is_empty() && self.can(ctx, Action::TakeAttendance).await?)
                .then_some(self.0.check_in_code.as_str()),
        )
    }

    /// The link people open to check in (conveners only); shown as a QR code in the room. Null once
    /// the meeting is completed or cancelled.
    async fn check_in_url(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(if self.offers_check_in(ctx).await? {
            Some(self.link_for_check_in(ctx)?)
        } else {
            None
        })
    }

    /// `checkInUrl` as an SVG QR code (conveners only); null once the meeting is completed or cancelled.
    async fn check_in_qr_svg(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        if !self.offers_check_in(ctx).await? {
            return Ok(None);
        }
        Ok(Some(crate::kernel::qr::qr_svg(
            &self.link_for_check_in(ctx)?,
        )?))
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

    /// The approved minutes only: null while there are none or they are still a draft, submitted or
    /// returned. Visible to whoever may read the meeting.
    async fn approved_minutes(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<MinutesNode>> {
        let found = loaders(ctx)?
            .minutes_of_meetings
            .load_one(self.0.id)
            .await
            .map_err(load_error)?;
        Ok(found
            .filter(|m| m.status == alliance_domain::kernel::vocab::MinutesStatus::Approved)
            .map(MinutesNode))
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

    /// The viewer may propose an agenda item now; never for a completed or cancelled meeting.
    async fn viewer_can_propose(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        if alliance_domain::meetings::is_closed(&self.0) {
            return Ok(false);
        }
        if self.can(ctx, Action::ManageAgenda).await? {
            return Ok(true);
        }
        let owner = facts_of(ctx, self.0.alliance_id).await?;
        let open = services(ctx)?.now()
            <= alliance_domain::meetings::agenda_deadline_after(&self.0, owner);
        Ok(open && self.can(ctx, Action::ProposeAgendaItem).await?)
    }

    /// The meeting as an iCalendar file: one event with the host as organizer, the accepted agenda
    /// and the meeting's page in the description, and a reminder 30 minutes before the start.
    async fn ics(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The description's language: `zh-CN` or `en`; other values read Chinese. Default: the viewer's `User.locale`."
        )]
        locale: Option<String>,
    ) -> async_graphql::Result<String> {
        use alliance_domain::notifications::render::Language;
        let owner = alliance_of(ctx, self.0.alliance_id).await?;
        let viewer = principal(ctx)?;
        let locale = match (locale, viewer.user_id()) {
            (Some(locale), _) => locale,
            (None, Some(user)) => loaders(ctx)?
                .users
                .load_one(user.0)
                .await
                .map_err(load_error)?
                .map_or_else(|| "zh-CN".to_owned(), |u| u.locale),
            (None, None) => "zh-CN".to_owned(),
        };
        services(ctx)?
            .calendar()
            .meeting_ics(&viewer, &self.0, &owner, Language::from_locale(&locale))
            .await
            .gql()
    }
}

pub use super::records::{
    ActionItemNode, ActionItemNoteNode, AgendaItemNode, AttendanceNode, DecisionNode, MinutesNode,
};
