//! Reading shared resources: one by id and the registry.

use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::ResourceKind;
use crate::kernel::error::ResultExt;
use crate::kernel::ids::{Kind, decode};
use crate::resources::types::SharedResourceNode;
use alliance_domain::kernel::ids::AllianceId;
use async_graphql::{Context, ID, Object};

#[derive(Default)]
pub struct ResourceQuery;

#[Object]
impl ResourceQuery {
    /// One shared resource; null when it does not exist or the viewer may not see it.
    async fn shared_resource(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The resource's global id; an id of another type answers `BAD_USER_INPUT`."
        )]
        id: ID,
    ) -> async_graphql::Result<Option<SharedResourceNode>> {
        let id = decode(&id, Kind::SharedResource, "id")?;
        Ok(services(ctx)?
            .resources()
            .resource(&*principal(ctx)?, id)
            .await
            .gql()?
            .map(SharedResourceNode))
    }

    /// The resource registry: shared resources the viewer may see, oldest first; optionally those
    /// offered to one alliance, of one kind. Withdrawn resources only with `includeWithdrawn`.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn shared_resources(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only resources offered to this alliance.")] alliance_id: Option<ID>,
        #[graphql(desc = "Only resources of this kind.")] kind: Option<ResourceKind>,
        #[graphql(default = false, desc = "Include withdrawn resources.")] include_withdrawn: bool,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
    ) -> async_graphql::Result<Conn<SharedResourceNode>> {
        let page = page_request(ctx, first, after)?;
        let alliance = alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId"))
            .transpose()?
            .map(AllianceId);
        let (rows, total) = services(ctx)?
            .resources()
            .resources(
                &*principal(ctx)?,
                page,
                alliance,
                kind.map(Into::into),
                include_withdrawn,
            )
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |r| r.id,
            SharedResourceNode,
        ))
    }
}
