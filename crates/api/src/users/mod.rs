//! users
pub mod permissions;
pub mod schema;
pub mod types;
