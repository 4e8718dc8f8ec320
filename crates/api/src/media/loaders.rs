//! The media of owners, batched: one statement for the media of every activity (agreement,
//! document version) a query reaches, filtered by the viewer's rights in the domain.

use crate::kernel::context::Viewer;
use crate::kernel::loaders::{ById, LoadError, load_error};
use alliance_domain::media::{MediaOwnerKind, MediaView};
use alliance_domain::{Principal, Services};
use async_graphql::dataloader::{DataLoader, HashMapCache};
use std::sync::Arc;
use uuid::Uuid;

type MediaLoader = DataLoader<ById<Vec<MediaView>>, HashMapCache>;

/// One loader per kind of owner.
pub struct MediaLoaders {
    pub of_activities: MediaLoader,
    pub of_agreements: MediaLoader,
    pub of_document_versions: MediaLoader,
}

fn loader(services: &Services, viewer: &Viewer, kind: MediaOwnerKind) -> MediaLoader {
    DataLoader::with_cache(
        ById::new(
            services,
            viewer,
            Box::new(move |s: Services, p: Arc<Principal>, ids: Vec<Uuid>| {
                Box::pin(async move { s.media().of_owners(&p, kind, &ids).await })
            }),
        ),
        tokio::spawn,
        HashMapCache::default(),
    )
}

impl MediaLoaders {
    pub fn new(services: &Services, viewer: &Viewer) -> Self {
        Self {
            of_activities: loader(services, viewer, MediaOwnerKind::Activity),
            of_agreements: loader(services, viewer, MediaOwnerKind::Agreement),
            of_document_versions: loader(services, viewer, MediaOwnerKind::DocumentVersion),
        }
    }

    pub fn enable_all_cache(&self, enable: bool) {
        self.of_activities.enable_all_cache(enable);
        self.of_agreements.enable_all_cache(enable);
        self.of_document_versions.enable_all_cache(enable);
    }

    /// The media of one owner the viewer may see, in order (for an owner's field, e.g.
    /// `Activity.photos`; the owner itself must already have been authorized).
    pub async fn of(
        &self,
        kind: MediaOwnerKind,
        owner: Uuid,
    ) -> async_graphql::Result<Vec<crate::media::types::MediaItemNode>> {
        let loader = match kind {
            MediaOwnerKind::Activity => &self.of_activities,
            MediaOwnerKind::Agreement => &self.of_agreements,
            MediaOwnerKind::DocumentVersion => &self.of_document_versions,
        };
        Ok(loader
            .load_one(owner)
            .await
            .map_err(|e: LoadError| load_error(e))?
            .unwrap_or_default()
            .into_iter()
            .map(crate::media::types::MediaItemNode)
            .collect())
    }
}
