//! The black-box suite, as one test binary: each module is one area of the running server, tested
//! over HTTP against real Postgres. One binary links once and lets nextest run every test in
//! parallel.

mod abuse;
mod accounts;
mod activities;
mod admin;
mod agenda_deadline;
mod agreements;
mod auth;
mod check_in_window;
mod concurrency;
mod domain;
mod field_order;
mod fuzz;
mod governance;
mod graphql;
mod handoffs;
mod http;
mod input_errors;
mod integrations;
mod introspection;
mod isolation;
mod jobs;
mod limits;
mod local_time;
mod media;
mod outage;
mod profile;
mod resources;
mod rotation_migration;
mod rotation_oracle;
mod rotation_property;
mod schema_docs;
mod subscriptions;
mod updates;
