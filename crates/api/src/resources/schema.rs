//! The shared-resources part of the schema: query and mutation roots.

pub use super::mutation::ResourceMutation;
pub use super::query::ResourceQuery;
