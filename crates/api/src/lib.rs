//! The Alliance GraphQL API: schema, types, loaders, limits. Resolvers are thin: they read the
//! principal, call a domain service and map the result.

pub mod connection;
pub mod context;
pub mod error;
pub mod ids;
pub mod limits;
pub mod loaders;
pub mod schema;
pub mod types;

pub use context::{ApiConfig, RequestContext};
pub use limits::Limits;
pub use schema::{AppSchema, build_schema};
