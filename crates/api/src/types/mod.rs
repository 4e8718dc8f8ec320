//! GraphQL object types, written for integrators (not derived from tables).

pub mod alliance;
pub mod enums;
pub mod integration_token;
pub mod invitation;
pub mod meeting;
pub mod node;
pub mod organization;
pub mod rotation;
pub mod user;

use crate::loaders::{load_error, loaders};
use alliance_domain::policy::{self, Action};
use async_graphql::Context;
use uuid::Uuid;

/// Whether the viewer may take `action` on the organization `id` (facts come through a loader).
pub(crate) async fn can_on_organization(
    ctx: &Context<'_>,
    action: Action,
    id: Uuid,
) -> async_graphql::Result<bool> {
    let principal = crate::context::principal(ctx)?;
    let facts = loaders(ctx)?
        .organization_facts
        .load_one(id)
        .await
        .map_err(load_error)?;
    Ok(facts.is_some_and(|f| policy::can(principal, action, f.resource())))
}
