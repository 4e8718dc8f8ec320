//! In-app notifications. Events (a meeting scheduled, an action item assigned) write them as they
//! happen; reminders (agenda deadline near, action item due, lead term starting) are written by a
//! periodic background job (`reminders.rs`), each once thanks to its dedupe key. Reading writes
//! nothing. A notification stores its kind and parameters; `render` words it in the reader's
//! language.

mod notify;
pub(crate) use notify::uuid_v7_sql;
mod reminders;
pub mod render;

pub(crate) use notify::Notice;

/// The event topic of a change in a person's notifications (written or marked read); the event's id
/// is the person's user id. Published by database triggers on `notifications`.
pub const CHANGED_TOPIC: &str = "notifications";

use crate::entities::notification;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::pagination::{Page, PageRequest};
use crate::policy::principal::Principal;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

impl Notifications<'_> {
    pub async fn notifications(
        &self,
        principal: &Principal,
        page: PageRequest,
        unread_only: bool,
    ) -> Result<(Page<notification::Model>, u64), Error> {
        let user = crate::policy::require_user(principal)?;
        let mut query =
            notification::Entity::find().filter(notification::Column::UserId.eq(user.0));
        if unread_only {
            query = query.filter(notification::Column::ReadAt.is_null());
        }
        let filtered = query.clone();
        // Newest first; uuid v7 ids follow creation time, so the keyset is on id descending.
        if let Some(after) = page.after {
            query = query.filter(notification::Column::Id.lt(after));
        }
        let ordered = query
            .order_by_desc(notification::Column::Id)
            .limit(page.limit());
        let (rows, total) =
            crate::kernel::pagination::rows_and_count(&self.db, &filtered, ordered, page).await?;
        Ok((Page::from_rows(rows, page), total))
    }

    /// One of the principal's own notifications.
    pub async fn notification(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<notification::Model>, Error> {
        let Some(user) = principal.user_id() else {
            return Ok(None);
        };
        Ok(notification::Entity::find_by_id(id)
            .filter(notification::Column::UserId.eq(user.0))
            .one(&self.db)
            .await?)
    }

    pub async fn unread_notification_count(&self, principal: &Principal) -> Result<u64, Error> {
        let Some(user) = principal.user_id() else {
            return Ok(0);
        };
        Ok(notification::Entity::find()
            .filter(notification::Column::UserId.eq(user.0))
            .filter(notification::Column::ReadAt.is_null())
            .count(&self.db)
            .await?)
    }

    /// Marks the given notifications (or all) as read; returns the unread count left.
    pub async fn mark_notifications_read(
        &self,
        principal: &Principal,
        ids: Option<Vec<Uuid>>,
    ) -> Result<u64, Error> {
        let user = crate::policy::require_user(principal)?;
        let now = self.now();
        let sql = match ids {
            Some(ids) => {
                // Someone else's notification (or none) is refused by name, never silently skipped.
                let own: Vec<Uuid> = notification::Entity::find()
                    .filter(notification::Column::UserId.eq(user.0))
                    .filter(notification::Column::Id.is_in(ids.clone()))
                    .all(&self.db)
                    .await?
                    .into_iter()
                    .map(|n| n.id)
                    .collect();
                let unknown: Vec<crate::FieldError> = ids
                    .iter()
                    .enumerate()
                    .filter(|(_, id)| !own.contains(id))
                    .map(|(i, _)| {
                        crate::FieldError::new(
                            format!("ids.{i}"),
                            "NOT_FOUND",
                            "no such notification of yours",
                        )
                    })
                    .collect();
                if !unknown.is_empty() {
                    return Err(Error::Invalid(unknown));
                }
                stmt(
                    "UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND read_at IS NULL AND id = ANY($2)",
                    [user.0.into(), ids.into(), now.into()],
                )
            }
            None => stmt(
                "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
                [user.0.into(), now.into()],
            ),
        };
        self.db.execute_raw(sql).await?;
        self.unread_notification_count(principal).await
    }
}

/// In-app notifications and reminders. The façade of this domain: `services.notifications()`.
pub struct Notifications<'a>(&'a crate::Services);

impl crate::Services {
    pub fn notifications(&self) -> Notifications<'_> {
        Notifications(self)
    }
}

impl std::ops::Deref for Notifications<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
