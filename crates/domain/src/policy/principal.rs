//! Who is asking: loaded once per request, then handed to the policy with every decision.
//!
//! The facts (organizations, alliances, grants, lead terms, scopes) are private to the policy
//! module: other code builds a principal but never reads its facts, so every role decision is made
//! in one place. The compiler enforces it; `scripts/check-architecture.sh` keeps it so.

use crate::entities::user;
use crate::kernel::ids::{AllianceId, IntegrationTokenId, OrganizationId, SessionId, UserId};
use crate::kernel::vocab::{GrantedRole, Position, Scope};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

#[derive(Debug, Clone, Default)]
pub enum Principal {
    #[default]
    Anonymous,
    User(UserPrincipal),
    Integration(IntegrationPrincipal),
}

/// A logged-in user and every relation the policy needs, as of the request's instant.
#[derive(Debug, Clone, Default)]
pub struct UserPrincipal {
    pub(in crate::policy) user_id: UserId,
    pub(in crate::policy) session_id: Option<SessionId>,
    pub(in crate::policy) is_platform_admin: bool,
    /// Current organization memberships.
    pub(in crate::policy) organizations: HashMap<OrganizationId, OrgStanding>,
    /// Alliances that one of the user's current organizations belongs to now.
    pub(in crate::policy) member_alliances: HashMap<AllianceId, HashSet<OrganizationId>>,
    pub(in crate::policy) grants: HashSet<(AllianceId, GrantedRole)>,
    /// Alliances whose current lead unit is an organization the user is admin or secretary of.
    pub(in crate::policy) lead_alliances: HashSet<AllianceId>,
    /// The user's own row, read in the same statement as the session check (not a policy fact:
    /// it answers `me` without another round trip). `None` when it was not loaded or may be stale.
    pub(in crate::policy) profile: Option<Arc<user::Model>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgStanding {
    pub position: Position,
    pub is_admin: bool,
}

impl OrgStanding {
    /// Organization admins and secretaries act for their organization.
    pub fn acts_for_org(self) -> bool {
        self.is_admin || self.position == Position::Secretary
    }
}

#[derive(Debug, Clone)]
pub struct IntegrationPrincipal {
    pub(in crate::policy) token_id: IntegrationTokenId,
    pub(in crate::policy) scopes: HashSet<Scope>,
    pub(in crate::policy) target: TokenTarget,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenTarget {
    Alliance(AllianceId),
    Organization(OrganizationId),
}

impl Principal {
    pub fn user_id(&self) -> Option<UserId> {
        match self {
            Principal::User(u) => Some(u.user_id),
            _ => None,
        }
    }

    pub(in crate::policy) fn is_platform_admin(&self) -> bool {
        matches!(self, Principal::User(u) if u.is_platform_admin)
    }

    pub fn session_id(&self) -> Option<SessionId> {
        match self {
            Principal::User(u) => u.session_id,
            _ => None,
        }
    }

    pub fn is_anonymous(&self) -> bool {
        matches!(self, Principal::Anonymous)
    }

    /// The user's own row as read with the session, if it was and nothing since may have changed it.
    pub fn profile(&self) -> Option<&user::Model> {
        match self {
            Principal::User(u) => u.profile.as_deref(),
            _ => None,
        }
    }

    /// Drops the row read with the session: after a write in the same request it may be stale.
    pub fn forget_profile(&mut self) {
        if let Principal::User(u) = self {
            u.profile = None;
        }
    }

    pub fn token_id(&self) -> Option<IntegrationTokenId> {
        match self {
            Principal::Integration(t) => Some(t.token_id),
            _ => None,
        }
    }
}

/// Builders: how the credential loaders (and tests) state the facts.
impl UserPrincipal {
    pub fn new(user_id: UserId, session_id: Option<SessionId>, is_platform_admin: bool) -> Self {
        Self {
            user_id,
            session_id,
            is_platform_admin,
            ..Default::default()
        }
    }

    /// A current membership in `organization`.
    pub fn with_organization(
        mut self,
        organization: OrganizationId,
        standing: OrgStanding,
    ) -> Self {
        self.organizations.insert(organization, standing);
        self
    }

    /// `organization` (one of the user's) is a current member of `alliance`.
    pub fn with_alliance(mut self, alliance: AllianceId, organization: OrganizationId) -> Self {
        self.member_alliances
            .entry(alliance)
            .or_default()
            .insert(organization);
        self
    }

    pub fn with_grant(mut self, alliance: AllianceId, role: GrantedRole) -> Self {
        self.grants.insert((alliance, role));
        self
    }

    /// One of the organizations the user acts for leads `alliance` now.
    pub fn leading(mut self, alliance: AllianceId) -> Self {
        self.lead_alliances.insert(alliance);
        self
    }
}

impl IntegrationPrincipal {
    pub fn new(token_id: IntegrationTokenId, scopes: HashSet<Scope>, target: TokenTarget) -> Self {
        Self {
            token_id,
            scopes,
            target,
        }
    }
}
