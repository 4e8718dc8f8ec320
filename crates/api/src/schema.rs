//! The schema: one Query/Mutation per domain, merged.

use crate::kernel::context::{ApiConfig, RequestContext};
use crate::kernel::executor::Api;
use crate::kernel::limits::Limits;
use crate::kernel::loaders::Loaders;
use crate::{
    activities, agreements, alliances, audit, auth, documents, jobs, media, meetings, news,
    node_query as nodes, organizations, resources, rotation, tokens, users,
};
use alliance_domain::Services;
use async_graphql::{MergedObject, MergedSubscription, Schema};

/// Read entry points. Anonymous visitors see public profiles only; signed-in people and integration
/// tokens see what their roles and scopes allow.
#[derive(MergedObject, Default)]
pub struct Query(
    auth::schema::AuthQuery,
    nodes::NodeQuery,
    organizations::schema::OrganizationQuery,
    alliances::schema::AllianceQuery,
    tokens::schema::TokenQuery,
    meetings::schema::MeetingQuery,
    rotation::schema::RotationQuery,
    users::schema::UserAdminQuery,
    audit::schema::AuditQuery,
    jobs::schema::JobQuery,
    media::schema::MediaQuery,
    resources::schema::ResourceQuery,
    agreements::AgreementQuery,
    documents::DocumentQuery,
    activities::schema::ActivityQuery,
    news::schema::NewsQuery,
    meetings::schema::ProposalQuery,
    users::permissions::ViewerPermissionsQuery,
);

/// Write entry points. Each takes one `input` and answers a payload whose `userErrors` lists invalid
/// input (`field`, `message`, `code`); `FORBIDDEN`, `NOT_FOUND`, `CONFLICT` and `UNAUTHENTICATED`
/// come back as GraphQL errors with that `extensions.code`.
#[derive(MergedObject, Default)]
pub struct Mutation(
    auth::schema::AuthMutation,
    organizations::schema::OrganizationMutation,
    alliances::schema::AllianceMutation,
    tokens::schema::TokenMutation,
    meetings::schema::MeetingMutation,
    rotation::schema::RotationMutation,
    alliances::grants::RoleGrantMutation,
    users::schema::UserAdminMutation,
    jobs::schema::JobMutation,
    media::schema::MediaMutation,
    resources::schema::ResourceMutation,
    agreements::AgreementMutation,
    documents::DocumentMutation,
    activities::schema::ActivityMutation,
    meetings::schema::ProposalMutation,
    auth::account::AccountRecoveryMutation,
    users::profile::ProfileMutation,
);

/// Live updates over the `graphql-transport-ws` WebSocket protocol; each event is checked against
/// the viewer's rights when it is sent.
#[derive(MergedSubscription, Default)]
pub struct Subscription(
    organizations::schema::OrganizationSubscription,
    meetings::schema::MeetingSubscription,
    activities::schema::ActivitySubscription,
    rotation::subscription::NotificationSubscription,
);

pub type AppSchema = Schema<Query, Mutation, Subscription>;

/// The schema with the limits, behind the executor that both transports run (see `kernel::executor`).
pub fn build_schema(
    services: Services,
    config: ApiConfig,
    limits: &Limits,
    introspection: bool,
) -> Api {
    let mut builder = crate::kernel::connection::describe(Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    ))
    .data(services)
    .data(config)
    .limit_complexity(limits.max_complexity);
    if !introspection {
        builder = builder.disable_introspection();
    }
    Api::new(builder.finish(), limits.into())
}

/// Attaches the per-request data (principal, fresh loaders) to a request.
pub fn prepare(
    request: async_graphql::Request,
    context: RequestContext,
    services: &Services,
) -> async_graphql::Request {
    let loaders = Loaders::new(services, &context.viewer);
    request.data(context).data(loaders)
}

/// The SDL as committed in `schema.graphql`.
pub fn sdl() -> String {
    let schema = crate::kernel::connection::describe(Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    ))
    .finish();
    schema.sdl()
}
