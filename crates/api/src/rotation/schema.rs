//! The rotating lead unit, membership changes that re-plan it, notifications and calendar feeds.

use crate::alliances::types::AllianceNode;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, split};
use crate::kernel::ids::{Kind, decode};
use crate::rotation::types::{CalendarFeedNode, LeadTermNode, NotificationNode};
use alliance_domain::kernel::ids::{AllianceId, OrganizationId};
use async_graphql::{Context, Object};
use uuid::Uuid;

pub use super::inputs::*;

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
        let page = page_request(ctx, first, after)?;
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
        lead_terms: terms.into_iter().map(LeadTermNode::new).collect(),
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
            lead_term: term.map(LeadTermNode::new),
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
