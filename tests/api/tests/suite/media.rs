//! Photos and files: uploads (every bad case, against a local directory and an S3-compatible
//! server), signed and public URLs, who may see and change what, the sweep, and races.

mod access;
mod edits;
mod sweep;
mod uploads;
mod urls;
