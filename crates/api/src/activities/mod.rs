//! Joint activities (共建活动) in the schema: the query, mutation and subscription roots with their
//! inputs, and the object types.

pub mod enums;
pub mod inputs;
mod links;
mod mutation;
pub(crate) mod query;
pub mod schema;
mod subscription;
pub mod types;
