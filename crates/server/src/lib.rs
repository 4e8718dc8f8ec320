//! The `alliance` binary's library: configuration, the HTTP router and the command line.
//! `main.rs` only calls `cli::run`.

pub mod app;
pub mod cli;
pub mod config;
pub mod graphql;
pub mod observability;

pub use app::{AppState, router};
pub use config::Config;
