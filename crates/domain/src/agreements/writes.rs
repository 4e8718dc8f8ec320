//! Creating, editing (drafts only), terminating and renewing agreements.

use super::{AgreementChanges, Agreements, NewAgreement, renewal_term};
use crate::alliances::AllianceFacts;
use crate::entities::{agreement, agreement_party};
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::validation;
use crate::kernel::vocab::AgreementStatus;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

const MAX_BODY: usize = 200_000;

/// Refuses the caller: anonymous visitors are told to sign in, others that they may not.
pub(super) fn refuse(principal: &Principal) -> Error {
    if matches!(principal, Principal::Anonymous) {
        Error::Unauthenticated("sign in first")
    } else {
        Error::Forbidden
    }
}

fn check_term(errors: &mut Vec<FieldError>, from: NaiveDate, until: NaiveDate) {
    if until < from {
        errors.push(FieldError::new(
            "validUntil",
            "BEFORE_START",
            "the term must not end before it starts",
        ));
    }
}

fn check_reminder_days(errors: &mut Vec<FieldError>, days: i32) {
    if !(0..=365).contains(&days) {
        errors.push(FieldError::new(
            "renewalReminderDays",
            "OUT_OF_RANGE",
            "between 0 and 365 days",
        ));
    }
}

/// Locks the agreement's row for the rest of `txn`: signatures, edits and renewals of one
/// agreement run one after the other.
pub(super) async fn lock(txn: &DatabaseTransaction, id: Uuid) -> Result<agreement::Model, Error> {
    txn.execute_raw(stmt(
        "SELECT id FROM agreements WHERE id = $1 FOR UPDATE",
        [id.into()],
    ))
    .await?;
    agreement::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or(Error::NotFound("agreement"))
}

impl Agreements<'_> {
    pub async fn create_agreement(
        &self,
        principal: &Principal,
        input: NewAgreement,
    ) -> Result<agreement::Model, Error> {
        let owner = self
            .alliances()
            .alliance_readable(principal, input.alliance_id)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        let facts = AllianceFacts::of(&owner);
        let parties: Vec<Uuid> = input.parties.iter().map(|p| p.0).collect();
        if !self.may_edit(principal, facts, &parties) {
            return Err(refuse(principal));
        }
        let mut errors = Vec::new();
        let title = validation::required_text(&mut errors, "title", &input.title, 200);
        let body = validation::optional_text(&mut errors, "body", input.body.as_deref(), MAX_BODY)
            .unwrap_or_default();
        check_term(&mut errors, input.valid_from, input.valid_until);
        let reminder_days = input.renewal_reminder_days.unwrap_or(30);
        check_reminder_days(&mut errors, reminder_days);
        if parties.len() < 2 {
            errors.push(FieldError::new(
                "parties",
                "TOO_FEW",
                "an agreement has two or more parties",
            ));
        } else if parties.len() > 50 {
            errors.push(FieldError::new("parties", "TOO_MANY", "at most 50 parties"));
        }
        for (i, party) in parties.iter().enumerate() {
            if parties[..i].contains(party) {
                errors.push(FieldError::new(
                    format!("parties.{i}"),
                    "DUPLICATE",
                    "each organization is a party once",
                ));
            } else if !self
                .meetings()
                .is_current_member(&self.db, owner.id, *party)
                .await?
            {
                errors.push(FieldError::new(
                    format!("parties.{i}"),
                    "NOT_MEMBER",
                    "a party must be a current member organization of the alliance",
                ));
            }
        }
        validation::finish(errors)?;
        let now = self.now();
        let txn = self.db.begin().await?;
        let created = agreement::ActiveModel {
            id: Set(Uuid::now_v7()),
            alliance_id: Set(owner.id),
            title: Set(title),
            body: Set(body),
            valid_from: Set(input.valid_from),
            valid_until: Set(input.valid_until),
            status: Set(AgreementStatus::Draft),
            renewal_reminder_days: Set(reminder_days),
            terminated_on: Set(None),
            termination_reason: Set(None),
            previous_agreement_id: Set(None),
            created_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await?;
        insert_parties(&txn, created.id, &parties).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "agreement.create",
            "agreement",
            Some(created.id),
            json!({"alliance": owner.id, "parties": parties}),
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    pub async fn update_agreement(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        changes: AgreementChanges,
    ) -> Result<agreement::Model, Error> {
        let (found, owner) = self.agreement_found(principal, id).await?;
        let parties = self.party_ids(found.id).await?;
        if !self.may_edit(principal, AllianceFacts::of(&owner), &parties) {
            return Err(refuse(principal));
        }
        let mut errors = Vec::new();
        let title = changes
            .title
            .required(&mut errors, "title")
            .map(|t| validation::required_text(&mut errors, "title", &t, 200));
        let body = match changes.body {
            crate::kernel::patch::Patch::Keep => None,
            crate::kernel::patch::Patch::Clear => Some(String::new()),
            crate::kernel::patch::Patch::Set(b) => Some(
                validation::optional_text(&mut errors, "body", Some(&b), MAX_BODY)
                    .unwrap_or_default(),
            ),
        };
        let from = changes.valid_from.required(&mut errors, "validFrom");
        let until = changes.valid_until.required(&mut errors, "validUntil");
        check_term(
            &mut errors,
            from.unwrap_or(found.valid_from),
            until.unwrap_or(found.valid_until),
        );
        let reminder = changes
            .renewal_reminder_days
            .required(&mut errors, "renewalReminderDays");
        if let Some(days) = reminder {
            check_reminder_days(&mut errors, days);
        }
        if found.status != AgreementStatus::Draft {
            errors.push(FieldError::new(
                "id",
                "NOT_DRAFT",
                "only a draft may be edited; renew a signed agreement instead",
            ));
        }
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let mut row = agreement::ActiveModel {
            version: Set(version + 1),
            updated_at: Set(self.now()),
            ..Default::default()
        };
        if let Some(title) = title {
            row.title = Set(title);
        }
        if let Some(body) = body {
            row.body = Set(body);
        }
        if let Some(from) = from {
            row.valid_from = Set(from);
        }
        if let Some(until) = until {
            row.valid_until = Set(until);
        }
        if let Some(days) = reminder {
            row.renewal_reminder_days = Set(days);
        }
        let result = agreement::Entity::update_many()
            .set(row)
            .filter(agreement::Column::Id.eq(id))
            .filter(agreement::Column::Version.eq(version))
            .filter(agreement::Column::Status.eq(AgreementStatus::Draft))
            .exec(&txn)
            .await?;
        if result.rows_affected == 0 {
            return Err(stale("agreement", version));
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "agreement.update",
            "agreement",
            Some(id),
            json!({"version": version + 1}),
        )
        .await?;
        let updated = agreement::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("agreement"))?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Ends an agreement early (the secretariat), on `terminated_on` (default: today, local).
    pub async fn terminate_agreement(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        terminated_on: Option<NaiveDate>,
        reason: &str,
    ) -> Result<agreement::Model, Error> {
        let (found, owner) = self.agreement_found(principal, id).await?;
        policy::authorize(
            principal,
            Action::ManageAgreements,
            AllianceFacts::of(&owner).resource(),
        )?;
        let mut errors = Vec::new();
        let reason = validation::required_text(&mut errors, "reason", reason, 2000);
        if found.status == AgreementStatus::Terminated {
            errors.push(FieldError::new(
                "id",
                "ALREADY_TERMINATED",
                "the agreement is already terminated",
            ));
        }
        validation::finish(errors)?;
        let on = terminated_on.unwrap_or_else(|| self.today_in(&owner.time_zone));
        let txn = self.db.begin().await?;
        let result = agreement::Entity::update_many()
            .set(agreement::ActiveModel {
                status: Set(AgreementStatus::Terminated),
                terminated_on: Set(Some(on)),
                termination_reason: Set(Some(reason.clone())),
                version: Set(version + 1),
                updated_at: Set(self.now()),
                ..Default::default()
            })
            .filter(agreement::Column::Id.eq(id))
            .filter(agreement::Column::Version.eq(version))
            .filter(agreement::Column::Status.ne(AgreementStatus::Terminated))
            .exec(&txn)
            .await?;
        if result.rows_affected == 0 {
            return Err(stale("agreement", version));
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "agreement.terminate",
            "agreement",
            Some(id),
            json!({"terminatedOn": on, "reason": reason}),
        )
        .await?;
        let updated = agreement::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("agreement"))?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Creates the next agreement (a draft with the same parties, text and reminder, its term
    /// following the old one's) linked to the old one. An agreement is renewed once: a second
    /// renewal answers `CONFLICT` (the unique index `agreements_renewed_once` decides races).
    pub async fn renew_agreement(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<agreement::Model, Error> {
        let (found, owner) = self.agreement_found(principal, id).await?;
        policy::authorize(
            principal,
            Action::ManageAgreements,
            AllianceFacts::of(&owner).resource(),
        )?;
        if found.status != AgreementStatus::Signed {
            return Err(Error::invalid(
                "id",
                "NOT_SIGNED",
                "only a signed agreement may be renewed",
            ));
        }
        let parties = self.party_ids(found.id).await?;
        for party in &parties {
            if !self
                .meetings()
                .is_current_member(&self.db, owner.id, *party)
                .await?
            {
                return Err(Error::invalid(
                    "id",
                    "NOT_MEMBER",
                    "a party has left the alliance; create a new agreement instead",
                ));
            }
        }
        let (from, until) = renewal_term(found.valid_from, found.valid_until);
        let now = self.now();
        let txn = self.db.begin().await?;
        lock(&txn, id).await?;
        let already = agreement::Entity::find()
            .filter(agreement::Column::PreviousAgreementId.eq(id))
            .one(&txn)
            .await?;
        if already.is_some() {
            return Err(Error::Conflict(
                "the agreement has been renewed already".into(),
            ));
        }
        let created = agreement::ActiveModel {
            id: Set(Uuid::now_v7()),
            alliance_id: Set(owner.id),
            title: Set(found.title.clone()),
            body: Set(found.body.clone()),
            valid_from: Set(from),
            valid_until: Set(until),
            status: Set(AgreementStatus::Draft),
            renewal_reminder_days: Set(found.renewal_reminder_days),
            terminated_on: Set(None),
            termination_reason: Set(None),
            previous_agreement_id: Set(Some(id)),
            created_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await?;
        insert_parties(&txn, created.id, &parties).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "agreement.renew",
            "agreement",
            Some(created.id),
            json!({"previous": id}),
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    /// The agreement's party organizations, in order (internal: the caller has read access).
    pub(crate) async fn party_ids(&self, agreement_id: Uuid) -> Result<Vec<Uuid>, Error> {
        Ok(agreement_party::Entity::find()
            .filter(agreement_party::Column::AgreementId.eq(agreement_id))
            .order_by_asc(agreement_party::Column::Position)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| p.organization_id)
            .collect())
    }
}

pub(super) fn stale(what: &str, version: i32) -> Error {
    Error::Conflict(format!(
        "the {what} was changed by someone else (you edited version {version}); reload and try again"
    ))
}

async fn insert_parties(
    txn: &DatabaseTransaction,
    agreement_id: Uuid,
    parties: &[Uuid],
) -> Result<(), Error> {
    for (position, organization) in parties.iter().enumerate() {
        agreement_party::ActiveModel {
            agreement_id: Set(agreement_id),
            organization_id: Set(*organization),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            signatory_name: Set(None),
            signatory_position: Set(None),
            signed_on: Set(None),
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}
