//! Opaque global IDs: base64url of `Type:uuid`. Clients must not parse them.

use crate::kernel::error::coded;
use async_graphql::ID;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    User,
    Organization,
    OrganizationMembership,
    Alliance,
    AllianceMembership,
    IntegrationToken,
    Invitation,
    LeadTerm,
    Meeting,
    AgendaItem,
    Attendance,
    Decision,
    ActionItem,
    Notification,
    CalendarFeed,
    RoleGrant,
    AuditEntry,
    BackgroundJob,
    MediaItem,
    SharedResource,
    ResourceBooking,
    Agreement,
    Commitment,
    CommitmentNote,
    Document,
    DocumentVersion,
    Activity,
    NewsArticle,
}

impl Kind {
    const ALL: [Kind; 28] = [
        Kind::User,
        Kind::Organization,
        Kind::OrganizationMembership,
        Kind::Alliance,
        Kind::AllianceMembership,
        Kind::IntegrationToken,
        Kind::Invitation,
        Kind::LeadTerm,
        Kind::Meeting,
        Kind::AgendaItem,
        Kind::Attendance,
        Kind::Decision,
        Kind::ActionItem,
        Kind::Notification,
        Kind::CalendarFeed,
        Kind::RoleGrant,
        Kind::AuditEntry,
        Kind::BackgroundJob,
        Kind::MediaItem,
        Kind::SharedResource,
        Kind::ResourceBooking,
        Kind::Agreement,
        Kind::Commitment,
        Kind::CommitmentNote,
        Kind::Document,
        Kind::DocumentVersion,
        Kind::Activity,
        Kind::NewsArticle,
    ];

    fn name(self) -> &'static str {
        match self {
            Kind::User => "User",
            Kind::Organization => "Organization",
            Kind::OrganizationMembership => "OrganizationMembership",
            Kind::Alliance => "Alliance",
            Kind::AllianceMembership => "AllianceMembership",
            Kind::IntegrationToken => "IntegrationToken",
            Kind::Invitation => "Invitation",
            Kind::LeadTerm => "LeadTerm",
            Kind::Meeting => "Meeting",
            Kind::AgendaItem => "AgendaItem",
            Kind::Attendance => "Attendance",
            Kind::Decision => "Decision",
            Kind::ActionItem => "ActionItem",
            Kind::Notification => "Notification",
            Kind::CalendarFeed => "CalendarFeed",
            Kind::RoleGrant => "RoleGrant",
            Kind::AuditEntry => "AuditEntry",
            Kind::BackgroundJob => "BackgroundJob",
            Kind::MediaItem => "MediaItem",
            Kind::SharedResource => "SharedResource",
            Kind::ResourceBooking => "ResourceBooking",
            Kind::Agreement => "Agreement",
            Kind::Commitment => "Commitment",
            Kind::CommitmentNote => "CommitmentNote",
            Kind::Document => "Document",
            Kind::DocumentVersion => "DocumentVersion",
            Kind::Activity => "Activity",
            Kind::NewsArticle => "NewsArticle",
        }
    }
}

pub fn encode(kind: Kind, id: Uuid) -> ID {
    ID(alliance_domain::kernel::ids::global_id(kind.name(), id))
}

/// Any kind; `None` when the id is not one of ours.
pub fn decode_any(id: &str) -> Option<(Kind, Uuid)> {
    let bytes = URL_SAFE_NO_PAD.decode(id.trim_end_matches('=')).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (name, uuid) = text.split_once(':')?;
    let kind = Kind::ALL.into_iter().find(|k| k.name() == name)?;
    Some((kind, Uuid::parse_str(uuid).ok()?))
}

/// An id of the expected kind, or `BAD_USER_INPUT` naming the argument.
pub fn decode(id: &ID, kind: Kind, field: &str) -> async_graphql::Result<Uuid> {
    match decode_any(id) {
        Some((k, uuid)) if k == kind => Ok(uuid),
        _ => Err(coded(
            format!("`{field}` is not a valid {} id", kind.name()),
            "BAD_USER_INPUT",
        )),
    }
}

/// Cursors are opaque too: base64url of the row id.
pub fn encode_cursor(id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(id.as_bytes())
}

pub fn decode_cursor(cursor: Option<&str>) -> async_graphql::Result<Option<Uuid>> {
    let Some(cursor) = cursor else {
        return Ok(None);
    };
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| Uuid::from_slice(&bytes).ok())
        .map(Some)
        .ok_or_else(|| coded("`after` is not a valid cursor", "BAD_USER_INPUT"))
}
