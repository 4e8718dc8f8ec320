//! Joint meetings in the schema: the query, mutation and subscription roots with their inputs, and the
//! object types.

pub mod inputs;
mod mutation;
mod proposals;
mod query;
mod records;
pub mod schema;
mod subscription;
pub mod types;
