//! The document library in the schema: `Document`, `DocumentVersion`, `document(id:)` and the
//! mutations `createDocument` and `addDocumentVersion`.

mod schema;
pub mod types;

pub use schema::{DocumentMutation, DocumentQuery};
