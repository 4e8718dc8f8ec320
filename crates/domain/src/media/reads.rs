//! Reading media: one item, the media of owners (for loaders), URLs minted after the policy
//! check, and the bytes behind a signed or public URL.

use super::owners::MediaOwner;
use super::signing::{SignedUrl, public_url};
use super::{Media, MediaOwnerKind, Variant, object_of};
use crate::entities::media;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::UserId;
use crate::kernel::scope;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use bytes::Bytes;
use futures_util::stream::BoxStream;
use sea_orm::{ConnectionTrait, EntityTrait, FromQueryResult};
use std::collections::HashMap;
use uuid::Uuid;

/// A media item the principal may see, with whether it is public news (then its URLs are the
/// public, cacheable ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaView {
    pub item: media::Model,
    pub public_news: bool,
}

/// Bytes to send: the stream, its length, its content type.
pub struct MediaBytes {
    pub size: u64,
    pub content_type: String,
    pub original_name: String,
    pub stream: BoxStream<'static, Result<Bytes, Error>>,
}

/// Whether the media row `m` belongs to a published activity of a public alliance.
const PUBLIC_NEWS: &str =
    "EXISTS (SELECT 1 FROM activities a JOIN alliances al ON al.id = a.alliance_id
    WHERE a.id = m.activity_id AND a.status = 'published' AND al.visibility = 'public')";

impl Media<'_> {
    /// The item and its owner, if the principal may see it (deleted and ownerless items: never).
    pub(crate) async fn item_with_owner(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<(media::Model, MediaOwner)>, Error> {
        let Some(item) = media::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(None);
        };
        if item.orphaned_at.is_some() {
            return Ok(None);
        }
        let Some(owner) = self.owner_of(&self.db, principal, &item).await? else {
            return Ok(None);
        };
        let uploader = item.uploaded_by.map(UserId);
        if !policy::can(principal, Action::ReadMedia, owner.resource(uploader)) {
            return Ok(None);
        }
        Ok(Some((item, owner)))
    }

    /// One item, if the principal may see it.
    pub async fn item(&self, principal: &Principal, id: Uuid) -> Result<Option<MediaView>, Error> {
        Ok(self
            .item_with_owner(principal, id)
            .await?
            .map(|(item, owner)| MediaView {
                item,
                public_news: owner.public_news,
            }))
    }

    /// The items among `ids` the principal may see (for `nodes(ids:)`).
    pub async fn items(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, MediaView>, Error> {
        let mut found = HashMap::new();
        for id in ids {
            if let Some(view) = self.item(principal, *id).await? {
                found.insert(*id, view);
            }
        }
        Ok(found)
    }

    /// The media of each owner among `owners` (all of one kind), in their order, that the
    /// principal may see: one statement, for the loaders under an owner's field.
    pub async fn of_owners(
        &self,
        principal: &Principal,
        kind: MediaOwnerKind,
        owners: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<MediaView>>, Error> {
        let column = MediaOwner::column(kind);
        let (visible, values) = scope::alliance_in_sql(
            "m.alliance_id",
            &policy::media_alliances(principal, kind),
            2,
        );
        let sql = format!(
            "SELECT m.*, {PUBLIC_NEWS} AS public_news FROM media m
              WHERE m.{column} = ANY($1) AND m.orphaned_at IS NULL AND ({visible} OR {PUBLIC_NEWS})
              ORDER BY m.position, m.id"
        );
        let mut all: Vec<sea_orm::Value> = vec![owners.to_vec().into()];
        all.extend(values);
        let rows = self.db.query_all_raw(stmt(&sql, all)).await?;
        let mut grouped: HashMap<Uuid, Vec<MediaView>> = HashMap::new();
        for row in rows {
            let item = media::Model::from_query_result(&row, "")?;
            let public_news: bool = row.try_get("", "public_news")?;
            let owner = match kind {
                MediaOwnerKind::Activity => item.activity_id,
                MediaOwnerKind::Agreement => item.agreement_id,
                MediaOwnerKind::DocumentVersion => item.document_version_id,
            };
            if let Some(owner) = owner {
                grouped
                    .entry(owner)
                    .or_default()
                    .push(MediaView { item, public_news });
            }
        }
        Ok(grouped)
    }

    /// The media of one owner: `NOT_FOUND` when the principal may not see the owner's media.
    pub async fn of_owner(
        &self,
        principal: &Principal,
        kind: MediaOwnerKind,
        id: Uuid,
    ) -> Result<Vec<MediaView>, Error> {
        let owner = self
            .owner(&self.db, principal, kind, id)
            .await?
            .filter(|o| policy::can(principal, Action::ReadMedia, o.resource(None)))
            .ok_or(Error::NotFound("owner"))?;
        Ok(self
            .of_owners(principal, kind, &[owner.id])
            .await?
            .remove(&owner.id)
            .unwrap_or_default())
    }

    /// The URL of a variant of an item the principal was allowed to see (every way to get a
    /// `MediaView` goes through the policy): public for public news, else signed and short-lived.
    /// `None` when the item has no such copy (a PDF has no thumbnail).
    pub fn url(&self, view: &MediaView, variant: Variant) -> Option<SignedUrl> {
        object_of(&view.item, variant)?;
        if view.public_news {
            return Some(SignedUrl {
                url: public_url(view.item.id, variant),
                expires_at: None,
            });
        }
        self.sign(view.item.id, variant)
    }

    /// The bytes behind a signed URL; `None` for a bad or expired signature, a deleted item or
    /// a missing copy.
    pub async fn signed_bytes(
        &self,
        id: Uuid,
        variant: Variant,
        exp: i64,
        sig: &str,
    ) -> Result<Option<MediaBytes>, Error> {
        if !self.verify(id, variant, exp, sig) {
            return Ok(None);
        }
        let row = self
            .db
            .query_one_raw(stmt(
                "SELECT m.* FROM media m WHERE m.id = $1 AND m.orphaned_at IS NULL
                   AND num_nonnulls(m.activity_id, m.agreement_id, m.document_version_id) = 1",
                [id.into()],
            ))
            .await?;
        self.bytes_of(row, variant).await
    }

    /// The bytes of public news media; `None` for anything else.
    pub async fn public_bytes(
        &self,
        id: Uuid,
        variant: Variant,
    ) -> Result<Option<MediaBytes>, Error> {
        let row = self
            .db
            .query_one_raw(stmt(
                &format!("SELECT m.* FROM media m WHERE m.id = $1 AND m.orphaned_at IS NULL AND {PUBLIC_NEWS}"),
                [id.into()],
            ))
            .await?;
        self.bytes_of(row, variant).await
    }

    async fn bytes_of(
        &self,
        row: Option<sea_orm::QueryResult>,
        variant: Variant,
    ) -> Result<Option<MediaBytes>, Error> {
        let Some(row) = row else {
            return Ok(None);
        };
        let item = media::Model::from_query_result(&row, "")?;
        let Some((key, content_type)) = object_of(&item, variant) else {
            return Ok(None);
        };
        let Some((size, stream)) = self.media_storage.store.get(&key).await? else {
            tracing::warn!(media = %item.id, key, "a media object is missing from the store");
            return Ok(None);
        };
        Ok(Some(MediaBytes {
            size,
            content_type,
            original_name: item.original_name,
            stream,
        }))
    }
}
