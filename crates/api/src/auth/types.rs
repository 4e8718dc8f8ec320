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

#[Object(name = "Invitation")]
impl InvitationNode {
    pub async fn id(&self) -> ID {
        encode(Kind::Invitation, self.0.id)
    }

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

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }

    async fn phone(&self) -> Option<&str> {
        self.0.phone.as_deref()
    }

    async fn position(&self) -> Position {
        Position::from_db(&self.0.position)
    }

    async fn expires_at(&self) -> DateTime<Utc> {
        self.0.expires_at
    }

    async fn accepted_at(&self) -> Option<DateTime<Utc>> {
        self.0.accepted_at
    }
}

/// What the invitation-acceptance page shows before the invitee sets a password.
#[derive(SimpleObject)]
#[graphql(name = "InvitationPreview")]
pub struct InvitationPreviewNode {
    pub organization_name: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub expired: bool,
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
