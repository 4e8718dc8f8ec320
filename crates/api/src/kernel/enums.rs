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
        EnterpriseBranch,
        /// Party branch of a social organization (association, foundation, NGO).
        SocialOrganization,
        /// Party branch of a residential community or neighbourhood.
        Community,
        /// Party branch of a school or university.
        School,
        /// Party branch of a hospital.
        Hospital,
        /// Party branch of a chamber of commerce or industry association.
        ChamberOfCommerce,
        /// Party branch of a government department.
        GovernmentDepartment,
        /// Any other kind of organization.
        Other
    }
);

mirror!(
    /// A person's position in an organization's party branch.
    Position => Position {
        /// An ordinary party member without a committee role.
        Member,
        /// The branch secretary; at most one current secretary per organization. Acts as an organization admin.
        Secretary,
        /// A deputy secretary.
        DeputySecretary,
        /// Committee member for organization work.
        OrganizationCommittee,
        /// Committee member for propaganda work.
        PropagandaCommittee,
        /// Committee member for discipline inspection.
        DisciplineCommittee,
        /// Committee member for youth work.
        YouthCommittee
    }
);

mirror!(
    /// Pairing of two, tripartite, or a consortium of more.
    AllianceKind => AllianceKind {
        /// Two organizations paired with each other.
        Pairing,
        /// Three organizations.
        Tripartite,
        /// A consortium of more organizations.
        Consortium
    }
);

mirror!(
    /// Lifecycle: preparatory → active → dissolved.
    AllianceStatus => AllianceStatus {
        /// Being set up; not yet active.
        Preparatory,
        /// Running.
        Active,
        /// Ended; kept for the record.
        Dissolved
    }
);

mirror!(
    /// How long each lead term lasts.
    RotationPeriod => RotationPeriod {
        /// One calendar month per lead term.
        Month,
        /// Three months per lead term.
        Quarter,
        /// Six months per lead term.
        HalfYear,
        /// Twelve months per lead term.
        Year
    }
);

mirror!(
    /// PUBLIC alliances have a public profile; MEMBERS alliances are seen by members only.
    AllianceVisibility => Visibility {
        /// Anyone, signed in or not, may see the alliance's public profile.
        Public,
        /// Only people of member organizations, holders of an alliance role, platform admins and the
        /// alliance's integration tokens with `read:alliance` see the alliance.
        Members
    }
);

mirror!(
    /// A role that is granted explicitly on an alliance.
    GrantedRole => GrantedRole {
        /// The alliance's secretariat: manages the alliance, its members, lead rotation and tokens, and convenes meetings.
        AllianceAdmin,
        /// Instructor or supervising committee: reads the alliance, including draft minutes, and approves minutes.
        Supervisor
    }
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
    MeetingKind => MeetingKind {
        /// A regular joint meeting.
        Regular,
        /// A preparatory meeting, e.g. before the alliance becomes active.
        Preparatory,
        /// A symposium or exchange on a topic.
        Symposium,
        /// A work-summary meeting reviewing a period.
        WorkSummary
    }
);

mirror!(
    /// draft → scheduled → in progress → completed (or cancelled).
    MeetingStatus => MeetingStatus {
        /// Announced to the invitees. May move to any status but DRAFT.
        Scheduled,
        /// Being prepared by the conveners. May move to any status.
        Draft,
        /// Taking place. May move to COMPLETED or CANCELLED.
        InProgress,
        /// Held; final. Agenda proposals and check-in are closed.
        Completed,
        /// Called off; may be SCHEDULED again. Agenda proposals and check-in are closed.
        Cancelled
    }
);

mirror!(
    /// Proposed by a member organization, then accepted or rejected by the convener.
    AgendaItemStatus => AgendaItemStatus {
        /// Proposed and waiting for the convener's decision.
        Proposed,
        /// Accepted onto the agenda.
        Accepted,
        /// Turned down by the convener.
        Rejected,
        /// Withdrawn by the proposing organization before a decision.
        Withdrawn
    }
);

mirror!(
    /// An invitee's answer.
    RsvpResponse => RsvpResponse {
        /// No answer yet.
        Pending,
        /// Will attend.
        Yes,
        /// Will not attend.
        No,
        /// Not sure yet.
        Maybe
    }
);

mirror!(
    /// Only approved minutes are visible beyond the conveners and supervisors.
    MinutesStatus => MinutesStatus {
        /// Being written; seen only by alliance admins, the lead convener and supervisors.
        Draft,
        /// Sent by the convener to the supervisors and alliance admins for approval.
        Submitted,
        /// Returned for changes with a comment (`Minutes.returnComment`); saving them makes them a draft again.
        Returned,
        /// Approved; seen by everyone who may see the meeting.
        Approved
    }
);

mirror!(
    /// An action item belongs to the meeting that made it until it is done.
    ActionItemStatus => ActionItemStatus {
        /// Not started.
        Open,
        /// Being worked on.
        InProgress,
        /// Finished.
        Done,
        /// Dropped.
        Cancelled
    }
);

mirror!(
    /// What a notification is about.
    NotificationKind => NotificationKind {
        /// A meeting you are invited to was scheduled.
        MeetingScheduled,
        /// A meeting you are invited to was changed.
        MeetingChanged,
        /// A meeting you are invited to moved to another time.
        MeetingRescheduled,
        /// A meeting you are invited to was cancelled.
        MeetingCancelled,
        /// Agenda proposals for a meeting close within two days (organization admins and secretaries).
        AgendaDeadline,
        /// A member organization proposed an agenda item for a meeting you convene.
        AgendaItemProposed,
        /// The convener accepted or rejected an agenda item you proposed.
        AgendaItemDecided,
        /// Minutes were submitted for your approval (supervisors, alliance admins).
        MinutesSubmitted,
        /// Minutes you wrote or submitted were returned for changes.
        MinutesReturned,
        /// The minutes of a meeting you were invited to were approved.
        MinutesApproved,
        /// An action item was assigned to you or your organization.
        ActionItemAssigned,
        /// An action item of yours is due within three days or overdue.
        ActionItemDue,
        /// Your organization leads the alliance next: its term starts within a week, or the outgoing lead handed over.
        LeadTermStarting,
        /// Another member organization requests a shared resource of your organization (its admins and secretary).
        BookingRequested,
        /// The owner approved or declined your organization's booking of a shared resource.
        BookingDecided,
        /// A co-construction agreement of your organization or alliance ends soon: time to renew it
        /// (organization admins and secretaries of its parties, alliance admins).
        AgreementExpiring,
        /// An activity your organization hosts or co-organizes was published (its people, except
        /// whoever published it).
        ActivityPublished
    }
);

mirror!(
    /// Where a background job stands.
    BackgroundJobState => JobState {
        /// Waiting for its run time (a first run, or a retry after a failure).
        Pending,
        /// Claimed by a server instance and running.
        Running,
        /// Gave up after its last attempt; `lastError` says why. `retryBackgroundJob` queues it again.
        Failed,
        /// Finished.
        Done
    }
);

mirror!(
    /// What a shared resource (资源共享) is.
    ResourceKind => ResourceKind {
        /// A venue: a meeting room, hall or activity space.
        Venue,
        /// An education or practice base (e.g. a red-education site, a social practice base for minors).
        EducationBase,
        /// A course or lecture that can be given.
        Course,
        /// An expert who can speak, teach or advise.
        Expert,
        /// A volunteer team that can be called on.
        VolunteerTeam,
        /// Materials given or lent: books, artworks, equipment.
        Materials
    }
);

mirror!(
    /// Where a booking of a shared resource stands.
    BookingStatus => BookingStatus {
        /// Asked for; waiting for the owner's decision. Requests may overlap one another.
        Requested,
        /// Approved by the owner; no two approved (or used) bookings of a resource overlap.
        Approved,
        /// Declined by the owner, with a reason.
        Declined,
        /// The resource was used; `contributionNote` says what was given (the contribution ledger).
        Used,
        /// Withdrawn by the requester (or an alliance admin) before use.
        Cancelled
    }
);
