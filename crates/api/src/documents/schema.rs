//! The library's query and mutations.

use super::types::{DocumentKind, DocumentNode, DocumentVersionNode};
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, UserError, split};
use crate::kernel::ids::{Kind, decode};
use alliance_domain::documents::{NewDocument, NewVersion};
use alliance_domain::kernel::ids::AllianceId;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;

#[derive(Default)]
pub struct DocumentQuery;

#[Object]
impl DocumentQuery {
    /// One document of a library; null when it does not exist or the viewer may not read it.
    async fn document(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The document's global id; an id of another type answers `BAD_USER_INPUT`."
        )]
        id: ID,
    ) -> async_graphql::Result<Option<DocumentNode>> {
        let id = decode(&id, Kind::Document, "id")?;
        Ok(services(ctx)?
            .documents()
            .documents_visible(&*principal(ctx)?, &[id])
            .await
            .gql()?
            .remove(&id)
            .map(DocumentNode))
    }
}

/// Input for `createDocument`: the document and its first version.
#[derive(InputObject)]
pub struct CreateDocumentInput {
    /// The alliance's global id.
    pub(crate) alliance_id: ID,
    /// What the document is.
    pub(crate) kind: DocumentKind,
    /// The title, 1 to 200 characters.
    pub(crate) title: String,
    /// The first version's text in Markdown, 1 to 500,000 characters.
    pub(crate) body: String,
    /// The first version's label, e.g. 试行 (trial), at most 50 characters.
    pub(crate) label: Option<String>,
    /// The day the first version takes effect (a local date); defaults to today.
    pub(crate) effective_on: Option<NaiveDate>,
    /// A note on the first version, at most 2,000 characters.
    pub(crate) note: Option<String>,
}

/// Input for `addDocumentVersion`.
#[derive(InputObject)]
pub struct AddDocumentVersionInput {
    /// The document's global id.
    pub(crate) document_id: ID,
    /// The text in Markdown, 1 to 500,000 characters.
    pub(crate) body: String,
    /// A label, e.g. 试行 (trial) or 修订版, at most 50 characters.
    pub(crate) label: Option<String>,
    /// The day it takes effect (a local date); defaults to today.
    pub(crate) effective_on: Option<NaiveDate>,
    /// What changed, at most 2,000 characters.
    pub(crate) note: Option<String>,
}

/// The result of `createDocument`.
#[derive(SimpleObject)]
pub struct DocumentPayload {
    /// The document as saved, with its first version; null when `userErrors` is not empty.
    pub(crate) document: Option<DocumentNode>,
    /// Invalid input: `title`/`body` `REQUIRED`/`TOO_LONG`, `label`/`note` `TOO_LONG`.
    pub(crate) user_errors: Vec<UserError>,
}

/// The result of `addDocumentVersion`.
#[derive(SimpleObject)]
pub struct DocumentVersionPayload {
    /// The new version; null when `userErrors` is not empty.
    pub(crate) version: Option<DocumentVersionNode>,
    /// Invalid input: `body` `REQUIRED`/`TOO_LONG`, `label`/`note` `TOO_LONG`.
    pub(crate) user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct DocumentMutation;

#[Object]
impl DocumentMutation {
    /// Adds a document with its first version to an alliance's library (alliance admins).
    async fn create_document(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, the kind, the title and the first version.")]
        input: CreateDocumentInput,
    ) -> async_graphql::Result<DocumentPayload> {
        let new = NewDocument {
            alliance_id: AllianceId(decode(&input.alliance_id, Kind::Alliance, "allianceId")?),
            kind: input.kind.into(),
            title: input.title,
            first_version: NewVersion {
                label: input.label,
                body: input.body,
                effective_on: input.effective_on,
                note: input.note,
            },
        };
        let (document, user_errors) = split(
            services(ctx)?
                .documents()
                .create_document(&*principal(ctx)?, new)
                .await,
        )?;
        Ok(DocumentPayload {
            document: document.map(DocumentNode),
            user_errors,
        })
    }

    /// Adds the next version of a document; earlier versions are kept as they are (alliance admins).
    async fn add_document_version(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The document and the new version.")] input: AddDocumentVersionInput,
    ) -> async_graphql::Result<DocumentVersionPayload> {
        let id = decode(&input.document_id, Kind::Document, "documentId")?;
        let (version, user_errors) = split(
            services(ctx)?
                .documents()
                .add_document_version(
                    &*principal(ctx)?,
                    id,
                    NewVersion {
                        label: input.label,
                        body: input.body,
                        effective_on: input.effective_on,
                        note: input.note,
                    },
                )
                .await,
        )?;
        Ok(DocumentVersionPayload {
            version: version.map(DocumentVersionNode),
            user_errors,
        })
    }
}
