//! Shared resources (资源共享): an organization offers a venue, a practice base, a course, an expert,
//! a volunteer team or materials to the alliances it belongs to; other member organizations request
//! it for a time slot; the owner approves or declines; a used booking records what was given (the
//! contribution ledger). Two approved (or used) bookings of one resource never overlap: the database
//! refuses it (`resource_bookings_no_overlap`), and the refusal names the booking it collides with.

mod bookings;
mod collisions;
mod decisions;
mod offers;
mod reads;

pub use bookings::Requested;
pub use collisions::Collision;

use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::patch::Patch;
use crate::kernel::vocab::ResourceKind;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// At most this many bookings come back for one resource and window (a calendar's view).
pub const MAX_BOOKINGS_IN_WINDOW: u64 = 500;

/// What `offerResource` takes.
#[derive(Debug, Clone)]
pub struct NewResource {
    pub organization_id: OrganizationId,
    pub alliance_ids: Vec<AllianceId>,
    pub kind: ResourceKind,
    pub name: String,
    pub description: Option<String>,
    pub capacity: Option<i32>,
    pub availability: Option<String>,
    pub rules: Option<String>,
    pub location: Option<String>,
}

/// The changes of `updateResource`; see [`Patch`]. `name` and `kind` cannot be cleared.
#[derive(Debug, Clone, Default)]
pub struct ResourceChanges {
    pub alliance_ids: Option<Vec<AllianceId>>,
    pub kind: Patch<ResourceKind>,
    pub name: Patch<String>,
    pub description: Patch<String>,
    pub capacity: Patch<i32>,
    pub availability: Patch<String>,
    pub rules: Patch<String>,
    pub location: Patch<String>,
}

/// What `requestResourceBooking` takes.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub resource_id: Uuid,
    /// Defaults to the one offered alliance the requester belongs to (when there is exactly one).
    pub alliance_id: Option<AllianceId>,
    /// Defaults to the organization the principal acts for in the alliance.
    pub organization_id: Option<OrganizationId>,
    pub activity_id: Option<Uuid>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub purpose: Option<String>,
}

/// Shared resources and their bookings. The façade of this domain: `services.resources()`.
pub struct Resources<'a>(&'a crate::Services);

impl crate::Services {
    pub fn resources(&self) -> Resources<'_> {
        Resources(self)
    }
}

impl std::ops::Deref for Resources<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
