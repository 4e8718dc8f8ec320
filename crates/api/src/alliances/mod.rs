//! alliances
pub mod grants;
pub mod schema;
pub mod types;
