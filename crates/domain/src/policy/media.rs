//! Decisions on photos and files (`Resource::Media`): who sees them, who adds them to an activity,
//! an agreement or a document version, and who edits them.

use super::{
    Action, AllianceRole as R, AllianceScope, Resource, alliance_roles, readable_alliances,
};
use crate::kernel::vocab::Scope;
use crate::policy::principal::{Principal, TokenTarget};

/// What a photo or file is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaOwnerKind {
    Activity,
    Agreement,
    DocumentVersion,
}

/// The scope a token needs to read the media of an owner of this kind.
fn read_scope(owner: MediaOwnerKind) -> Scope {
    match owner {
        MediaOwnerKind::Activity => Scope::ReadActivities,
        MediaOwnerKind::Agreement => Scope::ReadAgreements,
        MediaOwnerKind::DocumentVersion => Scope::ReadDocuments,
    }
}

pub(super) fn decide(principal: &Principal, action: Action, resource: Resource<'_>) -> bool {
    let Resource::Media {
        alliance,
        owner,
        public_news,
        organizers,
        took_part,
        uploader,
    } = resource
    else {
        return false;
    };
    let roles = alliance_roles(principal, alliance);
    let has = |role: R| roles.contains(&role);
    let acts_for_organizer = match principal {
        Principal::User(user) => organizers.iter().any(|org| {
            user.organizations
                .get(org)
                .is_some_and(|s| s.acts_for_org())
        }),
        _ => false,
    };
    let token_may = |scope: Scope| match principal {
        Principal::Integration(token) => {
            token.target == TokenTarget::Alliance(alliance) && token.scopes.contains(&scope)
        }
        _ => false,
    };
    // Those who run an activity: the secretariat, the lead, the organizers' admins.
    let runs_activity = has(R::AllianceAdmin) || has(R::LeadConvener) || acts_for_organizer;
    match (action, owner) {
        // Public news is public: its photos are readable by anyone.
        (Action::ReadMedia, _) if public_news => true,
        (Action::ReadMedia, _) => match principal {
            Principal::User(_) => !roles.is_empty(),
            Principal::Integration(_) => token_may(read_scope(owner)),
            Principal::Anonymous => false,
        },
        // Members add photos to activities they took part in.
        (Action::AddActivityPhoto, MediaOwnerKind::Activity) => {
            runs_activity || (took_part && has(R::Member)) || token_may(Scope::WriteActivities)
        }
        (Action::AttachAgreementFile, MediaOwnerKind::Agreement)
        | (Action::ManageDocuments, MediaOwnerKind::DocumentVersion)
        | (Action::EditMedia, MediaOwnerKind::Agreement | MediaOwnerKind::DocumentVersion) => {
            has(R::AllianceAdmin)
        }
        // The uploader edits their own photo while they still belong to the alliance.
        (Action::EditMedia, MediaOwnerKind::Activity) => {
            runs_activity
                || (uploader.is_some() && uploader == principal.user_id() && !roles.is_empty())
                || token_may(Scope::WriteActivities)
        }
        _ => false,
    }
}

/// Alliances whose (non-public) media of `owner`'s kind the principal may read; media of public
/// news are readable by everyone on top of this. Agrees with `can(ReadMedia)`.
pub fn media_alliances(principal: &Principal, owner: MediaOwnerKind) -> AllianceScope {
    match principal {
        Principal::Integration(token) => match token.target {
            TokenTarget::Alliance(id) if token.scopes.contains(&read_scope(owner)) => {
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
