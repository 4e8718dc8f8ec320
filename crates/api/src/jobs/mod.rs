//! Background jobs for platform admins: what is pending, what failed and why, and retrying.
pub mod schema;
pub mod types;
