//! rotation
pub mod inputs;
pub mod schema;
pub mod types;
