//! Relay `node(id:)` / `nodes(ids:)`, authorized like every other path.

use crate::alliances::types::{AllianceMembershipNode, AllianceNode};
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, coded};
use crate::kernel::ids::{Kind, decode_any};
use crate::node::Node;
use crate::organizations::types::{OrganizationMembershipNode, OrganizationNode};
use crate::users::types::UserNode;
use alliance_domain::kernel::ids::{AllianceId, OrganizationId, UserId};
use alliance_domain::kernel::pagination::PageRequest;
use alliance_domain::policy::Action;
use async_graphql::{Context, ID, Object};
use sea_orm::EntityTrait;

pub const MAX_NODES: usize = 100;

#[derive(Default)]
pub struct NodeQuery;

async fn resolve(ctx: &Context<'_>, id: &ID) -> async_graphql::Result<Option<Node>> {
    let Some((kind, uuid)) = decode_any(id) else {
        return Ok(None);
    };
    let services = services(ctx)?;
    let viewer = principal(ctx)?;
    let viewer = &*viewer;
    Ok(match kind {
        Kind::User => services
            .user(viewer, UserId(uuid))
            .await
            .gql()?
            .map(|u| Node::User(UserNode(u))),
        Kind::Organization => services
            .organization(viewer, OrganizationId(uuid))
            .await
            .gql()?
            .map(|o| Node::Organization(OrganizationNode(o))),
        Kind::Alliance => services
            .alliance(viewer, AllianceId(uuid))
            .await
            .gql()?
            .map(|a| Node::Alliance(AllianceNode(a))),
        Kind::OrganizationMembership => {
            let rows = services.memberships_by_ids(&[uuid]).await.gql()?;
            match rows.into_iter().next() {
                Some(m)
                    if crate::organizations::access::can_on_organization(
                        ctx,
                        Action::ReadOrganizationMembers,
                        m.organization_id,
                    )
                    .await? =>
                {
                    Some(Node::OrganizationMembership(OrganizationMembershipNode(m)))
                }
                _ => None,
            }
        }
        Kind::AllianceMembership => {
            let rows = services.alliance_memberships_by_ids(&[uuid]).await.gql()?;
            match rows.into_iter().next() {
                Some(m)
                    if services
                        .alliance(viewer, AllianceId(m.alliance_id))
                        .await
                        .gql()?
                        .is_some() =>
                {
                    Some(Node::AllianceMembership(AllianceMembershipNode(m)))
                }
                _ => None,
            }
        }
        Kind::IntegrationToken => {
            let page = PageRequest {
                first: 100,
                after: None,
            };
            // Only tokens the viewer may manage; found through the same filtered query as the list.
            if alliance_domain::policy::own_user(viewer).is_some() {
                let (tokens, _) = services
                    .integration_tokens_matching(viewer, page, Some(uuid))
                    .await
                    .gql()?;
                tokens
                    .items
                    .into_iter()
                    .next()
                    .map(|t| Node::IntegrationToken(crate::tokens::types::IntegrationTokenNode(t)))
            } else {
                None
            }
        }
        Kind::Meeting => services
            .meeting(viewer, uuid)
            .await
            .gql()?
            .map(|m| Node::Meeting(crate::meetings::types::MeetingNode(m))),
        Kind::ActionItem => {
            let item = services
                .action_items_visible(viewer, &[uuid])
                .await
                .gql()?
                .remove(&uuid);
            match item {
                Some(item)
                    if services
                        .meeting(viewer, item.meeting_id)
                        .await
                        .gql()?
                        .is_some() =>
                {
                    Some(Node::ActionItem(crate::meetings::types::ActionItemNode(
                        item,
                    )))
                }
                _ => None,
            }
        }
        Kind::LeadTerm => {
            let term = alliance_domain::entities::lead_term::Entity::find_by_id(uuid)
                .one(&services.db)
                .await
                .map_err(|e| crate::kernel::error::gql(e.into()))?;
            match term {
                Some(term)
                    if services
                        .alliance(viewer, AllianceId(term.alliance_id))
                        .await
                        .gql()?
                        .is_some() =>
                {
                    Some(Node::LeadTerm(crate::rotation::types::LeadTermNode(term)))
                }
                _ => None,
            }
        }
        Kind::Notification => {
            let (page, _) = services
                .notifications(
                    viewer,
                    PageRequest {
                        first: 100,
                        after: None,
                    },
                    false,
                )
                .await
                .gql()?;
            page.items
                .into_iter()
                .find(|n| n.id == uuid)
                .map(|n| Node::Notification(crate::rotation::types::NotificationNode(n)))
        }
        Kind::Invitation
        | Kind::AgendaItem
        | Kind::Attendance
        | Kind::Decision
        | Kind::CalendarFeed => None,
    })
}

#[Object]
impl NodeQuery {
    /// Any object by its global id; null when it does not exist or the viewer may not see it.
    async fn node(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A global id; malformed ids answer null.")] id: ID,
    ) -> async_graphql::Result<Option<Node>> {
        resolve(ctx, &id).await
    }

    /// Several objects by global id, in the order asked (at most 100).
    async fn nodes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global ids, at most 100 (more answer `BAD_USER_INPUT`).")] ids: Vec<ID>,
    ) -> async_graphql::Result<Vec<Option<Node>>> {
        if ids.len() > MAX_NODES {
            return Err(coded(
                format!("at most {MAX_NODES} ids at once"),
                "BAD_USER_INPUT",
            ));
        }
        let mut out = Vec::with_capacity(ids.len());
        for id in &ids {
            out.push(resolve(ctx, id).await?);
        }
        Ok(out)
    }
}
