//! The rotating lead unit, membership changes that re-plan it, notifications and calendar feeds.

use crate::alliances::types::AllianceNode;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, UserError, split};
use crate::kernel::ids::{Kind, decode};
use crate::rotation::types::{CalendarFeedNode, LeadTermNode, NotificationNode};
use alliance_domain::kernel::ids::{AllianceId, OrganizationId};
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use uuid::Uuid;

/// Input for `generateLeadSchedule`.
#[derive(InputObject)]
pub struct GenerateLeadScheduleInput {
    /// The alliance's global id.
    alliance_id: ID,
    /// The `Alliance.leadScheduleVersion` the plan was made from; a schedule changed since answers `CONFLICT`.
    lead_schedule_version: i32,
    /// First day (in the alliance's time zone) of the first new term; defaults to the end of the current term.
    from: Option<NaiveDate>,
    /// How many terms; defaults to one round of all members.
    terms: Option<i32>,
}

/// Input for `swapLeadTerms`: two future terms of the same alliance.
#[derive(InputObject)]
pub struct SwapLeadTermsInput {
    /// One term's global id; a term that has started answers `PAST_TERM`.
    first_id: ID,
    /// The other term's global id; a term of another alliance answers `OTHER_ALLIANCE`, one in another cycle of the rotation `OTHER_CYCLE`.
    second_id: ID,
    /// The `Alliance.leadScheduleVersion` the swap was chosen from; a schedule changed since answers `CONFLICT`.
    lead_schedule_version: i32,
}

/// Input for `skipLeadTerm`.
#[derive(InputObject)]
pub struct SkipLeadTermInput {
    /// The future term's global id; a term that has started answers `PAST_TERM`, the last turn of a cycle `LAST_IN_CYCLE`.
    id: ID,
    /// The `Alliance.leadScheduleVersion` the skip was chosen from; a schedule changed since answers `CONFLICT`.
    lead_schedule_version: i32,
}

/// The result of a change to the lead rotation.
#[derive(SimpleObject)]
pub struct LeadSchedulePayload {
    /// The alliance; null when `userErrors` is not empty.
    alliance: Option<AllianceNode>,
    /// The whole schedule after the change.
    lead_terms: Vec<LeadTermNode>,
    /// Invalid input: `terms` `OUT_OF_RANGE` (1 to 48), `allianceId` `NO_MEMBERS`, `from` `IN_CURRENT_TERM`/`PAST_TERM`, `id`/`firstId`/`secondId` `PAST_TERM`, `secondId` `OTHER_ALLIANCE`/`OTHER_CYCLE`, `id` `LAST_IN_CYCLE`, `allianceId`/`secondId`/`id` `TURN_LOST` (the change would leave a member without its turn in a cycle). A stale `leadScheduleVersion` is the error `CONFLICT`.
    user_errors: Vec<UserError>,
}

/// Input for `submitHandoverReport`.
#[derive(InputObject)]
pub struct SubmitHandoverReportInput {
    /// The term's global id; a term that has not started answers `NOT_STARTED`.
    id: ID,
    /// The report text (markdown); blank answers `REQUIRED`. Replaces an earlier report.
    report: String,
}

/// The result of `submitHandoverReport`.
#[derive(SimpleObject)]
pub struct LeadTermPayload {
    /// The term as saved; null when `userErrors` is not empty.
    lead_term: Option<LeadTermNode>,
    /// Invalid input: `id` `NOT_STARTED`, `report` `REQUIRED`.
    user_errors: Vec<UserError>,
}

/// Input for `removeAllianceMember`.
#[derive(InputObject)]
pub struct RemoveAllianceMemberInput {
    /// The alliance's global id.
    alliance_id: ID,
    /// The organization that leaves; one that is not a current member answers `NOT_MEMBER`.
    organization_id: ID,
    /// The first day the organization is no longer a member.
    left_on: NaiveDate,
}

/// The result of `removeAllianceMember`.
#[derive(SimpleObject)]
pub struct RemoveAllianceMemberPayload {
    /// The alliance after the change; null when `userErrors` is not empty.
    alliance: Option<AllianceNode>,
    /// Invalid input: `organizationId` `NOT_MEMBER`, `leftOn` `BEFORE_JOINING`.
    user_errors: Vec<UserError>,
}

/// Input for `markNotificationsRead`: give `ids`, or `all: true`; omitting `ids` also marks all.
#[derive(InputObject)]
pub struct MarkNotificationsReadInput {
    /// Global ids of the viewer's notifications to mark read; others' ids are ignored.
    ids: Option<Vec<ID>>,
    /// Mark every notification read.
    #[graphql(default = false)]
    all: bool,
}

/// The result of `markNotificationsRead`.
#[derive(SimpleObject)]
pub struct MarkNotificationsReadPayload {
    /// How many unread notifications the viewer has left.
    unread_count: i64,
    /// Always empty.
    user_errors: Vec<UserError>,
}

/// Input for `createCalendarFeed`.
#[derive(InputObject)]
pub struct CreateCalendarFeedInput {
    /// Omit for every alliance of the viewer.
    alliance_id: Option<ID>,
}

/// The result of `createCalendarFeed`.
#[derive(SimpleObject)]
pub struct CreateCalendarFeedPayload {
    /// The new feed.
    feed: Option<CalendarFeedNode>,
    /// The secret feed URL, shown only here. Anyone with it can read the calendar until it is revoked.
    url: Option<String>,
    /// Always empty; an alliance the viewer may not read answers `FORBIDDEN` or `NOT_FOUND`.
    user_errors: Vec<UserError>,
}

/// Input for `revokeCalendarFeed`.
#[derive(InputObject)]
pub struct RevokeCalendarFeedInput {
    /// The feed's global id; one that is not the viewer's answers `NOT_FOUND`.
    id: ID,
}

/// The result of `revokeCalendarFeed`.
#[derive(SimpleObject)]
pub struct RevokeCalendarFeedPayload {
    /// The revoked feed.
    feed: Option<CalendarFeedNode>,
    /// Always empty.
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct RotationQuery;

#[Object]
impl RotationQuery {
    /// The viewer's notifications, newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(default = false, desc = "Only notifications not yet read.")] unread_only: bool,
    ) -> async_graphql::Result<Conn<NotificationNode>> {
        let page = page_request(first, after)?;
        let (rows, total) = services(ctx)?
            .notifications()
            .notifications(&*principal(ctx)?, page, unread_only)
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |n| n.id,
            NotificationNode,
        ))
    }

    /// How many of the viewer's notifications are unread (0 for anonymous visitors and integrations).
    async fn unread_notification_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        let count = services(ctx)?
            .notifications()
            .unread_notification_count(&*principal(ctx)?)
            .await
            .gql()?;
        Ok(i64::try_from(count).unwrap_or(i64::MAX))
    }

    /// The viewer's active calendar feeds.
    async fn calendar_feeds(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<CalendarFeedNode>> {
        Ok(services(ctx)?
            .calendar()
            .calendar_feeds(&*principal(ctx)?)
            .await
            .gql()?
            .into_iter()
            .map(CalendarFeedNode)
            .collect())
    }
}

#[derive(Default)]
pub struct RotationMutation;

async fn schedule_payload(
    ctx: &Context<'_>,
    alliance: Result<Uuid, alliance_domain::Error>,
) -> async_graphql::Result<LeadSchedulePayload> {
    let (alliance, user_errors) = split(alliance)?;
    let Some(alliance) = alliance else {
        return Ok(LeadSchedulePayload {
            alliance: None,
            lead_terms: Vec::new(),
            user_errors,
        });
    };
    let services = services(ctx)?;
    let terms = services
        .rotation()
        .lead_terms_of_alliances(&*principal(ctx)?, &[alliance])
        .await
        .gql()?
        .remove(&alliance)
        .unwrap_or_default();
    let found = services
        .alliances()
        .alliance(&*principal(ctx)?, AllianceId(alliance))
        .await
        .gql()?;
    Ok(LeadSchedulePayload {
        alliance: found.map(AllianceNode),
        lead_terms: terms.into_iter().map(LeadTermNode).collect(),
        user_errors,
    })
}

#[Object]
impl RotationMutation {
    /// Plans the lead rotation round-robin (alliance admins); replaces terms from `from` on, never past ones.
    async fn generate_lead_schedule(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, the first day and the number of terms.")]
        input: GenerateLeadScheduleInput,
    ) -> async_graphql::Result<LeadSchedulePayload> {
        let alliance = AllianceId(decode(&input.alliance_id, Kind::Alliance, "allianceId")?);
        let result = services(ctx)?
            .rotation()
            .generate_lead_schedule(
                &*principal(ctx)?,
                alliance,
                input.lead_schedule_version,
                input.from,
                input.terms,
            )
            .await
            .map(|_| alliance.0);
        schedule_payload(ctx, result).await
    }

    /// Swaps the lead units of two future terms of one cycle of the rotation.
    async fn swap_lead_terms(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The two terms.")] input: SwapLeadTermsInput,
    ) -> async_graphql::Result<LeadSchedulePayload> {
        let first = decode(&input.first_id, Kind::LeadTerm, "firstId")?;
        let second = decode(&input.second_id, Kind::LeadTerm, "secondId")?;
        let result = services(ctx)?
            .rotation()
            .swap_lead_terms(
                &*principal(ctx)?,
                first,
                second,
                input.lead_schedule_version,
            )
            .await;
        schedule_payload(ctx, result).await
    }

    /// The term's organization gives up its turn now and leads last in its cycle instead; the turns in between move forward.
    async fn skip_lead_term(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The term to skip.")] input: SkipLeadTermInput,
    ) -> async_graphql::Result<LeadSchedulePayload> {
        let id = decode(&input.id, Kind::LeadTerm, "id")?;
        let result = services(ctx)?
            .rotation()
            .skip_lead_term(&*principal(ctx)?, id, input.lead_schedule_version)
            .await;
        schedule_payload(ctx, result).await
    }

    /// The outgoing lead writes its handover report; the incoming lead is notified.
    async fn submit_handover_report(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The term and the report.")] input: SubmitHandoverReportInput,
    ) -> async_graphql::Result<LeadTermPayload> {
        let id = decode(&input.id, Kind::LeadTerm, "id")?;
        let (term, user_errors) = split(
            services(ctx)?
                .rotation()
                .submit_handover_report(&*principal(ctx)?, id, &input.report)
                .await,
        )?;
        Ok(LeadTermPayload {
            lead_term: term.map(LeadTermNode),
            user_errors,
        })
    }

    /// An organization leaves the alliance; future lead terms are re-planned without it.
    async fn remove_alliance_member(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, the organization and the leave day.")]
        input: RemoveAllianceMemberInput,
    ) -> async_graphql::Result<RemoveAllianceMemberPayload> {
        let alliance = AllianceId(decode(&input.alliance_id, Kind::Alliance, "allianceId")?);
        let organization = OrganizationId(decode(
            &input.organization_id,
            Kind::Organization,
            "organizationId",
        )?);
        let (found, user_errors) = split(
            services(ctx)?
                .alliances()
                .remove_alliance_member(&*principal(ctx)?, alliance, organization, input.left_on)
                .await,
        )?;
        Ok(RemoveAllianceMemberPayload {
            alliance: found.map(AllianceNode),
            user_errors,
        })
    }

    /// Marks the viewer's notifications read (signed-in people only, else `UNAUTHENTICATED`).
    async fn mark_notifications_read(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which notifications.")] input: MarkNotificationsReadInput,
    ) -> async_graphql::Result<MarkNotificationsReadPayload> {
        let ids = match (input.all, input.ids) {
            (true, _) | (false, None) => None,
            (false, Some(ids)) => Some(
                ids.iter()
                    .map(|id| decode(id, Kind::Notification, "ids"))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        let viewer = principal(ctx)?;
        let services = services(ctx)?;
        let (left, user_errors) = split(
            services
                .notifications()
                .mark_notifications_read(&viewer, ids)
                .await,
        )?;
        let left = match left {
            Some(left) => left,
            None => services
                .notifications()
                .unread_notification_count(&viewer)
                .await
                .gql()?,
        };
        Ok(MarkNotificationsReadPayload {
            unread_count: i64::try_from(left).unwrap_or(i64::MAX),
            user_errors,
        })
    }

    /// A secret iCalendar feed URL for calendar apps.
    async fn create_calendar_feed(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, or none for all.")] input: CreateCalendarFeedInput,
    ) -> async_graphql::Result<CreateCalendarFeedPayload> {
        let alliance = input
            .alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId"))
            .transpose()?
            .map(AllianceId);
        let (created, user_errors) = split(
            services(ctx)?
                .calendar()
                .create_calendar_feed(&*principal(ctx)?, alliance)
                .await,
        )?;
        let (feed, url) = match created {
            Some((feed, url)) => (Some(CalendarFeedNode(feed)), Some(url)),
            None => (None, None),
        };
        Ok(CreateCalendarFeedPayload {
            feed,
            url,
            user_errors,
        })
    }

    /// Revokes a feed URL at once.
    async fn revoke_calendar_feed(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The feed to revoke.")] input: RevokeCalendarFeedInput,
    ) -> async_graphql::Result<RevokeCalendarFeedPayload> {
        let id = decode(&input.id, Kind::CalendarFeed, "id")?;
        let (feed, user_errors) = split(
            services(ctx)?
                .calendar()
                .revoke_calendar_feed(&*principal(ctx)?, id)
                .await,
        )?;
        Ok(RevokeCalendarFeedPayload {
            feed: feed.map(CalendarFeedNode),
            user_errors,
        })
    }
}
