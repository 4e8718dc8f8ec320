//! The schema: one Query/Mutation per domain, merged.

mod alliances;
mod auth;
mod meetings;
mod nodes;
mod organizations;
mod rotation;
mod tokens;

use crate::context::{ApiConfig, RequestContext};
use crate::limits::{Limits, ShapeLimits};
use crate::loaders::Loaders;
use alliance_domain::Services;
use async_graphql::{MergedObject, MergedSubscription, Schema};

#[derive(MergedObject, Default)]
pub struct Query(
    auth::AuthQuery,
    nodes::NodeQuery,
    organizations::OrganizationQuery,
    alliances::AllianceQuery,
    tokens::TokenQuery,
    meetings::MeetingQuery,
    rotation::RotationQuery,
);

#[derive(MergedObject, Default)]
pub struct Mutation(
    auth::AuthMutation,
    organizations::OrganizationMutation,
    alliances::AllianceMutation,
    tokens::TokenMutation,
    meetings::MeetingMutation,
    rotation::RotationMutation,
);

#[derive(MergedSubscription, Default)]
pub struct Subscription(
    organizations::OrganizationSubscription,
    meetings::MeetingSubscription,
);

pub type AppSchema = Schema<Query, Mutation, Subscription>;

pub fn build_schema(
    services: Services,
    config: ApiConfig,
    limits: &Limits,
    introspection: bool,
) -> AppSchema {
    let mut builder = Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
    .data(services)
    .data(config)
    .limit_depth(limits.max_depth)
    .limit_complexity(limits.max_complexity)
    .extension(ShapeLimits {
        max_aliases: limits.max_aliases,
        max_root_fields: limits.max_root_fields,
    });
    if !introspection {
        builder = builder.disable_introspection();
    }
    builder.finish()
}

/// Attaches the per-request data (principal, fresh loaders) to a request.
pub fn prepare(
    request: async_graphql::Request,
    context: RequestContext,
    services: &Services,
) -> async_graphql::Request {
    request.data(context).data(Loaders::new(services))
}

/// The SDL as committed in `schema.graphql`.
pub fn sdl() -> String {
    let schema = Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
    .finish();
    schema.sdl()
}
