//! Per-request loaders of shared resources and bookings, each row through the domain's visibility.

use crate::kernel::context::Viewer;
use crate::kernel::loaders::LoadError;
use alliance_domain::entities::{resource_booking, shared_resource};
use alliance_domain::kernel::pagination::PageRequest;
use alliance_domain::{Error, Principal, Services};
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::pin::Pin;
use std::sync::Arc;
use uuid::Uuid;

type Fetch<K, V> = dyn Fn(
        Services,
        Arc<Principal>,
        Vec<K>,
    ) -> Pin<Box<dyn Future<Output = Result<HashMap<K, V>, Error>> + Send>>
    + Send
    + Sync;

/// A loader from keys to values, fetched in one batch through a domain function.
pub struct Batch<K, V> {
    services: Services,
    viewer: Viewer,
    fetch: Box<Fetch<K, V>>,
}

impl<K, V> Loader<K> for Batch<K, V>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    V: Send + Sync + Clone + 'static,
{
    type Value = V;
    type Error = LoadError;

    async fn load(&self, keys: &[K]) -> Result<HashMap<K, V>, LoadError> {
        (self.fetch)(self.services.clone(), self.viewer.get(), keys.to_vec())
            .await
            .map_err(Arc::new)
    }
}

fn batch<K, V>(
    services: &Services,
    viewer: &Viewer,
    fetch: Box<Fetch<K, V>>,
) -> DataLoader<Batch<K, V>, HashMapCache>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    V: Send + Sync + Clone + 'static,
{
    DataLoader::with_cache(
        Batch {
            services: services.clone(),
            viewer: viewer.clone(),
            fetch,
        },
        tokio::spawn,
        HashMapCache::default(),
    )
}

/// A window of the calendar: [from, to), either end open.
type Window = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// A resource's bookings in a window of the calendar: (resource, from, to).
pub type WindowKey = (Uuid, Option<DateTime<Utc>>, Option<DateTime<Utc>>);

pub struct ResourceLoaders {
    pub resources: DataLoader<Batch<Uuid, shared_resource::Model>, HashMapCache>,
    pub offered_alliances: DataLoader<Batch<Uuid, Vec<Uuid>>, HashMapCache>,
    pub bookings: DataLoader<Batch<Uuid, resource_booking::Model>, HashMapCache>,
    pub bookings_in_window:
        DataLoader<Batch<WindowKey, Vec<resource_booking::Model>>, HashMapCache>,
    pub of_alliances:
        DataLoader<Batch<(Uuid, PageRequest), Vec<shared_resource::Model>>, HashMapCache>,
    pub count_of_alliances: DataLoader<Batch<Uuid, i64>, HashMapCache>,
}

impl ResourceLoaders {
    pub fn new(services: &Services, viewer: &Viewer) -> Self {
        Self {
            resources: batch(
                services,
                viewer,
                Box::new(|s, p, ids| {
                    Box::pin(async move { s.resources().resources_visible(&p, &ids).await })
                }),
            ),
            offered_alliances: batch(
                services,
                viewer,
                Box::new(|s, p, ids| {
                    Box::pin(async move { s.resources().offered_alliances_of(&p, &ids).await })
                }),
            ),
            bookings: batch(
                services,
                viewer,
                Box::new(|s, p, ids| {
                    Box::pin(async move { s.resources().bookings_visible(&p, &ids).await })
                }),
            ),
            bookings_in_window: batch(
                services,
                viewer,
                Box::new(|s, p, keys: Vec<WindowKey>| {
                    Box::pin(async move {
                        // One statement per distinct window (a calendar shows one window at a time).
                        let mut windows: HashMap<Window, Vec<Uuid>> = HashMap::new();
                        for (id, from, to) in &keys {
                            windows.entry((*from, *to)).or_default().push(*id);
                        }
                        let mut out = HashMap::new();
                        for ((from, to), ids) in windows {
                            let mut found = s
                                .resources()
                                .bookings_of_resources(&p, &ids, from, to)
                                .await?;
                            for id in ids {
                                out.insert((id, from, to), found.remove(&id).unwrap_or_default());
                            }
                        }
                        Ok(out)
                    })
                }),
            ),
            of_alliances: batch(
                services,
                viewer,
                Box::new(|s, p, keys: Vec<(Uuid, PageRequest)>| {
                    Box::pin(async move {
                        let mut pages: HashMap<PageRequest, Vec<Uuid>> = HashMap::new();
                        for (id, page) in &keys {
                            pages.entry(*page).or_default().push(*id);
                        }
                        let mut out = HashMap::new();
                        for (page, ids) in pages {
                            let mut found =
                                s.resources().resources_of_alliances(&p, &ids, page).await?;
                            for id in ids {
                                out.insert((id, page), found.remove(&id).unwrap_or_default());
                            }
                        }
                        Ok(out)
                    })
                }),
            ),
            count_of_alliances: batch(
                services,
                viewer,
                Box::new(|s, p, ids| {
                    Box::pin(
                        async move { s.resources().count_resources_of_alliances(&p, &ids).await },
                    )
                }),
            ),
        }
    }

    pub fn enable_all_cache(&self, enable: bool) {
        self.resources.enable_all_cache(enable);
        self.offered_alliances.enable_all_cache(enable);
        self.bookings.enable_all_cache(enable);
        self.bookings_in_window.enable_all_cache(enable);
        self.of_alliances.enable_all_cache(enable);
        self.count_of_alliances.enable_all_cache(enable);
    }
}
