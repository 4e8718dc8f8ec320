//! tokens
pub mod schema;
pub mod types;
