//! Photos and files (照片与附件) of activities, agreements and document versions.
//!
//! Bytes live in an object store (`storage.rs`: a local directory by default, S3-compatible when
//! configured) under fresh UUID keys; the original name stays in the database. An upload writes
//! its objects first, then inserts the rows in one transaction, and deletes the objects on any
//! failure (also when the client goes away mid-upload), so a failed upload leaves nothing behind.
//! Photos get a JPEG thumbnail and a web-sized JPEG made off the runtime, orientation applied and
//! metadata stripped. Members-only bytes are served only through short-lived signed URLs minted
//! after the policy check (`signing.rs`); media of public news have a public, cacheable URL.

mod edits;
mod owners;
mod process;
mod reads;
mod signing;
pub mod storage;
mod strip;
mod sweep;
mod upload;

pub use crate::policy::MediaOwnerKind;
pub use edits::MediaChanges;
pub use owners::MediaOwner;
pub use process::{MAX_PIXELS, Processed};
pub use reads::{MediaBytes, MediaView};
pub use signing::SignedUrl;
pub use storage::{MediaStore, S3Settings};
pub use upload::{Committed, UploadSession, too_large};

use std::time::Duration;

/// Limits and settings of media, read from the environment by the server.
#[derive(Debug, Clone)]
pub struct MediaSettings {
    /// The largest file accepted (`ALLIANCE_MEDIA_MAX_FILE_BYTES`).
    pub max_file_bytes: usize,
    /// The most files in one upload (`ALLIANCE_MEDIA_MAX_FILES`).
    pub max_files: usize,
    /// How long a signed URL is valid (`ALLIANCE_MEDIA_URL_TTL_SECS`, 300–900).
    pub url_ttl: Duration,
    /// How long public media may be cached (`Cache-Control: public, max-age`).
    pub public_max_age: Duration,
    /// Media without an owner older than this are swept (an upload that never got attached).
    pub ownerless_grace: Duration,
}

impl Default for MediaSettings {
    fn default() -> Self {
        Self {
            max_file_bytes: 20 * 1024 * 1024,
            max_files: 20,
            url_ttl: Duration::from_secs(600),
            public_max_age: Duration::from_secs(3600),
            ownerless_grace: Duration::from_secs(24 * 3600),
        }
    }
}

/// The store and settings of media, shared by every request.
#[derive(Clone, Debug)]
pub struct MediaServices {
    pub store: MediaStore,
    pub settings: MediaSettings,
}

impl Default for MediaServices {
    fn default() -> Self {
        Self {
            store: MediaStore::in_memory(),
            settings: MediaSettings::default(),
        }
    }
}

/// The copies of a media item that can be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    /// A small JPEG (at most 400 px on the long side); photos only.
    Thumbnail,
    /// A JPEG for screens (at most 1600 px on the long side); photos only.
    Web,
    /// The file as uploaded (photos with their metadata stripped).
    Original,
}

impl Variant {
    pub const ALL: [Variant; 3] = [Variant::Thumbnail, Variant::Web, Variant::Original];

    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Thumbnail => "thumbnail",
            Variant::Web => "web",
            Variant::Original => "original",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == text)
    }
}

/// Where a variant's bytes are and what they are; `None` when the item has no such copy.
pub fn object_of(
    item: &crate::entities::media::Model,
    variant: Variant,
) -> Option<(String, String)> {
    match variant {
        Variant::Original => Some((item.object_key.clone(), item.content_type.clone())),
        Variant::Thumbnail => item
            .thumbnail_key
            .clone()
            .map(|k| (k, "image/jpeg".to_owned())),
        Variant::Web => item.web_key.clone().map(|k| (k, "image/jpeg".to_owned())),
    }
}

/// Photos and files. The façade of this domain: `services.media()`.
pub struct Media<'a>(&'a crate::Services);

impl crate::Services {
    pub fn media(&self) -> Media<'_> {
        Media(self)
    }
}

impl std::ops::Deref for Media<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
