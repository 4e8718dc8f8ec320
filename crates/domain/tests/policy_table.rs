//! The authorization table of DESIGN.md §2: every role against every action.

use alliance_domain::kernel::ids::{AllianceId, IntegrationTokenId, OrganizationId, UserId};
use alliance_domain::kernel::vocab::{GrantedRole, Position, Scope};
use alliance_domain::policy::principal::{
    IntegrationPrincipal, OrgStanding, Principal, TokenTarget, UserPrincipal,
};
use alliance_domain::policy::{
    Action, Resource, can, people_organizations, readable_alliances, readable_organizations,
};
use std::collections::HashSet;

struct World {
    a: AllianceId,
    /// The organization of the member and the org admin.
    x: OrganizationId,
    /// The organization that leads now (the lead convener is its secretary).
    y: OrganizationId,
}

fn world() -> World {
    World {
        a: AllianceId::new(),
        x: OrganizationId::new(),
        y: OrganizationId::new(),
    }
}

fn user(build: impl FnOnce(UserPrincipal) -> UserPrincipal) -> Principal {
    Principal::User(build(UserPrincipal::new(UserId::new(), None, false)))
}

fn in_org(
    p: UserPrincipal,
    org: OrganizationId,
    alliance: AllianceId,
    position: Position,
    is_admin: bool,
) -> UserPrincipal {
    p.with_organization(org, OrgStanding { position, is_admin })
        .with_alliance(alliance, org)
}

/// The principals, in the column order of the tables below.
fn principals(w: &World) -> Vec<(&'static str, Principal)> {
    let y = w.y;
    let (b, z) = (AllianceId::new(), OrganizationId::new());
    let (a, x) = (w.a, w.x);
    vec![
        ("anonymous", Principal::Anonymous),
        ("member", user(|p| in_org(p, x, a, Position::Member, false))),
        (
            "org admin",
            user(|p| in_org(p, x, a, Position::Member, true)),
        ),
        (
            "alliance admin",
            user(|p| p.with_grant(a, GrantedRole::AllianceAdmin)),
        ),
        (
            "supervisor",
            user(|p| p.with_grant(a, GrantedRole::Supervisor)),
        ),
        (
            "lead convener",
            user(|p| in_org(p, y, a, Position::Secretary, false).leading(a)),
        ),
        (
            "platform admin",
            Principal::User(UserPrincipal::new(UserId::new(), None, true)),
        ),
        (
            "token",
            Principal::Integration(IntegrationPrincipal::new(
                IntegrationTokenId::new(),
                HashSet::from([
                    Scope::ReadAlliance,
                    Scope::ReadMeetings,
                    Scope::WriteActivities,
                ]),
                TokenTarget::Alliance(a),
            )),
        ),
        (
            "outsider",
            user(|p| in_org(p, z, b, Position::Secretary, true)),
        ),
    ]
}

/// Columns: anonymous, member, org admin, alliance admin, supervisor, lead convener, platform admin,
/// token (read:alliance, read:meetings, write:activities on the alliance), member of another alliance.
const TABLE: &[(Action, &str)] = &[
    (Action::CreateOrganization, "N N N N N N Y N N"),
    (Action::CreateAlliance, "N N N N N N Y N N"),
    (Action::GrantAllianceRole, "N N N N N N Y N N"),
    (Action::ManageUsers, "N N N N N N Y N N"),
    (Action::ReadAuditLog, "N N N N N N Y N N"),
    (Action::ReadBackgroundJobs, "N N N N N N Y N N"),
    (Action::RetryBackgroundJob, "N N N N N N Y N N"),
    (Action::ReadAllianceProfile, "N Y Y Y Y Y Y Y N"),
    (Action::ReadAllianceInternal, "N Y Y Y Y Y Y Y N"),
    (Action::UpdateAlliance, "N N N Y N N Y N N"),
    (Action::ManageAllianceMembers, "N N N Y N N Y N N"),
    (Action::ManageRotation, "N N N Y N N Y N N"),
    (Action::ManageDocuments, "N N N Y N N Y N N"),
    (Action::ManageAllianceTokens, "N N N Y N N Y N N"),
    (Action::ReadRoleGrants, "N N N Y N N Y N N"),
    (Action::ReadAllianceAuditLog, "N N N Y N N Y N N"),
    (Action::ScheduleMeeting, "N N N Y N Y Y N N"),
    (Action::ManageAgenda, "N N N Y N Y Y N N"),
    (Action::TakeAttendance, "N N N Y N Y Y N N"),
    (Action::RecordMinutes, "N N N Y N Y Y N N"),
    (Action::ReadDraftMinutes, "N N N Y Y Y Y N N"),
    (Action::ApproveMinutes, "N N N Y Y N Y N N"),
    (Action::Comment, "N N N Y Y N Y N N"),
    (Action::ProposeAgendaItem, "N N Y Y N Y Y N N"),
    (Action::ReadMeetings, "N Y Y Y Y Y Y Y N"),
    (Action::Rsvp, "N Y Y Y Y Y Y N N"),
    (Action::CheckIn, "N Y Y Y Y Y Y N N"),
    (Action::CreateActivity, "N N Y Y N Y Y Y N"),
    (Action::ReadActivities, "N Y Y Y Y Y Y N N"),
    (Action::JoinActivity, "N Y Y Y Y Y Y N N"),
    (Action::AddActivityPhoto, "N Y Y Y N Y Y N N"),
    (Action::OfferResource, "N N Y N N Y Y N N"),
    (Action::ReadOrganization, "N Y Y Y Y Y Y Y N"),
    (Action::ReadOrganizationMembers, "N Y Y Y Y Y Y N N"),
    (Action::UpdateOrganization, "N N Y N N N Y N N"),
    (Action::InviteMember, "N N Y N N N Y N N"),
    (Action::ManageOrganizationMembers, "N N Y N N N Y N N"),
    (Action::ManageOrganizationTokens, "N N Y N N N Y N N"),
    (Action::UpdateOwnActionItem, "N N Y N N N Y N N"),
    (Action::SubmitHandoverReport, "N N N Y N Y Y N N"),
    (Action::UpdateActionItem, "N N Y Y N Y Y N N"),
    (Action::ManageActivity, "N N Y Y N N Y N N"),
];

fn resource_for<'a>(
    action: Action,
    w: &'a World,
    alliances: &'a [(AllianceId, bool)],
    public: bool,
) -> Resource<'a> {
    use Action::*;
    match action {
        CreateOrganization | CreateAlliance | GrantAllianceRole | ManageUsers | ReadAuditLog
        | ReadBackgroundJobs | RetryBackgroundJob => Resource::Platform,
        ReadOrganization
        | ReadOrganizationMembers
        | UpdateOrganization
        | InviteMember
        | ManageOrganizationMembers
        | ManageOrganizationTokens
        | UpdateOwnActionItem => Resource::Organization { id: w.x, alliances },
        // The current lead term, led by the lead convener's organization.
        SubmitHandoverReport => Resource::LeadTerm {
            alliance: w.a,
            public,
            organization: w.y,
        },
        // An action item assigned to the member's organization.
        UpdateActionItem => Resource::ActionItem {
            alliance: w.a,
            public,
            organization: w.x,
            user: None,
        },
        // An activity hosted by the member's organization.
        ManageActivity => Resource::Activity {
            alliance: w.a,
            public,
            organizers: std::slice::from_ref(&w.x),
        },
        _ => Resource::Alliance { id: w.a, public },
    }
}

#[test]
fn every_role_against_every_action_on_a_members_only_alliance() {
    let w = world();
    let principals = principals(&w);
    let alliances = [(w.a, false)];
    // `Action::ALL` is generated with the enum: a new action without a row fails here.
    for action in Action::ALL {
        assert!(
            TABLE.iter().any(|(a, _)| a == action),
            "{action:?} has no row in the table"
        );
    }
    assert_eq!(
        TABLE.len(),
        Action::ALL.len(),
        "every action has exactly one row"
    );
    let mut failures = Vec::new();
    for (action, row) in TABLE {
        let expected: Vec<bool> = row.split(' ').map(|c| c == "Y").collect();
        assert_eq!(expected.len(), principals.len(), "{action:?}");
        for ((name, principal), want) in principals.iter().zip(expected) {
            let got = can(
                principal,
                *action,
                resource_for(*action, &w, &alliances, false),
            );
            if got != want {
                failures.push(format!("{name} × {action:?}: expected {want}, got {got}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "policy table mismatches:\n{}",
        failures.join("\n")
    );
}

#[test]
fn a_public_alliance_shows_its_profile_to_everyone_and_nothing_more() {
    let w = world();
    let alliances = [(w.a, true)];
    for (name, principal) in principals(&w) {
        let profile = can(
            &principal,
            Action::ReadAllianceProfile,
            Resource::Alliance {
                id: w.a,
                public: true,
            },
        );
        // Tokens see exactly their target, public or not; everyone else sees a public profile.
        assert!(profile, "{name}");
        let org = can(
            &principal,
            Action::ReadOrganization,
            Resource::Organization {
                id: w.x,
                alliances: &alliances,
            },
        );
        assert!(org, "{name} reads the public member organization");
    }
    let anonymous = Principal::Anonymous;
    for action in [
        Action::ReadAllianceInternal,
        Action::ReadMeetings,
        Action::Rsvp,
    ] {
        assert!(
            !can(
                &anonymous,
                action,
                Resource::Alliance {
                    id: w.a,
                    public: true
                }
            ),
            "{action:?}"
        );
    }
    assert!(!can(
        &anonymous,
        Action::ReadOrganizationMembers,
        Resource::Organization {
            id: w.x,
            alliances: &alliances
        }
    ));
}

#[test]
fn list_scopes_agree_with_single_decisions() {
    let w = world();
    let other = AllianceId::new();
    for (name, principal) in principals(&w) {
        let scope = readable_alliances(&principal);
        for (id, public) in [(w.a, false), (w.a, true), (other, false), (other, true)] {
            assert_eq!(
                scope.contains(id, public),
                can(
                    &principal,
                    Action::ReadAllianceProfile,
                    Resource::Alliance { id, public }
                ),
                "{name}: alliance {id} public={public}"
            );
        }
        let orgs = readable_organizations(&principal);
        let alliances = [(w.a, false)];
        let listed = orgs.all || orgs.ids.contains(&w.x) || orgs.via_alliances.contains(w.a, false);
        assert_eq!(
            listed,
            can(
                &principal,
                Action::ReadOrganization,
                Resource::Organization {
                    id: w.x,
                    alliances: &alliances
                }
            ),
            "{name}: organization"
        );
        let people = people_organizations(&principal);
        let readable =
            people.all || people.ids.contains(&w.x) || people.via_alliances.contains(w.a, false);
        assert_eq!(
            readable,
            can(
                &principal,
                Action::ReadOrganizationMembers,
                Resource::Organization {
                    id: w.x,
                    alliances: &alliances
                }
            ),
            "{name}: people of the organization"
        );
    }
}

#[test]
fn lead_convener_rights_exist_only_while_the_organization_leads() {
    let w = world();
    let p = in_org(
        UserPrincipal::new(UserId::new(), None, false),
        w.x,
        w.a,
        Position::Secretary,
        false,
    );
    let not_leading = Principal::User(p.clone());
    let leading = Principal::User(p.leading(w.a));
    let meeting = Resource::Alliance {
        id: w.a,
        public: false,
    };
    assert!(can(&leading, Action::ScheduleMeeting, meeting));
    assert!(!can(&not_leading, Action::ScheduleMeeting, meeting));
}

#[test]
fn audit_scope_agrees_with_single_decisions() {
    use alliance_domain::policy::audit_alliances;
    let w = world();
    for (name, principal) in principals(&w) {
        let scope = audit_alliances(&principal);
        let platform = can(&principal, Action::ReadAuditLog, Resource::Platform);
        let alliance = can(
            &principal,
            Action::ReadAllianceAuditLog,
            Resource::Alliance {
                id: w.a,
                public: false,
            },
        );
        assert_eq!(scope.all, platform, "{name}: all");
        assert_eq!(scope.contains(w.a, false), alliance, "{name}: alliance");
        assert!(
            !scope.public,
            "{name}: an audit scope never opens public alliances"
        );
    }
}

#[test]
fn activities_are_read_with_the_scope_and_managed_by_their_organizers() {
    use alliance_domain::policy::activity_alliances;
    let w = world();
    let token = |scopes: &[Scope]| {
        Principal::Integration(IntegrationPrincipal::new(
            IntegrationTokenId::new(),
            scopes.iter().copied().collect(),
            TokenTarget::Alliance(w.a),
        ))
    };
    let alliance = Resource::Alliance {
        id: w.a,
        public: true,
    };
    assert!(can(
        &token(&[Scope::ReadActivities]),
        Action::ReadActivities,
        alliance
    ));
    assert!(!can(
        &token(&[Scope::ReadAlliance, Scope::WriteActivities]),
        Action::ReadActivities,
        alliance
    ));
    assert!(activity_alliances(&token(&[Scope::ReadActivities])).contains(w.a, false));
    assert!(!activity_alliances(&token(&[Scope::ReadMeetings])).contains(w.a, false));
    assert!(!activity_alliances(&Principal::Anonymous).contains(w.a, true));
    // The lead convener's organization co-organizes: its secretary manages the activity.
    let lead = user(|p| in_org(p, w.y, w.a, Position::Secretary, false).leading(w.a));
    let organizers = [w.x, w.y];
    let activity = Resource::Activity {
        alliance: w.a,
        public: false,
        organizers: &organizers,
    };
    assert!(can(&lead, Action::ManageActivity, activity));
    // A member (not admin) of an organizer does not.
    let member = user(|p| in_org(p, w.x, w.a, Position::Member, false));
    assert!(!can(&member, Action::ManageActivity, activity));
    // Another action on an activity resource is never granted by it.
    let admin = user(|p| in_org(p, w.x, w.a, Position::Member, true));
    assert!(!can(&admin, Action::UpdateAlliance, activity));
}
