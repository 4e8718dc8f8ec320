//! Reading meetings: one by id, the filtered list, and the viewer's own action items.

use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::ResultExt;
use crate::kernel::ids::{Kind, decode};
use crate::meetings::types::{ActionItemNode, MeetingNode};
use alliance_domain::kernel::ids::AllianceId;
use alliance_domain::meetings::MeetingWindow;
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};

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
    /// With `past: true`, only meetings that are over (ended, or completed), newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    #[allow(clippy::too_many_arguments)] // One per GraphQL argument.
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
        #[graphql(
            default = false,
            desc = "Only meetings that are over (ended before now, or completed), newest first."
        )]
        past: bool,
    ) -> async_graphql::Result<Conn<MeetingNode>> {
        let page = page_request(ctx, first, after)?;
        let alliance = alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId"))
            .transpose()?
            .map(AllianceId);
        let (rows, total) = services(ctx)?
            .meetings()
            .meetings(
                &*principal(ctx)?,
                page,
                MeetingWindow {
                    alliance,
                    from,
                    to,
                    past,
                },
            )
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
        let page = page_request(ctx, first, after)?;
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
