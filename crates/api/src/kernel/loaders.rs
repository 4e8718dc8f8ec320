//! Per-request DataLoaders: every relation is fetched in batches, so the number of statements
//! grows with the depth of a query, not with the number of rows.

use crate::kernel::context::Viewer;
use alliance_domain::activities;
use alliance_domain::agreements::{Commitment, CommitmentNote};
use alliance_domain::alliances::AllianceFacts;
use alliance_domain::entities::{
    action_item, action_item_note, agenda_item, agreement, agreement_party, alliance,
    alliance_membership, attendance, decision, document, document_version, meeting, minutes,
    organization, organization_membership, user,
};
use alliance_domain::kernel::pagination::PageRequest;
use alliance_domain::organizations::OrganizationFacts;
use alliance_domain::rotation::TermWithLead;
use alliance_domain::{Error, Principal, Services};
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use uuid::Uuid;

pub type LoadError = Arc<Error>;

/// The loaders of one request, made when a resolver first asks for one: an operation that reads
/// no relation (`me { id }`) makes none of them.
pub struct Loaders {
    services: Services,
    viewer: Viewer,
    cached: bool,
    set: std::sync::OnceLock<LoaderSet>,
}

impl std::ops::Deref for Loaders {
    type Target = LoaderSet;

    fn deref(&self) -> &LoaderSet {
        self.set.get_or_init(|| {
            let set = LoaderSet::build(&self.services, &self.viewer);
            if !self.cached {
                set.for_each_cache_switch(false);
            }
            set
        })
    }
}

/// All loaders of one request.
pub struct LoaderSet {
    pub users: DataLoader<ById<user::Model>, HashMapCache>,
    pub organizations: DataLoader<ById<organization::Model>, HashMapCache>,
    pub alliances: DataLoader<ById<alliance::Model>, HashMapCache>,
    pub organization_facts: DataLoader<ById<OrganizationFacts>, HashMapCache>,
    pub alliance_facts: DataLoader<ById<AllianceFacts>, HashMapCache>,
    pub members_of_organizations: DataLoader<Paged<organization_membership::Model>, HashMapCache>,
    pub memberships_of_users: DataLoader<Paged<organization_membership::Model>, HashMapCache>,
    pub past_memberships_of_users: DataLoader<Paged<organization_membership::Model>, HashMapCache>,
    pub members_of_alliances: DataLoader<Paged<alliance_membership::Model>, HashMapCache>,
    pub alliances_of_organizations: DataLoader<Paged<alliance_membership::Model>, HashMapCache>,
    pub alliances_of_users: DataLoader<Paged<alliance::Model>, HashMapCache>,
    pub count_members_of_organizations: DataLoader<Counts, HashMapCache>,
    pub count_memberships_of_users: DataLoader<Counts, HashMapCache>,
    pub count_past_memberships_of_users: DataLoader<Counts, HashMapCache>,
    pub count_members_of_alliances: DataLoader<Counts, HashMapCache>,
    pub count_alliances_of_organizations: DataLoader<Counts, HashMapCache>,
    pub count_alliances_of_users: DataLoader<Counts, HashMapCache>,
    pub meetings: DataLoader<ById<meeting::Model>, HashMapCache>,
    pub action_items: DataLoader<ById<action_item::Model>, HashMapCache>,
    pub lead_terms_of_alliances: DataLoader<ById<Vec<TermWithLead>>, HashMapCache>,
    pub agenda_of_meetings: DataLoader<ById<Vec<agenda_item::Model>>, HashMapCache>,
    pub attendances_of_meetings: DataLoader<ById<Vec<attendance::Model>>, HashMapCache>,
    pub decisions_of_meetings: DataLoader<ById<Vec<decision::Model>>, HashMapCache>,
    pub action_items_of_meetings: DataLoader<ById<Vec<action_item::Model>>, HashMapCache>,
    pub carried_over_of_meetings: DataLoader<ById<Vec<action_item::Model>>, HashMapCache>,
    pub notes_of_action_items: DataLoader<ById<Vec<action_item_note::Model>>, HashMapCache>,
    pub minutes_of_meetings: DataLoader<ById<minutes::Model>, HashMapCache>,
    pub attendance_rates: DataLoader<ById<f64>, HashMapCache>,
    /// Photos and files of activities, agreements and document versions (see `media::loaders`).
    pub media: crate::media::loaders::MediaLoaders,
    /// Shared resources and their bookings (`crate::resources::loaders`).
    pub resources: crate::resources::loaders::ResourceLoaders,
    pub agreements: DataLoader<ById<agreement::Model>, HashMapCache>,
    pub alliance_zones: DataLoader<ById<String>, HashMapCache>,
    pub parties_of_agreements: DataLoader<ById<Vec<agreement_party::Model>>, HashMapCache>,
    pub commitments_of_agreements: DataLoader<ById<Vec<Commitment>>, HashMapCache>,
    pub notes_of_commitments: DataLoader<ById<Vec<CommitmentNote>>, HashMapCache>,
    pub renewals_of_agreements: DataLoader<ById<agreement::Model>, HashMapCache>,
    pub documents: DataLoader<ById<document::Model>, HashMapCache>,
    pub versions_of_documents: DataLoader<ById<Vec<document_version::Model>>, HashMapCache>,
    pub current_versions_of_documents: DataLoader<ById<document_version::Model>, HashMapCache>,
    pub current_working_rules: DataLoader<ById<document_version::Model>, HashMapCache>,
    pub organizers_of_activities: DataLoader<ById<Vec<activities::Organizer>>, HashMapCache>,
    pub headcounts_of_activities: DataLoader<ById<Vec<activities::Headcount>>, HashMapCache>,
    pub participants_of_activities: DataLoader<ById<Vec<activities::Participant>>, HashMapCache>,
    pub own_participation: DataLoader<ById<activities::Participant>, HashMapCache>,
    pub totals_of_activities: DataLoader<ById<activities::ActivityTotals>, HashMapCache>,
    pub activities_of_commitments: DataLoader<ById<Vec<activities::activity::Model>>, HashMapCache>,
    pub activities_of_organizations: DataLoader<Paged<activities::activity::Model>, HashMapCache>,
    pub count_activities_of_organizations: DataLoader<Counts, HashMapCache>,
}

pub(crate) type BoxFuture<T> = std::pin::Pin<Box<dyn Future<Output = Result<T, Error>> + Send>>;
pub(crate) type ByIdFn<V> =
    dyn Fn(Services, Arc<Principal>, Vec<Uuid>) -> BoxFuture<HashMap<Uuid, V>> + Send + Sync;
type PagedFn<V> = dyn Fn(Services, Arc<Principal>, Vec<Uuid>, PageRequest) -> BoxFuture<HashMap<Uuid, Vec<V>>>
    + Send
    + Sync;
type CountFn =
    dyn Fn(Services, Arc<Principal>, Vec<Uuid>) -> BoxFuture<HashMap<Uuid, i64>> + Send + Sync;

/// Loads rows by id.
pub struct ById<V> {
    services: Services,
    viewer: Viewer,
    fetch: Box<ByIdFn<V>>,
}

impl<V> ById<V> {
    /// A loader of `fetch` for this request's viewer.
    pub(crate) fn new(services: &Services, viewer: &Viewer, fetch: Box<ByIdFn<V>>) -> Self {
        Self {
            services: services.clone(),
            viewer: viewer.clone(),
            fetch,
        }
    }
}

impl<V: Send + Sync + Clone + 'static> Loader<Uuid> for ById<V> {
    type Value = V;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, V>, LoadError> {
        (self.fetch)(self.services.clone(), self.viewer.get(), keys.to_vec())
            .await
            .map_err(Arc::new)
    }
}

/// Loads a page of children per parent; keys asking for the same page are fetched together.
pub struct Paged<V> {
    services: Services,
    viewer: Viewer,
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
            let mut found = (self.fetch)(
                self.services.clone(),
                self.viewer.get(),
                parents.clone(),
                page,
            )
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
    viewer: Viewer,
    fetch: Box<CountFn>,
}

impl Loader<Uuid> for Counts {
    type Value = i64;
    type Error = LoadError;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, i64>, LoadError> {
        let mut found = (self.fetch)(self.services.clone(), self.viewer.get(), keys.to_vec())
            .await
            .map_err(Arc::new)?;
        Ok(keys
            .iter()
            .map(|k| (*k, found.remove(k).unwrap_or(0)))
            .collect())
    }
}

macro_rules! by_id {
    ($services:expr, $viewer:expr, $domain:ident . $method:ident) => {
        DataLoader::with_cache(
            ById {
                services: $services.clone(),
                viewer: $viewer.clone(),
                fetch: Box::new(|s: Services, p: Arc<Principal>, ids: Vec<Uuid>| {
                    Box::pin(async move { s.$domain().$method(&p, &ids).await })
                }),
            },
            tokio::spawn,
            HashMapCache::default(),
        )
    };
}

macro_rules! paged {
    ($services:expr, $viewer:expr, $domain:ident . $method:ident $(, $extra:expr)?) => {
        DataLoader::with_cache(
            Paged {
                services: $services.clone(),
                viewer: $viewer.clone(),
                fetch: Box::new(|s: Services, p: Arc<Principal>, ids: Vec<Uuid>, page: PageRequest| Box::pin(async move { s.$domain().$method(&p, &ids, page $(, $extra)?).await })),
            },
            tokio::spawn,
            HashMapCache::default(),
        )
    };
}

macro_rules! counts {
    ($services:expr, $viewer:expr, $domain:ident . $method:ident $(, $extra:expr)?) => {
        DataLoader::with_cache(
            Counts { services: $services.clone(), viewer: $viewer.clone(), fetch: Box::new(|s: Services, p: Arc<Principal>, ids: Vec<Uuid>| Box::pin(async move { s.$domain().$method(&p, &ids $(, $extra)?).await })) },
            tokio::spawn,
            HashMapCache::default(),
        )
    };
}

impl Loaders {
    /// Loaders for one request: rows are cached for the request's lifetime (DataLoader semantics).
    pub fn new(services: &Services, viewer: &Viewer) -> Self {
        Self {
            services: services.clone(),
            viewer: viewer.clone(),
            cached: true,
            set: std::sync::OnceLock::new(),
        }
    }

    /// Loaders for a long-lived subscription connection: no cache, so every event sees fresh rows.
    pub fn uncached(services: &Services, viewer: &Viewer) -> Self {
        Self {
            cached: false,
            ..Self::new(services, viewer)
        }
    }
}

impl LoaderSet {
    fn build(services: &Services, viewer: &Viewer) -> Self {
        Self {
            users: by_id!(services, viewer, users.users_visible),
            organizations: by_id!(services, viewer, organizations.organizations_visible),
            alliances: by_id!(services, viewer, alliances.alliances_visible),
            alliance_facts: DataLoader::with_cache(
                ById {
                    services: services.clone(),
                    viewer: viewer.clone(),
                    fetch: Box::new(|s: Services, _: Arc<Principal>, ids: Vec<Uuid>| {
                        Box::pin(async move { s.alliances().alliance_facts_many(&ids).await })
                    }),
                },
                tokio::spawn,
                HashMapCache::default(),
            ),
            // Facts for policy decisions (which alliances an organization is in), never shown.
            organization_facts: DataLoader::with_cache(
                ById {
                    services: services.clone(),
                    viewer: viewer.clone(),
                    fetch: Box::new(|s: Services, _: Arc<Principal>, ids: Vec<Uuid>| {
                        Box::pin(
                            async move { s.organizations().organization_facts_many(&ids).await },
                        )
                    }),
                },
                tokio::spawn,
                HashMapCache::default(),
            ),
            members_of_organizations: paged!(
                services,
                viewer,
                organizations.members_of_organizations
            ),
            memberships_of_users: paged!(
                services,
                viewer,
                organizations.memberships_of_users,
                false
            ),
            past_memberships_of_users: paged!(
                services,
                viewer,
                organizations.memberships_of_users,
                true
            ),
            members_of_alliances: paged!(services, viewer, alliances.members_of_alliances),
            alliances_of_organizations: paged!(
                services,
                viewer,
                alliances.alliances_of_organizations
            ),
            alliances_of_users: paged!(services, viewer, alliances.alliances_of_users),
            count_members_of_organizations: counts!(
                services,
                viewer,
                organizations.count_members_of_organizations
            ),
            count_memberships_of_users: counts!(
                services,
                viewer,
                organizations.count_memberships_of_users,
                false
            ),
            count_past_memberships_of_users: counts!(
                services,
                viewer,
                organizations.count_memberships_of_users,
                true
            ),
            count_members_of_alliances: counts!(
                services,
                viewer,
                alliances.count_members_of_alliances
            ),
            count_alliances_of_organizations: counts!(
                services,
                viewer,
                alliances.count_alliances_of_organizations
            ),
            count_alliances_of_users: counts!(services, viewer, alliances.count_alliances_of_users),
            meetings: by_id!(services, viewer, meetings.meetings_visible),
            action_items: by_id!(services, viewer, meetings.action_items_visible),
            lead_terms_of_alliances: by_id!(
                services,
                viewer,
                rotation.lead_terms_with_organizations
            ),
            agenda_of_meetings: by_id!(services, viewer, meetings.agenda_of_meetings),
            attendances_of_meetings: by_id!(services, viewer, meetings.attendances_of_meetings),
            decisions_of_meetings: by_id!(services, viewer, meetings.decisions_of_meetings),
            action_items_of_meetings: by_id!(services, viewer, meetings.action_items_of_meetings),
            carried_over_of_meetings: by_id!(services, viewer, meetings.carried_over_of_meetings),
            notes_of_action_items: by_id!(services, viewer, meetings.notes_of_action_items),
            minutes_of_meetings: by_id!(services, viewer, meetings.minutes_of_meetings),
            attendance_rates: by_id!(services, viewer, organizations.attendance_rates),
            media: crate::media::loaders::MediaLoaders::new(services, viewer),
            resources: crate::resources::loaders::ResourceLoaders::new(services, viewer),
            agreements: by_id!(services, viewer, agreements.agreements_visible),
            // The time zone of an agreement's alliance, for its derived status; never shown as such.
            alliance_zones: DataLoader::with_cache(
                ById {
                    services: services.clone(),
                    viewer: viewer.clone(),
                    fetch: Box::new(|s: Services, _: Arc<Principal>, ids: Vec<Uuid>| {
                        Box::pin(async move { s.agreements().alliance_zones(&ids).await })
                    }),
                },
                tokio::spawn,
                HashMapCache::default(),
            ),
            parties_of_agreements: by_id!(services, viewer, agreements.parties_of_agreements),
            commitments_of_agreements: by_id!(
                services,
                viewer,
                agreements.commitments_of_agreements
            ),
            notes_of_commitments: by_id!(services, viewer, agreements.notes_of_commitments),
            renewals_of_agreements: by_id!(services, viewer, agreements.renewals_of_agreements),
            documents: by_id!(services, viewer, documents.documents_visible),
            versions_of_documents: by_id!(services, viewer, documents.versions_of_documents),
            current_versions_of_documents: by_id!(
                services,
                viewer,
                documents.current_versions_of_documents
            ),
            current_working_rules: by_id!(
                services,
                viewer,
                documents.current_working_rules_of_alliances
            ),
            organizers_of_activities: by_id!(services, viewer, activities.organizers_of_activities),
            headcounts_of_activities: by_id!(services, viewer, activities.headcounts_of_activities),
            participants_of_activities: by_id!(
                services,
                viewer,
                activities.participants_of_activities
            ),
            own_participation: by_id!(services, viewer, activities.own_participation),
            totals_of_activities: by_id!(services, viewer, activities.totals_of_activities),
            activities_of_commitments: by_id!(
                services,
                viewer,
                activities.activities_of_commitments
            ),
            activities_of_organizations: paged!(
                services,
                viewer,
                activities.activities_of_organizations
            ),
            count_activities_of_organizations: counts!(
                services,
                viewer,
                activities.count_activities_of_organizations
            ),
        }
    }
}

impl LoaderSet {
    fn for_each_cache_switch(&self, enable: bool) {
        self.users.enable_all_cache(enable);
        self.organizations.enable_all_cache(enable);
        self.alliances.enable_all_cache(enable);
        self.organization_facts.enable_all_cache(enable);
        self.alliance_facts.enable_all_cache(enable);
        self.members_of_organizations.enable_all_cache(enable);
        self.memberships_of_users.enable_all_cache(enable);
        self.past_memberships_of_users.enable_all_cache(enable);
        self.members_of_alliances.enable_all_cache(enable);
        self.alliances_of_organizations.enable_all_cache(enable);
        self.alliances_of_users.enable_all_cache(enable);
        self.count_members_of_organizations.enable_all_cache(enable);
        self.count_memberships_of_users.enable_all_cache(enable);
        self.count_past_memberships_of_users
            .enable_all_cache(enable);
        self.count_members_of_alliances.enable_all_cache(enable);
        self.count_alliances_of_organizations
            .enable_all_cache(enable);
        self.count_alliances_of_users.enable_all_cache(enable);
        self.meetings.enable_all_cache(enable);
        self.action_items.enable_all_cache(enable);
        self.lead_terms_of_alliances.enable_all_cache(enable);
        self.agenda_of_meetings.enable_all_cache(enable);
        self.attendances_of_meetings.enable_all_cache(enable);
        self.decisions_of_meetings.enable_all_cache(enable);
        self.action_items_of_meetings.enable_all_cache(enable);
        self.carried_over_of_meetings.enable_all_cache(enable);
        self.notes_of_action_items.enable_all_cache(enable);
        self.minutes_of_meetings.enable_all_cache(enable);
        self.attendance_rates.enable_all_cache(enable);
        self.media.enable_all_cache(enable);
        self.resources.enable_all_cache(enable);
        self.agreements.enable_all_cache(enable);
        self.alliance_zones.enable_all_cache(enable);
        self.parties_of_agreements.enable_all_cache(enable);
        self.commitments_of_agreements.enable_all_cache(enable);
        self.notes_of_commitments.enable_all_cache(enable);
        self.renewals_of_agreements.enable_all_cache(enable);
        self.documents.enable_all_cache(enable);
        self.versions_of_documents.enable_all_cache(enable);
        self.current_versions_of_documents.enable_all_cache(enable);
        self.current_working_rules.enable_all_cache(enable);
        self.organizers_of_activities.enable_all_cache(enable);
        self.headcounts_of_activities.enable_all_cache(enable);
        self.participants_of_activities.enable_all_cache(enable);
        self.own_participation.enable_all_cache(enable);
        self.totals_of_activities.enable_all_cache(enable);
        self.activities_of_commitments.enable_all_cache(enable);
        self.activities_of_organizations.enable_all_cache(enable);
        self.count_activities_of_organizations
            .enable_all_cache(enable);
    }
}

pub fn loaders<'a>(ctx: &async_graphql::Context<'a>) -> async_graphql::Result<&'a Loaders> {
    ctx.data::<Loaders>()
        .map_err(|_| crate::kernel::error::internal("loaders missing"))
}

/// Load errors carry the domain error, shared by every field that waited on the batch; each keeps
/// its code (a database outage is `SERVICE_UNAVAILABLE` for all of them, not `INTERNAL`).
pub fn load_error(e: LoadError) -> async_graphql::Error {
    crate::kernel::error::gql_ref(&e)
}
