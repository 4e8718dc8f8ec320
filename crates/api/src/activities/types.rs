//! The object types of activities: the activity, its organizers, head-counts, participants and
//! totals. Every relation is loaded in batches through the viewer's rights.

use super::enums::{ActivityKind, ActivityStatus};
use super::links;
use crate::alliances::types::AllianceNode;
use crate::kernel::context::{principal, services};
use crate::kernel::error::hidden;
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use crate::users::types::UserNode;
use alliance_domain::activities::{ActivityTotals, Headcount, Organizer, Participant, activity};
use alliance_domain::policy::{self, Action};
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The organization, or null when the viewer may not see it (a token without `read:alliance`).
async fn org(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<Option<OrganizationNode>> {
    Ok(loaders(ctx)?
        .organizations
        .load_one(id)
        .await
        .map_err(load_error)?
        .map(OrganizationNode))
}

/// A joint activity (共建活动) of an alliance.
pub struct ActivityNode(pub activity::Model);

impl ActivityNode {
    async fn alliance_model(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<alliance_domain::entities::alliance::Model> {
        loaders(ctx)?
            .alliances
            .load_one(self.0.alliance_id)
            .await
            .map_err(load_error)?
            .ok_or_else(|| hidden("alliance"))
    }

    /// The domain empties the code for everyone who may not manage the activity.
    fn manages(&self) -> bool {
        !self.0.check_in_code.is_empty()
    }

    /// The check-in link, for managers while people can still check themselves in (a planned
    /// activity); `None` otherwise.
    fn offered_check_in_link(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        if !self.manages() || self.0.status != alliance_domain::activities::ActivityStatus::Planned
        {
            return Ok(None);
        }
        let base = services(ctx)?
            .config
            .public_url
            .trim_end_matches('/')
            .to_owned();
        Ok(Some(format!(
            "{base}/activities/{}/check-in?code={}",
            encode(Kind::Activity, self.0.id).0,
            self.0.check_in_code
        )))
    }
}

/// A joint activity (共建活动) of an alliance: organized by a host and co-organizers (it counts in
/// each one's ledger), optionally serving an agreement's commitment. Visible to the alliance's
/// people, role holders, platform admins and integration tokens with `read:activities`. Once
/// published, an activity of a public alliance is also a public `NewsArticle`.
#[Object(name = "Activity")]
impl ActivityNode {
    /// The activity's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::Activity, self.0.id)
    }

    /// The alliance holding the activity.
    async fn alliance(&self, ctx: &Context<'_>) -> async_graphql::Result<AllianceNode> {
        Ok(AllianceNode(self.alliance_model(ctx).await?))
    }

    /// The kind of activity.
    async fn kind(&self) -> ActivityKind {
        self.0.kind.into()
    }

    /// The theme (主题), 1 to 200 characters; the title of the news article.
    async fn theme(&self) -> &str {
        &self.0.theme
    }

    /// When it starts (UTC); show it in `timeZone`.
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }

    /// When it ends (UTC); after `startsAt`.
    async fn ends_at(&self) -> DateTime<Utc> {
        self.0.ends_at
    }

    /// The alliance's IANA time zone, in which times are shown and check-in days are counted.
    async fn time_zone(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(self.alliance_model(ctx).await?.time_zone)
    }

    /// Where it takes place.
    async fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }

    /// When sign-up closes (UTC); null: at the start.
    async fn signup_closes_at(&self) -> Option<DateTime<Utc>> {
        self.0.signup_closes_at
    }

    /// How many people with accounts may sign up; null: no limit.
    async fn capacity(&self) -> Option<i32> {
        self.0.capacity
    }

    /// Where the activity stands.
    async fn status(&self) -> ActivityStatus {
        self.0.status.into()
    }

    /// A short summary (at most 500 characters), shown in news lists.
    async fn summary(&self) -> Option<&str> {
        self.0.summary.as_deref()
    }

    /// The report (markdown, at most 200,000 characters); empty until written.
    async fn report(&self) -> &str {
        &self.0.report
    }

    /// What came out of it (plain text, at most 20,000 characters).
    async fn outcomes(&self) -> Option<&str> {
        self.0.outcomes.as_deref()
    }

    /// When it was published (UTC); null unless `status` is PUBLISHED.
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.published_at
    }

    /// The activity's photos in their order, each with short-lived `url`s (public, cacheable ones
    /// once published in a public alliance).
    async fn photos(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::media::types::MediaItemNode>> {
        loaders(ctx)?
            .media
            .of(alliance_domain::media::MediaOwnerKind::Activity, self.0.id)
            .await
    }

    /// The cover photo: the one picked with `setActivityCover`, else the first photo; null without photos.
    async fn cover(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<crate::media::types::MediaItemNode>> {
        let photos = loaders(ctx)?
            .media
            .of(alliance_domain::media::MediaOwnerKind::Activity, self.0.id)
            .await?;
        let picked = self
            .0
            .cover_media_id
            .and_then(|cover| photos.iter().position(|m| m.0.item.id == cover))
            .unwrap_or(0);
        Ok(photos.into_iter().nth(picked))
    }

    /// The global id of the agreement it serves, if any.
    async fn agreement_id(&self) -> Option<ID> {
        self.0
            .agreement_id
            .map(|id| links::encode(links::AGREEMENT, id))
    }

    /// The global id of the commitment (共建目标) it serves, if any.
    async fn commitment_id(&self) -> Option<ID> {
        self.0
            .commitment_id
            .map(|id| links::encode(links::COMMITMENT, id))
    }

    /// Optimistic-lock version: send it back with every change; a stale one answers `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was created (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// The host first, then the co-organizers.
    async fn organizers(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ActivityOrganizerNode>> {
        Ok(loaders(ctx)?
            .organizers_of_activities
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .into_iter()
            .map(ActivityOrganizerNode)
            .collect())
    }

    /// People without accounts, counted per organization.
    async fn headcounts(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ActivityHeadcountNode>> {
        Ok(loaders(ctx)?
            .headcounts_of_activities
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .into_iter()
            .map(ActivityHeadcountNode)
            .collect())
    }

    /// People with accounts who signed up or checked in, checked-in first. Empty for viewers who
    /// may not read the alliance's internal content (tokens without `read:alliance`); the counts
    /// are in `totals`.
    async fn participants(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ActivityParticipantNode>> {
        Ok(loaders(ctx)?
            .participants_of_activities
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default()
            .into_iter()
            .map(ActivityParticipantNode)
            .collect())
    }

    /// How many took part: signed up, checked in, counted per organization, and in all.
    async fn totals(&self, ctx: &Context<'_>) -> async_graphql::Result<ActivityTotalsNode> {
        Ok(ActivityTotalsNode(
            loaders(ctx)?
                .totals_of_activities
                .load_one(self.0.id)
                .await
                .map_err(load_error)?
                .unwrap_or_default(),
        ))
    }

    /// The viewer's own sign-up and check-in; null when they have neither.
    async fn viewer_participation(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<ActivityParticipantNode>> {
        Ok(loaders(ctx)?
            .own_participation
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .map(ActivityParticipantNode))
    }

    /// Whether the viewer may edit it, write the report, set head-counts, check people in,
    /// complete, publish, unpublish or cancel it (the organizers' admins, the alliance's admins).
    async fn viewer_can_manage(&self) -> bool {
        self.manages()
    }

    /// Whether the viewer may sign up and check in (people of the alliance's member organizations).
    async fn viewer_can_join(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let viewer = principal(ctx)?;
        Ok(policy::own_user(&viewer).is_some()
            && policy::can_in_alliance(
                &viewer,
                Action::JoinActivity,
                alliance_domain::kernel::ids::AllianceId(self.0.alliance_id),
            ))
    }

    /// The six-digit check-in code; null for viewers who do not manage the activity.
    async fn check_in_code(&self) -> Option<&str> {
        self.manages().then_some(self.0.check_in_code.as_str())
    }

    /// The link people open to check in (managers only); shown as a QR code on the day. Null
    /// once the activity is completed, published or cancelled: self check-in is closed then.
    async fn check_in_url(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        self.offered_check_in_link(ctx)
    }

    /// `checkInUrl` as an SVG QR code to show or print (managers only); null whenever
    /// `checkInUrl` is.
    async fn check_in_qr_svg(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        self.offered_check_in_link(ctx)?
            .map(|link| crate::kernel::qr::qr_svg(&link))
            .transpose()
    }
}

/// An organization organizing an activity.
pub struct ActivityOrganizerNode(pub Organizer);

/// An organization organizing an activity, as host or co-organizer.
#[Object(name = "ActivityOrganizer")]
impl ActivityOrganizerNode {
    /// The organization; null when the viewer may not see it.
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        org(ctx, self.0.organization_id).await
    }

    /// Whether it is the host (one per activity); otherwise a co-organizer.
    async fn is_host(&self) -> bool {
        self.0.role == "host"
    }
}

/// A head-count of one organization.
pub struct ActivityHeadcountNode(pub Headcount);

/// People without accounts who took part, counted for one organization.
#[Object(name = "ActivityHeadcount")]
impl ActivityHeadcountNode {
    /// The organization; null when the viewer may not see it.
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        org(ctx, self.0.organization_id).await
    }

    /// How many people, 0 to 100,000.
    async fn head_count(&self) -> i32 {
        self.0.head_count
    }
}

/// A person taking part.
pub struct ActivityParticipantNode(pub Participant);

/// A person with an account taking part in an activity: signed up ahead, checked in on the day.
#[Object(name = "ActivityParticipant")]
impl ActivityParticipantNode {
    /// The person.
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        Ok(loaders(ctx)?
            .users
            .load_one(self.0.user_id)
            .await
            .map_err(load_error)?
            .map(UserNode))
    }

    /// The member organization they took part for, if any.
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        match self.0.organization_id {
            Some(id) => Ok(loaders(ctx)?
                .organizations
                .load_one(id)
                .await
                .map_err(load_error)?
                .map(OrganizationNode)),
            None => Ok(None),
        }
    }

    /// When they signed up (UTC); null when they only checked in.
    async fn signed_up_at(&self) -> Option<DateTime<Utc>> {
        self.0.signed_up_at
    }

    /// When they checked in (UTC); null until they do.
    async fn checked_in_at(&self) -> Option<DateTime<Utc>> {
        self.0.checked_in_at
    }
}

/// How many took part.
pub struct ActivityTotalsNode(pub ActivityTotals);

/// How many took part in an activity.
#[Object(name = "ActivityTotals")]
impl ActivityTotalsNode {
    /// People with accounts who signed up.
    async fn signed_up(&self) -> i64 {
        self.0.signed_up
    }

    /// People with accounts who checked in.
    async fn checked_in(&self) -> i64 {
        self.0.checked_in
    }

    /// People without accounts, summed over the head-counts.
    async fn head_count(&self) -> i64 {
        self.0.head_count
    }

    /// Everyone who took part: checked in plus the head-counts.
    async fn participants(&self) -> i64 {
        self.0.checked_in + self.0.head_count
    }
}
