//! GraphQL enums mirroring the domain vocabularies.

use alliance_domain::kernel::vocab;
use async_graphql::Enum;

macro_rules! mirror {
    ($(#[$meta:meta])* $name:ident => $domain:ident { $($(#[$vmeta:meta])* $variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($(#[$vmeta])* $variant),* }

        impl From<$name> for vocab::$domain {
            fn from(v: $name) -> Self {
                match v { $($name::$variant => vocab::$domain::$variant),* }
            }
        }

        impl From<vocab::$domain> for $name {
            fn from(v: vocab::$domain) -> Self {
                match v { $(vocab::$domain::$variant => $name::$variant),* }
            }
        }

        impl $name {
            /// From the stored text; unknown text (impossible under the CHECK constraints) maps to the first variant.
            pub fn from_db(text: &str) -> Self {
                vocab::$domain::parse(text).map(Self::from).unwrap_or(mirror!(@first $($variant),*))
            }
        }
    };
    (@first $first:ident $(, $rest:ident)*) => { Self::$first };
}

mirror!(
    /// The kind of a member organization.
    OrganizationKind => OrganizationKind {
        /// Party branch of an enterprise.
        EnterpriseBranch, SocialOrganization, Community, School, Hospital, ChamberOfCommerce, GovernmentDepartment, Other
    }
);

mirror!(
    /// A person's position in an organization's party branch.
    Position => Position { Member, Secretary, DeputySecretary, OrganizationCommittee, PropagandaCommittee, DisciplineCommittee, YouthCommittee }
);

mirror!(
    /// Pairing of two, tripartite, or a consortium of more.
    AllianceKind => AllianceKind { Pairing, Tripartite, Consortium }
);

mirror!(
    /// Lifecycle: preparatory → active → dissolved.
    AllianceStatus => AllianceStatus { Preparatory, Active, Dissolved }
);

mirror!(
    /// How long each lead term lasts.
    RotationPeriod => RotationPeriod { Month, Quarter, HalfYear, Year }
);

mirror!(
    /// PUBLIC alliances have a public profile; MEMBERS alliances are seen by members only.
    AllianceVisibility => Visibility { Public, Members }
);

mirror!(
    /// A role that is granted explicitly on an alliance.
    GrantedRole => GrantedRole { AllianceAdmin, Supervisor }
);

/// The viewer's standing in an alliance.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllianceRole {
    /// A person of one of the alliance's current member organizations.
    Member,
    /// Admin or secretary of a current member organization.
    OrganizationAdmin,
    /// The alliance's secretariat.
    AllianceAdmin,
    /// Instructor or supervising committee.
    Supervisor,
    /// Admin or secretary of the organization leading the alliance right now.
    LeadConvener,
}

impl From<alliance_domain::policy::AllianceRole> for AllianceRole {
    fn from(r: alliance_domain::policy::AllianceRole) -> Self {
        use alliance_domain::policy::AllianceRole as R;
        match r {
            R::Member => Self::Member,
            R::OrganizationAdmin => Self::OrganizationAdmin,
            R::AllianceAdmin => Self::AllianceAdmin,
            R::Supervisor => Self::Supervisor,
            R::LeadConvener => Self::LeadConvener,
        }
    }
}

mirror!(
    /// The kind of a joint meeting.
    MeetingKind => MeetingKind { Regular, Preparatory, Symposium, WorkSummary }
);

mirror!(
    /// draft → scheduled → in progress → completed (or cancelled).
    MeetingStatus => MeetingStatus { Scheduled, Draft, InProgress, Completed, Cancelled }
);

mirror!(
    /// Proposed by a member organization, then accepted or rejected by the convener.
    AgendaItemStatus => AgendaItemStatus { Proposed, Accepted, Rejected }
);

mirror!(
    /// An invitee's answer.
    RsvpResponse => RsvpResponse { Pending, Yes, No, Maybe }
);

mirror!(
    /// Only approved minutes are visible beyond the conveners and supervisors.
    MinutesStatus => MinutesStatus { Draft, Approved }
);

mirror!(
    /// An action item belongs to the meeting that made it until it is done.
    ActionItemStatus => ActionItemStatus { Open, InProgress, Done, Cancelled }
);

mirror!(
    /// What a notification is about.
    NotificationKind => NotificationKind { MeetingScheduled, MeetingChanged, AgendaDeadline, ActionItemAssigned, ActionItemDue, LeadTermStarting }
);
