//! List scopes: which rows of a list a principal may see, derived from the same facts as `can`, so a
//! list never shows a row that `can` would refuse. The domain turns them into SQL
//! (`kernel::scope`), so the filter runs before a page is cut.

use super::{Action, AllianceRole, Resource, alliance_roles, can};
use crate::kernel::ids::{AllianceId, OrganizationId, UserId};
use crate::kernel::vocab::Scope;
use crate::policy::principal::{Principal, TokenTarget};

/// Which alliances a principal may see in a list (their profile at least).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllianceScope {
    pub all: bool,
    pub ids: Vec<AllianceId>,
    pub public: bool,
}

impl AllianceScope {
    pub fn contains(&self, id: AllianceId, public: bool) -> bool {
        self.all || (self.public && public) || self.ids.contains(&id)
    }
}

pub fn readable_alliances(principal: &Principal) -> AllianceScope {
    match principal {
        Principal::Anonymous => AllianceScope {
            all: false,
            ids: Vec::new(),
            public: true,
        },
        Principal::User(user) if user.is_platform_admin => AllianceScope {
            all: true,
            ..Default::default()
        },
        Principal::User(user) => {
            let mut ids: Vec<AllianceId> = user.member_alliances.keys().copied().collect();
            ids.extend(user.grants.iter().map(|(alliance, _)| *alliance));
            ids.extend(user.lead_alliances.iter().copied());
            ids.sort();
            ids.dedup();
            AllianceScope {
                all: false,
                ids,
                public: true,
            }
        }
        Principal::Integration(token) => match token.target {
            TokenTarget::Alliance(id) if token.scopes.contains(&Scope::ReadAlliance) => {
                AllianceScope {
                    all: false,
                    ids: vec![id],
                    public: false,
                }
            }
            _ => AllianceScope::default(),
        },
    }
}

/// Which organizations a principal may see in a list: their own, and those of alliances they may read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganizationScope {
    pub all: bool,
    pub ids: Vec<OrganizationId>,
    /// Organizations currently in one of these alliances are visible too.
    pub via_alliances: AllianceScope,
}

pub fn readable_organizations(principal: &Principal) -> OrganizationScope {
    match principal {
        Principal::User(user) if user.is_platform_admin => OrganizationScope {
            all: true,
            ..Default::default()
        },
        Principal::User(user) => OrganizationScope {
            all: false,
            ids: user.organizations.keys().copied().collect(),
            via_alliances: readable_alliances(principal),
        },
        Principal::Anonymous => OrganizationScope {
            via_alliances: readable_alliances(principal),
            ..Default::default()
        },
        Principal::Integration(token) => match token.target {
            TokenTarget::Organization(id) if token.scopes.contains(&Scope::ReadOrganization) => {
                OrganizationScope {
                    ids: vec![id],
                    ..Default::default()
                }
            }
            _ => OrganizationScope {
                via_alliances: readable_alliances(principal),
                ..Default::default()
            },
        },
    }
}

/// Alliances whose meetings a principal may see (internal content: never "public").
pub fn meeting_alliances(principal: &Principal) -> AllianceScope {
    match principal {
        Principal::Integration(token) => match token.target {
            TokenTarget::Alliance(id) if token.scopes.contains(&Scope::ReadMeetings) => {
                AllianceScope {
                    all: false,
                    ids: vec![id],
                    public: false,
                }
            }
            _ => AllianceScope::default(),
        },
        _ => AllianceScope {
            public: false,
            ..readable_alliances(principal)
        },
    }
}

/// Alliances whose activities a principal may see (internal content: never "public"; the public
/// news feed reads published activities of public alliances on its own terms).
pub fn activity_alliances(principal: &Principal) -> AllianceScope {
    match principal {
        Principal::Integration(token) => match token.target {
            TokenTarget::Alliance(id) if token.scopes.contains(&Scope::ReadActivities) => {
                AllianceScope {
                    all: false,
                    ids: vec![id],
                    public: false,
                }
            }
            _ => AllianceScope::default(),
        },
        _ => AllianceScope {
            public: false,
            ..readable_alliances(principal)
        },
    }
}

/// Organizations whose people (members and their names) the principal may read: their own
/// organizations, and the member organizations of alliances where they hold a role. Public
/// visibility never extends to people.
pub fn people_organizations(principal: &Principal) -> OrganizationScope {
    match principal {
        Principal::User(user) if user.is_platform_admin => OrganizationScope {
            all: true,
            ..Default::default()
        },
        Principal::User(user) => OrganizationScope {
            all: false,
            ids: user.organizations.keys().copied().collect(),
            via_alliances: AllianceScope {
                public: false,
                ..readable_alliances(principal)
            },
        },
        Principal::Integration(token) => match token.target {
            TokenTarget::Organization(id) if token.scopes.contains(&Scope::ReadMembers) => {
                OrganizationScope {
                    ids: vec![id],
                    ..Default::default()
                }
            }
            _ => OrganizationScope::default(),
        },
        Principal::Anonymous => OrganizationScope::default(),
    }
}

/// Who the principal is, for "is this me" decisions: their own user id, if a user.
pub fn own_user(principal: &Principal) -> Option<UserId> {
    match principal {
        Principal::User(user) => Some(user.user_id),
        _ => None,
    }
}

/// Whether the principal may see every person (platform admins).
pub fn sees_everyone(principal: &Principal) -> bool {
    matches!(principal, Principal::User(user) if user.is_platform_admin)
}

/// The contact details (e-mail, phone) of `user`, who belongs to `organizations` now, are for the
/// person, platform admins, and the admins and secretaries of one of those organizations.
pub fn may_see_contact(
    principal: &Principal,
    user: UserId,
    organizations: &[OrganizationId],
) -> bool {
    match principal {
        Principal::User(me) => {
            me.is_platform_admin
                || me.user_id == user
                || organizations.iter().any(|org| {
                    me.organizations
                        .get(org)
                        .is_some_and(|standing| standing.acts_for_org())
                })
        }
        _ => false,
    }
}

/// Organizations the principal acts for (admin or secretary): their action items are "mine".
pub fn acting_organizations(principal: &Principal) -> Vec<OrganizationId> {
    let Principal::User(user) = principal else {
        return Vec::new();
    };
    let mut orgs: Vec<OrganizationId> = user
        .organizations
        .iter()
        .filter(|(_, standing)| standing.acts_for_org())
        .map(|(org, _)| *org)
        .collect();
    orgs.sort();
    orgs
}

/// The organization the principal acts for in `alliance` (the first by id), e.g. "proposed by".
pub fn acting_organization_in(
    principal: &Principal,
    alliance: AllianceId,
) -> Option<OrganizationId> {
    let acting = acting_organizations(principal);
    member_organizations_in(principal, alliance)
        .into_iter()
        .find(|org| acting.contains(org))
}

/// The principal's own member organizations in `alliance`, by id (e.g. for a first invitation).
pub fn member_organizations_in(principal: &Principal, alliance: AllianceId) -> Vec<OrganizationId> {
    let Principal::User(user) = principal else {
        return Vec::new();
    };
    let mut orgs: Vec<OrganizationId> = user
        .member_alliances
        .get(&alliance)
        .map(|orgs| orgs.iter().copied().collect())
        .unwrap_or_default();
    orgs.sort();
    orgs
}

/// Integration tokens a user may list: all for platform admins; otherwise the ones they created,
/// those of alliances they administer and those of organizations they act for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenScope {
    pub all: bool,
    pub creator: Option<UserId>,
    pub alliances: Vec<AllianceId>,
    pub organizations: Vec<OrganizationId>,
}

/// `None`: the principal may list no tokens at all (anonymous visitors and integrations).
pub fn readable_tokens(principal: &Principal) -> Option<TokenScope> {
    let Principal::User(user) = principal else {
        return None;
    };
    if user.is_platform_admin {
        return Some(TokenScope {
            all: true,
            ..Default::default()
        });
    }
    let mut alliances: Vec<AllianceId> = user
        .grants
        .iter()
        .map(|(alliance, _)| *alliance)
        .filter(|alliance| {
            alliance_roles(principal, *alliance).contains(&AllianceRole::AllianceAdmin)
        })
        .collect();
    alliances.sort();
    alliances.dedup();
    Some(TokenScope {
        all: false,
        creator: Some(user.user_id),
        alliances,
        organizations: acting_organizations(principal),
    })
}

/// Alliances whose internal content (working rules, attendance, handover reports) a principal may
/// read: never opened by public visibility.
pub fn internal_alliances(principal: &Principal) -> AllianceScope {
    AllianceScope {
        public: false,
        ..readable_alliances(principal)
    }
}

/// The principal's own user id, for what only a person has (notifications, calendar feeds, own
/// action items, a password): anonymous callers are told to sign in, integrations that they may not.
pub fn require_user(principal: &Principal) -> Result<UserId, crate::kernel::error::Error> {
    match principal {
        Principal::User(user) => Ok(user.user_id),
        Principal::Anonymous => Err(crate::kernel::error::Error::Unauthenticated(
            "sign in first",
        )),
        Principal::Integration(_) => Err(crate::kernel::error::Error::Forbidden),
    }
}

/// Whose audit entries a principal may read: every entry (platform admins), or only the entries
/// concerning the alliances listed (their secretariat). An empty, non-`all` scope reads nothing.
pub fn audit_alliances(principal: &Principal) -> AllianceScope {
    if can(principal, Action::ReadAuditLog, Resource::Platform) {
        return AllianceScope {
            all: true,
            ..Default::default()
        };
    }
    let Principal::User(user) = principal else {
        return AllianceScope::default();
    };
    let mut ids: Vec<AllianceId> = user
        .grants
        .iter()
        .map(|(alliance, _)| *alliance)
        .filter(|alliance| {
            can(
                principal,
                Action::ReadAllianceAuditLog,
                Resource::Alliance {
                    id: *alliance,
                    public: false,
                },
            )
        })
        .collect();
    ids.sort();
    ids.dedup();
    AllianceScope {
        all: false,
        ids,
        public: false,
    }
}

/// Who reads shared resources and their bookings: the alliances whose people (and tokens with
/// `read:resources` on them) see what is offered to them, and the owner organizations whose people
/// (and tokens with `read:resources` on them) see their own resources. Public visibility never opens
/// them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResourceScope {
    pub all: bool,
    pub alliances: Vec<AllianceId>,
    pub owners: Vec<OrganizationId>,
}

impl ResourceScope {
    /// A resource of `owner` offered to `alliances`.
    pub fn contains_resource(&self, owner: OrganizationId, alliances: &[AllianceId]) -> bool {
        self.all
            || self.owners.contains(&owner)
            || alliances.iter().any(|a| self.alliances.contains(a))
    }

    /// A booking made in `alliance` of a resource of `owner`.
    pub fn contains_booking(&self, owner: OrganizationId, alliance: AllianceId) -> bool {
        self.all || self.owners.contains(&owner) || self.alliances.contains(&alliance)
    }
}

pub fn resource_readers(principal: &Principal) -> ResourceScope {
    match principal {
        Principal::Anonymous => ResourceScope::default(),
        Principal::User(user) if user.is_platform_admin => ResourceScope {
            all: true,
            ..Default::default()
        },
        Principal::User(user) => {
            let mut owners: Vec<OrganizationId> = user.organizations.keys().copied().collect();
            owners.sort();
            ResourceScope {
                all: false,
                alliances: internal_alliances(principal).ids,
                owners,
            }
        }
        Principal::Integration(token) if token.scopes.contains(&Scope::ReadResources) => {
            match token.target {
                TokenTarget::Alliance(id) => ResourceScope {
                    alliances: vec![id],
                    ..Default::default()
                },
                TokenTarget::Organization(id) => ResourceScope {
                    owners: vec![id],
                    ..Default::default()
                },
            }
        }
        Principal::Integration(_) => ResourceScope::default(),
    }
}

/// Alliances whose agreements and commitments a principal may read (internal content: never
/// "public"); tokens need `read:agreements` on the alliance.
pub fn agreement_alliances(principal: &Principal) -> AllianceScope {
    scoped_internal(principal, Scope::ReadAgreements)
}

/// Alliances whose document library a principal may read (internal content: never "public");
/// tokens need `read:documents` on the alliance.
pub fn document_alliances(principal: &Principal) -> AllianceScope {
    scoped_internal(principal, Scope::ReadDocuments)
}

fn scoped_internal(principal: &Principal, scope: Scope) -> AllianceScope {
    match principal {
        Principal::Integration(token) => match token.target {
            TokenTarget::Alliance(id) if token.scopes.contains(&scope) => AllianceScope {
                all: false,
                ids: vec![id],
                public: false,
            },
            _ => AllianceScope::default(),
        },
        _ => internal_alliances(principal),
    }
}

/// Every organization the principal belongs to now, by id: their agenda proposals are "mine".
pub fn own_organizations(principal: &Principal) -> Vec<OrganizationId> {
    let Principal::User(user) = principal else {
        return Vec::new();
    };
    let mut orgs: Vec<OrganizationId> = user.organizations.keys().copied().collect();
    orgs.sort();
    orgs
}
