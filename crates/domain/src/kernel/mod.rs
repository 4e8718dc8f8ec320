//! What every domain shares: errors, typed ids, the clock, pagination, validation, the audit log,
//! events, mail, SMS and the database helpers.

pub mod audit;
pub mod clock;
pub mod config;
pub mod db;
pub mod dev_outbox;
pub mod error;
pub mod events;
pub mod ids;
pub mod local_time;
pub mod mail;
pub mod pagination;
pub mod patch;
pub(crate) mod relations;
pub mod retry;
pub(crate) mod scope;
pub mod services;
pub mod sms;
pub mod validation;
pub mod vocab;
