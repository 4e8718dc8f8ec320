//! Inputs and payloads of the agreement mutations.

use super::types::{AgreementNode, CommitmentNode, CommitmentNoteNode, CommitmentStatus};
use crate::kernel::error::UserError;
use async_graphql::{ID, InputObject, MaybeUndefined, SimpleObject};
use chrono::NaiveDate;

/// Input for `createAgreement`: a draft between two or more current member organizations.
#[derive(InputObject)]
pub struct CreateAgreementInput {
    /// The alliance's global id.
    pub(crate) alliance_id: ID,
    /// The title, 1 to 200 characters.
    pub(crate) title: String,
    /// The text in Markdown, at most 200,000 characters.
    pub(crate) body: Option<String>,
    /// The term's first day (a local date).
    pub(crate) valid_from: NaiveDate,
    /// The term's last day, inclusive; not before `validFrom` (else `BEFORE_START`).
    pub(crate) valid_until: NaiveDate,
    /// The party organizations (two or more, each a current member of the alliance: `TOO_FEW`,
    /// `parties.N` `NOT_MEMBER`/`DUPLICATE`). An organization admin may only draft agreements
    /// that include their own organization.
    pub(crate) parties: Vec<ID>,
    /// Days before `validUntil` to remind the parties to renew, 0 to 365 (default 30).
    pub(crate) renewal_reminder_days: Option<i32>,
}

/// Input for `updateAgreement` (drafts only, else `NOT_DRAFT`): a field left out stays as it is;
/// `null` clears `body` and is refused with `REQUIRED` for the other fields.
#[derive(InputObject)]
pub struct UpdateAgreementInput {
    /// The agreement's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// New title, 1 to 200 characters.
    pub(crate) title: MaybeUndefined<String>,
    /// New text in Markdown.
    pub(crate) body: MaybeUndefined<String>,
    /// New first day of the term.
    pub(crate) valid_from: MaybeUndefined<NaiveDate>,
    /// New last day of the term (inclusive).
    pub(crate) valid_until: MaybeUndefined<NaiveDate>,
    /// New reminder lead time in days, 0 to 365.
    pub(crate) renewal_reminder_days: MaybeUndefined<i32>,
}

/// Input for `signAgreement`.
#[derive(InputObject)]
pub struct SignAgreementInput {
    /// The agreement's global id.
    pub(crate) id: ID,
    /// The party signing (`NOT_PARTY` when it is not one); the viewer must be its admin or secretary.
    pub(crate) organization_id: ID,
    /// Who signs, 1 to 100 characters.
    pub(crate) signatory_name: String,
    /// The signatory's position, at most 100 characters.
    pub(crate) signatory_position: Option<String>,
    /// The signing date (a local date, not after today: `IN_FUTURE`); defaults to today.
    pub(crate) signed_on: Option<NaiveDate>,
}

/// Input for `terminateAgreement`.
#[derive(InputObject)]
pub struct TerminateAgreementInput {
    /// The agreement's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// Why it ends, 1 to 2,000 characters.
    pub(crate) reason: String,
    /// The day it ends (a local date); defaults to today.
    pub(crate) terminated_on: Option<NaiveDate>,
}

/// Input for `renewAgreement`.
#[derive(InputObject)]
pub struct RenewAgreementInput {
    /// The signed agreement to renew (`NOT_SIGNED` otherwise); renewing one twice is a `CONFLICT`.
    pub(crate) id: ID,
}

/// The result of an agreement mutation.
#[derive(SimpleObject)]
pub struct AgreementPayload {
    /// The agreement as saved (for `renewAgreement`: the new draft); null when `userErrors` is not empty.
    pub(crate) agreement: Option<AgreementNode>,
    /// Invalid input: `title` `REQUIRED`/`TOO_LONG`, `body` `TOO_LONG`, `validUntil` `BEFORE_START`,
    /// `renewalReminderDays` `OUT_OF_RANGE`, `parties` `TOO_FEW`, `parties.N` `NOT_MEMBER`/`DUPLICATE`,
    /// `id` `NOT_DRAFT`/`NOT_SIGNED`/`ALREADY_SIGNED`/`ALREADY_TERMINATED`/`TERMINATED`/`NOT_MEMBER`,
    /// `organizationId` `NOT_PARTY`, `signatoryName` `REQUIRED`, `signedOn` `IN_FUTURE`, `reason` `REQUIRED`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `addCommitment`.
#[derive(InputObject)]
pub struct AddCommitmentInput {
    /// The agreement's global id.
    pub(crate) agreement_id: ID,
    /// The party that owns it (`NOT_PARTY` otherwise); the viewer must be its admin or the secretariat.
    pub(crate) owner_organization_id: ID,
    /// The title, 1 to 300 characters.
    pub(crate) title: String,
    /// What is to be achieved, in words, at most 2,000 characters.
    pub(crate) target_text: Option<String>,
    /// A numeric target, positive (`OUT_OF_RANGE` otherwise).
    pub(crate) target_value: Option<f64>,
    /// The unit of the numeric target, at most 20 characters; needs `targetValue` (`REQUIRES_TARGET`).
    pub(crate) target_unit: Option<String>,
    /// When it is due (a local date).
    pub(crate) due_on: Option<NaiveDate>,
}

/// Input for `updateCommitment`: a field left out stays as it is; `null` clears the optional fields
/// and is refused with `REQUIRED` for `title` and `status`.
#[derive(InputObject)]
pub struct UpdateCommitmentInput {
    /// The commitment's global id.
    pub(crate) id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    pub(crate) version: i32,
    /// New title, 1 to 300 characters.
    pub(crate) title: MaybeUndefined<String>,
    /// New target in words.
    pub(crate) target_text: MaybeUndefined<String>,
    /// New numeric target, positive.
    pub(crate) target_value: MaybeUndefined<f64>,
    /// New unit; needs a numeric target.
    pub(crate) target_unit: MaybeUndefined<String>,
    /// New due date.
    pub(crate) due_on: MaybeUndefined<NaiveDate>,
    /// New status.
    pub(crate) status: MaybeUndefined<CommitmentStatus>,
}

/// The result of `addCommitment` or `updateCommitment`.
#[derive(SimpleObject)]
pub struct CommitmentPayload {
    /// The commitment as saved; null when `userErrors` is not empty.
    pub(crate) commitment: Option<CommitmentNode>,
    /// Invalid input: `title` `REQUIRED`/`TOO_LONG`, `targetText` `TOO_LONG`, `targetValue`
    /// `OUT_OF_RANGE`, `targetUnit` `TOO_LONG`/`REQUIRES_TARGET`, `ownerOrganizationId` `NOT_PARTY`,
    /// `agreementId` `TERMINATED`, `status` `REQUIRED`.
    pub(crate) user_errors: Vec<UserError>,
}

/// Input for `addCommitmentNote`.
#[derive(InputObject)]
pub struct AddCommitmentNoteInput {
    /// The commitment's global id.
    pub(crate) commitment_id: ID,
    /// What was done, 1 to 5,000 characters (Markdown).
    pub(crate) body: String,
    /// An amount to add towards the numeric target, positive (`OUT_OF_RANGE`); only with a
    /// numeric target (`NO_TARGET`).
    pub(crate) progress_amount: Option<f64>,
}

/// The result of `addCommitmentNote`.
#[derive(SimpleObject)]
pub struct CommitmentNotePayload {
    /// The note as saved; null when `userErrors` is not empty.
    pub(crate) note: Option<CommitmentNoteNode>,
    /// The commitment with its new progress; null when `userErrors` is not empty.
    pub(crate) commitment: Option<CommitmentNode>,
    /// Invalid input: `body` `REQUIRED`/`TOO_LONG`, `progressAmount` `OUT_OF_RANGE`/`NO_TARGET`.
    pub(crate) user_errors: Vec<UserError>,
}
