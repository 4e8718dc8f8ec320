//! Writing notifications, inside the transaction of the event they tell of.

use super::Notifications;
use super::render::{Language, render};
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::global_id;
use crate::kernel::mail::Message;
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

/// The web client's page of what a notification is about (its routes take global ids), or the
/// notifications page for kinds without a page of their own.
fn page_of(public_url: &str, entity_type: &str, entity_id: Uuid) -> String {
    let base = public_url.trim_end_matches('/');
    let page = match entity_type {
        "meeting" => Some(("meetings", "Meeting")),
        "activity" => Some(("activities", "Activity")),
        "agreement" => Some(("agreements", "Agreement")),
        _ => None,
    };
    match page {
        Some((route, type_name)) => format!("{base}/{route}/{}", global_id(type_name, entity_id)),
        None => format!("{base}/notifications"),
    }
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
        // Only the rows written (a dedupe key seen before writes none) are mailed.
        let written = conn
            .query_all_raw(stmt(
                &format!(
                    "INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, params, dedupe_key, created_at)
                     SELECT {}, u, $2, $3, $4, $5, CASE WHEN $6::text IS NULL THEN NULL ELSE $6 || ':' || u END, $7
                       FROM unnest($1::uuid[]) AS u
                     ON CONFLICT (dedupe_key) DO NOTHING
                     RETURNING user_id",
                    uuid_v7_sql(7)
                ),
                [
                    users.to_vec().into(),
                    kind.as_str().into(),
                    entity_type.into(),
                    entity_id.into(),
                    params.clone().into(),
                    dedupe.into(),
                    self.now().into(),
                ],
            ))
            .await?;
        if self.config.notification_mail && !written.is_empty() {
            let recipients: Vec<Uuid> = written
                .iter()
                .filter_map(|r| r.try_get("", "user_id").ok())
                .collect();
            let link = page_of(&self.config.public_url, entity_type, entity_id);
            self.mail_notice(conn, &recipients, kind, &params, &link)
                .await?;
        }
        Ok(())
    }

    /// Puts one mail per person with an e-mail address (and an enabled account) in the outbox, on
    /// `conn`: the notification's text in their language and the page it is about.
    async fn mail_notice<C: ConnectionTrait>(
        &self,
        conn: &C,
        users: &[Uuid],
        kind: NotificationKind,
        params: &serde_json::Value,
        link: &str,
    ) -> Result<(), Error> {
        let rows = conn
            .query_all_raw(stmt(
                "SELECT email, locale FROM users
                  WHERE id = ANY($1) AND email IS NOT NULL AND disabled_at IS NULL
                  ORDER BY id",
                [users.to_vec().into()],
            ))
            .await?;
        for row in rows {
            let (Ok(to), Ok(locale)) = (
                row.try_get::<String>("", "email"),
                row.try_get::<String>("", "locale"),
            ) else {
                continue;
            };
            let language = Language::from_locale(&locale);
            let text = render(kind, params, language);
            let (brand, open, why) = match language {
                Language::Chinese => (
                    "党建联盟",
                    "查看：",
                    "您收到此邮件，是因为您在党建联盟中有一条新通知。",
                ),
                Language::English => (
                    "Alliance",
                    "Open: ",
                    "You receive this mail because you have a new notification in Alliance.",
                ),
            };
            let message = Message {
                to,
                subject: format!("[{brand}] {text}"),
                body: format!("{text}\n\n{open}{link}\n\n{why}\n"),
            };
            self.jobs().send_mail(conn, &message).await?;
        }
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
