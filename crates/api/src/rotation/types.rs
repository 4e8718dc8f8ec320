use crate::alliances::types::AllianceNode;
use crate::kernel::context::services;
use crate::kernel::ids::{Kind, encode};
use crate::kernel::loaders::{load_error, loaders};
use crate::organizations::types::OrganizationNode;
use alliance_domain::entities::{calendar_feed, lead_term, notification, organization};
use alliance_domain::rotation::TermWithLead;
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};

/// One lead unit's term [startsAt, endsAt) in an alliance's rotation (轮值), and its lead unit
/// when it was read in the same statement (`Some(None)`: the viewer may not see that organization;
/// `None`: not read yet, the `organizations` loader answers).
pub struct LeadTermNode(
    pub lead_term::Model,
    pub(crate) Option<Option<organization::Model>>,
);

impl LeadTermNode {
    pub fn new(term: lead_term::Model) -> Self {
        Self(term, None)
    }
}

impl From<TermWithLead> for LeadTermNode {
    fn from(found: TermWithLead) -> Self {
        Self(found.term, Some(found.organization))
    }
}

/// One lead unit's term [startsAt, endsAt) in an alliance's rotation (轮值), visible to whoever may see the alliance.
#[Object(name = "LeadTerm")]
impl LeadTermNode {
    /// The term's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::LeadTerm, self.0.id)
    }

    /// The lead organization for this term.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<OrganizationNode> {
        let found = match &self.1 {
            Some(read) => read.clone(),
            None => loaders(ctx)?
                .organizations
                .load_one(self.0.organization_id)
                .await
                .map_err(load_error)?,
        };
        found
            .map(OrganizationNode)
            .ok_or_else(|| crate::kernel::error::hidden("organization"))
    }

    /// When the term starts (UTC), inclusive.
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }

    /// Exclusive: the next term starts at this instant.
    async fn ends_at(&self) -> DateTime<Utc> {
        self.0.ends_at
    }

    /// Written by the outgoing lead.
    async fn handover_report(&self) -> Option<&str> {
        self.0.handover_report.as_deref()
    }

    /// The term is running now.
    async fn is_current(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let now = services(ctx)?.now();
        Ok(self.0.starts_at <= now && now < self.0.ends_at)
    }

    /// Incremented on every change to the term.
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// An in-app notification.
pub struct NotificationNode(pub notification::Model);

/// An in-app notification, visible to its recipient only.
#[Object(name = "Notification")]
impl NotificationNode {
    /// The notification's global id.
    pub async fn id(&self) -> ID {
        encode(Kind::Notification, self.0.id)
    }

    /// What it is about.
    async fn kind(&self) -> crate::kernel::enums::NotificationKind {
        crate::kernel::enums::NotificationKind::from_db(&self.0.kind)
    }

    /// A short text in the reader's language, rendered from the notification's kind and
    /// parameters: in `locale` when given (`zh-CN` or `en`, as the client shows itself), otherwise
    /// in the viewer's `User.locale`.
    async fn title(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "`zh-CN` or `en`; other values read Chinese. Default: `User.locale`.")]
        locale: Option<String>,
    ) -> async_graphql::Result<String> {
        use alliance_domain::notifications::render::{Language, title};
        let locale = match locale {
            Some(locale) => locale,
            // The reader is the recipient: only they can see a notification.
            None => loaders(ctx)?
                .users
                .load_one(self.0.user_id)
                .await
                .map_err(load_error)?
                .map_or_else(|| "zh-CN".to_owned(), |u| u.locale),
        };
        Ok(title(&self.0, Language::from_locale(&locale)))
    }

    /// The global id of what it is about: a Meeting, an ActionItem, a LeadTerm, an Agreement or
    /// an Activity.
    async fn subject_id(&self) -> Option<ID> {
        let kind = match self.0.entity_type.as_str() {
            "meeting" => Kind::Meeting,
            "action_item" => Kind::ActionItem,
            "lead_term" => Kind::LeadTerm,
            "agreement" => Kind::Agreement,
            "activity" => Kind::Activity,
            _ => return None,
        };
        Some(encode(kind, self.0.entity_id))
    }

    /// When it was written (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When it was marked read (UTC); null while unread.
    async fn read_at(&self) -> Option<DateTime<Utc>> {
        self.0.read_at
    }
}

/// A secret iCalendar feed URL (the URL itself is shown only when created).
pub struct CalendarFeedNode(pub calendar_feed::Model);

/// A secret iCalendar feed URL listing the meetings of one alliance, or of all the viewer's
/// alliances (the URL itself is shown only when created). Visible to its owner only.
#[Object(name = "CalendarFeed")]
impl CalendarFeedNode {
    /// The feed's global id, for `revokeCalendarFeed`.
    async fn id(&self) -> ID {
        encode(Kind::CalendarFeed, self.0.id)
    }

    /// Null: every alliance of the user.
    async fn alliance(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<AllianceNode>> {
        let Some(id) = self.0.alliance_id else {
            return Ok(None);
        };
        Ok(loaders(ctx)?
            .alliances
            .load_one(id)
            .await
            .map_err(load_error)?
            .map(AllianceNode))
    }

    /// When it was created (UTC).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}
