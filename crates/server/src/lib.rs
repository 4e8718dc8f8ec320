//! The `alliance` binary's library: configuration, the HTTP router and the command line.
//! `main.rs` only calls `cli::run`.

pub mod app;
pub mod cli;
pub mod config;
pub mod graphql;
pub mod jobs;
pub mod news;
pub mod observability;
pub mod operation_label;
pub mod security_headers;
pub mod ws;

pub use app::{AppState, metrics_router, router};
pub use config::Config;
