//! Joint activities (共建活动): a host and co-organizers (each counts it in its own ledger), the
//! agreement or commitment it serves, sign-up ahead and check-in on the day, head-counts of people
//! without accounts, the report, and the lifecycle planned → completed → published.

pub mod entity;
mod lifecycle;
pub use lifecycle::Step;
mod links;
mod participation;
mod reads;
mod relations;
mod vocab;
mod writes;

pub use entity as activity;
pub use relations::{ActivityTotals, Headcount, Organizer, Participant};
pub use vocab::{ActivityKind, ActivityStatus};

use crate::kernel::ids::OrganizationId;
use crate::kernel::patch::Patch;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// What `createActivity` gives.
#[derive(Debug, Clone, Default)]
pub struct ActivityInput {
    pub theme: String,
    pub kind: Option<ActivityKind>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub location: Option<String>,
    pub signup_closes_at: Option<DateTime<Utc>>,
    pub capacity: Option<i32>,
    pub summary: Option<String>,
    /// Defaults to the organization the creator acts for in the alliance.
    pub host_organization_id: Option<OrganizationId>,
    pub co_organizer_ids: Vec<OrganizationId>,
    pub agreement_id: Option<Uuid>,
    pub commitment_id: Option<Uuid>,
}

/// The changes of `updateActivity`; see [`Patch`]. Theme, kind and times may not be cleared.
#[derive(Debug, Clone, Default)]
pub struct ActivityChanges {
    pub theme: Patch<String>,
    pub kind: Patch<ActivityKind>,
    pub starts_at: Patch<DateTime<Utc>>,
    pub ends_at: Patch<DateTime<Utc>>,
    pub location: Patch<String>,
    pub signup_closes_at: Patch<DateTime<Utc>>,
    pub capacity: Patch<i32>,
    pub summary: Patch<String>,
    pub report: Patch<String>,
    pub outcomes: Patch<String>,
    pub host_organization_id: Patch<OrganizationId>,
    /// The whole new list of co-organizers.
    pub co_organizer_ids: Patch<Vec<OrganizationId>>,
    pub agreement_id: Patch<Uuid>,
    pub commitment_id: Patch<Uuid>,
}

/// The event topic of an activity that was just published (`activityPublished`).
pub const PUBLISHED_TOPIC: &str = "activity_published";
/// The event topic of any change of an activity.
pub const CHANGED_TOPIC: &str = "activity";

fn check_in_code() -> String {
    format!("{:06}", rand::random::<u32>() % 1_000_000)
}

/// Joint activities: organizers, participants, head-counts, report and lifecycle. The façade of
/// this domain: `services.activities()`.
pub struct Activities<'a>(&'a crate::Services);

impl crate::Services {
    pub fn activities(&self) -> Activities<'_> {
        Activities(self)
    }
}

impl std::ops::Deref for Activities<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
