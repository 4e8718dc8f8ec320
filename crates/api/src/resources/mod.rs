//! Shared resources (资源共享) in the schema: the registry, a resource's booking calendar, and the
//! offer and booking mutations.

pub mod inputs;
pub mod loaders;
mod mutation;
pub mod node;
mod query;
pub mod schema;
pub mod types;
