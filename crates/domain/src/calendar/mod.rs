//! iCalendar: a `.ics` per meeting, and secret, revocable feed URLs per user (all their alliances)
//! or per alliance. A feed is evaluated with the owner's rights as of each fetch, so someone who
//! leaves an alliance stops seeing its meetings.

use crate::auth::secret;
use crate::entities::{alliance, calendar_feed, meeting, user};
use crate::kernel::audit::Actor;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, CalendarFeedId, UserId};
use crate::notifications::render::Language;
use crate::policy;
use crate::policy::facts;
use crate::policy::principal::Principal;
use chrono::Duration;
use icalendar::Calendar;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

mod event;

pub use event::REMINDER_BEFORE;

pub const FEED_PREFIX: &str = "acal_";

/// The meeting's page in the web client (its `/meetings/:id` route takes the global id).
pub fn meeting_url(public_url: &str, id: Uuid) -> String {
    format!(
        "{}/meetings/{}",
        public_url.trim_end_matches('/'),
        crate::kernel::ids::global_id("Meeting", id)
    )
}

impl Calendars<'_> {
    /// The iCalendar text of one meeting, with what `principal` may read of its host and agenda,
    /// worded in `language`.
    pub async fn meeting_ics(
        &self,
        principal: &Principal,
        found: &meeting::Model,
        owner: &alliance::Model,
        language: Language,
    ) -> Result<String, Error> {
        let details = self.details(principal, std::slice::from_ref(found)).await?;
        let mut calendar = Calendar::new();
        calendar.name(&owner.name).push(event::event(
            found,
            &owner.name,
            &self.config.public_url,
            details.get(&found.id).unwrap_or(&event::Details::default()),
            language,
        ));
        Ok(calendar.done().to_string())
    }

    /// Creates a feed; returns it and its secret URL (shown once).
    pub async fn create_calendar_feed(
        &self,
        principal: &Principal,
        alliance_id: Option<AllianceId>,
    ) -> Result<(calendar_feed::Model, String), Error> {
        let user = crate::policy::require_user(principal)?;
        if let Some(alliance) = alliance_id {
            let found = self
                .alliances()
                .alliance_readable(principal, alliance)
                .await?
                .ok_or(Error::NotFound("alliance"))?;
            policy::authorize(
                principal,
                policy::Action::ReadMeetings,
                crate::alliances::AllianceFacts::of(&found).resource(),
            )?;
        }
        let token = secret::generate(FEED_PREFIX);
        let txn = self.db.begin().await?;
        let feed = calendar_feed::ActiveModel {
            id: Set(CalendarFeedId::new().0),
            user_id: Set(user.0),
            alliance_id: Set(alliance_id.map(|a| a.0)),
            token_hash: Set(secret::hash(&token)),
            created_at: Set(self.now()),
            revoked_at: Set(None),
        }
        .insert(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "calendar_feed.create",
            "calendar_feed",
            Some(feed.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok((
            feed,
            format!(
                "{}/calendar/{token}.ics",
                self.config.public_url.trim_end_matches('/')
            ),
        ))
    }

    pub async fn calendar_feeds(
        &self,
        principal: &Principal,
    ) -> Result<Vec<calendar_feed::Model>, Error> {
        let user = crate::policy::require_user(principal)?;
        Ok(calendar_feed::Entity::find()
            .filter(calendar_feed::Column::UserId.eq(user.0))
            .filter(calendar_feed::Column::RevokedAt.is_null())
            .order_by_asc(calendar_feed::Column::Id)
            .all(&self.db)
            .await?)
    }

    pub async fn revoke_calendar_feed(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<calendar_feed::Model, Error> {
        let user = crate::policy::require_user(principal)?;
        let feed = calendar_feed::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .filter(|f| f.user_id == user.0)
            .ok_or(Error::NotFound("calendar feed"))?;
        let txn = self.db.begin().await?;
        let revoked = calendar_feed::ActiveModel {
            id: Set(feed.id),
            revoked_at: Set(Some(self.now())),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "calendar_feed.revoke",
            "calendar_feed",
            Some(feed.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(revoked)
    }

    /// The feed's calendar, or `None` for an unknown or revoked token.
    pub async fn calendar_feed_ics(&self, token: &str) -> Result<Option<String>, Error> {
        let Some(feed) = calendar_feed::Entity::find()
            .filter(calendar_feed::Column::TokenHash.eq(secret::hash(token)))
            .filter(calendar_feed::Column::RevokedAt.is_null())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let Some(owner) = user::Entity::find_by_id(feed.user_id)
            .one(&self.db)
            .await?
            .filter(|u| u.disabled_at.is_none())
        else {
            return Ok(None);
        };
        let principal = Principal::User(
            facts::load_user_principal(
                &self.db,
                UserId(owner.id),
                None,
                owner.is_platform_admin,
                self.now(),
                self.config.time_zone,
            )
            .await?,
        );
        let scope = policy::meeting_alliances(&principal);
        let mut query = meeting::Entity::find()
            .filter(meeting::Column::StartsAt.gt(self.now() - Duration::days(180)));
        if !scope.all {
            query = query.filter(
                meeting::Column::AllianceId
                    .is_in(scope.ids.iter().map(|a| a.0).collect::<Vec<_>>()),
            );
        }
        if let Some(alliance) = feed.alliance_id {
            query = query.filter(meeting::Column::AllianceId.eq(alliance));
        }
        let meetings = query
            .order_by_asc(meeting::Column::StartsAt)
            .limit(1000)
            .all(&self.db)
            .await?;
        let names: HashMap<Uuid, String> = self
            .alliances()
            .alliances_visible(
                &principal,
                &meetings.iter().map(|m| m.alliance_id).collect::<Vec<_>>(),
            )
            .await?
            .into_iter()
            .map(|(id, a)| (id, a.name))
            .collect();
        let details = self.details(&principal, &meetings).await?;
        let language = Language::from_locale(&owner.locale);
        let none = event::Details::default();
        let mut calendar = Calendar::new();
        calendar.name("党建联盟 Alliance");
        for m in &meetings {
            calendar.push(event::event(
                m,
                names.get(&m.alliance_id).map_or("", String::as_str),
                &self.config.public_url,
                details.get(&m.id).unwrap_or(&none),
                language,
            ));
        }
        Ok(Some(calendar.done().to_string()))
    }
}

/// iCalendar files and secret calendar feeds. The façade of this domain: `services.calendar()`.
pub struct Calendars<'a>(&'a crate::Services);

impl crate::Services {
    pub fn calendar(&self) -> Calendars<'_> {
        Calendars(self)
    }
}

impl std::ops::Deref for Calendars<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
