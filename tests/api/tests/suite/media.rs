//! Photos and files: uploads (every bad case, against a local directory and an S3-compatible
//! server), signed and public URLs, who may see and change what, the sweep, and races.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod access;
mod document_versions;
mod edits;
mod files;
mod seed;
mod sweep;
mod uploads;
mod urls;
