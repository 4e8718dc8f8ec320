//! rotation
pub mod inputs;
pub mod schema;
pub mod subscription;
pub mod types;
