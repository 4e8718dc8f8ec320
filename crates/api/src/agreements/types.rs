//! The object types of agreements: `Agreement`, `AgreementParty`, `Commitment`, `CommitmentNote`.

use crate::alliances::types::AllianceNode;
use crate::kernel::context::{principal, services};
use crate::kernel::error::hidden;
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use crate::users::types::UserNode;
use alliance_domain::agreements::{self as domain, Commitment, CommitmentNote, EffectiveStatus};
use alliance_domain::alliances::AllianceFacts;
use alliance_domain::entities::{agreement, agreement_party};
use alliance_domain::kernel::vocab;
use alliance_domain::policy::{self, Action};
use async_graphql::{Context, Enum, ID, Object};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// Where an agreement stands today, derived from what was decided, its term and the alliance's
/// local date.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementStatus {
    /// Not yet signed by every party; its text and term may still change.
    Draft,
    /// Signed by every party; the term has not started yet.
    Signed,
    /// Signed, and today (in the alliance's zone) is within the term.
    Active,
    /// Signed, and the term's last day (`validUntil`) has passed.
    Expired,
    /// Ended early (`terminatedOn`, `terminationReason`).
    Terminated,
}

impl From<EffectiveStatus> for AgreementStatus {
    fn from(s: EffectiveStatus) -> Self {
        match s {
            EffectiveStatus::Draft => Self::Draft,
            EffectiveStatus::Signed => Self::Signed,
            EffectiveStatus::Active => Self::Active,
            EffectiveStatus::Expired => Self::Expired,
            EffectiveStatus::Terminated => Self::Terminated,
        }
    }
}

impl From<AgreementStatus> for EffectiveStatus {
    fn from(s: AgreementStatus) -> Self {
        match s {
            AgreementStatus::Draft => Self::Draft,
            AgreementStatus::Signed => Self::Signed,
            AgreementStatus::Active => Self::Active,
            AgreementStatus::Expired => Self::Expired,
            AgreementStatus::Terminated => Self::Terminated,
        }
    }
}

/// Where a commitment stands.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentStatus {
    /// Not started.
    Open,
    /// Work has started (set by the first progress note).
    InProgress,
    /// Reached.
    Achieved,
    /// Given up.
    Dropped,
}

impl From<vocab::CommitmentStatus> for CommitmentStatus {
    fn from(s: vocab::CommitmentStatus) -> Self {
        match s {
            vocab::CommitmentStatus::Open => Self::Open,
            vocab::CommitmentStatus::InProgress => Self::InProgress,
            vocab::CommitmentStatus::Achieved => Self::Achieved,
            vocab::CommitmentStatus::Dropped => Self::Dropped,
        }
    }
}

impl From<CommitmentStatus> for vocab::CommitmentStatus {
    fn from(s: CommitmentStatus) -> Self {
        match s {
            CommitmentStatus::Open => Self::Open,
            CommitmentStatus::InProgress => Self::InProgress,
            CommitmentStatus::Achieved => Self::Achieved,
            CommitmentStatus::Dropped => Self::Dropped,
        }
    }
}

/// The organization, or null when the viewer may not see its profile (e.g. a token with
/// `read:agreements` only).
pub(crate) async fn org(
    ctx: &Context<'_>,
    id: Uuid,
) -> async_graphql::Result<Option<OrganizationNode>> {
    Ok(loaders(ctx)?
        .organizations
        .load_one(id)
        .await
        .map_err(load_error)?
        .map(OrganizationNode))
}

async fn facts(ctx: &Context<'_>, alliance: Uuid) -> async_graphql::Result<AllianceFacts> {
    loaders(ctx)?
        .alliance_facts
        .load_one(alliance)
        .await
        .map_err(load_error)?
        .ok_or_else(|| hidden("alliance"))
}

/// Today in the zone of the alliance.
async fn today(ctx: &Context<'_>, alliance: Uuid) -> async_graphql::Result<NaiveDate> {
    let zone = loaders(ctx)?
        .alliance_zones
        .load_one(alliance)
        .await
        .map_err(load_error)?
        .unwrap_or_default();
    Ok(services(ctx)?.today_in(&zone))
}

async fn user(ctx: &Context<'_>, id: Option<Uuid>) -> async_graphql::Result<Option<UserNode>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders(ctx)?
        .users
        .load_one(id)
        .await
        .map_err(load_error)?
        .map(UserNode))
}

/// A co-construction agreement (共建协议).
pub struct AgreementNode(pub agreement::Model);

/// A co-construction agreement (共建协议) between two or more member organizations of an alliance,
/// with a term and commitments. Visible to the alliance's people, its role holders, platform
/// admins and integration tokens with `read:agreements` on the alliance.
#[Object(name = "Agreement")]
impl AgreementNode {
    /// The agreement's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::Agreement, self.0.id)
    }

    /// Files attached to the agreement (the signed scan), in order, each with short-lived `url`s.
    async fn attachments(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::media::types::MediaItemNode>> {
        loaders(ctx)?
            .media
            .of(alliance_domain::media::MediaOwnerKind::Agreement, self.0.id)
            .await
    }

    /// The alliance the agreement belongs to (null when the viewer may not see its profile, e.g.
    /// a token with `read:agreements` only).
    async fn alliance(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<AllianceNode>> {
        Ok(loaders(ctx)?
            .alliances
            .load_one(self.0.alliance_id)
            .await
            .map_err(load_error)?
            .map(AllianceNode))
    }

    /// The title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The text, in Markdown (empty when none was given).
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// The term's first day (a local date of the alliance).
    async fn valid_from(&self) -> NaiveDate {
        self.0.valid_from
    }

    /// The term's last day, inclusive (a local date): the agreement expires when it has passed.
    async fn valid_until(&self) -> NaiveDate {
        self.0.valid_until
    }

    /// Where the agreement stands today in the alliance's time zone; derived, never stored.
    async fn status(&self, ctx: &Context<'_>) -> async_graphql::Result<AgreementStatus> {
        let today = today(ctx, self.0.alliance_id).await?;
        Ok(domain::effective_status(&self.0, today).into())
    }

    /// Days from today (the alliance's local date) to the term's last day, 0 on the last day;
    /// null for drafts, expired and terminated agreements. For "nearing expiry" lists.
    async fn expires_in_days(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<i32>> {
        let today = today(ctx, self.0.alliance_id).await?;
        Ok(domain::expires_in_days(&self.0, today).map(|d| i32::try_from(d).unwrap_or(i32::MAX)))
    }

    /// How many days before `validUntil` the parties' admins and the secretariat are reminded to renew.
    async fn renewal_reminder_days(&self) -> i32 {
        self.0.renewal_reminder_days
    }

    /// The day the agreement was terminated, if it was.
    async fn terminated_on(&self) -> Option<NaiveDate> {
        self.0.terminated_on
    }

    /// Why it was terminated, if it was.
    async fn termination_reason(&self) -> Option<&str> {
        self.0.termination_reason.as_deref()
    }

    /// The parties with their signatures, in the order listed.
    async fn parties(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<AgreementPartyNode>> {
        Ok(loaders(ctx)?
            .parties_of_agreements
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .into_iter()
            .map(|p| AgreementPartyNode(p, self.0.alliance_id))
            .collect())
    }

    /// The commitments (共建目标) the parties made, in the order added.
    async fn commitments(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<CommitmentNode>> {
        Ok(loaders(ctx)?
            .commitments_of_agreements
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .into_iter()
            .map(CommitmentNode)
            .collect())
    }

    /// The agreement this one renews, if any.
    async fn previous_agreement(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<AgreementNode>> {
        let Some(previous) = self.0.previous_agreement_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?
            .agreements
            .load_one(previous)
            .await
            .map_err(load_error)?
            .map(AgreementNode))
    }

    /// The agreement that renewed this one, if any (an agreement is renewed at most once).
    async fn renewed_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<AgreementNode>> {
        Ok(loaders(ctx)?
            .renewals_of_agreements
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .map(AgreementNode))
    }

    /// Who created it, if the viewer may see that person.
    async fn created_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.created_by).await
    }

    /// When it was created (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Send it back with `updateAgreement` or `terminateAgreement`; a stale version is refused
    /// with `CONFLICT`. Every signature makes a new version.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Whether the viewer may create, terminate and renew the alliance's agreements (its secretariat).
    async fn viewer_can_manage(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let owner = facts(ctx, self.0.alliance_id).await?;
        Ok(policy::can(
            &*principal(ctx)?,
            Action::ManageAgreements,
            owner.resource(),
        ))
    }

    /// Whether the viewer may edit this agreement while it is a draft (the secretariat, or an
    /// admin of one of its parties).
    async fn viewer_can_edit(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let owner = facts(ctx, self.0.alliance_id).await?;
        let parties: Vec<Uuid> = loaders(ctx)?
            .parties_of_agreements
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .iter()
            .map(|p| p.organization_id)
            .collect();
        Ok(services(ctx)?
            .agreements()
            .may_edit(&*principal(ctx)?, owner, &parties))
    }
}

/// A party of an agreement.
pub struct AgreementPartyNode(pub agreement_party::Model, pub Uuid);

/// A party of an agreement: the organization and, once it signed, its signatory and signing date.
#[Object(name = "AgreementParty")]
impl AgreementPartyNode {
    /// The party organization; null when the viewer may not see its profile (a token without
    /// `read:alliance`).
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        org(ctx, self.0.organization_id).await
    }

    /// The name of the person who signed for it; null until it signed.
    async fn signatory_name(&self) -> Option<&str> {
        self.0.signatory_name.as_deref()
    }

    /// The signatory's position (e.g. 党支部书记), if given.
    async fn signatory_position(&self) -> Option<&str> {
        self.0.signatory_position.as_deref()
    }

    /// The day it signed (a local date); null until it signed.
    async fn signed_on(&self) -> Option<NaiveDate> {
        self.0.signed_on
    }

    /// Whether the party has signed.
    async fn signed(&self) -> bool {
        self.0.signed_on.is_some()
    }

    /// Whether the viewer may sign for this party (an admin or the secretary of the organization).
    async fn viewer_can_sign(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let owner = facts(ctx, self.1).await?;
        Ok(policy::can(
            &*principal(ctx)?,
            Action::SignAgreement,
            policy::Resource::PartyOrganization {
                alliance: owner.id,
                public: owner.public,
                organization: alliance_domain::kernel::ids::OrganizationId(self.0.organization_id),
            },
        ))
    }
}

/// A commitment of an agreement.
pub struct CommitmentNode(pub Commitment);

/// A commitment (共建目标) of an agreement, owned by one of its parties, with its target and
/// progress.
#[Object(name = "Commitment")]
impl CommitmentNode {
    /// The commitment's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::Commitment, self.0.id)
    }

    /// The activities that serve this commitment, newest first: its progress in deeds. Empty for
    /// a viewer who may not read the alliance's activities (a token without `read:activities`).
    async fn activities(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::activities::types::ActivityNode>> {
        Ok(loaders(ctx)?
            .activities_of_commitments
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .into_iter()
            .map(crate::activities::types::ActivityNode)
            .collect())
    }

    /// The agreement it belongs to.
    async fn agreement(&self, ctx: &Context<'_>) -> async_graphql::Result<AgreementNode> {
        loaders(ctx)?
            .agreements
            .load_one(self.0.agreement_id)
            .await
            .map_err(load_error)?
            .map(AgreementNode)
            .ok_or_else(|| hidden("agreement"))
    }

    /// The party organization that owns it; null when the viewer may not see its profile.
    async fn owner_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        org(ctx, self.0.owner_organization_id).await
    }

    /// The title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// What is to be achieved, in words, if given.
    async fn target_text(&self) -> Option<&str> {
        self.0.target_text.as_deref()
    }

    /// The numeric target, if there is one (e.g. 12 for "12 sessions").
    async fn target_value(&self) -> Option<f64> {
        self.0.target_value
    }

    /// The unit of the numeric target (e.g. 次, 人), if given.
    async fn target_unit(&self) -> Option<&str> {
        self.0.target_unit.as_deref()
    }

    /// The sum of the amounts of the progress notes.
    async fn progress_value(&self) -> f64 {
        self.0.progress_value
    }

    /// `progressValue` as a percentage of `targetValue` (may pass 100); null without a numeric target.
    async fn progress_percent(&self) -> Option<f64> {
        self.0.progress_percent()
    }

    /// When it is due (a local date), if set.
    async fn due_on(&self) -> Option<NaiveDate> {
        self.0.due_on
    }

    /// Where it stands.
    async fn status(&self) -> CommitmentStatus {
        self.0.status().into()
    }

    /// The progress notes, oldest first.
    async fn notes(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<CommitmentNoteNode>> {
        Ok(loaders(ctx)?
            .notes_of_commitments
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .into_iter()
            .map(CommitmentNoteNode)
            .collect())
    }

    /// Send it back with `updateCommitment`; a stale version is refused with `CONFLICT`. Every
    /// progress note makes a new version.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Whether the viewer may update it and add progress notes (the owner organization's admins,
    /// the secretariat).
    async fn viewer_can_update(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let owner = facts(ctx, self.0.alliance_id).await?;
        Ok(services(ctx)?
            .agreements()
            .may_update_commitment(&*principal(ctx)?, &self.0, owner))
    }
}

/// A progress note of a commitment.
pub struct CommitmentNoteNode(pub CommitmentNote);

/// A progress note of a commitment; its amount, if any, counts towards the numeric target.
#[Object(name = "CommitmentNote")]
impl CommitmentNoteNode {
    /// The note's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::CommitmentNote, self.0.id)
    }

    /// What was done, in Markdown.
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// The amount this note adds towards the target, if any.
    async fn progress_amount(&self) -> Option<f64> {
        self.0.progress_delta
    }

    /// Who wrote it, if the viewer may see that person.
    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        user(ctx, self.0.author_id).await
    }

    /// When it was written (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}
