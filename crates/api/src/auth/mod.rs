//! auth
pub mod account;
pub mod schema;
pub mod types;
