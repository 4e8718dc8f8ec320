//! The news part of the schema: the query root.

pub use super::query::NewsQuery;
