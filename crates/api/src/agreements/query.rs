//! Reading agreements: one by id, the filtered list, and those nearing expiry.

use super::types::{AgreementNode, AgreementStatus};
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::ResultExt;
use crate::kernel::ids::{Kind, decode};
use alliance_domain::kernel::ids::AllianceId;
use async_graphql::{Context, ID, Object};

#[derive(Default)]
pub struct AgreementQuery;

#[Object]
impl AgreementQuery {
    /// One agreement; null when it does not exist or the viewer may not read it.
    async fn agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The agreement's global id; an id of another type answers `BAD_USER_INPUT`."
        )]
        id: ID,
    ) -> async_graphql::Result<Option<AgreementNode>> {
        let id = decode(&id, Kind::Agreement, "id")?;
        Ok(services(ctx)?
            .agreements()
            .agreement(&*principal(ctx)?, id)
            .await
            .gql()?
            .map(AgreementNode))
    }

    /// Agreements of the alliances whose agreements the viewer may read, in creation order;
    /// optionally one alliance and one status (as of today in each alliance's zone).
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn agreements(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this alliance's agreements.")] alliance_id: Option<ID>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(desc = "Only agreements in this status today.")] status: Option<AgreementStatus>,
    ) -> async_graphql::Result<Conn<AgreementNode>> {
        let page = page_request(ctx, first, after)?;
        let alliance = alliance_id
            .as_ref()
            .map(|id| decode(id, Kind::Alliance, "allianceId"))
            .transpose()?
            .map(AllianceId);
        let (rows, total) = services(ctx)?
            .agreements()
            .agreements(&*principal(ctx)?, page, alliance, status.map(Into::into))
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |a| a.id,
            AgreementNode,
        ))
    }

    /// Signed agreements the viewer may read that end within their reminder window
    /// (`renewalReminderDays`) and are not renewed yet: the dashboard's "nearing expiry".
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn agreements_nearing_expiry(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
    ) -> async_graphql::Result<Conn<AgreementNode>> {
        let page = page_request(ctx, first, after)?;
        let (rows, total) = services(ctx)?
            .agreements()
            .agreements_nearing_expiry(&*principal(ctx)?, page)
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |a| a.id,
            AgreementNode,
        ))
    }
}
