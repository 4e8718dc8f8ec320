//! Editing media: caption and taken-at (version-checked), deletion, order, an activity's cover.

use super::owners::MediaOwner;
use super::reads::MediaView;
use super::{Media, MediaOwnerKind};
use crate::entities::media;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::ids::UserId;
use crate::kernel::patch::Patch;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QuerySelect, Set, TransactionTrait};
use serde_json::json;
use std::collections::HashSet;
use uuid::Uuid;

/// The changes of `updateMedia`.
#[derive(Debug, Clone, Default)]
pub struct MediaChanges {
    /// At most 500 characters; cleared with null.
    pub caption: Patch<String>,
    /// Setting it marks the source `edited`; it cannot be cleared.
    pub taken_at: Patch<DateTime<Utc>>,
}

impl Media<'_> {
    /// The item, visible to the principal, on which they may take `EditMedia`.
    async fn editable(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<(media::Model, MediaOwner), Error> {
        let (item, owner) = self
            .item_with_owner(principal, id)
            .await?
            .ok_or(Error::NotFound("media"))?;
        policy::authorize(
            principal,
            Action::EditMedia,
            owner.resource(item.uploaded_by.map(UserId)),
        )?;
        Ok((item, owner))
    }

    pub async fn update(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        changes: MediaChanges,
    ) -> Result<MediaView, Error> {
        let (_, owner) = self.editable(principal, id).await?;
        let mut errors = Vec::new();
        let caption = match changes.caption {
            Patch::Keep => sea_orm::ActiveValue::NotSet,
            Patch::Clear => Set(None),
            Patch::Set(text) => {
                let text = text.trim().to_owned();
                if text.chars().count() > 500 {
                    errors.push(FieldError::new(
                        "caption",
                        "TOO_LONG",
                        "at most 500 characters",
                    ));
                }
                Set((!text.is_empty()).then_some(text))
            }
        };
        let taken_at = changes.taken_at.required(&mut errors, "takenAt");
        crate::kernel::validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let current = media::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&txn)
            .await?
            .filter(|m| m.orphaned_at.is_none())
            .ok_or(Error::NotFound("media"))?;
        if current.version != version {
            return Err(Error::Conflict(format!(
                "the photo was changed by someone else (now version {}); reload before saving",
                current.version
            )));
        }
        let mut row = media::ActiveModel {
            id: Set(id),
            caption,
            version: Set(current.version + 1),
            ..Default::default()
        };
        if let Some(at) = taken_at {
            row.taken_at = Set(Some(at));
            row.taken_at_source = Set(Some("edited".to_owned()));
        }
        let saved = row.update(&txn).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "media.update",
            "media",
            Some(id),
            json!({"caption": saved.caption, "takenAt": saved.taken_at, "version": saved.version}),
        )
        .await?;
        txn.commit().await?;
        Ok(MediaView {
            item: saved,
            public_news: owner.public_news,
        })
    }

    /// Deletes an item: from now on it is gone for everyone (and no longer a cover); its objects
    /// are removed now, or by the sweep if the store is unavailable.
    pub async fn delete(&self, principal: &Principal, id: Uuid) -> Result<Uuid, Error> {
        let (item, _) = self.editable(principal, id).await?;
        let txn = self.db.begin().await?;
        txn.execute_raw(stmt(
            "UPDATE activities SET cover_media_id = NULL WHERE cover_media_id = $1",
            [id.into()],
        ))
        .await?;
        txn.execute_raw(stmt(
            "UPDATE media SET orphaned_at = $2, version = version + 1 WHERE id = $1",
            [id.into(), self.now().into()],
        ))
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "media.delete",
            "media",
            Some(id),
            json!({"name": item.original_name}),
        )
        .await?;
        txn.commit().await?;
        if let Err(e) = self.remove(&item).await {
            tracing::warn!(media = %id, error = %e, "deleted media left for the sweep");
        }
        Ok(id)
    }

    /// Puts the owner's media in the order of `ids` (every one of its items, each once).
    pub async fn reorder(
        &self,
        principal: &Principal,
        kind: MediaOwnerKind,
        owner_id: Uuid,
        ids: &[Uuid],
    ) -> Result<Vec<MediaView>, Error> {
        let owner = self.owner_for_edit(principal, kind, owner_id).await?;
        let column = MediaOwner::column(kind);
        let txn = self.db.begin().await?;
        let rows = txn
            .query_all_raw(stmt(
                &format!(
                    "SELECT id FROM media WHERE {column} = $1 AND orphaned_at IS NULL FOR UPDATE"
                ),
                [owner_id.into()],
            ))
            .await?;
        let mut current = HashSet::new();
        for row in rows {
            current.insert(row.try_get::<Uuid>("", "id")?);
        }
        let given: HashSet<Uuid> = ids.iter().copied().collect();
        if given.len() != ids.len() || given != current {
            return Err(Error::invalid(
                "mediaIds",
                "NOT_ALL_MEDIA",
                format!(
                    "name each of the owner's {} items exactly once",
                    current.len()
                ),
            ));
        }
        for (position, id) in ids.iter().enumerate() {
            txn.execute_raw(stmt(
                "UPDATE media SET position = $2, version = version + 1 WHERE id = $1",
                [
                    (*id).into(),
                    i32::try_from(position).unwrap_or(i32::MAX).into(),
                ],
            ))
            .await?;
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "media.reorder",
            owner_entity(kind),
            Some(owner_id),
            json!({"order": ids}),
        )
        .await?;
        txn.commit().await?;
        let _ = owner;
        self.of_owner(principal, kind, owner_id).await
    }

    /// Makes a photo of the activity its cover.
    pub async fn set_cover(
        &self,
        principal: &Principal,
        activity_id: Uuid,
        media_id: Uuid,
    ) -> Result<MediaView, Error> {
        let owner = self
            .owner_for_edit(principal, MediaOwnerKind::Activity, activity_id)
            .await?;
        let (item, _) = self
            .item_with_owner(principal, media_id)
            .await?
            .filter(|(m, _)| m.activity_id == Some(activity_id) && m.kind == "photo")
            .ok_or_else(|| {
                Error::invalid(
                    "mediaId",
                    "NOT_A_PHOTO_OF_THE_ACTIVITY",
                    "pick a photo of this activity",
                )
            })?;
        let txn = self.db.begin().await?;
        txn.execute_raw(stmt(
            "UPDATE activities SET cover_media_id = $2, updated_at = $3, version = version + 1 WHERE id = $1",
            [activity_id.into(), media_id.into(), self.now().into()],
        ))
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "activity.set_cover",
            "activity",
            Some(activity_id),
            json!({"cover": media_id}),
        )
        .await?;
        txn.commit().await?;
        Ok(MediaView {
            item,
            public_news: owner.public_news,
        })
    }

    /// The owner, if the principal may see its media and edit them.
    async fn owner_for_edit(
        &self,
        principal: &Principal,
        kind: MediaOwnerKind,
        id: Uuid,
    ) -> Result<MediaOwner, Error> {
        let owner = self
            .owner(&self.db, principal, kind, id)
            .await?
            .filter(|o| policy::can(principal, Action::ReadMedia, o.resource(None)))
            .ok_or(Error::NotFound("owner"))?;
        policy::authorize(principal, Action::EditMedia, owner.resource(None))?;
        Ok(owner)
    }

    /// Deletes an item's objects, then its row.
    pub(crate) async fn remove(&self, item: &media::Model) -> Result<(), Error> {
        let keys: Vec<String> = [
            Some(item.object_key.clone()),
            item.thumbnail_key.clone(),
            item.web_key.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        self.media_storage.store.delete_all(&keys).await?;
        self.db
            .execute_raw(stmt("DELETE FROM media WHERE id = $1", [item.id.into()]))
            .await?;
        Ok(())
    }
}

pub(super) fn owner_entity(kind: MediaOwnerKind) -> &'static str {
    match kind {
        MediaOwnerKind::Activity => "activity",
        MediaOwnerKind::Agreement => "agreement",
        MediaOwnerKind::DocumentVersion => "document_version",
    }
}
