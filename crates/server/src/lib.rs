//! The `alliance` binary's library: configuration, the HTTP router and the command line.
//! `main.rs` only calls `cli::run`.
// The merged Query/Mutation of every domain nests deeper than the default limit of 128.
#![recursion_limit = "256"]

pub mod app;
pub mod cli;
pub mod config;
pub mod dev_outbox;
pub mod graphql;
pub mod jobs;
pub mod media;
pub mod news;
pub mod observability;
pub mod operation_label;
pub mod security_headers;
pub mod ws;

pub use app::{AppState, metrics_router, router};
pub use config::Config;
