//! The GraphQL enums of activities, mirroring the domain's.

use alliance_domain::activities::{ActivityKind as DomainKind, ActivityStatus as DomainStatus};
use async_graphql::Enum;

/// What kind of joint activity it is.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityKind {
    /// A symposium or exchange meeting (座谈交流).
    Symposium,
    /// Studying together (联学共学).
    StudySession,
    /// A visit to a red education site (红色教育).
    RedEducationVisit,
    /// Training (培训).
    Training,
    /// Volunteer service (志愿服务).
    VolunteerService,
    /// A donation or aid (捐赠帮扶).
    Donation,
    /// A ceremony, e.g. a plaque unveiling (仪式).
    Ceremony,
    /// Visiting people in need (走访慰问).
    SympathyVisit,
    /// A cultural event (文化活动).
    CulturalEvent,
    /// Anything else (其他).
    Other,
}

/// Where an activity stands: PLANNED → COMPLETED → PUBLISHED; a planned one may be CANCELLED.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityStatus {
    /// Announced: people sign up and check in on the day.
    Planned,
    /// Held; the organizers write the report. May be PUBLISHED.
    Completed,
    /// On the public news feed (when the alliance is public). May be unpublished back to COMPLETED.
    Published,
    /// Called off; final.
    Cancelled,
}

macro_rules! both_ways {
    ($api:ident, $domain:ident, [$($v:ident),*]) => {
        impl From<$api> for $domain {
            fn from(v: $api) -> Self {
                match v { $($api::$v => $domain::$v),* }
            }
        }
        impl From<$domain> for $api {
            fn from(v: $domain) -> Self {
                match v { $($domain::$v => $api::$v),* }
            }
        }
    };
}

both_ways!(
    ActivityKind,
    DomainKind,
    [
        Symposium,
        StudySession,
        RedEducationVisit,
        Training,
        VolunteerService,
        Donation,
        Ceremony,
        SympathyVisit,
        CulturalEvent,
        Other
    ]
);
both_ways!(
    ActivityStatus,
    DomainStatus,
    [Planned, Completed, Published, Cancelled]
);
