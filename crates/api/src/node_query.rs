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
use async_graphql::{Context, ID, Object};

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
            .users()
            .user(viewer, UserId(uuid))
            .await
            .gql()?
            .map(|u| Node::User(UserNode(u))),
        Kind::Organization => services
            .organizations()
            .organization(viewer, OrganizationId(uuid))
            .await
            .gql()?
            .map(|o| Node::Organization(OrganizationNode(o))),
        Kind::Alliance => services
            .alliances()
            .alliance(viewer, AllianceId(uuid))
            .await
            .gql()?
            .map(|a| Node::Alliance(AllianceNode(a))),
        Kind::OrganizationMembership => services
            .organizations()
            .membership_visible(viewer, uuid)
            .await
            .gql()?
            .map(|m| Node::OrganizationMembership(OrganizationMembershipNode(m))),
        Kind::AllianceMembership => services
            .alliances()
            .alliance_membership_visible(viewer, uuid)
            .await
            .gql()?
            .map(|m| Node::AllianceMembership(AllianceMembershipNode(m))),
        Kind::IntegrationToken => {
            let page = PageRequest {
                first: 100,
                after: None,
                count: false,
            };
            // Only tokens the viewer may manage; found through the same filtered query as the list.
            if alliance_domain::policy::own_user(viewer).is_some() {
                let (tokens, _) = services
                    .auth()
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
            .meetings()
            .meeting(viewer, uuid)
            .await
            .gql()?
            .map(|m| Node::Meeting(crate::meetings::types::MeetingNode(m))),
        Kind::ActionItem => services
            .meetings()
            .action_items_visible(viewer, &[uuid])
            .await
            .gql()?
            .remove(&uuid)
            .map(|item| Node::ActionItem(crate::meetings::types::ActionItemNode(item))),
        Kind::LeadTerm => services
            .rotation()
            .lead_term_visible(viewer, uuid)
            .await
            .gql()?
            .map(|term| Node::LeadTerm(crate::rotation::types::LeadTermNode::new(term))),
        Kind::Notification => services
            .notifications()
            .notification(viewer, uuid)
            .await
            .gql()?
            .map(|n| Node::Notification(crate::rotation::types::NotificationNode(n))),
        Kind::RoleGrant => services
            .alliances()
            .role_grant(viewer, alliance_domain::kernel::ids::RoleGrantId(uuid))
            .await
            .gql()?
            .map(|g| Node::RoleGrant(crate::alliances::grants::RoleGrantNode(g))),
        Kind::AuditEntry => services
            .audit()
            .audit_entry(viewer, uuid)
            .await
            .gql()?
            .map(|e| Node::AuditEntry(crate::audit::types::AuditEntryNode(e))),
        Kind::Invitation => services
            .auth()
            .invitation_visible(viewer, uuid)
            .await
            .gql()?
            .map(|i| Node::Invitation(crate::auth::types::InvitationNode(i))),
        Kind::MediaItem => services
            .media()
            .item(viewer, uuid)
            .await
            .gql()?
            .map(|m| Node::MediaItem(crate::media::types::MediaItemNode(m))),
        Kind::SharedResource | Kind::ResourceBooking => {
            crate::resources::node::resolve(services, viewer, kind, uuid).await?
        }
        Kind::Agreement => services
            .agreements()
            .agreement(viewer, uuid)
            .await
            .gql()?
            .map(|a| Node::Agreement(crate::agreements::types::AgreementNode(a))),
        Kind::Commitment => services
            .agreements()
            .commitments_visible(viewer, &[uuid])
            .await
            .gql()?
            .remove(&uuid)
            .map(|c| Node::Commitment(crate::agreements::types::CommitmentNode(c))),
        Kind::CommitmentNote => services
            .agreements()
            .commitment_note_visible(viewer, uuid)
            .await
            .gql()?
            .map(|n| Node::CommitmentNote(crate::agreements::types::CommitmentNoteNode(n))),
        Kind::Document => services
            .documents()
            .documents_visible(viewer, &[uuid])
            .await
            .gql()?
            .remove(&uuid)
            .map(|d| Node::Document(crate::documents::types::DocumentNode(d))),
        Kind::DocumentVersion => services
            .documents()
            .versions_visible(viewer, &[uuid])
            .await
            .gql()?
            .remove(&uuid)
            .map(|v| Node::DocumentVersion(crate::documents::types::DocumentVersionNode(v))),
        Kind::Activity => services
            .activities()
            .activity(viewer, uuid)
            .await
            .gql()?
            .map(|a| Node::Activity(crate::activities::types::ActivityNode(a))),
        // Public articles are fetched with `newsArticle(id:)`: no `Node`, as none can belong to a
        // members-only alliance.
        Kind::NewsArticle
        | Kind::AgendaItem
        | Kind::Attendance
        | Kind::Decision
        | Kind::CalendarFeed
        | Kind::BackgroundJob => None,
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
