//! The authorization table of DESIGN.md §2: every role against every action.

use alliance_domain::kernel::ids::{AllianceId, IntegrationTokenId, OrganizationId, UserId};
use alliance_domain::kernel::vocab::{GrantedRole, Position, Scope};
use alliance_domain::policy::principal::{
    IntegrationPrincipal, OrgStanding, Principal, TokenTarget, UserPrincipal,
};
use alliance_domain::policy::{
    Action, MediaOwnerKind, Resource, can, people_organizations, readable_alliances,
    readable_organizations,
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
    // On the media of a members-only activity none of them organizes or took part in (the token
    // has write:activities but not read:activities).
    (Action::AttachAgreementFile, "N N N Y N N Y N N"),
    (Action::ReadMedia, "N Y Y Y Y Y Y N N"),
    (Action::EditMedia, "N N N Y N Y Y Y N"),
    // For the member's own organization x in the alliance (the lead convener acts for y, not x).
    (Action::OfferResource, "N N Y N N N Y N N"),
    (Action::RequestResourceBooking, "N N Y N N N Y N N"),
    // A resource owned by y offered to the alliance: its people read it, tokens need read:resources.
    (Action::ReadSharedResource, "N Y Y Y Y Y Y N N"),
    (Action::ManageSharedResource, "N N N N N Y Y N N"),
    // A booking by x of a resource owned by y, in the alliance.
    (Action::DecideResourceBooking, "N N N N N Y Y N N"),
    (Action::MarkResourceBookingUsed, "N N N N N Y Y N N"),
    (Action::CancelResourceBooking, "N N Y Y N N Y N N"),
    (Action::ReadAgreements, "N Y Y Y Y Y Y N N"),
    (Action::ManageAgreements, "N N N Y N N Y N N"),
    (Action::ReadDocuments, "N Y Y Y Y Y Y N N"),
    (Action::DraftAgreement, "N N Y Y N N Y N N"),
    (Action::SignAgreement, "N N Y N N N Y N N"),
    (Action::UpdateCommitment, "N N Y Y N N Y N N"),
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
    // A proposal of the member's organization x: only x's admins and secretary.
    (Action::UpdateAgendaProposal, "N N Y N N N Y N N"),
    (Action::WithdrawAgendaProposal, "N N Y N N N Y N N"),
    // The lead convener is y's secretary; the outsider is z's secretary and admin.
    (Action::ManageSomeIntegrationTokens, "N N Y Y N Y Y N Y"),
    (Action::ReadSomeAuditLog, "N N N Y N N Y N N"),
    // On the principal's own account (tokens and anonymous callers have none).
    (Action::UpdateOwnAccount, "N Y Y Y Y Y Y N Y"),
];

fn resource_for<'a>(
    action: Action,
    w: &'a World,
    alliances: &'a [(AllianceId, bool)],
    public: bool,
) -> Resource<'a> {
    use Action::*;
    match action {
        CreateOrganization
        | CreateAlliance
        | GrantAllianceRole
        | ManageUsers
        | ReadAuditLog
        | ReadBackgroundJobs
        | RetryBackgroundJob
        | ManageSomeIntegrationTokens
        | ReadSomeAuditLog => Resource::Platform,
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
        // The member's organization as a party of an agreement (or owner of a commitment).
        DraftAgreement
        | SignAgreement
        | UpdateCommitment
        | UpdateAgendaProposal
        | WithdrawAgendaProposal => Resource::PartyOrganization {
            alliance: w.a,
            public,
            organization: w.x,
        },
        // An action item assigned to the member's organization.
        UpdateActionItem => Resource::ActionItem {
            alliance: w.a,
            public,
            organization: w.x,
            user: None,
        },
        AttachAgreementFile | ReadMedia | EditMedia => Resource::Media {
            alliance: w.a,
            owner: if action == AttachAgreementFile {
                MediaOwnerKind::Agreement
            } else {
                MediaOwnerKind::Activity
            },
            public_news: false,
            organizers: &[],
            took_part: false,
            uploader: None,
        },
        OfferResource | RequestResourceBooking => Resource::ActingOrganization {
            alliance: w.a,
            organization: w.x,
        },
        ReadSharedResource | ManageSharedResource => Resource::SharedResource {
            owner: w.y,
            alliances: std::slice::from_ref(&w.a),
        },
        DecideResourceBooking | MarkResourceBookingUsed | CancelResourceBooking => {
            Resource::ResourceBooking {
                alliance: w.a,
                owner: w.y,
                requester: w.x,
            }
        }
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
fn resource_tokens_read_exactly_with_their_scope() {
    use alliance_domain::policy::resource_readers;
    let w = world();
    let token = |scopes: &[Scope], target| {
        Principal::Integration(IntegrationPrincipal::new(
            IntegrationTokenId::new(),
            scopes.iter().copied().collect(),
            target,
        ))
    };
    let shared = Resource::SharedResource {
        owner: w.y,
        alliances: std::slice::from_ref(&w.a),
    };
    let with_scope = token(&[Scope::ReadResources], TokenTarget::Alliance(w.a));
    let without = token(
        &[Scope::ReadAlliance, Scope::ReadMeetings],
        TokenTarget::Alliance(w.a),
    );
    let elsewhere = token(
        &[Scope::ReadResources],
        TokenTarget::Alliance(AllianceId::new()),
    );
    let owner = token(&[Scope::ReadResources], TokenTarget::Organization(w.y));
    assert!(can(&with_scope, Action::ReadSharedResource, shared));
    assert!(!can(&without, Action::ReadSharedResource, shared));
    assert!(!can(&elsewhere, Action::ReadSharedResource, shared));
    assert!(can(&owner, Action::ReadSharedResource, shared));
    for action in [
        Action::ManageSharedResource,
        Action::DecideResourceBooking,
        Action::CancelResourceBooking,
    ] {
        assert!(!can(&with_scope, action, shared), "{action:?}");
    }
    // The list scope agrees with the single decision for every principal.
    for (name, principal) in principals(&w) {
        let scope = resource_readers(&principal);
        assert_eq!(
            scope.contains_resource(w.y, &[w.a]),
            can(&principal, Action::ReadSharedResource, shared),
            "{name}"
        );
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
            let own = alliance_domain::policy::own_user(principal).unwrap_or_default();
            let resource = match action {
                Action::UpdateOwnAccount => Resource::Account { user: own },
                _ => resource_for(*action, &w, &alliances, false),
            };
            let got = can(principal, *action, resource);
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

/// Media of an activity: who adds photos (organizers, participants), who edits them (the
/// uploader too), public news for everyone, tokens by scope.
#[test]
fn media_decisions_follow_the_owner() {
    let w = world();
    let principals = principals(&w);
    let by = |name: &str| {
        principals
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1
            .clone()
    };
    let member_id = UserId::new();
    let member = Principal::User(in_org(
        UserPrincipal::new(member_id, None, false),
        w.x,
        w.a,
        Position::Member,
        false,
    ));
    let organizers = [w.x];
    let media = |organizers: &'static [OrganizationId],
                 took_part: bool,
                 public_news: bool,
                 uploader: Option<UserId>| Resource::Media {
        alliance: w.a,
        owner: MediaOwnerKind::Activity,
        public_news,
        organizers,
        took_part,
        uploader,
    };
    let organizers: &'static [OrganizationId] = Box::leak(Box::new(organizers));
    // A member adds photos only to an activity they took part in.
    assert!(!can(
        &member,
        Action::AddActivityPhoto,
        media(&[], false, false, None)
    ));
    assert!(can(
        &member,
        Action::AddActivityPhoto,
        media(&[], true, false, None)
    ));
    // The org admin adds and edits when their organization organizes it.
    let org_admin = by("org admin");
    assert!(!can(
        &org_admin,
        Action::AddActivityPhoto,
        media(&[], false, false, None)
    ));
    assert!(can(
        &org_admin,
        Action::AddActivityPhoto,
        media(organizers, false, false, None)
    ));
    assert!(can(
        &org_admin,
        Action::EditMedia,
        media(organizers, false, false, None)
    ));
    // The uploader edits their own photo, nobody else's.
    assert!(can(
        &member,
        Action::EditMedia,
        media(&[], true, false, Some(member_id))
    ));
    assert!(!can(
        &member,
        Action::EditMedia,
        media(&[], true, false, Some(UserId::new()))
    ));
    // Public news: everyone reads; nothing more.
    for (name, p) in &principals {
        assert!(
            can(p, Action::ReadMedia, media(&[], false, true, None)),
            "{name}"
        );
    }
    assert!(!can(
        &Principal::Anonymous,
        Action::EditMedia,
        media(&[], false, true, None)
    ));
    assert!(!can(
        &by("outsider"),
        Action::AddActivityPhoto,
        media(&[], true, true, None)
    ));
    // Tokens: by scope, on their own alliance only.
    let token = |scopes: &[Scope], target: AllianceId| {
        Principal::Integration(IntegrationPrincipal::new(
            IntegrationTokenId::new(),
            scopes.iter().copied().collect(),
            TokenTarget::Alliance(target),
        ))
    };
    assert!(can(
        &token(&[Scope::ReadActivities], w.a),
        Action::ReadMedia,
        media(&[], false, false, None)
    ));
    assert!(!can(
        &token(&[Scope::ReadActivities], AllianceId::new()),
        Action::ReadMedia,
        media(&[], false, false, None)
    ));
    assert!(!can(
        &token(&[Scope::ReadAlliance], w.a),
        Action::ReadMedia,
        media(&[], false, false, None)
    ));
    let agreement = Resource::Media {
        alliance: w.a,
        owner: MediaOwnerKind::Agreement,
        public_news: false,
        organizers: &[],
        took_part: false,
        uploader: None,
    };
    assert!(!can(
        &token(&[Scope::ReadActivities], w.a),
        Action::ReadMedia,
        agreement
    ));
    assert!(can(
        &token(&[Scope::ReadAgreements], w.a),
        Action::ReadMedia,
        agreement
    ));
    // Agreement scans and document files: the secretariat only.
    assert!(can(
        &by("alliance admin"),
        Action::AttachAgreementFile,
        agreement
    ));
    assert!(!can(
        &by("lead convener"),
        Action::AttachAgreementFile,
        agreement
    ));
    assert!(!can(
        &by("alliance admin"),
        Action::AddActivityPhoto,
        agreement
    ));
}

#[test]
fn media_scopes_agree_with_single_decisions() {
    use alliance_domain::policy::media_alliances;
    let w = world();
    for (name, principal) in principals(&w) {
        for owner in [
            MediaOwnerKind::Activity,
            MediaOwnerKind::Agreement,
            MediaOwnerKind::DocumentVersion,
        ] {
            let scope = media_alliances(&principal, owner);
            let single = can(
                &principal,
                Action::ReadMedia,
                Resource::Media {
                    alliance: w.a,
                    owner,
                    public_news: false,
                    organizers: &[],
                    took_part: false,
                    uploader: None,
                },
            );
            assert_eq!(scope.contains(w.a, false), single, "{name} {owner:?}");
            assert!(
                !scope.public,
                "{name}: media scopes never open public alliances"
            );
        }
    }
}

#[test]
fn agreement_and_document_scopes_agree_with_single_decisions() {
    use alliance_domain::policy::{agreement_alliances, document_alliances};
    let w = world();
    for (name, principal) in principals(&w) {
        for (scope, action) in [
            (agreement_alliances(&principal), Action::ReadAgreements),
            (document_alliances(&principal), Action::ReadDocuments),
        ] {
            let single = can(
                &principal,
                action,
                Resource::Alliance {
                    id: w.a,
                    public: false,
                },
            );
            assert_eq!(scope.contains(w.a, false), single, "{name}: {action:?}");
            assert!(
                !scope.public,
                "{name}: {action:?} never opens public alliances"
            );
        }
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

#[test]
fn viewer_permissions_and_role_alliances_follow_the_table() {
    use alliance_domain::policy::{
        TokenTargetKind, role_alliances, scopes_for_target, viewer_permissions,
    };
    let w = world();
    for (name, principal) in principals(&w) {
        let p = viewer_permissions(&principal);
        let platform = |action| can(&principal, action, Resource::Platform);
        assert_eq!(p.manage_users, platform(Action::ManageUsers), "{name}");
        assert_eq!(
            p.manage_integration_tokens,
            platform(Action::ManageSomeIntegrationTokens),
            "{name}"
        );
        assert_eq!(
            p.read_audit_log,
            platform(Action::ReadAuditLog) || platform(Action::ReadSomeAuditLog),
            "{name}"
        );
        // Every role in the alliance lists it among the viewer's alliances; others do not.
        let holds_role = matches!(
            name,
            "member" | "org admin" | "alliance admin" | "supervisor" | "lead convener"
        );
        assert_eq!(
            role_alliances(&principal).contains(&w.a),
            holds_role,
            "{name}"
        );
    }
    let org = scopes_for_target(TokenTargetKind::Organization);
    assert_eq!(
        org,
        vec![
            Scope::ReadOrganization,
            Scope::ReadMembers,
            Scope::ReadResources
        ]
    );
    let alliance = scopes_for_target(TokenTargetKind::Alliance);
    assert!(alliance.contains(&Scope::ReadMeetings) && alliance.contains(&Scope::ReadResources));
    assert!(!alliance.contains(&Scope::ReadMembers));
}

#[test]
fn nobody_but_platform_admins_changes_another_persons_account() {
    let w = world();
    let someone_else = Resource::Account {
        user: UserId::new(),
    };
    for (name, principal) in principals(&w) {
        let got = can(&principal, Action::UpdateOwnAccount, someone_else);
        assert_eq!(got, name == "platform admin", "{name}");
    }
}
