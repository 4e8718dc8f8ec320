//! Commitments (共建目标) of an agreement, each owned by one of its parties, with progress notes.
//! A note may add a numeric amount; `progress_value` is their sum, kept in `numeric(14,2)` and
//! read as a float.

use super::writes::{refuse, stale};
use super::{Agreements, party_resource};
use crate::alliances::AllianceFacts;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::ids::OrganizationId;
use crate::kernel::patch::Patch;
use crate::kernel::validation;
use crate::kernel::vocab::{AgreementStatus, CommitmentStatus};
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, FromQueryResult, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

/// Largest amount `numeric(14,2)` holds.
const MAX_AMOUNT: f64 = 999_999_999_999.99;

/// A commitment row, with its agreement's alliance.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct Commitment {
    pub id: Uuid,
    pub agreement_id: Uuid,
    pub alliance_id: Uuid,
    pub owner_organization_id: Uuid,
    pub position: i32,
    pub title: String,
    pub target_text: Option<String>,
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    pub progress_value: f64,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

impl Commitment {
    pub(super) const SELECT: &'static str = "SELECT c.id, c.agreement_id, ag.alliance_id, c.owner_organization_id, c.position,
            c.title, c.target_text, c.target_value::float8 AS target_value, c.target_unit,
            c.progress_value::float8 AS progress_value, c.due_on, c.status, c.created_at, c.updated_at, c.version
       FROM commitments c JOIN agreements ag ON ag.id = c.agreement_id";

    pub fn status(&self) -> CommitmentStatus {
        CommitmentStatus::parse(&self.status).unwrap_or(CommitmentStatus::Open)
    }

    /// Progress as a percentage of the numeric target (may pass 100); `None` without a target.
    pub fn progress_percent(&self) -> Option<f64> {
        self.target_value
            .filter(|t| *t > 0.0)
            .map(|t| (self.progress_value / t * 10_000.0).round() / 100.0)
    }
}

/// A progress note of a commitment.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct CommitmentNote {
    pub id: Uuid,
    pub commitment_id: Uuid,
    pub body: String,
    pub progress_delta: Option<f64>,
    pub author_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl CommitmentNote {
    pub(super) const SELECT: &'static str = "SELECT n.id, n.commitment_id, n.body, n.progress_delta::float8 AS progress_delta,
            n.author_id, n.created_at
       FROM commitment_notes n JOIN commitments c ON c.id = n.commitment_id JOIN agreements ag ON ag.id = c.agreement_id";
}

/// Input of `addCommitment`.
#[derive(Debug, Clone)]
pub struct NewCommitment {
    pub agreement_id: Uuid,
    pub owner_organization_id: OrganizationId,
    pub title: String,
    pub target_text: Option<String>,
    pub target_value: Option<f64>,
    pub target_unit: Option<String>,
    pub due_on: Option<NaiveDate>,
}

/// The changes of `updateCommitment`; see [`Patch`]. The title and status cannot be cleared.
#[derive(Debug, Clone, Default)]
pub struct CommitmentChanges {
    pub title: Patch<String>,
    pub target_text: Patch<String>,
    pub target_value: Patch<f64>,
    pub target_unit: Patch<String>,
    pub due_on: Patch<NaiveDate>,
    pub status: Patch<CommitmentStatus>,
}

fn check_amount(errors: &mut Vec<FieldError>, field: &str, value: Option<f64>) {
    if let Some(v) = value
        && !(v.is_finite() && v > 0.0 && v <= MAX_AMOUNT)
    {
        errors.push(FieldError::new(
            field,
            "OUT_OF_RANGE",
            "a positive number below one trillion",
        ));
    }
}

fn check_unit(errors: &mut Vec<FieldError>, unit: Option<&String>, value: Option<f64>) {
    if let Some(unit) = unit {
        if unit.chars().count() > 20 {
            errors.push(FieldError::new(
                "targetUnit",
                "TOO_LONG",
                "at most 20 characters",
            ));
        }
        if value.is_none() {
            errors.push(FieldError::new(
                "targetUnit",
                "REQUIRES_TARGET",
                "a unit needs a numeric target",
            ));
        }
    }
}

impl Agreements<'_> {
    async fn commitment_on<C: ConnectionTrait>(
        &self,
        conn: &C,
        id: Uuid,
    ) -> Result<Option<Commitment>, Error> {
        Ok(Commitment::find_by_statement(stmt(
            &format!("{} WHERE c.id = $1", Commitment::SELECT),
            [id.into()],
        ))
        .one(conn)
        .await?)
    }

    /// The commitment the principal may read, with its alliance's facts; `NOT_FOUND` otherwise.
    async fn commitment_found(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<(Commitment, AllianceFacts), Error> {
        let found = self
            .commitment_on(&self.db, id)
            .await?
            .ok_or(Error::NotFound("commitment"))?;
        let (_, owner) = self
            .agreement_with_alliance(principal, found.agreement_id)
            .await?
            .ok_or(Error::NotFound("commitment"))?;
        Ok((found, AllianceFacts::of(&owner)))
    }

    /// Whether the principal may update the commitment and add notes: the owner organization's
    /// admins and secretary, or the secretariat.
    pub fn may_update_commitment(
        &self,
        principal: &Principal,
        found: &Commitment,
        owner: AllianceFacts,
    ) -> bool {
        policy::can(
            principal,
            Action::UpdateCommitment,
            party_resource(owner, found.owner_organization_id),
        )
    }

    pub async fn add_commitment(
        &self,
        principal: &Principal,
        input: NewCommitment,
    ) -> Result<Commitment, Error> {
        let (agreement, owner) = self.agreement_found(principal, input.agreement_id).await?;
        let facts = AllianceFacts::of(&owner);
        let organization = input.owner_organization_id.0;
        let parties = self.party_ids(agreement.id).await?;
        if !parties.contains(&organization) {
            return Err(Error::invalid(
                "ownerOrganizationId",
                "NOT_PARTY",
                "the owner must be a party of the agreement",
            ));
        }
        if !policy::can(
            principal,
            Action::UpdateCommitment,
            party_resource(facts, organization),
        ) {
            return Err(refuse(principal));
        }
        let mut errors = Vec::new();
        let title = validation::required_text(&mut errors, "title", &input.title, 300);
        let target_text = validation::optional_text(
            &mut errors,
            "targetText",
            input.target_text.as_deref(),
            2000,
        );
        check_amount(&mut errors, "targetValue", input.target_value);
        let unit = input
            .target_unit
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_owned);
        check_unit(&mut errors, unit.as_ref(), input.target_value);
        if agreement.status == AgreementStatus::Terminated {
            errors.push(FieldError::new(
                "agreementId",
                "TERMINATED",
                "the agreement is terminated",
            ));
        }
        validation::finish(errors)?;
        let id = Uuid::now_v7();
        let now = self.now();
        let txn = self.db.begin().await?;
        txn.execute_raw(stmt(
            "INSERT INTO commitments (id, agreement_id, owner_organization_id, position, title, target_text,
                                      target_value, target_unit, due_on, status, created_at, updated_at, version)
             SELECT $1, $2, $3, COALESCE((SELECT max(position) + 1 FROM commitments WHERE agreement_id = $2), 0),
                    $4, $5, $6::float8::numeric(14,2), $7, $8, 'open', $9, $9, 1",
            [
                id.into(),
                agreement.id.into(),
                organization.into(),
                title.into(),
                target_text.into(),
                input.target_value.into(),
                unit.into(),
                input.due_on.into(),
                now.into(),
            ],
        ))
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "commitment.create",
            "commitment",
            Some(id),
            json!({"agreement": agreement.id, "owner": organization}),
        )
        .await?;
        let created = self
            .commitment_on(&txn, id)
            .await?
            .ok_or(Error::NotFound("commitment"))?;
        txn.commit().await?;
        Ok(created)
    }

    pub async fn update_commitment(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        changes: CommitmentChanges,
    ) -> Result<Commitment, Error> {
        let (found, facts) = self.commitment_found(principal, id).await?;
        if !self.may_update_commitment(principal, &found, facts) {
            return Err(refuse(principal));
        }
        let mut errors = Vec::new();
        let title = match changes.title.required(&mut errors, "title") {
            Some(t) => validation::required_text(&mut errors, "title", &t, 300),
            None => found.title.clone(),
        };
        let target_text = match changes.target_text {
            Patch::Keep => found.target_text.clone(),
            Patch::Clear => None,
            Patch::Set(t) => validation::optional_text(&mut errors, "targetText", Some(&t), 2000),
        };
        let target_value = match changes.target_value {
            Patch::Keep => found.target_value,
            Patch::Clear => None,
            Patch::Set(v) => {
                check_amount(&mut errors, "targetValue", Some(v));
                Some(v)
            }
        };
        let target_unit = match changes.target_unit {
            Patch::Keep => found.target_unit.clone(),
            Patch::Clear => None,
            Patch::Set(u) => Some(u.trim().to_owned()).filter(|u| !u.is_empty()),
        };
        check_unit(&mut errors, target_unit.as_ref(), target_value);
        let due_on = match changes.due_on {
            Patch::Keep => found.due_on,
            Patch::Clear => None,
            Patch::Set(d) => Some(d),
        };
        let status = changes
            .status
            .required(&mut errors, "status")
            .unwrap_or(found.status());
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let result = txn
            .execute_raw(stmt(
                "UPDATE commitments SET title = $3, target_text = $4, target_value = $5::float8::numeric(14,2),
                        target_unit = $6, due_on = $7, status = $8, updated_at = $9, version = version + 1
                  WHERE id = $1 AND version = $2",
                [
                    id.into(),
                    version.into(),
                    title.into(),
                    target_text.into(),
                    target_value.into(),
                    target_unit.into(),
                    due_on.into(),
                    status.as_str().into(),
                    self.now().into(),
                ],
            ))
            .await?;
        if result.rows_affected() == 0 {
            return Err(stale("commitment", version));
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "commitment.update",
            "commitment",
            Some(id),
            json!({"status": status.as_str()}),
        )
        .await?;
        let updated = self
            .commitment_on(&txn, id)
            .await?
            .ok_or(Error::NotFound("commitment"))?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Adds a progress note; its amount, if any, adds to the progress. An open commitment moves
    /// to in progress.
    pub async fn add_commitment_note(
        &self,
        principal: &Principal,
        commitment_id: Uuid,
        body: &str,
        progress_amount: Option<f64>,
    ) -> Result<(CommitmentNote, Commitment), Error> {
        let (found, facts) = self.commitment_found(principal, commitment_id).await?;
        if !self.may_update_commitment(principal, &found, facts) {
            return Err(refuse(principal));
        }
        let mut errors = Vec::new();
        let body = validation::required_text(&mut errors, "body", body, 5000);
        check_amount(&mut errors, "progressAmount", progress_amount);
        if progress_amount.is_some() && found.target_value.is_none() {
            errors.push(FieldError::new(
                "progressAmount",
                "NO_TARGET",
                "the commitment has no numeric target to count towards",
            ));
        }
        validation::finish(errors)?;
        let id = Uuid::now_v7();
        let now = self.now();
        let txn = self.db.begin().await?;
        txn.execute_raw(stmt(
            "INSERT INTO commitment_notes (id, commitment_id, body, progress_delta, author_id, created_at)
             VALUES ($1, $2, $3, $4::float8::numeric(14,2), $5, $6)",
            [
                id.into(),
                commitment_id.into(),
                body.into(),
                progress_amount.into(),
                principal.user_id().map(|u| u.0).into(),
                now.into(),
            ],
        ))
        .await?;
        txn.execute_raw(stmt(
            "UPDATE commitments SET progress_value = progress_value + COALESCE($2::float8::numeric(14,2), 0),
                    status = CASE WHEN status = 'open' THEN 'in_progress' ELSE status END,
                    version = version + 1, updated_at = $3
              WHERE id = $1",
            [commitment_id.into(), progress_amount.into(), now.into()],
        ))
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "commitment.note",
            "commitment",
            Some(commitment_id),
            json!({"note": id, "amount": progress_amount}),
        )
        .await?;
        let note = CommitmentNote::find_by_statement(stmt(
            &format!("{} WHERE n.id = $1", CommitmentNote::SELECT),
            [id.into()],
        ))
        .one(&txn)
        .await?
        .ok_or(Error::NotFound("commitment note"))?;
        let updated = self
            .commitment_on(&txn, commitment_id)
            .await?
            .ok_or(Error::NotFound("commitment"))?;
        txn.commit().await?;
        Ok((note, updated))
    }
}
