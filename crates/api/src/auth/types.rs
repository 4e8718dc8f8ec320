use crate::kernel::enums::Position;
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use alliance_domain::auth::invitations::InvitationPreview;
use alliance_domain::entities::invitation;
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

/// An invitation to join an organization.
pub struct InvitationNode(pub invitation::Model);

/// An invitation to join an organization, as returned by `inviteMember` to the inviting admin.
#[Object(name = "Invitation")]
impl InvitationNode {
    /// The invitation's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::Invitation, self.0.id)
    }

    /// The organization the invitee will join.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<OrganizationNode> {
        let found = loaders(ctx)?
            .organizations
            .load_one(self.0.organization_id)
            .await
            .map_err(load_error)?;
        found
            .map(OrganizationNode)
            .ok_or_else(|| crate::kernel::error::hidden("organization"))
    }

    /// The invitee's name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The invitee's e-mail address; null when only a phone was given.
    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }

    /// The invitee's mobile number; null when only an e-mail address was given.
    async fn phone(&self) -> Option<&str> {
        self.0.phone.as_deref()
    }

    /// The position the invitee will hold.
    async fn position(&self) -> Position {
        Position::from_db(&self.0.position)
    }

    /// When the link stops working (UTC), 7 days after it was made by default.
    async fn expires_at(&self) -> DateTime<Utc> {
        self.0.expires_at
    }

    /// When it was accepted (UTC); null while pending.
    async fn accepted_at(&self) -> Option<DateTime<Utc>> {
        self.0.accepted_at
    }
}

/// What the invitation-acceptance page shows before the invitee sets a password.
#[derive(SimpleObject)]
#[graphql(name = "InvitationPreview")]
pub struct InvitationPreviewNode {
    /// The name of the organization to join.
    pub organization_name: String,
    /// The invitee's name.
    pub name: String,
    /// The invitee's e-mail address, if given.
    pub email: Option<String>,
    /// The invitee's mobile number, if given.
    pub phone: Option<String>,
    /// When the link stops working (UTC).
    pub expires_at: DateTime<Utc>,
    /// The link has expired; accepting it answers `EXPIRED`.
    pub expired: bool,
    /// The invitation was already accepted.
    pub accepted: bool,
}

impl From<InvitationPreview> for InvitationPreviewNode {
    fn from(p: InvitationPreview) -> Self {
        Self {
            organization_name: p.organization_name,
            name: p.name,
            email: p.email,
            phone: p.phone,
            expires_at: p.expires_at,
            expired: p.expired,
            accepted: p.accepted,
        }
    }
}
