//! `viewerPermissions`: what the viewer may do at platform level, for a client's navigation.

use crate::kernel::context::principal;
use alliance_domain::policy::{self, ViewerPermissions};
use async_graphql::{Context, Object, SimpleObject};

/// What the viewer may do at platform level. Every field is false for anonymous callers and
/// integration tokens; rights within one alliance are in `Alliance.viewerRoles`.
#[derive(SimpleObject)]
pub struct ViewerPermissionsNode {
    /// Search, disable and enable accounts (platform admins).
    manage_users: bool,
    /// Read the audit log: whole for platform admins, limited to their alliances for alliance admins.
    read_audit_log: bool,
    /// Create and revoke integration tokens: platform admins, alliance admins, and the admins and
    /// secretaries of an organization.
    manage_integration_tokens: bool,
    /// See and retry background jobs (platform admins).
    read_background_jobs: bool,
    /// Create member organizations (platform admins).
    create_organization: bool,
    /// Create alliances (platform admins).
    create_alliance: bool,
}

impl From<ViewerPermissions> for ViewerPermissionsNode {
    fn from(p: ViewerPermissions) -> Self {
        Self {
            manage_users: p.manage_users,
            read_audit_log: p.read_audit_log,
            manage_integration_tokens: p.manage_integration_tokens,
            read_background_jobs: p.read_background_jobs,
            create_organization: p.create_organization,
            create_alliance: p.create_alliance,
        }
    }
}

#[derive(Default)]
pub struct ViewerPermissionsQuery;

#[Object]
impl ViewerPermissionsQuery {
    /// What the viewer may do at platform level (manage users, read the audit log, manage
    /// integration tokens, …), decided by the same rules as the operations themselves.
    async fn viewer_permissions(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<ViewerPermissionsNode> {
        Ok(policy::viewer_permissions(&*principal(ctx)?).into())
    }
}
