//! Reading activities: one by id and the filtered list.

use super::enums::{ActivityKind, ActivityStatus};
use super::types::ActivityNode;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::ResultExt;
use crate::kernel::ids::{Kind, decode};
use alliance_domain::kernel::ids::AllianceId;
use async_graphql::{Context, ID, Object};

#[derive(Default)]
pub struct ActivityQuery;

/// The list behind `activities` and `Alliance.activities`.
pub(crate) async fn list(
    ctx: &Context<'_>,
    alliance: Option<AllianceId>,
    first: Option<i32>,
    after: Option<String>,
    status: Option<ActivityStatus>,
    kind: Option<ActivityKind>,
) -> async_graphql::Result<Conn<ActivityNode>> {
    let page = page_request(ctx, first, after)?;
    let (rows, total) = services(ctx)?
        .activities()
        .activities(
            &*principal(ctx)?,
            page,
            alliance,
            status.map(Into::into),
            kind.map(Into::into),
        )
        .await
        .gql()?;
    Ok(build(
        rows,
        i64::try_from(total).unwrap_or(i64::MAX),
        |a| a.id,
        ActivityNode,
    ))
}

#[Object]
impl ActivityQuery {
    /// One activity; null when it does not exist or the viewer may not see it.
    async fn activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The activity's global id; an id of another type answers `BAD_USER_INPUT`."
        )]
        id: ID,
    ) -> async_graphql::Result<Option<ActivityNode>> {
        let id = decode(&id, Kind::Activity, "id")?;
        Ok(services(ctx)?
            .activities()
            .activity(&*principal(ctx)?, id)
            .await
            .gql()?
            .map(ActivityNode))
    }

    /// Activities of the alliances whose activities the viewer may read, newest start first.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn activities(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this alliance's activities.")] alliance_id: Option<ID>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(desc = "Only activities in this status.")] status: Option<ActivityStatus>,
        #[graphql(desc = "Only activities of this kind.")] kind: Option<ActivityKind>,
    ) -> async_graphql::Result<Conn<ActivityNode>> {
        let alliance = alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId"))
            .transpose()?
            .map(AllianceId);
        list(ctx, alliance, first, after, status, kind).await
    }
}

/// `Organization.activities`: the activities the organization hosted or co-organized (its ledger),
/// of alliances whose activities the viewer may read; batched across organizations.
pub(crate) async fn ledger(
    ctx: &Context<'_>,
    organization: uuid::Uuid,
    first: Option<i32>,
    after: Option<String>,
) -> async_graphql::Result<Conn<ActivityNode>> {
    use crate::kernel::loaders::{load_error, loaders};
    let page = page_request(ctx, first, after)?;
    let loaders = loaders(ctx)?;
    let rows = loaders
        .activities_of_organizations
        .load_one((organization, page))
        .await
        .map_err(load_error)?
        .unwrap_or_default();
    let total = if page.count {
        loaders
            .count_activities_of_organizations
            .load_one(organization)
            .await
            .map_err(load_error)?
            .unwrap_or(0)
    } else {
        0
    };
    Ok(build(
        alliance_domain::kernel::pagination::Page::from_rows(rows, page),
        total,
        |a| a.id,
        ActivityNode,
    ))
}
