//! Organization facts through a loader, for decisions on nested fields.

use crate::kernel::loaders::{load_error, loaders};
use alliance_domain::policy::{self, Action};
use async_graphql::Context;
use uuid::Uuid;

/// Whether the viewer may take `action` on the organization `id` (facts come through a loader).
pub(crate) async fn can_on_organization(
    ctx: &Context<'_>,
    action: Action,
    id: Uuid,
) -> async_graphql::Result<bool> {
    let principal = crate::kernel::context::principal(ctx)?;
    let principal = &*principal;
    let facts = loaders(ctx)?
        .organization_facts
        .load_one(id)
        .await
        .map_err(load_error)?;
    Ok(facts.is_some_and(|f| policy::can(principal, action, f.resource())))
}
