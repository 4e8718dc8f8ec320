//! auth
pub mod schema;
pub mod types;
