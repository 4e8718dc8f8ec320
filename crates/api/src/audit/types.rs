//! The `AuditEntry` type.

use crate::alliances::types::AllianceNode;
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::users::types::UserNode;
use alliance_domain::audit::AuditRow;
use async_graphql::{Context, ID, Json, Object};
use chrono::{DateTime, Utc};

pub struct AuditEntryNode(pub AuditRow);

/// The `Node` kind behind an audit `entityType`, where the entity is one.
pub fn entity_kind(entity_type: &str) -> Option<Kind> {
    Some(match entity_type {
        "user" => Kind::User,
        "organization" => Kind::Organization,
        "alliance" => Kind::Alliance,
        "meeting" => Kind::Meeting,
        "action_item" => Kind::ActionItem,
        "lead_term" => Kind::LeadTerm,
        "integration_token" => Kind::IntegrationToken,
        "invitation" => Kind::Invitation,
        _ => return None,
    })
}

/// One change recorded in the audit log: who did what to which entity, and when.
#[Object(name = "AuditEntry")]
impl AuditEntryNode {
    /// Global id.
    pub async fn id(&self) -> ID {
        encode(Kind::AuditEntry, self.0.id)
    }

    /// The user who acted; null for integration tokens and system actions (seed, anonymous).
    async fn actor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        let Some(id) = self.0.actor_user_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?
            .users
            .load_one(id)
            .await
            .map_err(load_error)?
            .map(UserNode))
    }

    /// The prefix of the integration token that acted (to recognise it); null when a user or the
    /// system acted.
    async fn actor_token_prefix(&self) -> Option<&str> {
        self.0.actor_token_prefix.as_deref()
    }

    /// What was done, `<entity>.<verb>`: e.g. `alliance.grant_role`, `meeting.schedule`, `user.disable`.
    async fn action(&self) -> &str {
        &self.0.action
    }

    /// The kind of entity acted on, snake_case: `alliance`, `meeting`, `user`, `session`, …
    async fn entity_type(&self) -> &str {
        &self.0.entity_type
    }

    /// The entity acted on: its global id where it is a `Node` (fetch it with `node(id:)`),
    /// otherwise its raw UUID; null when the entry concerns no single entity.
    async fn entity_id(&self) -> Option<ID> {
        let id = self.0.entity_id?;
        Some(match entity_kind(&self.0.entity_type) {
            Some(kind) => encode(kind, id),
            None => ID(id.to_string()),
        })
    }

    /// The alliance the entry concerns, derived from the entity; null when it concerns none.
    async fn alliance(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<AllianceNode>> {
        let Some(id) = self.0.alliance_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?
            .alliances
            .load_one(id)
            .await
            .map_err(load_error)?
            .map(AllianceNode))
    }

    /// When it happened.
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    /// What changed, as a JSON object whose keys depend on `action` (e.g. `{"user": …, "role": …}`).
    async fn changes(&self) -> Json<serde_json::Value> {
        Json(self.0.changes.clone())
    }
}
