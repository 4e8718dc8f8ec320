//! A party signs: its signatory and signing date are recorded; when the last party signs, the
//! agreement is signed. Signatures of one agreement are serialized by a row lock, so fifty
//! simultaneous signatures of one party record one and answer `CONFLICT` to the others.

use super::writes::lock;
use super::{Agreements, Signature, party_resource};
use crate::alliances::AllianceFacts;
use crate::entities::agreement;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::validation;
use crate::kernel::vocab::AgreementStatus;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use sea_orm::{ConnectionTrait, EntityTrait, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

impl Agreements<'_> {
    pub async fn sign_agreement(
        &self,
        principal: &Principal,
        id: Uuid,
        signature: Signature,
    ) -> Result<agreement::Model, Error> {
        let (found, owner) = self.agreement_found(principal, id).await?;
        let organization = signature.organization_id.0;
        let parties = self.party_ids(found.id).await?;
        if !parties.contains(&organization) {
            return Err(Error::invalid(
                "organizationId",
                "NOT_PARTY",
                "the organization is not a party of this agreement",
            ));
        }
        policy::authorize(
            principal,
            Action::SignAgreement,
            party_resource(AllianceFacts::of(&owner), organization),
        )?;
        let today = self.today_in(&owner.time_zone);
        let mut errors = Vec::new();
        let name =
            validation::required_text(&mut errors, "signatoryName", &signature.signatory_name, 100);
        let position = validation::optional_text(
            &mut errors,
            "signatoryPosition",
            signature.signatory_position.as_deref(),
            100,
        );
        let signed_on = signature.signed_on.unwrap_or(today);
        if signed_on > today {
            errors.push(FieldError::new(
                "signedOn",
                "IN_FUTURE",
                "the signing date cannot be after today",
            ));
        }
        match found.status {
            AgreementStatus::Draft => {}
            AgreementStatus::Signed => errors.push(FieldError::new(
                "id",
                "ALREADY_SIGNED",
                "every party has signed already",
            )),
            AgreementStatus::Terminated => errors.push(FieldError::new(
                "id",
                "TERMINATED",
                "the agreement is terminated",
            )),
        }
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let current = lock(&txn, id).await?;
        if current.status != AgreementStatus::Draft {
            return Err(Error::Conflict(
                "the agreement changed while you signed; reload it".into(),
            ));
        }
        let signed = txn
            .execute_raw(stmt(
                "UPDATE agreement_parties SET signatory_name = $3, signatory_position = $4, signed_on = $5
                  WHERE agreement_id = $1 AND organization_id = $2 AND signed_on IS NULL",
                [
                    id.into(),
                    organization.into(),
                    name.clone().into(),
                    position.clone().into(),
                    signed_on.into(),
                ],
            ))
            .await?;
        if signed.rows_affected() == 0 {
            return Err(Error::Conflict(
                "this organization has signed already".into(),
            ));
        }
        // The last signature makes the agreement signed; every signature is a new version.
        txn.execute_raw(stmt(
            "UPDATE agreements SET version = version + 1, updated_at = $2,
                    status = CASE WHEN EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = $1 AND p.signed_on IS NULL)
                                  THEN status ELSE 'signed' END
              WHERE id = $1",
            [id.into(), self.now().into()],
        ))
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "agreement.sign",
            "agreement",
            Some(id),
            json!({"organization": organization, "signatory": name, "signedOn": signed_on}),
        )
        .await?;
        let updated = agreement::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("agreement"))?;
        txn.commit().await?;
        Ok(updated)
    }
}
