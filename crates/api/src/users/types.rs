use crate::alliances::types::AllianceNode;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::principal;
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationMembershipNode;
use alliance_domain::entities::user;
use alliance_domain::kernel::ids::UserId;
use alliance_domain::policy;
use async_graphql::{Context, ID, Object};

/// A person with an account.
pub struct UserNode(pub user::Model);

impl UserNode {
    /// The person as the viewer may see them, contact details included only where the policy
    /// allows (whichever way this node was loaded).
    async fn contact(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<user::Model>> {
        let viewer = principal(ctx)?;
        if policy::own_user(&viewer) == Some(UserId(self.0.id)) || policy::sees_everyone(&viewer) {
            return Ok(Some(self.0.clone()));
        }
        loaders(ctx)?
            .users
            .load_one(self.0.id)
            .await
            .map_err(load_error)
    }
}

/// A person with an account. Visible to the person, platform admins, and whoever may read the people
/// of one of the person's organizations (now or formerly) or of an alliance where the person holds a role.
#[Object(name = "User")]
impl UserNode {
    /// The user's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::User, self.0.id)
    }

    /// The person's full name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Visible to the user, platform admins and admins of the user's current organizations; null
    /// for everyone else.
    async fn email(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(self.contact(ctx).await?.and_then(|u| u.email))
    }

    /// Visible to the user, platform admins and admins of the user's current organizations; null
    /// for everyone else.
    async fn phone(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(self.contact(ctx).await?.and_then(|u| u.phone))
    }

    /// The account's version, for `updateMyProfile` (a stale one answers `CONFLICT`).
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// `zh-CN` or `en`.
    async fn locale(&self) -> &str {
        &self.0.locale
    }

    /// Whether the person administers the whole platform (creates organizations and alliances, sees everything).
    async fn is_platform_admin(&self) -> bool {
        self.0.is_platform_admin
    }

    /// The user's organization memberships (current ones; former ones too with `includePast`),
    /// limited to organizations whose members the viewer may see.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn organization_memberships(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(default = false, desc = "Include memberships the person has left.")] include_past: bool,
    ) -> async_graphql::Result<Conn<OrganizationMembershipNode>> {
        let page = page_request(ctx, first, after)?;
        let loaders = loaders(ctx)?;
        let (rows, counts) = if include_past {
            (
                &loaders.past_memberships_of_users,
                &loaders.count_past_memberships_of_users,
            )
        } else {
            (
                &loaders.memberships_of_users,
                &loaders.count_memberships_of_users,
            )
        };
        let items = rows
            .load_one((self.0.id, page))
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        let total = counts
            .load_one(self.0.id)
            .await
            .map_err(load_error)?
            .unwrap_or(0);
        let page = alliance_domain::kernel::pagination::Page::from_rows(items, page);
        Ok(build(page, total, |m| m.id, OrganizationMembershipNode))
    }

    /// Alliances the user's current organizations belong to (for the user and platform admins).
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
    ) -> async_graphql::Result<Conn<AllianceNode>> {
        let page = page_request(ctx, first, after)?;
        let viewer = principal(ctx)?;
        let own = policy::own_user(&viewer) == Some(UserId(self.0.id));
        if !own && !policy::sees_everyone(&viewer) {
            return Ok(build(
                alliance_domain::kernel::pagination::Page::from_rows(Vec::new(), page),
                0,
                |a: &alliance_domain::entities::alliance::Model| a.id,
                AllianceNode,
            ));
        }
        let loaders = loaders(ctx)?;
        let rows = loaders
            .alliances_of_users
            .load_one((self.0.id, page))
            .await
            .map_err(load_error)?
            .unwrap_or_default();
        let total = if page.count {
            loaders
                .count_alliances_of_users
                .load_one(self.0.id)
                .await
                .map_err(load_error)?
                .unwrap_or(0)
        } else {
            0
        };
        Ok(build(
            alliance_domain::kernel::pagination::Page::from_rows(rows, page),
            total,
            |a| a.id,
            AllianceNode,
        ))
    }

    /// When the account was created (UTC).
    async fn created_at(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.created_at
    }

    /// When the account was disabled (it cannot sign in while set); null for active accounts, and
    /// always null unless the viewer is a platform admin.
    async fn disabled_at(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<chrono::DateTime<chrono::Utc>>> {
        let viewer = principal(ctx)?;
        Ok(alliance_domain::policy::can(
            &viewer,
            alliance_domain::policy::Action::ManageUsers,
            alliance_domain::policy::Resource::Platform,
        )
        .then_some(self.0.disabled_at)
        .flatten())
    }
}
