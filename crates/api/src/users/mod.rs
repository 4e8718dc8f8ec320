//! users
pub mod permissions;
pub mod profile;
pub mod schema;
pub mod types;
