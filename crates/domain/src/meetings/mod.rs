//! Joint meetings (联席会议) tracked to completion: scheduling, agenda proposals and decisions,
//! invitations, RSVP and check-in, minutes with approval, decisions and action items. Open action
//! items of earlier meetings appear on the next meeting's agenda until they are done.

mod action_items;
pub use action_items::{is_due_today, is_overdue};
mod agenda;
mod attendance;
pub use attendance::CheckInWindow;
mod handoffs;
mod minutes;
mod minutes_review;
mod proposals;
pub use proposals::ProposalEdit;
mod reads;
pub use reads::MeetingWindow;
mod relations;
mod scheduling;

use crate::alliances::AllianceFacts;
use crate::entities::{alliance, meeting};
use crate::kernel::ids::OrganizationId;
use crate::kernel::patch::Patch;
use crate::kernel::vocab::{MeetingKind, MeetingStatus};
use chrono::{DateTime, Duration, NaiveDate, Utc};
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
    /// When agenda proposals close; none: the alliance's `agenda_deadline_days` before the start.
    pub agenda_deadline: Option<DateTime<Utc>>,
}

/// The changes of `updateMeeting`; see [`Patch`](crate::kernel::patch::Patch). Only `location`
/// and `online_url` may be cleared.
#[derive(Debug, Clone, Default)]
pub struct MeetingChanges {
    pub title: Patch<String>,
    pub kind: Patch<MeetingKind>,
    pub starts_at: Patch<DateTime<Utc>>,
    pub ends_at: Patch<DateTime<Utc>>,
    pub location: Patch<String>,
    pub online_url: Patch<String>,
    pub host_organization_id: Patch<OrganizationId>,
    pub status: Patch<MeetingStatus>,
    /// Cleared: back to the alliance's default.
    pub agenda_deadline: Patch<DateTime<Utc>>,
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
    agenda_deadline_after(meeting, AllianceFacts::of(alliance))
}

/// `agenda_deadline`, from the alliance's facts: the meeting's own deadline when the convener set
/// one (never after the start), else the alliance's `agenda_deadline_days` before the start.
pub fn agenda_deadline_after(meeting: &meeting::Model, alliance: AllianceFacts) -> DateTime<Utc> {
    match meeting.agenda_deadline_at {
        Some(set) => set.min(meeting.starts_at),
        None => default_agenda_deadline(meeting.starts_at, alliance),
    }
}

/// The alliance's default deadline for a meeting starting at `starts_at`.
pub fn default_agenda_deadline(starts_at: DateTime<Utc>, alliance: AllianceFacts) -> DateTime<Utc> {
    starts_at - Duration::days(i64::from(alliance.agenda_deadline_days))
}

/// A deadline the convener sets must fall before the meeting starts.
fn check_agenda_deadline(
    errors: &mut Vec<crate::FieldError>,
    deadline: DateTime<Utc>,
    starts_at: DateTime<Utc>,
) {
    if deadline >= starts_at {
        errors.push(crate::FieldError::new(
            "agendaDeadline",
            "AFTER_START",
            "agenda proposals must close before the meeting starts",
        ));
    }
}

/// Whether the meeting is over: completed and cancelled meetings take no RSVP, agenda proposal or
/// check-in.
pub fn is_closed(found: &meeting::Model) -> bool {
    matches!(
        found.status,
        MeetingStatus::Completed | MeetingStatus::Cancelled
    )
}

/// Refuses an action on a completed or cancelled meeting with `CLOSED` on `meetingId`.
pub(crate) fn refuse_closed(found: &meeting::Model) -> Result<(), crate::Error> {
    if is_closed(found) {
        return Err(crate::Error::invalid(
            "meetingId",
            "CLOSED",
            "the meeting is over",
        ));
    }
    Ok(())
}

fn check_in_code() -> String {
    format!("{:06}", rand::random::<u32>() % 1_000_000)
}

fn status_move_allowed(from: MeetingStatus, to: MeetingStatus) -> bool {
    use MeetingStatus as S;
    match from {
        S::Draft => true,
        S::Scheduled => !matches!(to, S::Draft),
        S::InProgress => matches!(to, S::InProgress | S::Completed | S::Cancelled),
        S::Completed => matches!(to, S::Completed),
        S::Cancelled => matches!(to, S::Cancelled | S::Scheduled),
    }
}

impl Meetings<'_> {
    /// Whether `organization` is a current member of `alliance` (as of today in the alliance's
    /// zone): every organization a meeting names (host, presenter, assignee) must belong to the
    /// meeting's own alliance.
    pub(crate) async fn is_current_member<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        alliance: Uuid,
        organization: Uuid,
    ) -> Result<bool, crate::Error> {
        let row = conn
            .query_one_raw(crate::kernel::db::stmt(
                "SELECT 1 AS found FROM alliance_memberships am JOIN alliances a ON a.id = am.alliance_id
                  WHERE am.alliance_id = $1 AND am.organization_id = $2
                    AND am.joined_on <= (($3::timestamptz AT TIME ZONE a.time_zone)::date)
                    AND (am.left_on IS NULL OR am.left_on > (($3::timestamptz AT TIME ZONE a.time_zone)::date))",
                [alliance.into(), organization.into(), self.now().into()],
            ))
            .await?;
        Ok(row.is_some())
    }

    /// Whether `user` is a current member of `organization` (e.g. the person an item is assigned to).
    pub(crate) async fn is_current_person_of<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        organization: Uuid,
        user: Uuid,
    ) -> Result<bool, crate::Error> {
        let row = conn
            .query_one_raw(crate::kernel::db::stmt(
                "SELECT 1 AS found FROM organization_memberships
                  WHERE organization_id = $1 AND user_id = $2
                    AND joined_on <= $3 AND (left_on IS NULL OR left_on > $3)",
                [organization.into(), user.into(), self.today().into()],
            ))
            .await?;
        Ok(row.is_some())
    }
}

/// Joint meetings: scheduling, agenda, attendance, minutes, decisions and action items. The façade of this domain: `services.meetings()`.
pub struct Meetings<'a>(&'a crate::Services);

impl crate::Services {
    pub fn meetings(&self) -> Meetings<'_> {
        Meetings(self)
    }
}

impl std::ops::Deref for Meetings<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
