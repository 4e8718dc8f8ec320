//! Per-request DataLoaders: every relation is fetched in batches, so the number of statements
//! grows with the depth of a query, not with the number of rows.

use alliance_domain::entities::{
    alliance, alliance_membership, organization, organization_membership, user,
};
use alliance_domain::pagination::PageRequest;
use alliance_domain::services::organizations::OrganizationFacts;
use alliance_domain::{Error, Services};
use async_graphql::dataloader::{DataLoader, Loader};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use uuid::Uuid;

pub type LoadError = Arc<Error>;

/// All loaders of one request.
pub struct Loaders {
    pub users: DataLoader<ById<user::Model>>,
    pub organizations: DataLoader<ById<organization::Model>>,
    pub alliances: DataLoader<ById<alliance::Model>>,
    pub organization_facts: DataLoader<ById<OrganizationFacts>>,
    pub members_of_organizations: DataLoader<Paged<organization_membership::Model>>,
    pub memberships_of_users: DataLoader<Paged<organization_membership::Model>>,
    pub past_memberships_of_users: DataLoader<Paged<organization_membership::Model>>,
    pub members_of_alliances: DataLoader<Paged<alliance_membership::Model>>,
    pub alliances_of_organizations: DataLoader<Paged<alliance_membership::Model>>,
    pub alliances_of_users: DataLoader<Paged<alliance::Model>>,
    pub count_members_of_organizations: DataLoader<Counts>,
    pub count_memberships_of_users: DataLoader<Counts>,
    pub count_past_memberships_of_users: DataLoader<Counts>,
    pub count_members_of_alliances: DataLoader<Counts>,
    pub count_alliances_of_organizations: DataLoader<Counts>,
    pub count_alliances_of_users: DataLoader<Counts>,
}

type BoxFuture<T> = std::pin::Pin<Box<dyn Future<Output = Result<T, Error>> + Send>>;
type ByIdFn<V> = dyn Fn(Services, Vec<Uuid>) -> BoxFuture<HashMap<Uuid, V>> + Send + Sync;
type PagedFn<V> =
    dyn Fn(Services, Vec<Uuid>, PageRequest) -> BoxFuture<HashMap<Uuid, Vec<V>>> + Send + Sync;
type CountFn = dyn Fn(Services, Vec<Uuid>) -> BoxFuture<HashMap<Uuid, i64>> + Send + Sync;

/// Loads rows by id.
pub struct ById<V> {
    services: Services,
    fetch: Box<ByIdFn<V>>,
}

impl<V: Send + Sync + Clone + 'static> Loader<Uuid> for ById<V> {
    type Value = V;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, V>, LoadError> {
        (self.fetch)(self.services.clone(), keys.to_vec())
            .await
            .map_err(Arc::new)
    }
}

/// Loads a page of children per parent; keys asking for the same page are fetched together.
pub struct Paged<V> {
    services: Services,
    fetch: Box<PagedFn<V>>,
}

impl<V: Send + Sync + Clone + 'static> Loader<(Uuid, PageRequest)> for Paged<V> {
    type Value = Vec<V>;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[(Uuid, PageRequest)],
    ) -> Result<HashMap<(Uuid, PageRequest), Vec<V>>, LoadError> {
        let mut by_page: HashMap<PageRequest, Vec<Uuid>> = HashMap::new();
        for (parent, page) in keys {
            by_page.entry(*page).or_default().push(*parent);
        }
        let mut out = HashMap::new();
        for (page, parents) in by_page {
            let mut found = (self.fetch)(self.services.clone(), parents.clone(), page)
                .await
                .map_err(Arc::new)?;
            for parent in parents {
                out.insert((parent, page), found.remove(&parent).unwrap_or_default());
            }
        }
        Ok(out)
    }
}

/// Counts children per parent.
pub struct Counts {
    services: Services,
    fetch: Box<CountFn>,
}

impl Loader<Uuid> for Counts {
    type Value = i64;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, i64>, LoadError> {
        let mut found = (self.fetch)(self.services.clone(), keys.to_vec())
            .await
            .map_err(Arc::new)?;
        Ok(keys
            .iter()
            .map(|k| (*k, found.remove(k).unwrap_or(0)))
            .collect())
    }
}

macro_rules! by_id {
    ($services:expr, $method:ident) => {
        DataLoader::new(
            ById {
                services: $services.clone(),
                fetch: Box::new(|s: Services, ids: Vec<Uuid>| {
                    Box::pin(async move { s.$method(&ids).await })
                }),
            },
            tokio::spawn,
        )
    };
}

macro_rules! paged {
    ($services:expr, $method:ident $(, $extra:expr)?) => {
        DataLoader::new(
            Paged {
                services: $services.clone(),
                fetch: Box::new(|s: Services, ids: Vec<Uuid>, page: PageRequest| Box::pin(async move { s.$method(&ids, page $(, $extra)?).await })),
            },
            tokio::spawn,
        )
    };
}

macro_rules! counts {
    ($services:expr, $method:ident $(, $extra:expr)?) => {
        DataLoader::new(
            Counts { services: $services.clone(), fetch: Box::new(|s: Services, ids: Vec<Uuid>| Box::pin(async move { s.$method(&ids $(, $extra)?).await })) },
            tokio::spawn,
        )
    };
}

impl Loaders {
    pub fn new(services: &Services) -> Self {
        Self {
            users: by_id!(services, users_by_ids),
            organizations: by_id!(services, organizations_by_ids),
            alliances: by_id!(services, alliances_by_ids),
            organization_facts: by_id!(services, organization_facts_many),
            members_of_organizations: paged!(services, members_of_organizations),
            memberships_of_users: paged!(services, memberships_of_users, false),
            past_memberships_of_users: paged!(services, memberships_of_users, true),
            members_of_alliances: paged!(services, members_of_alliances),
            alliances_of_organizations: paged!(services, alliances_of_organizations),
            alliances_of_users: paged!(services, alliances_of_users),
            count_members_of_organizations: counts!(services, count_members_of_organizations),
            count_memberships_of_users: counts!(services, count_memberships_of_users, false),
            count_past_memberships_of_users: counts!(services, count_memberships_of_users, true),
            count_members_of_alliances: counts!(services, count_members_of_alliances),
            count_alliances_of_organizations: counts!(services, count_alliances_of_organizations),
            count_alliances_of_users: counts!(services, count_alliances_of_users),
        }
    }
}

pub fn loaders<'a>(ctx: &async_graphql::Context<'a>) -> async_graphql::Result<&'a Loaders> {
    ctx.data::<Loaders>()
        .map_err(|_| crate::error::internal("loaders missing"))
}

/// Load errors carry the domain error; keep its code.
pub fn load_error(e: LoadError) -> async_graphql::Error {
    match Arc::try_unwrap(e) {
        Ok(e) => crate::error::gql(e),
        Err(shared) => {
            tracing::error!(error = %shared, "load failed");
            crate::error::coded("internal error", "INTERNAL")
        }
    }
}
