//! Inputs and payloads of the shared-resource mutations.

use crate::kernel::enums::ResourceKind;
use crate::kernel::error::UserError;
use crate::resources::types::{ResourceBookingNode, SharedResourceNode};
use async_graphql::{ID, InputObject, MaybeUndefined, SimpleObject};
use chrono::{DateTime, Utc};

/// Input for `offerResource`.
#[derive(InputObject)]
pub struct OfferResourceInput {
    /// The owner organization's global id; the viewer must act for it (admin or secretary).
    pub(crate) organization_id: ID,
    /// The alliances to offer it to (1 to 20), each one the organization currently belongs to
    /// (`NOT_MEMBER` otherwise).
    pub(crate) alliance_ids: Vec<ID>,
    /// What it is.
    pub(crate) kind: ResourceKind,
    /// Its name, 1 to 200 characters.
    pub(crate) name: String,
    /// A description, at most 20,000 characters.
    pub(crate) description: Option<String>,
    /// How many people it takes, 1 to 100,000 (`OUT_OF_RANGE` otherwise).
    pub(crate) capacity: Option<i32>,
    /// When it is available, in words, at most 2,000 characters.
    pub(crate) availability: Option<String>,
    /// The rules of use, at most 20,000 characters.
    pub(crate) rules: Option<String>,
    /// Where it is, at most 300 characters.
    pub(crate) location: Option<String>,
}

/// Input for `updateResource`: a field left out stays as it is; `null` clears the optional texts
/// and the capacity, and is refused with `REQUIRED` for `name` and `kind`.
#[derive(InputObject)]
pub struct UpdateResourceInput {
    /// The resource's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// The alliances to offer it to from now on (replaces the list; 1 to 20).
    pub(crate) alliance_ids: Option<Vec<ID>>,
    /// New kind.
    pub(crate) kind: MaybeUndefined<ResourceKind>,
    /// New name, 1 to 200 characters.
    pub(crate) name: MaybeUndefined<String>,
    /// New description, at most 20,000 characters.
    pub(crate) description: MaybeUndefined<String>,
    /// New capacity, 1 to 100,000.
    pub(crate) capacity: MaybeUndefined<i32>,
    /// New availability, at most 2,000 characters.
    pub(crate) availability: MaybeUndefined<String>,
    /// New rules, at most 20,000 characters.
    pub(crate) rules: MaybeUndefined<String>,
    /// New location, at most 300 characters.
    pub(crate) location: MaybeUndefined<String>,
}

/// Input for `withdrawResource`.
#[derive(InputObject)]
pub struct WithdrawResourceInput {
    /// The resource's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
}

/// The result of `offerResource`, `updateResource` or `withdrawResource`.
#[derive(SimpleObject)]
pub struct SharedResourcePayload {
    /// The resource as saved; null when `userErrors` is not empty.
    pub(crate) shared_resource: Option<SharedResourceNode>,
    /// Invalid input: `name` `REQUIRED`/`TOO_LONG`, `kind` `REQUIRED`, `description`/`availability`/`rules`/`location` `TOO_LONG`, `capacity` `OUT_OF_RANGE`, `allianceIds` `REQUIRED`/`TOO_MANY`/`NOT_MEMBER`, `id` `WITHDRAWN`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `requestResourceBooking`.
#[derive(InputObject)]
pub struct RequestResourceBookingInput {
    /// The resource's global id.
    pub(crate) resource_id: ID,
    /// The alliance the request is made in (one the resource is offered to); may be left out when
    /// the viewer's organizations are in only one of them.
    pub(crate) alliance_id: Option<ID>,
    /// The requesting member organization; defaults to the one the viewer acts for in the alliance.
    pub(crate) organization_id: Option<ID>,
    /// The global id of a joint activity of the same alliance the booking serves (`NOT_FOUND` otherwise).
    pub(crate) activity_id: Option<ID>,
    /// When the slot starts (UTC, inclusive); not in the past (`IN_PAST`).
    pub(crate) starts_at: DateTime<Utc>,
    /// When the slot ends (UTC, exclusive); after `startsAt` (`BEFORE_START`).
    pub(crate) ends_at: DateTime<Utc>,
    /// What it is for, at most 2,000 characters.
    pub(crate) purpose: Option<String>,
}

/// Input for `approveResourceBooking`, `cancelResourceBooking`.
#[derive(InputObject)]
pub struct ResourceBookingVersionInput {
    /// The booking's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
}

/// Input for `declineResourceBooking`.
#[derive(InputObject)]
pub struct DeclineResourceBookingInput {
    /// The booking's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// Why, 1 to 2,000 characters (`REQUIRED` when blank); shown to the requester.
    pub(crate) reason: String,
}

/// Input for `markResourceBookingUsed`.
#[derive(InputObject)]
pub struct MarkResourceBookingUsedInput {
    /// The booking's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// What was given (the contribution ledger), 1 to 5,000 characters (`REQUIRED` when blank).
    pub(crate) contribution_note: String,
}

/// The result of a booking mutation.
#[derive(SimpleObject)]
pub struct ResourceBookingPayload {
    /// The booking as saved; null when `userErrors` is not empty.
    pub(crate) booking: Option<ResourceBookingNode>,
    /// For `requestResourceBooking`: undecided requests of the same resource the new one overlaps
    /// (a warning; only one of them can be approved). Empty otherwise.
    pub(crate) overlapping_requests: Vec<ResourceBookingNode>,
    /// Invalid input: `startsAt`/`id` `OVERLAP` (the message names the approved booking it collides with: its id and time range), `startsAt` `IN_PAST`, `endsAt` `BEFORE_START`, `purpose` `TOO_LONG`, `resourceId` `WITHDRAWN`, `allianceId` `NOT_OFFERED`/`REQUIRED`, `organizationId` `OWN_RESOURCE`/`NOT_MEMBER`, `activityId` `NOT_FOUND`, `reason` `REQUIRED`/`TOO_LONG`, `contributionNote` `REQUIRED`/`TOO_LONG`, `id` `INVALID_TRANSITION`.
    pub(crate) user_errors: Vec<UserError>,
}
