use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::{
    AllianceKind, AllianceRole, AllianceStatus, AllianceVisibility, RotationPeriod,
};
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use alliance_domain::alliances::AllianceFacts;
use alliance_domain::entities::{alliance, alliance_membership};
use alliance_domain::kernel::ids::AllianceId;
use alliance_domain::kernel::pagination::Page;
use alliance_domain::policy::{self, Action};
use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

/// An alliance (联盟) of member organizations with a rotating lead unit.
pub struct AllianceNode(pub alliance::Model);

impl AllianceNode {
    fn can(&self, ctx: &Context<'_>, action: Action) -> async_graphql::Result<bool> {
        Ok(policy::can(
            &*principal(ctx)?,
            action,
            AllianceFacts::of(&self.0).resource(),
        ))
    }
}

/// An alliance (联盟) of member organizations with a rotating lead unit. PUBLIC alliances show their
/// profile to everyone; MEMBERS alliances only to their people, role holders, platform admins and
/// their integration tokens with `read:alliance`.
#[Object(name = "Alliance")]
impl AllianceNode {
    /// The alliance's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::Alliance, self.0.id)
    }

    /// Name in Chinese.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Name in English, if given.
    async fn name_en(&self) -> Option<&str> {
        self.0.name_en.as_deref()
    }

    /// Pairing, tripartite or consortium.
    async fn kind(&self) -> AllianceKind {
        AllianceKind::from_db(&self.0.kind)
    }

    /// Where the alliance is in its lifecycle.
    async fn status(&self) -> AllianceStatus {
        self.0.status.into()
    }

    /// The day the alliance was founded (`YYYY-MM-DD`), if known.
    async fn founded_on(&self) -> Option<NaiveDate> {
        self.0.founded_on
    }

    /// The body the alliance works under, e.g. a district's social-organization party committee.
    async fn supervising_body(&self) -> Option<&str> {
        self.0.supervising_body.as_deref()
    }

    /// The party-building instructor (党建指导员).
    async fn instructor(&self) -> Option<&str> {
        self.0.instructor.as_deref()
    }

    /// How long each lead term lasts.
    async fn rotation_period(&self) -> RotationPeriod {
        RotationPeriod::from_db(&self.0.rotation_period)
    }

    /// Who may see the alliance.
    async fn visibility(&self) -> AllianceVisibility {
        AllianceVisibility::from_db(&self.0.visibility)
    }

    /// Working rules (markdown); members only.
    async fn working_rules(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<&str>> {
        Ok(if self.can(ctx, Action::ReadAllianceInternal)? {
            self.0.working_rules.as_deref()
        } else {
            None
        })
    }

    /// Send it back with an update; a stale version is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// The lead schedule's version: send it back with `generateLeadSchedule`, `swapLeadTerms` or
    /// `skipLeadTerm`; a schedule changed since (by an edit, a join or a leave) answers `CONFLICT`.
    async fn lead_schedule_version(&self) -> i32 {
        self.0.lead_schedule_version
    }

    /// Current member organizations, in order of joining.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn members(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
    ) -> async_graphql::Result<Conn<AllianceMembershipNode>> {
        let page = page_request(ctx, first, after)?;
        let loaders = loaders(ctx)?;
        let rows = loaders
            .members_of_alliances
            .load_one((self.0.id, page))
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        let total = if page.count {
            loaders
                .count_members_of_alliances
                .load_one(self.0.id)
                .await
                .map_err(load_error)?
                .unwrap_or(0)
        } else {
            0
        };
        Ok(build(
            Page::from_rows(rows, page),
            total,
            |m| m.id,
            AllianceMembershipNode,
        ))
    }

    /// Shared resources currently offered to the alliance (not withdrawn), oldest first; only for
    /// those who may read the alliance's internal content (and tokens with `read:resources`).
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn shared_resources(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
    ) -> async_graphql::Result<Conn<crate::resources::types::SharedResourceNode>> {
        crate::resources::types::shared_resources_of_alliance(ctx, self.0.id, first, after).await
    }

    /// Days before a meeting that agenda proposals close.
    async fn agenda_deadline_days(&self) -> i32 {
        self.0.agenda_deadline_days
    }

    /// IANA time zone name (e.g. `Asia/Shanghai`): the alliance's dates (today, membership days,
    /// due dates, the first day of a lead term) are dates in this zone; instants stay in UTC.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }

    /// Today's date in the alliance's time zone (`YYYY-MM-DD`).
    async fn today(&self, ctx: &Context<'_>) -> async_graphql::Result<NaiveDate> {
        Ok(services(ctx)?.today_in(&self.0.time_zone))
    }

    /// The lead unit right now.
    async fn current_lead(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<crate::rotation::types::LeadTermNode>> {
        let now = crate::kernel::context::services(ctx)?.now();
        let terms = loaders(ctx)?
            .lead_terms_of_alliances
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(terms
            .into_iter()
            .find(|t| t.term.starts_at <= now && now < t.term.ends_at)
            .map(crate::rotation::types::LeadTermNode::from))
    }

    /// The whole rotation schedule, in order.
    async fn lead_terms(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::rotation::types::LeadTermNode>> {
        let terms = loaders(ctx)?
            .lead_terms_of_alliances
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        Ok(terms
            .into_iter()
            .map(crate::rotation::types::LeadTermNode::from)
            .collect())
    }

    /// The alliance's activities, newest start first (members, tokens with `read:activities`).
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn activities(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(desc = "Only activities in this status.")] status: Option<
            crate::activities::enums::ActivityStatus,
        >,
        #[graphql(desc = "Only activities of this kind.")] kind: Option<
            crate::activities::enums::ActivityKind,
        >,
    ) -> async_graphql::Result<Conn<crate::activities::types::ActivityNode>> {
        crate::activities::query::list(ctx, Some(AllianceId(self.0.id)), first, after, status, kind)
            .await
    }

    /// The alliance's meetings by start time (members only); with `past: true` only those that are over, newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(
            desc = "Only meetings still running after this instant (UTC), i.e. ending later."
        )]
        from: Option<chrono::DateTime<chrono::Utc>>,
        #[graphql(desc = "Only meetings starting before this instant (UTC).")] to: Option<
            chrono::DateTime<chrono::Utc>,
        >,
        #[graphql(
            default = false,
            desc = "Only meetings that are over (ended before now, or completed), newest first."
        )]
        past: bool,
    ) -> async_graphql::Result<Conn<crate::meetings::types::MeetingNode>> {
        use crate::kernel::error::ResultExt;
        let page = page_request(ctx, first, after)?;
        let services = crate::kernel::context::services(ctx)?;
        let (rows, total) = services
            .meetings()
            .meetings(
                &*principal(ctx)?,
                page,
                alliance_domain::meetings::MeetingWindow {
                    alliance: Some(AllianceId(self.0.id)),
                    from,
                    to,
                    past,
                },
            )
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |m| m.id,
            crate::meetings::types::MeetingNode,
        ))
    }

    /// Who holds granted roles here (current grants; revoked ones too with `includeRevoked`).
    /// Visible to platform admins and the alliance's secretariat; empty for everyone else.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn role_grants(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(desc = "Also list revoked grants (default false).")] include_revoked: Option<
            bool,
        >,
    ) -> async_graphql::Result<
        crate::kernel::connection::Conn<crate::alliances::grants::RoleGrantNode>,
    > {
        let include_revoked = include_revoked.unwrap_or(false);
        crate::alliances::grants::role_grants_of(ctx, self.0.id, first, after, include_revoked)
            .await
    }

    /// The alliance's co-construction agreements, in creation order (members, role holders,
    /// tokens with `read:agreements`; empty for everyone else).
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn agreements(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(desc = "Only agreements in this status today.")] status: Option<
            crate::agreements::types::AgreementStatus,
        >,
    ) -> async_graphql::Result<Conn<crate::agreements::types::AgreementNode>> {
        use crate::kernel::error::ResultExt;
        let page = page_request(ctx, first, after)?;
        let (rows, total) = services(ctx)?
            .agreements()
            .agreements(
                &*principal(ctx)?,
                page,
                Some(AllianceId(self.0.id)),
                status.map(Into::into),
            )
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |a| a.id,
            crate::agreements::types::AgreementNode,
        ))
    }

    /// The alliance's document library (文件库), in creation order (members, role holders, tokens
    /// with `read:documents`; empty for everyone else).
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn documents(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(desc = "Only documents of this kind.")] kind: Option<
            crate::documents::types::DocumentKind,
        >,
    ) -> async_graphql::Result<Conn<crate::documents::types::DocumentNode>> {
        use crate::kernel::error::ResultExt;
        let page = page_request(ctx, first, after)?;
        let (rows, total) = services(ctx)?
            .documents()
            .documents(
                &*principal(ctx)?,
                AllianceId(self.0.id),
                kind.map(Into::into),
                page,
            )
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |d| d.id,
            crate::documents::types::DocumentNode,
        ))
    }

    /// The working rules in effect today: of the library's working-rules documents, the version
    /// with the latest effective date on or before today (local). Null when there is none or the
    /// viewer may not read the library.
    async fn current_working_rules(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<crate::documents::types::DocumentVersionNode>> {
        Ok(loaders(ctx)?
            .current_working_rules
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .map(crate::documents::types::DocumentVersionNode))
    }

    /// The viewer's roles here (empty for anonymous visitors and integrations).
    async fn viewer_roles(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<AllianceRole>> {
        Ok(
            policy::alliance_roles(&*principal(ctx)?, AllianceId(self.0.id))
                .into_iter()
                .map(AllianceRole::from)
                .collect(),
        )
    }
}

/// An organization's membership in an alliance.
pub struct AllianceMembershipNode(pub alliance_membership::Model);

/// An organization's membership in an alliance, visible to whoever may see the alliance.
#[Object(name = "AllianceMembership")]
impl AllianceMembershipNode {
    /// The membership's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::AllianceMembership, self.0.id)
    }

    /// The alliance.
    async fn alliance(&self, ctx: &Context<'_>) -> async_graphql::Result<AllianceNode> {
        let found = loaders(ctx)?
            .alliances
            .load_one(self.0.alliance_id)
            .await
            .map_err(load_error)?;
        found
            .map(AllianceNode)
            .ok_or_else(|| crate::kernel::error::hidden("alliance"))
    }

    /// The member organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<OrganizationNode> {
        let found = loaders(ctx)?
            .organizations
            .load_one(self.0.organization_id)
            .await
            .map_err(load_error)?;
        found
            .map(OrganizationNode)
            .ok_or_else(|| crate::kernel::error::hidden("organization"))
    }

    /// The day it joined (`YYYY-MM-DD`).
    async fn joined_on(&self) -> NaiveDate {
        self.0.joined_on
    }

    /// The day it left (`YYYY-MM-DD`); null while a current member.
    async fn left_on(&self) -> Option<NaiveDate> {
        self.0.left_on
    }

    /// Share of the organization's invitations to the alliance's meetings so far that were checked
    /// in (0 to 1); null before any meeting.
    async fn attendance_rate(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<f64>> {
        loaders(ctx)?
            .attendance_rates
            .load_one(self.0.id)
            .await
            .map_err(load_error)
    }

    /// Position in the lead rotation (0 leads first).
    async fn rotation_order(&self) -> i32 {
        self.0.rotation_order
    }
}
