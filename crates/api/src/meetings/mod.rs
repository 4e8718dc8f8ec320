//! meetings
pub mod schema;
pub mod types;
