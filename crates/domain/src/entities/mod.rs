//! Table models. GraphQL types are written separately for the API; these mirror the tables.

pub mod alliance;
pub mod alliance_membership;
pub mod audit_entry;
pub mod integration_token;
pub mod invitation;
pub mod lead_term;
pub mod organization;
pub mod organization_membership;
pub mod refresh_token;
pub mod role_grant;
pub mod session;
pub mod user;
