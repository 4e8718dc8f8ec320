//! `media(ownerId:)` and the media mutations: `updateMedia`, `deleteMedia`, `reorderMedia`,
//! `setActivityCover`. Uploads go through `POST /media` (multipart), not GraphQL.

use super::types::MediaItemNode;
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, UserError, coded, split};
use crate::kernel::ids::{Kind, decode};
use crate::kernel::patch::patch;
use alliance_domain::media::{MediaChanges, MediaOwnerKind};
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, SimpleObject};
use base64::Engine;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The owner named by a global id of an `Activity`, `Agreement` or `DocumentVersion`.
fn owner_id(id: &ID, field: &str) -> async_graphql::Result<(MediaOwnerKind, Uuid)> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(id.trim_end_matches('='))
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            let (name, uuid) = text.split_once(':')?;
            let kind = match name {
                "Activity" => MediaOwnerKind::Activity,
                "Agreement" => MediaOwnerKind::Agreement,
                "DocumentVersion" => MediaOwnerKind::DocumentVersion,
                _ => return None,
            };
            Some((kind, Uuid::parse_str(uuid).ok()?))
        })
        .ok_or_else(|| {
            coded(
                format!("`{field}` is not a valid Activity, Agreement or DocumentVersion id"),
                "BAD_USER_INPUT",
            )
        })
}

#[derive(Default)]
pub struct MediaQuery;

#[Object]
impl MediaQuery {
    /// The photos and files of an activity, agreement or document version, in their order.
    /// `NOT_FOUND` when the owner does not exist or the viewer may not see its media.
    async fn media(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global id of an Activity, Agreement or DocumentVersion.")]
        owner_id: ID,
    ) -> async_graphql::Result<Vec<MediaItemNode>> {
        let (kind, id) = owner_id_checked(&owner_id, "ownerId")?;
        Ok(services(ctx)?
            .media()
            .of_owner(&*principal(ctx)?, kind, id)
            .await
            .gql()?
            .into_iter()
            .map(MediaItemNode)
            .collect())
    }
}

fn owner_id_checked(id: &ID, field: &str) -> async_graphql::Result<(MediaOwnerKind, Uuid)> {
    owner_id(id, field)
}

/// Input for `updateMedia`.
#[derive(InputObject)]
pub struct UpdateMediaInput {
    /// The media item's global id.
    pub(crate) id: ID,
    /// The `version` read; a stale one answers `CONFLICT`.
    pub(crate) version: i32,
    /// A new caption (at most 500 characters); null clears it; absent keeps it.
    pub(crate) caption: MaybeUndefined<String>,
    /// When the photo was really taken; sets `takenAtSource` to `EDITED`. Cannot be cleared.
    pub(crate) taken_at: MaybeUndefined<DateTime<Utc>>,
}

/// Input for `deleteMedia`.
#[derive(InputObject)]
pub struct DeleteMediaInput {
    /// The media item's global id.
    pub(crate) id: ID,
}

/// Input for `reorderMedia`.
#[derive(InputObject)]
pub struct ReorderMediaInput {
    /// The global id of the Activity, Agreement or DocumentVersion.
    pub(crate) owner_id: ID,
    /// Every media item of the owner, each once, in the new order.
    pub(crate) media_ids: Vec<ID>,
}

/// Input for `setActivityCover`.
#[derive(InputObject)]
pub struct SetActivityCoverInput {
    /// The activity's global id.
    pub(crate) activity_id: ID,
    /// A photo of that activity.
    pub(crate) media_id: ID,
}

/// The result of `updateMedia` or `setActivityCover`.
#[derive(SimpleObject)]
pub struct MediaPayload {
    /// The item as saved (for `setActivityCover`: the new cover); null when `userErrors` is not empty.
    pub(crate) media: Option<MediaItemNode>,
    /// Invalid input: `caption` `TOO_LONG`, `takenAt` `REQUIRED`, `mediaId` `NOT_A_PHOTO_OF_THE_ACTIVITY`.
    pub(crate) user_errors: Vec<UserError>,
}

/// The result of `deleteMedia`.
#[derive(SimpleObject)]
pub struct DeleteMediaPayload {
    /// The deleted item's global id; null when `userErrors` is not empty.
    pub(crate) deleted_media_id: Option<ID>,
    /// Invalid input (none so far).
    pub(crate) user_errors: Vec<UserError>,
}

/// The result of `reorderMedia`.
#[derive(SimpleObject)]
pub struct ReorderMediaPayload {
    /// The owner's media in the new order; empty when `userErrors` is not empty.
    pub(crate) media: Vec<MediaItemNode>,
    /// Invalid input: `mediaIds` `NOT_ALL_MEDIA` (not every item of the owner exactly once).
    pub(crate) user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct MediaMutation;

#[Object]
impl MediaMutation {
    /// Changes a photo's caption or taken-at time (its uploader, the activity's organizers, the
    /// lead convener, alliance admins).
    async fn update_media(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The item, the version read, and the fields to change.")]
        input: UpdateMediaInput,
    ) -> async_graphql::Result<MediaPayload> {
        let id = decode(&input.id, Kind::MediaItem, "id")?;
        let result = services(ctx)?
            .media()
            .update(
                &*principal(ctx)?,
                id,
                input.version,
                MediaChanges {
                    caption: patch(input.caption),
                    taken_at: patch(input.taken_at),
                },
            )
            .await;
        let (media, user_errors) = split(result)?;
        Ok(MediaPayload {
            media: media.map(MediaItemNode),
            user_errors,
        })
    }

    /// Deletes a photo or file: gone at once for everyone (and no longer a cover); its bytes are
    /// removed from the store.
    async fn delete_media(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The item to delete.")] input: DeleteMediaInput,
    ) -> async_graphql::Result<DeleteMediaPayload> {
        let id = decode(&input.id, Kind::MediaItem, "id")?;
        let result = services(ctx)?.media().delete(&*principal(ctx)?, id).await;
        let (deleted, user_errors) = split(result)?;
        Ok(DeleteMediaPayload {
            deleted_media_id: deleted.map(|id| crate::kernel::ids::encode(Kind::MediaItem, id)),
            user_errors,
        })
    }

    /// Puts an owner's photos and files in a new order.
    async fn reorder_media(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The owner and every one of its items in the new order.")]
        input: ReorderMediaInput,
    ) -> async_graphql::Result<ReorderMediaPayload> {
        let (kind, owner) = owner_id(&input.owner_id, "ownerId")?;
        let ids = input
            .media_ids
            .iter()
            .enumerate()
            .map(|(i, id)| decode(id, Kind::MediaItem, &format!("mediaIds.{i}")))
            .collect::<async_graphql::Result<Vec<_>>>()?;
        let result = services(ctx)?
            .media()
            .reorder(&*principal(ctx)?, kind, owner, &ids)
            .await;
        let (media, user_errors) = split(result)?;
        Ok(ReorderMediaPayload {
            media: media
                .unwrap_or_default()
                .into_iter()
                .map(MediaItemNode)
                .collect(),
            user_errors,
        })
    }

    /// Makes one of an activity's photos its cover (shown on the news feed and share cards).
    async fn set_activity_cover(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity and one of its photos.")] input: SetActivityCoverInput,
    ) -> async_graphql::Result<MediaPayload> {
        let (kind, activity) = owner_id(&input.activity_id, "activityId")?;
        if kind != MediaOwnerKind::Activity {
            return Err(coded(
                "`activityId` is not a valid Activity id",
                "BAD_USER_INPUT",
            ));
        }
        let media_id = decode(&input.media_id, Kind::MediaItem, "mediaId")?;
        let result = services(ctx)?
            .media()
            .set_cover(&*principal(ctx)?, activity, media_id)
            .await;
        let (media, user_errors) = split(result)?;
        Ok(MediaPayload {
            media: media.map(MediaItemNode),
            user_errors,
        })
    }
}
