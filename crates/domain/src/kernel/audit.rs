//! The audit log: every mutation writes one entry, in the same transaction as the change, dated by
//! the injected clock.

use crate::entities::audit_entry;
use crate::kernel::error::Error;
use crate::policy::principal::Principal;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

/// Who did it: a user, an integration token, or nobody (an anonymous login attempt, the seed).
#[derive(Debug, Clone, Copy, Default)]
pub struct Actor {
    pub user_id: Option<Uuid>,
    pub token_id: Option<Uuid>,
}

impl From<&Principal> for Actor {
    fn from(principal: &Principal) -> Self {
        Self {
            user_id: principal.user_id().map(|u| u.0),
            token_id: principal.token_id().map(|t| t.0),
        }
    }
}

impl crate::Services {
    /// Records an audit entry dated by the injected clock, in `conn`'s transaction.
    pub async fn record_audit<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: Actor,
        action: &str,
        entity_type: &str,
        entity_id: Option<Uuid>,
        changes: serde_json::Value,
    ) -> Result<(), Error> {
        audit_entry::ActiveModel {
            id: Set(Uuid::now_v7()),
            actor_user_id: Set(actor.user_id),
            actor_token_id: Set(actor.token_id),
            action: Set(action.to_owned()),
            entity_type: Set(entity_type.to_owned()),
            entity_id: Set(entity_id),
            changes: Set(changes),
            at: Set(self.now()),
        }
        .insert(conn)
        .await?;
        Ok(())
    }
}
