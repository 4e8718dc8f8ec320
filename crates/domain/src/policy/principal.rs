//! Who is asking: loaded once per request, then handed to the policy with every decision.

use crate::kernel::ids::{AllianceId, IntegrationTokenId, OrganizationId, SessionId, UserId};
use crate::kernel::vocab::{GrantedRole, Position, Scope};
use std::collections::{HashMap, HashSet};

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
    pub user_id: UserId,
    pub session_id: Option<SessionId>,
    pub is_platform_admin: bool,
    /// Current organization memberships.
    pub organizations: HashMap<OrganizationId, OrgStanding>,
    /// Alliances that one of the user's current organizations belongs to now.
    pub member_alliances: HashMap<AllianceId, HashSet<OrganizationId>>,
    pub grants: HashSet<(AllianceId, GrantedRole)>,
    /// Alliances whose current lead unit is an organization the user is admin or secretary of.
    pub lead_alliances: HashSet<AllianceId>,
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
    pub token_id: IntegrationTokenId,
    pub scopes: HashSet<Scope>,
    pub target: TokenTarget,
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

    pub fn is_platform_admin(&self) -> bool {
        matches!(self, Principal::User(u) if u.is_platform_admin)
    }

    pub fn token_id(&self) -> Option<IntegrationTokenId> {
        match self {
            Principal::Integration(t) => Some(t.token_id),
            _ => None,
        }
    }
}
