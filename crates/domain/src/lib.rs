//! The Alliance domain: entities, services, the authorization policy and errors.
//! It talks to Postgres through sea-orm and knows nothing of GraphQL or HTTP.

pub mod audit;
pub mod auth;
pub mod clock;
pub mod config;
pub mod db;
pub mod entities;
pub mod error;
pub mod events;
pub mod ids;
pub mod mail;
pub mod pagination;
pub mod policy;
pub mod principal;
pub mod seed;
pub mod services;
pub mod validation;
pub mod vocab;

pub use config::DomainConfig;
pub use error::{Error, FieldError, Result};
pub use principal::Principal;
pub use services::Services;
