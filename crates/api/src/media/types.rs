//! The `MediaItem` node and its enums.

use crate::kernel::context::{principal, services};
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::users::types::UserNode;
use alliance_domain::media::{MediaView, Variant};
use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

/// What a media item is.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    /// A photo (JPEG, PNG or WebP) with a thumbnail and a web-sized copy.
    Photo,
    /// A file (PDF), e.g. a signed agreement's scan or a document version's file.
    File,
}

/// Where a photo's `takenAt` comes from.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakenAtSource {
    /// The photo's EXIF data (in Asia/Shanghai when it names no offset).
    Exif,
    /// The photo had no EXIF date: the upload time.
    Upload,
    /// Set by a person with `updateMedia`.
    Edited,
}

/// A copy of a media item.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaVariant {
    /// A JPEG of at most 400 px on the long side (photos only).
    Thumbnail,
    /// A JPEG of at most 1600 px on the long side, for screens (photos only).
    Web,
    /// The file as uploaded (photos with their metadata removed).
    Original,
}

impl From<MediaVariant> for Variant {
    fn from(v: MediaVariant) -> Self {
        match v {
            MediaVariant::Thumbnail => Variant::Thumbnail,
            MediaVariant::Web => Variant::Web,
            MediaVariant::Original => Variant::Original,
        }
    }
}

/// A URL for a media item's bytes.
#[derive(SimpleObject)]
pub struct MediaUrl {
    /// A path on this API's origin (prepend the API's scheme and host). Members-only media: a
    /// signed link that works until `expiresAt` (then ask for a new one); public news: a stable,
    /// cacheable `/media/public/{id}/{variant}`.
    pub url: String,
    /// When the link stops working; null for public media.
    pub expires_at: Option<DateTime<Utc>>,
}

/// A photo or file of an activity, agreement or document version (照片与附件).
pub struct MediaItemNode(pub MediaView);

/// A photo or file of an activity, agreement or document version (照片与附件). Its bytes are
/// fetched through `url`.
#[Object(name = "MediaItem")]
impl MediaItemNode {
    /// The global id.
    pub async fn id(&self) -> ID {
        encode(Kind::MediaItem, self.0.item.id)
    }

    /// Photo or file.
    async fn kind(&self) -> MediaKind {
        if self.0.item.kind == "photo" {
            MediaKind::Photo
        } else {
            MediaKind::File
        }
    }

    /// The content type, decided from the bytes: `image/jpeg`, `image/png`, `image/webp` or
    /// `application/pdf`.
    async fn content_type(&self) -> &str {
        &self.0.item.content_type
    }

    /// The original's size in bytes.
    async fn byte_size(&self) -> i64 {
        self.0.item.byte_size
    }

    /// SHA-256 of the original's bytes, in hex.
    async fn sha256(&self) -> &str {
        &self.0.item.sha256
    }

    /// The file name it was uploaded with (without directories).
    async fn original_name(&self) -> &str {
        &self.0.item.original_name
    }

    /// Width in pixels, orientation applied (photos only).
    async fn width(&self) -> Option<i32> {
        self.0.item.width
    }

    /// Height in pixels, orientation applied (photos only).
    async fn height(&self) -> Option<i32> {
        self.0.item.height
    }

    /// The caption (at most 500 characters).
    async fn caption(&self) -> Option<&str> {
        self.0.item.caption.as_deref()
    }

    /// When the photo was taken (UTC); see `takenAtSource`. Null for files.
    async fn taken_at(&self) -> Option<DateTime<Utc>> {
        self.0.item.taken_at
    }

    /// Where `takenAt` comes from; null for files.
    async fn taken_at_source(&self) -> Option<TakenAtSource> {
        match self.0.item.taken_at_source.as_deref() {
            Some("exif") => Some(TakenAtSource::Exif),
            Some("upload") => Some(TakenAtSource::Upload),
            Some("edited") => Some(TakenAtSource::Edited),
            _ => None,
        }
    }

    /// Its place among the owner's media, from 0 (see `reorderMedia`).
    async fn position(&self) -> i32 {
        self.0.item.position
    }

    /// Who uploaded it; null when uploaded by an integration, or not visible to the viewer.
    async fn uploaded_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        let Some(id) = self.0.item.uploaded_by else {
            return Ok(None);
        };
        Ok(loaders(ctx)?
            .users
            .load_one(id)
            .await
            .map_err(load_error)?
            .map(UserNode))
    }

    /// When it was uploaded.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.item.created_at
    }

    /// Increases with every change; send it back with `updateMedia`.
    async fn version(&self) -> i32 {
        self.0.item.version
    }

    /// A URL of one copy of the bytes; null when the item has no such copy (a file has no
    /// thumbnail or web copy).
    async fn url(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Which copy; the web-sized one by default.",
            default_with = "MediaVariant::Web"
        )]
        variant: MediaVariant,
    ) -> async_graphql::Result<Option<MediaUrl>> {
        // The node only exists for a viewer the policy let see it; the principal is read so that
        // a URL is never minted outside a request.
        let _ = principal(ctx)?;
        Ok(services(ctx)?
            .media()
            .url(&self.0, variant.into())
            .map(|u| MediaUrl {
                url: u.url,
                expires_at: u.expires_at,
            }))
    }
}
