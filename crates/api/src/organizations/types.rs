use crate::alliances::types::AllianceMembershipNode;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::enums::{OrganizationKind, Position};
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::users::types::UserNode;
use alliance_domain::entities::{organization, organization_membership};
use alliance_domain::kernel::pagination::Page;
use alliance_domain::policy::Action;
use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

/// A member organization (成员单位): usually the party branch of a company, association,
/// community, school, hospital or chamber of commerce.
pub struct OrganizationNode(pub organization::Model);

/// A member organization (成员单位), usually the party branch of a company, association, community,
/// school, hospital or chamber of commerce. Visible to its own people, to anyone when it belongs to a
/// public alliance, and to people with a role in one of its alliances.
#[Object(name = "Organization")]
impl OrganizationNode {
    /// The organization's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::Organization, self.0.id)
    }

    /// Name in Chinese.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Name in English, if given.
    async fn name_en(&self) -> Option<&str> {
        self.0.name_en.as_deref()
    }

    /// The kind of organization.
    async fn kind(&self) -> OrganizationKind {
        OrganizationKind::from_db(&self.0.kind)
    }

    /// The entity the party branch belongs to, e.g. the company.
    async fn host_entity(&self) -> Option<&str> {
        self.0.host_entity.as_deref()
    }

    /// Region or district, free text.
    async fn region(&self) -> Option<&str> {
        self.0.region.as_deref()
    }

    /// The day the party branch was founded (`YYYY-MM-DD`), if known.
    async fn founded_on(&self) -> Option<NaiveDate> {
        self.0.founded_on
    }

    /// Honours and awards, in the order given.
    async fn honours(&self) -> &[String] {
        &self.0.honours
    }

    /// Send it back with an update; a stale version is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Current members, if the viewer may see them (otherwise empty).
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
    ) -> async_graphql::Result<Conn<OrganizationMembershipNode>> {
        let page = page_request(ctx, first, after)?;
        if !crate::organizations::access::can_on_organization(
            ctx,
            Action::ReadOrganizationMembers,
            self.0.id,
        )
        .await?
        {
            return Ok(build(
                Page::from_rows(Vec::new(), page),
                0,
                |m: &organization_membership::Model| m.id,
                OrganizationMembershipNode,
            ));
        }
        let loaders = loaders(ctx)?;
        let rows = loaders
            .members_of_organizations
            .load_one((self.0.id, page))
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        let total = if page.count {
            loaders
                .count_members_of_organizations
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
            OrganizationMembershipNode,
        ))
    }

    /// The activities it hosted or co-organized (its ledger), newest start first, of alliances
    /// whose activities the viewer may read.
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
    ) -> async_graphql::Result<Conn<crate::activities::types::ActivityNode>> {
        crate::activities::query::ledger(ctx, self.0.id, first, after).await
    }

    /// The alliances the organization currently belongs to, limited to those the viewer may see.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn alliances(
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
            .alliances_of_organizations
            .load_one((self.0.id, page))
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        let total = if page.count {
            loaders
                .count_alliances_of_organizations
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
}

/// A person's membership in an organization.
pub struct OrganizationMembershipNode(pub organization_membership::Model);

/// A person's membership in an organization: visible to whoever may read that organization's people.
#[Object(name = "OrganizationMembership")]
impl OrganizationMembershipNode {
    /// The membership's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::OrganizationMembership, self.0.id)
    }

    /// The person.
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<UserNode> {
        let user = loaders(ctx)?
            .users
            .load_one(self.0.user_id)
            .await
            .map_err(load_error)?;
        user.map(UserNode)
            .ok_or_else(|| crate::kernel::error::hidden("person"))
    }

    /// The organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<OrganizationNode> {
        let org = loaders(ctx)?
            .organizations
            .load_one(self.0.organization_id)
            .await
            .map_err(load_error)?;
        org.map(OrganizationNode)
            .ok_or_else(|| crate::kernel::error::hidden("organization"))
    }

    /// The person's position in the party branch.
    async fn position(&self) -> Position {
        Position::from_db(&self.0.position)
    }

    /// Organization admins manage the organization and its members.
    async fn is_org_admin(&self) -> bool {
        self.0.is_org_admin
    }

    /// The day the person joined (`YYYY-MM-DD`).
    async fn joined_on(&self) -> NaiveDate {
        self.0.joined_on
    }

    /// The day the person left (`YYYY-MM-DD`); null while a current member.
    async fn left_on(&self) -> Option<NaiveDate> {
        self.0.left_on
    }
}
