//! Typed identifiers so that an organization id is never passed where an alliance id is meant.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! typed_id {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new time-ordered id (UUID v7), so that keyset pagination by id follows creation order.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

typed_id!(
    UserId,
    OrganizationId,
    OrganizationMembershipId,
    AllianceId,
    AllianceMembershipId,
    LeadTermId,
    RoleGrantId,
    SessionId,
    IntegrationTokenId,
    InvitationId,
    MeetingId,
    AgendaItemId,
    ActionItemId,
    DecisionId,
    NotificationId,
    CalendarFeedId,
);

/// The opaque global id clients see for an entity: base64url (no padding) of `Type:uuid`. The API
/// encodes its ids with it, and links the domain writes (calendar files) carry the same ids, so
/// that the web client's routes (`/meetings/:id`) open them.
pub fn global_id(type_name: &str, id: Uuid) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{type_name}:{id}"))
}
