use crate::types::alliance::{AllianceMembershipNode, AllianceNode};
use crate::types::integration_token::IntegrationTokenNode;
use crate::types::invitation::InvitationNode;
use crate::types::meeting::{ActionItemNode, MeetingNode};
use crate::types::organization::{OrganizationMembershipNode, OrganizationNode};
use crate::types::rotation::{LeadTermNode, NotificationNode};
use crate::types::user::UserNode;
use async_graphql::{ID, Interface};

/// An object with a global id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID"))]
pub enum Node {
    User(UserNode),
    Organization(OrganizationNode),
    OrganizationMembership(OrganizationMembershipNode),
    Alliance(AllianceNode),
    AllianceMembership(AllianceMembershipNode),
    IntegrationToken(IntegrationTokenNode),
    Invitation(InvitationNode),
    LeadTerm(LeadTermNode),
    Meeting(MeetingNode),
    ActionItem(ActionItemNode),
    Notification(NotificationNode),
}
