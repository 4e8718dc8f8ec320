//! Inputs and payloads of the activity mutations.

use super::enums::ActivityKind;
use super::types::ActivityNode;
use crate::kernel::error::UserError;
use async_graphql::{ID, InputObject, MaybeUndefined, SimpleObject};
use chrono::{DateTime, Utc};

/// Input for `createActivity`.
#[derive(InputObject)]
pub struct CreateActivityInput {
    /// The alliance's global id.
    pub(crate) alliance_id: ID,
    /// The theme, 1 to 200 characters.
    pub(crate) theme: String,
    /// The kind of activity.
    pub(crate) kind: ActivityKind,
    /// When it starts (UTC).
    pub(crate) starts_at: DateTime<Utc>,
    /// When it ends (UTC); must be after `startsAt` (else `BEFORE_START`).
    pub(crate) ends_at: DateTime<Utc>,
    /// Where it takes place, at most 300 characters.
    pub(crate) location: Option<String>,
    /// When sign-up closes (UTC), at the start or before (else `AFTER_START`); default: the start.
    pub(crate) signup_closes_at: Option<DateTime<Utc>>,
    /// How many people with accounts may sign up, 1 to 100,000 (else `OUT_OF_RANGE`); default: no limit.
    pub(crate) capacity: Option<i32>,
    /// A short summary, at most 500 characters.
    pub(crate) summary: Option<String>,
    /// The host, a current member organization (else `NOT_MEMBER`); default: the organization the
    /// creator acts for. A person must act for the host or a co-organizer (else `NOT_YOURS`).
    pub(crate) host_organization_id: Option<ID>,
    /// Co-organizers, current member organizations (else `NOT_MEMBER` on `coOrganizerIds.N`).
    #[graphql(default)]
    pub(crate) co_organizer_ids: Vec<ID>,
    /// The agreement it serves, of the same alliance (else `NOT_FOUND`).
    pub(crate) agreement_id: Option<ID>,
    /// The commitment it serves, of the same alliance (else `NOT_FOUND`) and of `agreementId`
    /// when both are given (else `MISMATCH`).
    pub(crate) commitment_id: Option<ID>,
}

/// Input for `updateActivity`: a field left out stays as it is; `null` clears `location`,
/// `signupClosesAt`, `capacity`, `summary`, `report`, `outcomes`, `coOrganizerIds`, `agreementId`
/// and `commitmentId`, and is refused with `REQUIRED` for the other fields.
#[derive(InputObject)]
pub struct UpdateActivityInput {
    /// The activity's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// New theme, 1 to 200 characters.
    pub(crate) theme: MaybeUndefined<String>,
    /// New kind.
    pub(crate) kind: MaybeUndefined<ActivityKind>,
    /// New start (UTC).
    pub(crate) starts_at: MaybeUndefined<DateTime<Utc>>,
    /// New end (UTC); must be after the start (else `BEFORE_START`).
    pub(crate) ends_at: MaybeUndefined<DateTime<Utc>>,
    /// New place, at most 300 characters.
    pub(crate) location: MaybeUndefined<String>,
    /// New close of sign-up (UTC), at the start or before (else `AFTER_START`).
    pub(crate) signup_closes_at: MaybeUndefined<DateTime<Utc>>,
    /// New capacity, 1 to 100,000.
    pub(crate) capacity: MaybeUndefined<i32>,
    /// New summary, at most 500 characters.
    pub(crate) summary: MaybeUndefined<String>,
    /// The report in markdown, at most 200,000 characters.
    pub(crate) report: MaybeUndefined<String>,
    /// What came out of it, at most 20,000 characters.
    pub(crate) outcomes: MaybeUndefined<String>,
    /// New host, a current member organization.
    pub(crate) host_organization_id: MaybeUndefined<ID>,
    /// The whole new list of co-organizers.
    pub(crate) co_organizer_ids: MaybeUndefined<Vec<ID>>,
    /// The agreement it serves, of the same alliance.
    pub(crate) agreement_id: MaybeUndefined<ID>,
    /// The commitment it serves, of the same alliance and agreement.
    pub(crate) commitment_id: MaybeUndefined<ID>,
}

/// One organization's head-count.
#[derive(InputObject)]
pub struct HeadcountInput {
    /// A current member organization of the activity's alliance (else `NOT_MEMBER`), once (else `DUPLICATE`).
    pub(crate) organization_id: ID,
    /// How many people without accounts, 0 to 100,000 (else `OUT_OF_RANGE`).
    pub(crate) head_count: i32,
}

/// Input for `setActivityHeadcounts`: the whole list replaces the previous one.
#[derive(InputObject)]
pub struct SetActivityHeadcountsInput {
    /// The activity's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// At most 200 organizations (else `TOO_MANY`).
    pub(crate) headcounts: Vec<HeadcountInput>,
}

/// Input for `signUpForActivity` and `cancelActivitySignUp`.
#[derive(InputObject)]
pub struct ActivitySignUpInput {
    /// The activity's global id.
    pub(crate) activity_id: ID,
}

/// Input for `checkInToActivity`.
#[derive(InputObject)]
pub struct CheckInToActivityInput {
    /// The activity's global id.
    pub(crate) activity_id: ID,
    /// The six-digit code from the QR link or the room (`INVALID` when wrong; repeated wrong codes
    /// answer `RATE_LIMITED`).
    pub(crate) code: String,
}

/// Input for `checkInActivityParticipant`.
#[derive(InputObject)]
pub struct CheckInActivityParticipantInput {
    /// The activity's global id.
    pub(crate) activity_id: ID,
    /// The person, of a current member organization of the alliance (else `NOT_MEMBER`).
    pub(crate) user_id: ID,
}

/// Input for `completeActivity`, `publishActivity`, `unpublishActivity` and `cancelActivity`.
#[derive(InputObject)]
pub struct ActivityStepInput {
    /// The activity's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
}

/// The result of an activity mutation.
#[derive(SimpleObject)]
pub struct ActivityPayload {
    /// The activity as saved; null when `userErrors` is not empty.
    pub(crate) activity: Option<ActivityNode>,
    /// Invalid input, naming the field: `theme` `REQUIRED`/`TOO_LONG`, `startsAt` `REQUIRED`,
    /// `endsAt` `BEFORE_START`, `signupClosesAt` `AFTER_START`, `capacity` `OUT_OF_RANGE`,
    /// `hostOrganizationId` `NOT_MEMBER`/`NOT_YOURS`, `coOrganizerIds.N` `NOT_MEMBER`,
    /// `agreementId`/`commitmentId` `NOT_FOUND`, `commitmentId` `MISMATCH`, `headcounts.N.*`,
    /// `code` `INVALID`, `userId` `NOT_MEMBER`, `report` `REQUIRED` (publishing without a report),
    /// and on `id`/`activityId`: `INVALID_TRANSITION`, `NOT_STARTED`, `CANCELLED`, `CLOSED`,
    /// `SIGNUP_CLOSED`, `FULL`, `STARTED`, `CHECKED_IN`, `NOT_TODAY`.
    pub(crate) user_errors: Vec<UserError>,
}
