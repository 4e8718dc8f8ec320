//! In-app notifications. Events (a meeting scheduled, an action item assigned) write them as they
//! happen; reminders (agenda deadline near, action item due, lead term starting) are derived from
//! the calendar when the user looks, each written once thanks to its dedupe key.

use crate::entities::notification;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::UserId;
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::vocab::NotificationKind;
use crate::policy::principal::Principal;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

/// What a notification says and what it is about.
pub(crate) struct Notice<'a> {
    pub kind: NotificationKind,
    pub entity_type: &'a str,
    pub entity_id: Uuid,
    pub title: &'a str,
    /// Makes a reminder idempotent: one per key and person.
    pub dedupe: Option<String>,
}

impl Notifications<'_> {
    pub(crate) async fn notify_users<C: ConnectionTrait>(
        &self,
        conn: &C,
        users: &[Uuid],
        notice: Notice<'_>,
    ) -> Result<(), Error> {
        let Notice {
            kind,
            entity_type,
            entity_id,
            title,
            dedupe,
        } = notice;
        if users.is_empty() {
            return Ok(());
        }
        conn.execute_raw(stmt(
            "INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, title, dedupe_key)
             SELECT gen_random_uuid(), u, $2, $3, $4, $5, CASE WHEN $6::text IS NULL THEN NULL ELSE $6 || ':' || u END
               FROM unnest($1::uuid[]) AS u
             ON CONFLICT (dedupe_key) DO NOTHING",
            [users.to_vec().into(), kind.as_str().into(), entity_type.into(), entity_id.into(), title.into(), dedupe.into()],
        ))
        .await?;
        Ok(())
    }

    /// Notifies the admins and the secretary of an organization.
    pub(crate) async fn notify_org_admins<C: ConnectionTrait>(
        &self,
        conn: &C,
        organization: Uuid,
        notice: Notice<'_>,
    ) -> Result<(), Error> {
        let rows = conn
            .query_all_raw(stmt(
                "SELECT user_id FROM organization_memberships WHERE organization_id = $1 AND left_on IS NULL
                   AND (is_org_admin OR position = 'secretary')",
                [organization.into()],
            ))
            .await?;
        let users: Vec<Uuid> = rows
            .iter()
            .filter_map(|r| r.try_get("", "user_id").ok())
            .collect();
        self.notify_users(conn, &users, notice).await
    }

    /// Writes the reminders that are due for the user now (each only once).
    async fn write_due_reminders(&self, user: UserId) -> Result<(), Error> {
        let now = self.now();
        let today = now.date_naive();
        // Agenda deadline within two days, for those who may propose (organization admins of members).
        self.db
            .execute_raw(stmt(
                "INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, title, dedupe_key)
                 SELECT gen_random_uuid(), $1, 'agenda_deadline', 'meeting', m.id,
                        m.title || '：议题征集即将截止 / agenda proposals close soon', 'agenda:' || m.id || ':' || $1
                   FROM meetings m JOIN alliances a ON a.id = m.alliance_id
                   JOIN alliance_memberships am ON am.alliance_id = m.alliance_id AND am.left_on IS NULL
                   JOIN organization_memberships om ON om.organization_id = am.organization_id AND om.left_on IS NULL
                  WHERE om.user_id = $1 AND (om.is_org_admin OR om.position = 'secretary')
                    AND m.status = 'scheduled'
                    AND m.starts_at - make_interval(days => a.agenda_deadline_days) BETWEEN $2 AND $2 + interval '2 days'
                 ON CONFLICT (dedupe_key) DO NOTHING",
                [user.0.into(), now.into()],
            ))
            .await?;
        // Action items due within three days or overdue, for the assignee or the assignee organization's admins.
        self.db
            .execute_raw(stmt(
                "INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, title, dedupe_key)
                 SELECT DISTINCT ON (ai.id) gen_random_uuid(), $1, 'action_item_due', 'action_item', ai.id,
                        ai.title || CASE WHEN ai.due_on < $2 THEN '：已逾期 / overdue' ELSE '：即将到期 / due soon' END,
                        'due:' || ai.id || ':' || $1
                   FROM action_items ai
                   LEFT JOIN organization_memberships om ON om.organization_id = ai.assignee_organization_id AND om.left_on IS NULL
                        AND om.user_id = $1 AND (om.is_org_admin OR om.position = 'secretary')
                  WHERE ai.status IN ('open', 'in_progress') AND ai.due_on IS NOT NULL AND ai.due_on <= $2 + 3
                    AND (ai.assignee_user_id = $1 OR om.user_id IS NOT NULL)
                 ON CONFLICT (dedupe_key) DO NOTHING",
                [user.0.into(), today.into()],
            ))
            .await?;
        // A lead term starting within a week, for the organization's admins and secretary.
        self.db
            .execute_raw(stmt(
                "INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, title, dedupe_key)
                 SELECT gen_random_uuid(), $1, 'lead_term_starting', 'lead_term', lt.id,
                        a.name || '：本单位即将轮值牵头 / your organization leads next', 'lead:' || lt.id || ':' || $1
                   FROM lead_terms lt JOIN alliances a ON a.id = lt.alliance_id
                   JOIN organization_memberships om ON om.organization_id = lt.organization_id AND om.left_on IS NULL
                  WHERE om.user_id = $1 AND (om.is_org_admin OR om.position = 'secretary')
                    AND lt.starts_at BETWEEN $2 - interval '1 day' AND $2 + interval '7 days'
                 ON CONFLICT (dedupe_key) DO NOTHING",
                [user.0.into(), now.into()],
            ))
            .await?;
        Ok(())
    }

    pub async fn notifications(
        &self,
        principal: &Principal,
        page: PageRequest,
        unread_only: bool,
    ) -> Result<(Page<notification::Model>, u64), Error> {
        let user = crate::policy::require_user(principal)?;
        self.write_due_reminders(user).await?;
        let mut query =
            notification::Entity::find().filter(notification::Column::UserId.eq(user.0));
        if unread_only {
            query = query.filter(notification::Column::ReadAt.is_null());
        }
        let total = query.clone().count(&self.db).await?;
        // Newest first; uuid v7 ids follow creation time, so the keyset is on id descending.
        if let Some(after) = page.after {
            query = query.filter(notification::Column::Id.lt(after));
        }
        let rows = query
            .order_by_desc(notification::Column::Id)
            .limit(page.limit())
            .all(&self.db)
            .await?;
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
        self.write_due_reminders(user).await?;
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
