//! Every authorization decision of Alliance: `can(principal, action, resource)`.
//!
//! The roles of DESIGN.md §2 are derived here from the principal's relations (loaded per request),
//! then each action names the roles that may take it. Lists are filtered with the `readable_*`
//! scopes below, which are derived from the same facts so that a list never shows a row that
//! `can` would refuse.

pub mod facts;
mod media;
pub mod principal;
mod scopes;
mod viewer;

pub use media::{MediaOwnerKind, media_alliances};
pub use scopes::*;
pub use viewer::{
    TokenTargetKind, ViewerPermissions, role_alliances, scopes_for_target, viewer_permissions,
};

use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId, UserId};
use crate::kernel::vocab::{GrantedRole, Scope};
use crate::policy::principal::{Principal, TokenTarget};

/// A role a principal holds in one alliance, as shown to the viewer (`Alliance.viewerRoles`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AllianceRole {
    /// A user of one of the alliance's current member organizations.
    Member,
    /// Admin or secretary of one of the alliance's current member organizations.
    OrganizationAdmin,
    AllianceAdmin,
    Supervisor,
    /// Admin or secretary of the organization that leads the alliance right now.
    LeadConvener,
}

/// Declares the actions once: the enum and `Action::ALL`, so the role × action table (and anything
/// else that walks every action) notices a new one without a second list to keep in step.
macro_rules! actions {
    ($($(#[$meta:meta])* $variant:ident,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action { $($(#[$meta])* $variant,)* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];
        }
    };
}

actions! {
    // Platform-wide.
    CreateOrganization,
    CreateAlliance,
    GrantAllianceRole,
    ManageUsers,
    ReadAuditLog,
    /// See the background jobs (pending, failed with their error, done).
    ReadBackgroundJobs,
    /// Put a failed background job back in the queue.
    RetryBackgroundJob,
    // On an alliance.
    ReadAllianceProfile,
    ReadAllianceInternal,
    UpdateAlliance,
    ManageAllianceMembers,
    ManageRotation,
    ManageDocuments,
    ManageAllianceTokens,
    /// See who holds which granted role in the alliance (`Alliance.roleGrants`).
    ReadRoleGrants,
    /// Read the audit entries that concern the alliance.
    ReadAllianceAuditLog,
    ScheduleMeeting,
    ManageAgenda,
    TakeAttendance,
    RecordMinutes,
    ReadDraftMinutes,
    ApproveMinutes,
    Comment,
    ProposeAgendaItem,
    ReadMeetings,
    Rsvp,
    CheckIn,
    CreateActivity,
    /// Read an alliance's activities (共建活动), their organizers, head-counts and totals.
    ReadActivities,
    /// Sign up for an activity, cancel the sign-up, check in with its code.
    JoinActivity,
    AddActivityPhoto,
    /// Offer a resource of one's own organization to an alliance it belongs to (on `ActingOrganization`).
    OfferResource,
    /// Attach a file (the signed scan) to an agreement.
    AttachAgreementFile,
    // On media (`Resource::Media`).
    /// See a photo or file and get a URL for its bytes.
    ReadMedia,
    /// Edit a photo's caption and taken-at time, delete it, reorder an owner's media, pick a cover.
    EditMedia,
    /// Request a booking of a shared resource for one's own member organization (on `ActingOrganization`).
    RequestResourceBooking,
    // On a shared resource.
    /// Read a shared resource and its bookings: people of an offered alliance and of the owner.
    ReadSharedResource,
    /// Edit or withdraw a shared resource: the owner organization's admins and secretary.
    ManageSharedResource,
    // On a resource booking.
    /// Approve or decline a booking: the owner organization's admins and secretary.
    DecideResourceBooking,
    /// Record that a booking was used, with what was given: the owner organization's admins.
    MarkResourceBookingUsed,
    /// Cancel a booking: the requesting organization's admins, or the alliance's secretariat.
    CancelResourceBooking,
    /// Read the alliance's co-construction agreements and commitments.
    ReadAgreements,
    /// Create, edit, terminate and renew the alliance's agreements (the secretariat).
    ManageAgreements,
    /// Read the alliance's document library (working rules, plans, summaries).
    ReadDocuments,
    // On an organization acting in an alliance (`Resource::PartyOrganization`).
    /// Draft an agreement that includes the organization.
    DraftAgreement,
    /// Sign an agreement for the organization.
    SignAgreement,
    /// Update a commitment the organization owns and add progress notes.
    UpdateCommitment,
    // On an organization.
    ReadOrganization,
    ReadOrganizationMembers,
    UpdateOrganization,
    InviteMember,
    ManageOrganizationMembers,
    ManageOrganizationTokens,
    UpdateOwnActionItem,
    // On a lead term.
    SubmitHandoverReport,
    // On an action item.
    UpdateActionItem,
    // On an activity.
    /// Edit an activity, its head-counts and report; check people in; complete, publish,
    /// unpublish or cancel it: the organizers' admins and the alliance's admins.
    ManageActivity,
    // On the proposing organization of an agenda proposal (`Resource::PartyOrganization`).
    /// Change the title and description of the organization's agenda proposal: its admins and secretary.
    UpdateAgendaProposal,
    /// Withdraw the organization's agenda proposal: its admins and secretary.
    WithdrawAgendaProposal,
    // Platform-wide, for some of the viewer's alliances or organizations.
    /// Open the integration-token page: alliance admins, and admins and secretaries of an organization.
    ManageSomeIntegrationTokens,
    /// Open the audit log limited to one's alliances: alliance admins.
    ReadSomeAuditLog,
    // On an account (`Resource::Account`).
    /// Change one's own account: name, phone, locale, e-mail address (the person themself).
    UpdateOwnAccount,
}

/// What an action is about, with the facts the decision needs.
#[derive(Debug, Clone, Copy)]
pub enum Resource<'a> {
    Platform,
    Alliance {
        id: AllianceId,
        public: bool,
    },
    /// `alliances` are the alliances the organization currently belongs to, with their visibility.
    Organization {
        id: OrganizationId,
        alliances: &'a [(AllianceId, bool)],
    },
    /// A lead term: the alliance it belongs to and the organization that leads in it.
    LeadTerm {
        alliance: AllianceId,
        public: bool,
        organization: OrganizationId,
    },
    /// An organization acting in an alliance (offering a resource to it, requesting a booking in it).
    ActingOrganization {
        alliance: AllianceId,
        organization: OrganizationId,
    },
    /// A shared resource: its owner organization and the alliances it is offered to.
    SharedResource {
        owner: OrganizationId,
        alliances: &'a [AllianceId],
    },
    /// A booking: the alliance it was requested in, the resource's owner and the requester.
    ResourceBooking {
        alliance: AllianceId,
        owner: OrganizationId,
        requester: OrganizationId,
    },
    /// An organization acting within an alliance: a party that drafts or signs an agreement, the
    /// owner of a commitment.
    PartyOrganization {
        alliance: AllianceId,
        public: bool,
        organization: OrganizationId,
    },
    /// An action item: the alliance of its meeting and who it is assigned to.
    ActionItem {
        alliance: AllianceId,
        public: bool,
        organization: OrganizationId,
        user: Option<UserId>,
    },
    /// The photos and files of one owner (an activity, an agreement or a document version), or one
    /// of them: `public_news` when the owner is a published activity of a public alliance,
    /// `organizers` the organizations that organize the activity, `took_part` whether the
    /// principal signed up or checked in, `uploader` who uploaded the item (none for the owner).
    Media {
        alliance: AllianceId,
        owner: MediaOwnerKind,
        public_news: bool,
        organizers: &'a [OrganizationId],
        took_part: bool,
        uploader: Option<UserId>,
    },
    /// An activity: its alliance and its organizers (host and co-organizers).
    Activity {
        alliance: AllianceId,
        public: bool,
        organizers: &'a [OrganizationId],
    },
    /// A user's account (profile, e-mail address, password).
    Account {
        user: UserId,
    },
}

use AllianceRole as R;

/// Which alliance roles may take an alliance action (platform admins may take every action).
fn alliance_roles_for(action: Action) -> &'static [AllianceRole] {
    const READERS: &[AllianceRole] = &[
        R::Member,
        R::OrganizationAdmin,
        R::AllianceAdmin,
        R::Supervisor,
        R::LeadConvener,
    ];
    const SECRETARIAT: &[AllianceRole] = &[R::AllianceAdmin];
    const CONVENERS: &[AllianceRole] = &[R::AllianceAdmin, R::LeadConvener];
    match action {
        Action::ReadAllianceProfile
        | Action::ReadAllianceInternal
        | Action::ReadMeetings
        | Action::Rsvp
        | Action::CheckIn
        | Action::ReadAgreements
        | Action::ReadDocuments => READERS,
        Action::ReadActivities | Action::JoinActivity => READERS,
        Action::UpdateAlliance
        | Action::ManageAllianceMembers
        | Action::ManageRotation
        | Action::ManageDocuments
        | Action::ManageAllianceTokens
        | Action::ReadRoleGrants
        | Action::ReadAllianceAuditLog
        | Action::ManageAgreements => SECRETARIAT,
        Action::ScheduleMeeting
        | Action::ManageAgenda
        | Action::TakeAttendance
        | Action::RecordMinutes => CONVENERS,
        Action::ReadDraftMinutes => &[R::AllianceAdmin, R::LeadConvener, R::Supervisor],
        Action::ApproveMinutes | Action::Comment => &[R::AllianceAdmin, R::Supervisor],
        Action::ProposeAgendaItem | Action::CreateActivity => {
            &[R::OrganizationAdmin, R::AllianceAdmin, R::LeadConvener]
        }
        Action::AddActivityPhoto => &[
            R::Member,
            R::OrganizationAdmin,
            R::AllianceAdmin,
            R::LeadConvener,
        ],
        _ => &[],
    }
}

/// The scope an integration token needs for an action on its target; `None`: tokens may never.
fn scope_for(action: Action) -> Option<Scope> {
    match action {
        Action::ReadAllianceProfile | Action::ReadAllianceInternal => Some(Scope::ReadAlliance),
        Action::ReadMeetings => Some(Scope::ReadMeetings),
        Action::ReadAgreements => Some(Scope::ReadAgreements),
        Action::ReadDocuments => Some(Scope::ReadDocuments),
        Action::ScheduleMeeting => Some(Scope::WriteMeetings),
        Action::CreateActivity => Some(Scope::WriteActivities),
        Action::ReadActivities => Some(Scope::ReadActivities),
        Action::ReadOrganization => Some(Scope::ReadOrganization),
        Action::ReadOrganizationMembers => Some(Scope::ReadMembers),
        _ => None,
    }
}

/// The roles `principal` holds in `alliance` right now.
pub fn alliance_roles(principal: &Principal, alliance: AllianceId) -> Vec<AllianceRole> {
    let Principal::User(user) = principal else {
        return Vec::new();
    };
    let mut roles = Vec::new();
    if let Some(orgs) = user.member_alliances.get(&alliance) {
        roles.push(R::Member);
        if orgs.iter().any(|org| {
            user.organizations
                .get(org)
                .is_some_and(|s| s.acts_for_org())
        }) {
            roles.push(R::OrganizationAdmin);
        }
    }
    if user
        .grants
        .contains(&(alliance, GrantedRole::AllianceAdmin))
    {
        roles.push(R::AllianceAdmin);
    }
    if user.grants.contains(&(alliance, GrantedRole::Supervisor)) {
        roles.push(R::Supervisor);
    }
    if user.lead_alliances.contains(&alliance) {
        roles.push(R::LeadConvener);
    }
    roles
}

pub fn can(principal: &Principal, action: Action, resource: Resource<'_>) -> bool {
    if principal.is_platform_admin() {
        return true;
    }
    match (principal, resource) {
        (_, Resource::Platform) => viewer::user_platform_rule(principal, action),
        (_, Resource::Media { .. }) => media::decide(principal, action, resource),
        // The outgoing lead (its admins and secretary) writes the handover report, or the secretariat.
        (
            Principal::User(user),
            Resource::LeadTerm {
                alliance,
                organization,
                ..
            },
        ) => {
            action == Action::SubmitHandoverReport
                && (user
                    .organizations
                    .get(&organization)
                    .is_some_and(|s| s.acts_for_org())
                    || alliance_roles(principal, alliance).contains(&R::AllianceAdmin))
        }
        // The assignee organization's admins, the assigned person, or the conveners update an action item.
        (
            Principal::User(user),
            Resource::ActionItem {
                alliance,
                public,
                organization,
                user: assignee,
            },
        ) => {
            action == Action::UpdateActionItem
                && (user
                    .organizations
                    .get(&organization)
                    .is_some_and(|s| s.acts_for_org())
                    || assignee == Some(user.user_id)
                    || can(
                        principal,
                        Action::RecordMinutes,
                        Resource::Alliance {
                            id: alliance,
                            public,
                        },
                    ))
        }
        // A party's admins and secretary sign for it and may draft an agreement including it; the
        // owner organization's admins update its commitments; the secretariat drafts and updates too.
        (
            Principal::User(user),
            Resource::PartyOrganization {
                alliance,
                organization,
                ..
            },
        ) => {
            let acts_in_alliance = user
                .organizations
                .get(&organization)
                .is_some_and(|s| s.acts_for_org())
                && user
                    .member_alliances
                    .get(&alliance)
                    .is_some_and(|orgs| orgs.contains(&organization));
            let secretariat = alliance_roles(principal, alliance).contains(&R::AllianceAdmin);
            match action {
                Action::SignAgreement => acts_in_alliance,
                Action::DraftAgreement | Action::UpdateCommitment => {
                    acts_in_alliance || secretariat
                }
                Action::UpdateAgendaProposal | Action::WithdrawAgendaProposal => acts_in_alliance,
                _ => false,
            }
        }
        (
            _,
            Resource::LeadTerm { .. }
            | Resource::ActionItem { .. }
            | Resource::PartyOrganization { .. },
        ) => false,
        (
            Principal::User(user),
            Resource::ActingOrganization {
                alliance,
                organization,
            },
        ) => {
            matches!(
                action,
                Action::OfferResource | Action::RequestResourceBooking
            ) && user
                .organizations
                .get(&organization)
                .is_some_and(|s| s.acts_for_org())
                && user
                    .member_alliances
                    .get(&alliance)
                    .is_some_and(|orgs| orgs.contains(&organization))
        }
        (_, Resource::ActingOrganization { .. }) => false,
        (_, Resource::SharedResource { owner, alliances }) => match action {
            Action::ReadSharedResource => {
                resource_readers(principal).contains_resource(owner, alliances)
            }
            Action::ManageSharedResource => acts_for(principal, owner),
            _ => false,
        },
        (
            _,
            Resource::ResourceBooking {
                alliance,
                owner,
                requester,
            },
        ) => match action {
            Action::ReadSharedResource => {
                resource_readers(principal).contains_booking(owner, alliance)
            }
            Action::DecideResourceBooking | Action::MarkResourceBookingUsed => {
                acts_for(principal, owner)
            }
            Action::CancelResourceBooking => {
                acts_for(principal, requester)
                    || alliance_roles(principal, alliance).contains(&R::AllianceAdmin)
            }
            _ => false,
        },
        // The admins (and secretaries) of an organizer, or the secretariat, manage an activity.
        (
            Principal::User(user),
            Resource::Activity {
                alliance,
                organizers,
                ..
            },
        ) => {
            action == Action::ManageActivity
                && (organizers.iter().any(|org| {
                    user.organizations
                        .get(org)
                        .is_some_and(|s| s.acts_for_org())
                }) || alliance_roles(principal, alliance).contains(&R::AllianceAdmin))
        }
        (_, Resource::Activity { .. }) => false,
        // A person changes their own account; integration tokens never do.
        (Principal::User(me), Resource::Account { user }) => {
            action == Action::UpdateOwnAccount && me.user_id == user
        }
        (_, Resource::Account { .. }) => false,
        (Principal::Anonymous, Resource::Alliance { public, .. }) => {
            public && action == Action::ReadAllianceProfile
        }
        (Principal::Anonymous, Resource::Organization { alliances, .. }) => {
            action == Action::ReadOrganization && alliances.iter().any(|(_, public)| *public)
        }
        (Principal::Integration(token), Resource::Alliance { id, .. }) => {
            token.target == TokenTarget::Alliance(id)
                && scope_for(action).is_some_and(|scope| token.scopes.contains(&scope))
        }
        (Principal::Integration(token), Resource::Organization { id, alliances }) => {
            let Some(scope) = scope_for(action) else {
                return false;
            };
            match token.target {
                TokenTarget::Organization(target) => target == id && token.scopes.contains(&scope),
                // An alliance token that may read its alliance may read the member organizations' profiles.
                TokenTarget::Alliance(target) => {
                    action == Action::ReadOrganization
                        && token.scopes.contains(&Scope::ReadAlliance)
                        && alliances.iter().any(|(a, _)| *a == target)
                }
            }
        }
        (Principal::User(_), Resource::Alliance { id, public }) => {
            if public && action == Action::ReadAllianceProfile {
                return true;
            }
            let allowed = alliance_roles_for(action);
            alliance_roles(principal, id)
                .iter()
                .any(|role| allowed.contains(role))
        }
        (Principal::User(user), Resource::Organization { id, alliances }) => {
            let standing = user.organizations.get(&id);
            let acts_for_org = standing.is_some_and(|s| s.acts_for_org());
            match action {
                Action::ReadOrganization => {
                    standing.is_some()
                        || alliances.iter().any(|(alliance, public)| {
                            *public || !alliance_roles(principal, *alliance).is_empty()
                        })
                }
                Action::ReadOrganizationMembers => {
                    standing.is_some()
                        || alliances
                            .iter()
                            .any(|(alliance, _)| !alliance_roles(principal, *alliance).is_empty())
                }
                Action::UpdateOrganization
                | Action::InviteMember
                | Action::ManageOrganizationMembers
                | Action::ManageOrganizationTokens
                | Action::UpdateOwnActionItem => acts_for_org,
                _ => false,
            }
        }
    }
}

/// Whether the principal is a user acting for `organization` (its admin or secretary) now.
fn acts_for(principal: &Principal, organization: OrganizationId) -> bool {
    matches!(principal, Principal::User(user) if user
        .organizations
        .get(&organization)
        .is_some_and(|s| s.acts_for_org()))
}

/// A decision on an alliance's internal content (meetings, attendance, minutes, handover reports),
/// which public visibility never opens.
pub fn can_in_alliance(principal: &Principal, action: Action, alliance: AllianceId) -> bool {
    can(
        principal,
        action,
        Resource::Alliance {
            id: alliance,
            public: false,
        },
    )
}

/// `can`, as a `Result`: anonymous callers are told to sign in, others that they may not.
pub fn authorize(
    principal: &Principal,
    action: Action,
    resource: Resource<'_>,
) -> Result<(), Error> {
    if can(principal, action, resource) {
        Ok(())
    } else if matches!(principal, Principal::Anonymous) {
        Err(Error::Unauthenticated("sign in first"))
    } else {
        Err(Error::Forbidden)
    }
}
