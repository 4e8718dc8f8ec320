//! organizations
pub(crate) mod access;
pub mod schema;
pub mod types;
