//! The audit log as a query.

use crate::audit::types::AuditEntryNode;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, coded};
use crate::kernel::ids::{Kind, decode, decode_any};
use alliance_domain::audit::AuditFilter;
use alliance_domain::kernel::ids::{AllianceId, UserId};
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Default)]
pub struct AuditQuery;

/// An entity id as a global id of any kind, or a raw UUID.
fn entity_uuid(id: &ID) -> async_graphql::Result<Uuid> {
    decode_any(id)
        .map(|(_, uuid)| uuid)
        .or_else(|| Uuid::parse_str(id).ok())
        .ok_or_else(|| coded("`entityId` is not a valid id", "BAD_USER_INPUT"))
}

#[Object]
impl AuditQuery {
    /// Audit entries, newest first. Platform admins read every entry; an alliance's secretariat
    /// reads the entries concerning the alliances they administer (the list is restricted to
    /// them automatically, and naming another alliance is `FORBIDDEN`); anyone else is `FORBIDDEN`.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn audit_entries(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(desc = "Only what this `User` did.")] actor_id: Option<ID>,
        #[graphql(desc = "Only entries concerning this `Alliance`.")] alliance_id: Option<ID>,
        #[graphql(desc = "Only entities of this kind, e.g. `alliance`, `meeting`, `user`.")]
        entity_type: Option<String>,
        #[graphql(
            desc = "Only entries about this entity: its global id, or the raw UUID `entityId` showed."
        )]
        entity_id: Option<ID>,
        #[graphql(desc = "Only this action, e.g. `alliance.grant_role`.")] action: Option<String>,
        #[graphql(desc = "Entries at or after this instant.")] from: Option<DateTime<Utc>>,
        #[graphql(desc = "Entries before this instant.")] to: Option<DateTime<Utc>>,
    ) -> async_graphql::Result<Conn<AuditEntryNode>> {
        let page = page_request(ctx, first, after)?;
        let filter = AuditFilter {
            id: None,
            actor: actor_id
                .map(|id| decode(&id, Kind::User, "actorId").map(UserId))
                .transpose()?,
            alliance: alliance_id
                .map(|id| decode(&id, Kind::Alliance, "allianceId").map(AllianceId))
                .transpose()?,
            entity_type,
            entity_id: entity_id.as_ref().map(entity_uuid).transpose()?,
            action,
            from,
            to,
        };
        let (rows, total) = services(ctx)?
            .audit()
            .audit_entries(&*principal(ctx)?, page, filter)
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |e| e.id,
            AuditEntryNode,
        ))
    }
}
