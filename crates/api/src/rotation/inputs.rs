//! Inputs and payloads of the rotation, membership-change, notification and calendar-feed
//! mutations.

use crate::alliances::types::AllianceNode;
use crate::kernel::error::UserError;
use crate::rotation::types::{CalendarFeedNode, LeadTermNode};
use async_graphql::{ID, InputObject, SimpleObject};
use chrono::NaiveDate;

/// Input for `generateLeadSchedule`.
#[derive(InputObject)]
pub struct GenerateLeadScheduleInput {
    /// The alliance's global id.
    pub(crate) alliance_id: ID,
    /// The `Alliance.leadScheduleVersion` the plan was made from; a schedule changed since answers `CONFLICT`.
    pub(crate) lead_schedule_version: i32,
    /// First day (in the alliance's time zone) of the first new term; defaults to the end of the current term.
    pub(crate) from: Option<NaiveDate>,
    /// How many terms; defaults to one round of all members.
    pub(crate) terms: Option<i32>,
}

/// Input for `swapLeadTerms`: two future terms of the same alliance.
#[derive(InputObject)]
pub struct SwapLeadTermsInput {
    /// One term's global id; a term that has started answers `PAST_TERM`.
    pub(crate) first_id: ID,
    /// The other term's global id; a term of another alliance answers `OTHER_ALLIANCE`, one in another cycle of the rotation `OTHER_CYCLE`.
    pub(crate) second_id: ID,
    /// The `Alliance.leadScheduleVersion` the swap was chosen from; a schedule changed since answers `CONFLICT`.
    pub(crate) lead_schedule_version: i32,
}

/// Input for `skipLeadTerm`.
#[derive(InputObject)]
pub struct SkipLeadTermInput {
    /// The future term's global id; a term that has started answers `PAST_TERM`, the last turn of a cycle `LAST_IN_CYCLE`.
    pub(crate) id: ID,
    /// The `Alliance.leadScheduleVersion` the skip was chosen from; a schedule changed since answers `CONFLICT`.
    pub(crate) lead_schedule_version: i32,
}

/// The result of a change to the lead rotation.
#[derive(SimpleObject)]
pub struct LeadSchedulePayload {
    /// The alliance; null when `userErrors` is not empty.
    pub(crate) alliance: Option<AllianceNode>,
    /// The whole schedule after the change.
    pub(crate) lead_terms: Vec<LeadTermNode>,
    /// Invalid input: `terms` `OUT_OF_RANGE` (1 to 48), `allianceId` `NO_MEMBERS`, `from` `IN_CURRENT_TERM`/`PAST_TERM`, `id`/`firstId`/`secondId` `PAST_TERM`, `secondId` `OTHER_ALLIANCE`/`OTHER_CYCLE`, `id` `LAST_IN_CYCLE`, `allianceId`/`secondId`/`id` `TURN_LOST` (the change would leave a member without its turn in a cycle). A stale `leadScheduleVersion` is the error `CONFLICT`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `submitHandoverReport`.
#[derive(InputObject)]
pub struct SubmitHandoverReportInput {
    /// The term's global id; a term that has not started answers `NOT_STARTED`.
    pub(crate) id: ID,
    /// The report text (markdown); blank answers `REQUIRED`. Replaces an earlier report.
    pub(crate) report: String,
}

/// The result of `submitHandoverReport`.
#[derive(SimpleObject)]
pub struct LeadTermPayload {
    /// The term as saved; null when `userErrors` is not empty.
    pub(crate) lead_term: Option<LeadTermNode>,
    /// Invalid input: `id` `NOT_STARTED`, `report` `REQUIRED`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `removeAllianceMember`.
#[derive(InputObject)]
pub struct RemoveAllianceMemberInput {
    /// The alliance's global id.
    pub(crate) alliance_id: ID,
    /// The organization that leaves; one that is not a current member answers `NOT_MEMBER`.
    pub(crate) organization_id: ID,
    /// The first day the organization is no longer a member.
    pub(crate) left_on: NaiveDate,
}

/// The result of `removeAllianceMember`.
#[derive(SimpleObject)]
pub struct RemoveAllianceMemberPayload {
    /// The alliance after the change; null when `userErrors` is not empty.
    pub(crate) alliance: Option<AllianceNode>,
    /// Invalid input: `organizationId` `NOT_MEMBER`, `leftOn` `BEFORE_JOINING`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `markNotificationsRead`: give `ids`, or `all: true`; omitting `ids` also marks all.
#[derive(InputObject)]
pub struct MarkNotificationsReadInput {
    /// Global ids of the viewer's notifications to mark read; others' ids are ignored.
    pub(crate) ids: Option<Vec<ID>>,
    /// Mark every notification read.
    #[graphql(default = false)]
    pub(crate) all: bool,
}

/// The result of `markNotificationsRead`.
#[derive(SimpleObject)]
pub struct MarkNotificationsReadPayload {
    /// How many unread notifications the viewer has left.
    pub(crate) unread_count: i64,
    /// Always empty.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `createCalendarFeed`.
#[derive(InputObject)]
pub struct CreateCalendarFeedInput {
    /// Omit for every alliance of the viewer.
    pub(crate) alliance_id: Option<ID>,
}

/// The result of `createCalendarFeed`.
#[derive(SimpleObject)]
pub struct CreateCalendarFeedPayload {
    /// The new feed.
    pub(crate) feed: Option<CalendarFeedNode>,
    /// The secret feed URL, shown only here. Anyone with it can read the calendar until it is revoked.
    pub(crate) url: Option<String>,
    /// Always empty; an alliance the viewer may not read answers `FORBIDDEN` or `NOT_FOUND`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `revokeCalendarFeed`.
#[derive(InputObject)]
pub struct RevokeCalendarFeedInput {
    /// The feed's global id; one that is not the viewer's answers `NOT_FOUND`.
    pub(crate) id: ID,
}

/// The result of `revokeCalendarFeed`.
#[derive(SimpleObject)]
pub struct RevokeCalendarFeedPayload {
    /// The revoked feed.
    pub(crate) feed: Option<CalendarFeedNode>,
    /// Always empty.
    pub(crate) user_errors: Vec<UserError>,
}
