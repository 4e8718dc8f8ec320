//! The Alliance GraphQL API: one folder per domain (query, mutation, subscription, inputs and
//! types), the `Node` interface, and the kernel (context, errors, ids, connections, limits,
//! loaders). Resolvers are thin: they read the principal, call a domain façade and map the result.
// The merged Query/Mutation of every domain nests deeper than the default limit of 128.
#![recursion_limit = "256"]

pub mod kernel;
pub mod node;
mod node_query;
pub mod schema;

pub mod activities;
pub mod agreements;
pub mod alliances;
pub mod audit;
pub mod auth;
pub mod documents;
pub mod jobs;
pub mod media;
pub mod meetings;
pub mod news;
pub mod organizations;
pub mod resources;
pub mod rotation;
pub mod tokens;
pub mod users;

pub use kernel::context::{ApiConfig, RequestContext};
pub use kernel::executor::Api;
pub use kernel::limits::Limits;
pub use schema::{AppSchema, build_schema};
