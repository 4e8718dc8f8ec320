//! `Document` and `DocumentVersion`.

use crate::kernel::context::{principal, services};
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::users::types::UserNode;
use alliance_domain::entities::{document, document_version};
use alliance_domain::kernel::vocab;
use alliance_domain::media::Variant;
use async_graphql::{Context, Enum, ID, Object};
use chrono::{DateTime, NaiveDate, Utc};

/// What a document of the library is.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// The alliance's working rules (工作规则); the version in effect is `Alliance.currentWorkingRules`.
    WorkingRules,
    /// An annual work plan.
    AnnualPlan,
    /// A work summary.
    Summary,
    /// Anything else.
    Other,
}

impl From<vocab::DocumentKind> for DocumentKind {
    fn from(k: vocab::DocumentKind) -> Self {
        match k {
            vocab::DocumentKind::WorkingRules => Self::WorkingRules,
            vocab::DocumentKind::AnnualPlan => Self::AnnualPlan,
            vocab::DocumentKind::Summary => Self::Summary,
            vocab::DocumentKind::Other => Self::Other,
        }
    }
}

impl From<DocumentKind> for vocab::DocumentKind {
    fn from(k: DocumentKind) -> Self {
        match k {
            DocumentKind::WorkingRules => Self::WorkingRules,
            DocumentKind::AnnualPlan => Self::AnnualPlan,
            DocumentKind::Summary => Self::Summary,
            DocumentKind::Other => Self::Other,
        }
    }
}

async fn user(
    ctx: &Context<'_>,
    id: Option<uuid::Uuid>,
) -> async_graphql::Result<Option<UserNode>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders(ctx)?
        .users
        .load_one(id)
        .await
        .map_err(load_error)?
        .map(UserNode))
}

/// A document of an alliance's library.
pub struct DocumentNode(pub document::Model);

/// A document of an alliance's library (文件库) with every version kept. Visible to the alliance's
/// people, its role holders, platform admins and integration tokens with `read:documents`.
#[Object(name = "Document")]
impl DocumentNode {
    /// The document's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::Document, self.0.id)
    }

    /// What the document is.
    async fn kind(&self) -> DocumentKind {
        self.0.kind.into()
    }

    /// The title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Every version, the highest number first.
    async fn versions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<DocumentVersionNode>> {
        Ok(loaders(ctx)?
            .versions_of_documents
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .into_iter()
            .map(DocumentVersionNode)
            .collect())
    }

    /// The version in effect today: the latest effective date on or before today (the alliance's
    /// local date); null when every version takes effect later.
    async fn current_version(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<DocumentVersionNode>> {
        Ok(loaders(ctx)?
            .current_versions_of_documents
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .map(DocumentVersionNode))
    }

    /// Who created it, if the viewer may see that person.
    async fn created_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.created_by).await
    }

    /// When it was created (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Grows by one with every version added.
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// One version of a document.
pub struct DocumentVersionNode(pub document_version::Model);

/// One version of a document; versions are never changed or removed.
#[Object(name = "DocumentVersion")]
impl DocumentVersionNode {
    /// The version's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::DocumentVersion, self.0.id)
    }

    /// The version as a file (PDF, photo, Word or Excel), when it was uploaded as one
    /// (`POST /media` with `documentId`); null for a text version.
    async fn file(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<DocumentFile>> {
        Ok(loaders(ctx)?
            .media
            .of(
                alliance_domain::media::MediaOwnerKind::DocumentVersion,
                self.0.id,
            )
            .await?
            .into_iter()
            .next()
            .map(DocumentFile))
    }

    /// The document it is a version of.
    async fn document(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<DocumentNode>> {
        Ok(loaders(ctx)?
            .documents
            .load_one(self.0.document_id)
            .await
            .map_err(load_error)?
            .map(DocumentNode))
    }

    /// 1 for the first version, one more for each later one.
    async fn number(&self) -> i32 {
        self.0.number
    }

    /// A label such as 试行 (trial), if given.
    async fn label(&self) -> Option<&str> {
        self.0.label.as_deref()
    }

    /// The text in Markdown; null for a version that is a file (see `file`).
    async fn body(&self) -> Option<&str> {
        self.0.body.as_deref()
    }

    /// The day it takes effect (a local date of the alliance).
    async fn effective_on(&self) -> NaiveDate {
        self.0.effective_on
    }

    /// What changed, if given.
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }

    /// Who added it, if the viewer may see that person.
    async fn uploaded_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.uploaded_by).await
    }

    /// When it was added (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// The file of a document version.
pub struct DocumentFile(pub crate::media::types::MediaItemNode);

/// The file a document version was uploaded as. Seen by whoever may read the document.
#[Object(name = "DocumentFile")]
impl DocumentFile {
    /// The file name it was uploaded with (without directories).
    async fn name(&self) -> &str {
        &self.0.0.item.original_name
    }

    /// The content type, decided from the bytes: `application/pdf`, `image/jpeg`, `image/png`,
    /// `image/webp`, or the Word (`.docx`) and Excel (`.xlsx`) types.
    async fn content_type(&self) -> &str {
        &self.0.0.item.content_type
    }

    /// The size in bytes.
    async fn byte_size(&self) -> i64 {
        self.0.0.item.byte_size
    }

    /// A short-lived signed link to the file as uploaded (a path on this API's origin), minted
    /// for this viewer after the policy check; ask again once `urlExpiresAt` has passed.
    async fn url(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        let _ = principal(ctx)?;
        Ok(services(ctx)?
            .media()
            .url(&self.0.0, Variant::Original)
            .map(|u| u.url))
    }

    /// When `url` stops working.
    async fn url_expires_at(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<DateTime<Utc>>> {
        let _ = principal(ctx)?;
        Ok(services(ctx)?
            .media()
            .url(&self.0.0, Variant::Original)
            .and_then(|u| u.expires_at))
    }

    /// The media item behind it (sha256, uploader, other details).
    async fn media(&self) -> &crate::media::types::MediaItemNode {
        &self.0
    }
}
