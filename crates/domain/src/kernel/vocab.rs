//! The closed vocabularies of the domain, stored as lower-case text with a CHECK in the database.

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        // Stored as text (a CHECK in the database keeps it to these values); entities use the enum,
        // so no status is compared as a string literal.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sea_orm::EnumIter, sea_orm::DeriveActiveEnum)]
        #[sea_orm(rs_type = "String", db_type = "Text")]
        pub enum $name { $(#[sea_orm(string_value = $text)] $variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)* _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(OrganizationKind {
    EnterpriseBranch = "enterprise_branch",
    SocialOrganization = "social_organization",
    Community = "community",
    School = "school",
    Hospital = "hospital",
    ChamberOfCommerce = "chamber_of_commerce",
    GovernmentDepartment = "government_department",
    Other = "other",
});

vocabulary!(Position {
    Secretary = "secretary",
    DeputySecretary = "deputy_secretary",
    OrganizationCommittee = "organization_committee",
    PropagandaCommittee = "propaganda_committee",
    DisciplineCommittee = "discipline_committee",
    YouthCommittee = "youth_committee",
    Member = "member",
});

vocabulary!(AllianceKind { Pairing = "pairing", Tripartite = "tripartite", Consortium = "consortium" });

vocabulary!(AllianceStatus { Preparatory = "preparatory", Active = "active", Dissolved = "dissolved" });

vocabulary!(RotationPeriod { Month = "month", Quarter = "quarter", HalfYear = "half_year", Year = "year" });

vocabulary!(Visibility { Public = "public", Members = "members" });

vocabulary!(
    /// Roles granted explicitly on one alliance.
    GrantedRole { AllianceAdmin = "alliance_admin", Supervisor = "supervisor" }
);

vocabulary!(
    /// What an integration token may do; nothing else.
    Scope {
        ReadAlliance = "read:alliance",
        ReadOrganization = "read:organization",
        ReadMembers = "read:members",
        ReadMeetings = "read:meetings",
        WriteMeetings = "write:meetings",
        ReadActivities = "read:activities",
        WriteActivities = "write:activities",
        ReadAgreements = "read:agreements",
        ReadResources = "read:resources",
        ReadDocuments = "read:documents",
    }
);

vocabulary!(MeetingKind { Preparatory = "preparatory", Regular = "regular", Symposium = "symposium", WorkSummary = "work_summary" });

vocabulary!(MeetingStatus {
    Draft = "draft",
    Scheduled = "scheduled",
    InProgress = "in_progress",
    Completed = "completed",
    Cancelled = "cancelled",
});

vocabulary!(AgendaItemStatus { Proposed = "proposed", Accepted = "accepted", Rejected = "rejected", Withdrawn = "withdrawn" });

vocabulary!(RsvpResponse { Pending = "pending", Yes = "yes", No = "no", Maybe = "maybe" });

vocabulary!(MinutesStatus { Draft = "draft", Submitted = "submitted", Returned = "returned", Approved = "approved" });

vocabulary!(ActionItemStatus { Open = "open", InProgress = "in_progress", Done = "done", Cancelled = "cancelled" });

vocabulary!(
    /// What a shared resource (资源共享) is.
    ResourceKind { Venue = "venue", EducationBase = "education_base", Course = "course", Expert = "expert", VolunteerTeam = "volunteer_team", Materials = "materials" }
);

vocabulary!(
    /// Where a booking of a shared resource stands: requested → approved / declined → used, or cancelled.
    BookingStatus { Requested = "requested", Approved = "approved", Declined = "declined", Used = "used", Cancelled = "cancelled" }
);

vocabulary!(NotificationKind {
    MeetingScheduled = "meeting_scheduled",
    MeetingChanged = "meeting_changed",
    MeetingRescheduled = "meeting_rescheduled",
    MeetingCancelled = "meeting_cancelled",
    AgendaDeadline = "agenda_deadline",
    AgendaItemProposed = "agenda_item_proposed",
    AgendaItemDecided = "agenda_item_decided",
    MinutesSubmitted = "minutes_submitted",
    MinutesReturned = "minutes_returned",
    MinutesApproved = "minutes_approved",
    ActionItemAssigned = "action_item_assigned",
    ActionItemDue = "action_item_due",
    LeadTermStarting = "lead_term_starting",
    BookingRequested = "booking_requested",
    BookingDecided = "booking_decided",
    AgreementExpiring = "agreement_expiring",
    ActivityPublished = "activity_published",
});

vocabulary!(
    /// What people decided about an agreement; active and expired are derived from the term.
    AgreementStatus { Draft = "draft", Signed = "signed", Terminated = "terminated" }
);

vocabulary!(CommitmentStatus { Open = "open", InProgress = "in_progress", Achieved = "achieved", Dropped = "dropped" });

vocabulary!(DocumentKind { WorkingRules = "working_rules", AnnualPlan = "annual_plan", Summary = "summary", Other = "other" });

vocabulary!(
    /// Where a background job stands.
    JobState { Pending = "pending", Running = "running", Failed = "failed", Done = "done" }
);
