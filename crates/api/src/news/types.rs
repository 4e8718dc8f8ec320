//! The public article and photo types.

use crate::activities::enums::ActivityKind;
use crate::kernel::context::services;
use crate::kernel::ids::{Kind, encode};
use alliance_domain::news::{NewsArticle, NewsPhoto};
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};

/// The public address of a photo's `variant` (`thumbnail`, `web` or `original`).
pub fn photo_url(public_url: &str, media: uuid::Uuid, variant: &str) -> String {
    format!(
        "{}/media/public/{media}/{variant}",
        public_url.trim_end_matches('/')
    )
}

/// A published activity of a public alliance.
pub struct NewsArticleNode(pub NewsArticle);

/// A news article (新闻动态): a published activity of a public alliance, readable by anyone. Only
/// what is meant for the public is here: no participants, no check-in, no internal links.
#[Object(name = "NewsArticle")]
impl NewsArticleNode {
    /// The article's global id (also the address `/news/{id}`).
    pub async fn id(&self) -> ID {
        encode(Kind::NewsArticle, self.0.id)
    }

    /// The alliance's global id.
    async fn alliance_id(&self) -> ID {
        encode(Kind::Alliance, self.0.alliance_id)
    }

    /// The alliance's name.
    async fn alliance_name(&self) -> &str {
        &self.0.alliance_name
    }

    /// The title: the activity's theme.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// A short summary, if written.
    async fn summary(&self) -> Option<&str> {
        self.0.summary.as_deref()
    }

    /// The kind of activity.
    async fn kind(&self) -> ActivityKind {
        self.0.kind.into()
    }

    /// When the activity started (UTC); show it in `timeZone`.
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }

    /// When the activity ended (UTC).
    async fn ends_at(&self) -> DateTime<Utc> {
        self.0.ends_at
    }

    /// The alliance's IANA time zone.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }

    /// Where it took place.
    async fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }

    /// The organizing organizations' names, host first.
    async fn organizer_names(&self) -> &[String] {
        &self.0.organizers
    }

    /// The report in markdown (render it without raw HTML).
    async fn report(&self) -> &str {
        &self.0.report
    }

    /// When it was published (UTC).
    async fn published_at(&self) -> DateTime<Utc> {
        self.0.published_at
    }

    /// The cover photo: the one chosen, else the first; null when there are no photos.
    async fn cover(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<NewsPhotoNode>> {
        let base = services(ctx)?.config.public_url.clone();
        Ok(self.0.cover.clone().map(|p| NewsPhotoNode(p, base)))
    }

    /// The photos, cover first, in their order.
    async fn photos(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<NewsPhotoNode>> {
        let base = services(ctx)?.config.public_url.clone();
        Ok(self
            .0
            .photos
            .iter()
            .cloned()
            .map(|p| NewsPhotoNode(p, base.clone()))
            .collect())
    }
}

/// A photo of an article, with the deployment's public address.
pub struct NewsPhotoNode(pub NewsPhoto, pub String);

/// A public photo of a news article.
#[Object(name = "NewsPhoto")]
impl NewsPhotoNode {
    /// The absolute address of the web-sized copy (`…/media/public/{id}/web`); `thumbnail` and
    /// `original` are served next to it.
    async fn url(&self) -> String {
        photo_url(&self.1, self.0.media_id, "web")
    }

    /// The absolute address of the small copy, for lists.
    async fn thumbnail_url(&self) -> String {
        photo_url(&self.1, self.0.media_id, "thumbnail")
    }

    /// The caption, if any.
    async fn caption(&self) -> Option<&str> {
        self.0.caption.as_deref()
    }

    /// The original's width in pixels, when known.
    async fn width(&self) -> Option<i32> {
        self.0.width
    }

    /// The original's height in pixels, when known.
    async fn height(&self) -> Option<i32> {
        self.0.height
    }
}
