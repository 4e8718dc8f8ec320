//! The Alliance domain: one folder per domain, each with a small façade, the authorization policy
//! and the kernel they share. It talks to Postgres through sea-orm and knows nothing of GraphQL or
//! HTTP.

pub mod kernel;
pub mod policy;

pub mod activities;
pub mod agreements;
pub mod alliances;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod documents;
pub mod jobs;
pub mod media;
pub mod meetings;
pub mod news;
pub mod notifications;
pub mod organizations;
pub mod resources;
pub mod rotation;
pub mod users;

pub mod entities;
pub mod seed;

pub use kernel::config::DomainConfig;
pub use kernel::error::{Error, FieldError, Result};
pub use kernel::services::Services;
pub use policy::principal::Principal;
