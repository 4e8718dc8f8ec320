//! users
pub mod types;
