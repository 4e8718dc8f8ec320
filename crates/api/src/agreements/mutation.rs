//! Agreement mutations: drafting, editing, signing, terminating and renewing; commitments and
//! their progress notes.

use super::inputs::*;
use super::types::{AgreementNode, CommitmentNode, CommitmentNoteNode};
use crate::kernel::context::{principal, services};
use crate::kernel::error::split;
use crate::kernel::ids::{Kind, decode};
use crate::kernel::patch::patch;
use alliance_domain::agreements::{
    AgreementChanges, CommitmentChanges, NewAgreement, NewCommitment, Signature,
};
use alliance_domain::kernel::ids::{AllianceId, OrganizationId};
use async_graphql::{Context, Object};

#[derive(Default)]
pub struct AgreementMutation;

fn payload(
    result: Result<alliance_domain::entities::agreement::Model, alliance_domain::Error>,
) -> async_graphql::Result<AgreementPayload> {
    let (agreement, user_errors) = split(result)?;
    Ok(AgreementPayload {
        agreement: agreement.map(AgreementNode),
        user_errors,
    })
}

fn commitment_payload(
    result: Result<alliance_domain::agreements::Commitment, alliance_domain::Error>,
) -> async_graphql::Result<CommitmentPayload> {
    let (commitment, user_errors) = split(result)?;
    Ok(CommitmentPayload {
        commitment: commitment.map(CommitmentNode),
        user_errors,
    })
}

#[Object]
impl AgreementMutation {
    /// Drafts an agreement between member organizations (alliance admins; an organization admin
    /// for agreements that include their organization).
    async fn create_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, parties, title, text and term.")]
        input: CreateAgreementInput,
    ) -> async_graphql::Result<AgreementPayload> {
        let parties = input
            .parties
            .iter()
            .enumerate()
            .map(|(i, id)| {
                decode(id, Kind::Organization, &format!("parties.{i}")).map(OrganizationId)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let new = NewAgreement {
            alliance_id: AllianceId(decode(&input.alliance_id, Kind::Alliance, "allianceId")?),
            title: input.title,
            body: input.body,
            valid_from: input.valid_from,
            valid_until: input.valid_until,
            parties,
            renewal_reminder_days: input.renewal_reminder_days,
        };
        payload(
            services(ctx)?
                .agreements()
                .create_agreement(&*principal(ctx)?, new)
                .await,
        )
    }

    /// Edits a draft's text and term (those who may draft it).
    async fn update_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agreement, the version read, and the fields to change.")]
        input: UpdateAgreementInput,
    ) -> async_graphql::Result<AgreementPayload> {
        let id = decode(&input.id, Kind::Agreement, "id")?;
        let changes = AgreementChanges {
            title: patch(input.title),
            body: patch(input.body),
            valid_from: patch(input.valid_from),
            valid_until: patch(input.valid_until),
            renewal_reminder_days: patch(input.renewal_reminder_days),
        };
        payload(
            services(ctx)?
                .agreements()
                .update_agreement(&*principal(ctx)?, id, input.version, changes)
                .await,
        )
    }

    /// A party signs (its admins or secretary); when every party has signed, the agreement is signed.
    async fn sign_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agreement, the party and its signatory.")] input: SignAgreementInput,
    ) -> async_graphql::Result<AgreementPayload> {
        let id = decode(&input.id, Kind::Agreement, "id")?;
        let signature = Signature {
            organization_id: OrganizationId(decode(
                &input.organization_id,
                Kind::Organization,
                "organizationId",
            )?),
            signatory_name: input.signatory_name,
            signatory_position: input.signatory_position,
            signed_on: input.signed_on,
        };
        payload(
            services(ctx)?
                .agreements()
                .sign_agreement(&*principal(ctx)?, id, signature)
                .await,
        )
    }

    /// Ends an agreement early, with a date and a reason (alliance admins).
    async fn terminate_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agreement, the version read, the reason and the date.")]
        input: TerminateAgreementInput,
    ) -> async_graphql::Result<AgreementPayload> {
        let id = decode(&input.id, Kind::Agreement, "id")?;
        payload(
            services(ctx)?
                .agreements()
                .terminate_agreement(
                    &*principal(ctx)?,
                    id,
                    input.version,
                    input.terminated_on,
                    &input.reason,
                )
                .await,
        )
    }

    /// Creates the next agreement (a draft with the same parties, its term following this one's),
    /// linked by `previousAgreement`/`renewedBy` (alliance admins). A second renewal is a `CONFLICT`.
    async fn renew_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agreement to renew.")] input: RenewAgreementInput,
    ) -> async_graphql::Result<AgreementPayload> {
        let id = decode(&input.id, Kind::Agreement, "id")?;
        payload(
            services(ctx)?
                .agreements()
                .renew_agreement(&*principal(ctx)?, id)
                .await,
        )
    }

    /// Adds a commitment owned by one of the parties (its admins, or alliance admins).
    async fn add_commitment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agreement, the owner and the target.")] input: AddCommitmentInput,
    ) -> async_graphql::Result<CommitmentPayload> {
        let new = NewCommitment {
            agreement_id: decode(&input.agreement_id, Kind::Agreement, "agreementId")?,
            owner_organization_id: OrganizationId(decode(
                &input.owner_organization_id,
                Kind::Organization,
                "ownerOrganizationId",
            )?),
            title: input.title,
            target_text: input.target_text,
            target_value: input.target_value,
            target_unit: input.target_unit,
            due_on: input.due_on,
        };
        commitment_payload(
            services(ctx)?
                .agreements()
                .add_commitment(&*principal(ctx)?, new)
                .await,
        )
    }

    /// Changes a commitment (the owner organization's admins, alliance admins).
    async fn update_commitment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The commitment, the version read, and the fields to change.")]
        input: UpdateCommitmentInput,
    ) -> async_graphql::Result<CommitmentPayload> {
        let id = decode(&input.id, Kind::Commitment, "id")?;
        let changes = CommitmentChanges {
            title: patch(input.title),
            target_text: patch(input.target_text),
            target_value: patch(input.target_value),
            target_unit: patch(input.target_unit),
            due_on: patch(input.due_on),
            status: patch(input.status).map(Into::into),
        };
        commitment_payload(
            services(ctx)?
                .agreements()
                .update_commitment(&*principal(ctx)?, id, input.version, changes)
                .await,
        )
    }

    /// Adds a progress note, optionally with an amount towards the numeric target (the owner
    /// organization's admins, alliance admins).
    async fn add_commitment_note(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The commitment, the note and its amount.")] input: AddCommitmentNoteInput,
    ) -> async_graphql::Result<CommitmentNotePayload> {
        let id = decode(&input.commitment_id, Kind::Commitment, "commitmentId")?;
        let (saved, user_errors) = split(
            services(ctx)?
                .agreements()
                .add_commitment_note(&*principal(ctx)?, id, &input.body, input.progress_amount)
                .await,
        )?;
        let (note, commitment) = match saved {
            Some((note, commitment)) => (Some(note), Some(commitment)),
            None => (None, None),
        };
        Ok(CommitmentNotePayload {
            note: note.map(CommitmentNoteNode),
            commitment: commitment.map(CommitmentNode),
            user_errors,
        })
    }
}
