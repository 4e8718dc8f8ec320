//! Table models. GraphQL types are written separately for the API; these mirror the tables.

pub mod action_item;
pub mod action_item_note;
pub mod agenda_item;
pub mod agreement;
pub mod agreement_party;
pub mod alliance;
pub mod alliance_membership;
pub mod attendance;
pub mod audit_entry;
pub mod calendar_feed;
pub mod decision;
pub mod document;
pub mod document_version;
pub mod integration_token;
pub mod invitation;
pub mod lead_term;
pub mod meeting;
pub mod minutes;
pub mod notification;
pub mod organization;
pub mod organization_membership;
pub mod refresh_token;
pub mod role_grant;
pub mod session;
pub mod user;
