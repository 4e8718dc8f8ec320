//! Co-construction agreements (共建协议) between member organizations of an alliance, and the
//! commitments (共建目标) they make. The stored status records what people decided (draft,
//! signed, terminated); whether a signed agreement is active or expired follows from its term and
//! the alliance's local date, read from the injected clock, and is never stored.

mod commitments;
mod reads;
mod relations;
mod reminders;
mod signing;
mod term;
mod writes;

pub use commitments::{Commitment, CommitmentChanges, CommitmentNote, NewCommitment};
pub use term::{EffectiveStatus, effective_status, expires_in_days, renewal_term};

use crate::alliances::AllianceFacts;
use crate::entities::{agreement, alliance};
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::patch::Patch;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use chrono::NaiveDate;
use sea_orm::EntityTrait;
use uuid::Uuid;

/// Input of `createAgreement`.
#[derive(Debug, Clone)]
pub struct NewAgreement {
    pub alliance_id: AllianceId,
    pub title: String,
    pub body: Option<String>,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    /// Two or more current member organizations of the alliance, in the order they are listed.
    pub parties: Vec<OrganizationId>,
    pub renewal_reminder_days: Option<i32>,
}

/// The changes of `updateAgreement` (drafts only); see [`Patch`].
#[derive(Debug, Clone, Default)]
pub struct AgreementChanges {
    pub title: Patch<String>,
    pub body: Patch<String>,
    pub valid_from: Patch<NaiveDate>,
    pub valid_until: Patch<NaiveDate>,
    pub renewal_reminder_days: Patch<i32>,
}

/// A party's signature: who signed and when (a local date).
#[derive(Debug, Clone)]
pub struct Signature {
    pub organization_id: OrganizationId,
    pub signatory_name: String,
    pub signatory_position: Option<String>,
    /// Defaults to today in the alliance's zone.
    pub signed_on: Option<NaiveDate>,
}

/// The resource of an organization acting for itself in the agreement's alliance.
pub(crate) fn party_resource(owner: AllianceFacts, organization: Uuid) -> Resource<'static> {
    Resource::PartyOrganization {
        alliance: owner.id,
        public: owner.public,
        organization: OrganizationId(organization),
    }
}

impl Agreements<'_> {
    /// The agreement with its alliance, if the principal may read the alliance's agreements.
    pub(crate) async fn agreement_with_alliance(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<(agreement::Model, alliance::Model)>, Error> {
        let Some(found) = agreement::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(None);
        };
        let Some(owner) = alliance::Entity::find_by_id(found.alliance_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if !policy::can(
            principal,
            Action::ReadAgreements,
            AllianceFacts::of(&owner).resource(),
        ) {
            return Ok(None);
        }
        Ok(Some((found, owner)))
    }

    /// The agreement the principal may read, or `NOT_FOUND` (an agreement of an alliance the
    /// principal cannot read does not exist for them).
    pub(crate) async fn agreement_found(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<(agreement::Model, alliance::Model), Error> {
        self.agreement_with_alliance(principal, id)
            .await?
            .ok_or(Error::NotFound("agreement"))
    }

    /// Whether the principal may edit the drafts of this agreement: the secretariat, or an admin
    /// of one of its parties (who may draft agreements including their organization).
    pub fn may_edit(&self, principal: &Principal, owner: AllianceFacts, parties: &[Uuid]) -> bool {
        policy::can(principal, Action::ManageAgreements, owner.resource())
            || parties.iter().any(|org| {
                policy::can(
                    principal,
                    Action::DraftAgreement,
                    party_resource(owner, *org),
                )
            })
    }
}

/// Agreements and commitments. The façade of this domain: `services.agreements()`.
pub struct Agreements<'a>(&'a crate::Services);

impl crate::Services {
    pub fn agreements(&self) -> Agreements<'_> {
        Agreements(self)
    }
}

impl std::ops::Deref for Agreements<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
