//! Photos and files in the schema: the `MediaItem` node, `media(ownerId:)`, the edit mutations,
//! and the loaders of an owner's media for the owners' fields (`Activity.photos`, `Activity.cover`,
//! `Agreement.attachments`, `DocumentVersion.file`).

pub mod loaders;
pub mod schema;
pub mod types;
