//! The black-box suite, as one test binary: each module is one area of the running server, tested
//! over HTTP against real Postgres. One binary links once and lets nextest run every test in
//! parallel.

mod abuse;
mod admin;
mod auth;
mod domain;
mod governance;
mod graphql;
mod http;
mod integrations;
mod isolation;
mod jobs;
mod limits;
mod schema_docs;
mod subscriptions;
