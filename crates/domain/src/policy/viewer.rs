//! What the viewer may do at platform level, for the web client's navigation
//! (`Query.viewerPermissions`), and the alliances in which the viewer holds a role.

use crate::kernel::ids::AllianceId;
use crate::kernel::vocab::{GrantedRole, Scope};
use crate::policy::principal::{Principal, TokenTarget};
use crate::policy::{Action, Resource, can};

/// The platform-level permissions of one principal, each decided by `can`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewerPermissions {
    pub manage_users: bool,
    pub read_audit_log: bool,
    pub manage_integration_tokens: bool,
    pub read_background_jobs: bool,
    pub create_organization: bool,
    pub create_alliance: bool,
}

pub fn viewer_permissions(principal: &Principal) -> ViewerPermissions {
    let may = |action| can(principal, action, Resource::Platform);
    ViewerPermissions {
        manage_users: may(Action::ManageUsers),
        read_audit_log: may(Action::ReadAuditLog) || may(Action::ReadSomeAuditLog),
        manage_integration_tokens: may(Action::ManageSomeIntegrationTokens),
        read_background_jobs: may(Action::ReadBackgroundJobs),
        create_organization: may(Action::CreateOrganization),
        create_alliance: may(Action::CreateAlliance),
    }
}

/// The platform-level rules for a signed-in user who is not a platform admin.
pub(super) fn user_platform_rule(principal: &Principal, action: Action) -> bool {
    let Principal::User(user) = principal else {
        return false;
    };
    let alliance_admin = user
        .grants
        .iter()
        .any(|(_, role)| *role == GrantedRole::AllianceAdmin);
    match action {
        // The token page lists and creates tokens for the alliances they administer and the
        // organizations they act for.
        Action::ManageSomeIntegrationTokens => {
            alliance_admin || user.organizations.values().any(|s| s.acts_for_org())
        }
        // The audit log, limited to the alliances they administer.
        Action::ReadSomeAuditLog => alliance_admin,
        _ => false,
    }
}

/// The alliances in which the principal holds a role now (member organization, alliance admin,
/// supervisor, lead convener), sorted; none for anonymous callers and tokens.
pub fn role_alliances(principal: &Principal) -> Vec<AllianceId> {
    let Principal::User(user) = principal else {
        return Vec::new();
    };
    let mut ids: Vec<AllianceId> = user.member_alliances.keys().copied().collect();
    ids.extend(user.grants.iter().map(|(alliance, _)| *alliance));
    ids.extend(user.lead_alliances.iter().copied());
    ids.sort();
    ids.dedup();
    ids
}

/// The kind of target an integration token acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenTargetKind {
    Alliance,
    Organization,
}

/// The scopes that let a token of that kind of target do something: an organization token reads
/// its profile, members and resources; the others are about an alliance's content.
pub fn scopes_for_target(kind: TokenTargetKind) -> Vec<Scope> {
    Scope::ALL
        .iter()
        .copied()
        .filter(|scope| match kind {
            TokenTargetKind::Alliance => {
                *scope != Scope::ReadOrganization && *scope != Scope::ReadMembers
            }
            TokenTargetKind::Organization => matches!(
                scope,
                Scope::ReadOrganization | Scope::ReadMembers | Scope::ReadResources
            ),
        })
        .collect()
}

impl TokenTarget {
    pub fn kind(self) -> TokenTargetKind {
        match self {
            TokenTarget::Alliance(_) => TokenTargetKind::Alliance,
            TokenTarget::Organization(_) => TokenTargetKind::Organization,
        }
    }
}
