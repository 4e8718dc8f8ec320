//! users
pub mod profile;
pub mod schema;
pub mod types;
