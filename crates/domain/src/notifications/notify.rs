//! Writing notifications, inside the transaction of the event they tell of.

use super::Notifications;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::vocab::NotificationKind;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// A time-ordered (version 7) uuid made in SQL from the instant `$n`, so that notifications written
/// by one statement for many people still sort by creation time.
pub(crate) fn uuid_v7_sql(param: usize) -> String {
    format!(
        "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing \
         substring(int8send(floor(extract(epoch from ${param}::timestamptz) * 1000)::bigint) from 3) \
         from 1 for 6), 52, 1), 53, 1), 'hex')::uuid"
    )
}

/// What a notification is about, and the parameters its text is rendered from (see `render`).
pub(crate) struct Notice<'a> {
    pub kind: NotificationKind,
    pub entity_type: &'a str,
    pub entity_id: Uuid,
    /// E.g. `{"alliance": "…", "meeting": "…"}`; the keys each kind uses are listed in `render`.
    pub params: serde_json::Value,
    /// Makes a notification idempotent: one per key and person.
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
            params,
            dedupe,
        } = notice;
        if users.is_empty() {
            return Ok(());
        }
        conn.execute_raw(stmt(
            &format!(
                "INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, params, dedupe_key, created_at)
                 SELECT {}, u, $2, $3, $4, $5, CASE WHEN $6::text IS NULL THEN NULL ELSE $6 || ':' || u END, $7
                   FROM unnest($1::uuid[]) AS u
                 ON CONFLICT (dedupe_key) DO NOTHING",
                uuid_v7_sql(7)
            ),
            [
                users.to_vec().into(),
                kind.as_str().into(),
                entity_type.into(),
                entity_id.into(),
                params.into(),
                dedupe.into(),
                self.now().into(),
            ],
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
}
