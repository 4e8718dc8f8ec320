use crate::alliances::grants::RoleGrantNode;
use crate::alliances::types::{AllianceMembershipNode, AllianceNode};
use crate::audit::types::AuditEntryNode;
use crate::auth::types::InvitationNode;
use crate::media::types::MediaItemNode;
use crate::meetings::types::{ActionItemNode, MeetingNode};
use crate::organizations::types::{OrganizationMembershipNode, OrganizationNode};
use crate::rotation::types::{LeadTermNode, NotificationNode};
use crate::tokens::types::IntegrationTokenNode;
use crate::users::types::UserNode;
use async_graphql::{ID, Interface};

/// An object with a global id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(field(
    name = "id",
    ty = "ID",
    desc = "The global id: opaque, stable, and accepted by `node(id:)` and every `...Id` argument."
))]
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
    RoleGrant(RoleGrantNode),
    AuditEntry(AuditEntryNode),
    MediaItem(MediaItemNode),
    SharedResource(crate::resources::types::SharedResourceNode),
    ResourceBooking(crate::resources::types::ResourceBookingNode),
    Agreement(crate::agreements::types::AgreementNode),
    Commitment(crate::agreements::types::CommitmentNode),
    CommitmentNote(crate::agreements::types::CommitmentNoteNode),
    Document(crate::documents::types::DocumentNode),
    DocumentVersion(crate::documents::types::DocumentVersionNode),
    Activity(crate::activities::types::ActivityNode),
}
