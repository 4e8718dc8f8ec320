//! Who a hand-off goes to: the next person in a meeting's cycle (the convener for a proposal, the
//! reviewers for submitted minutes), each notified in the transaction of the step that hands over.

use super::Meetings;
use crate::entities::meeting;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::vocab::NotificationKind;
use crate::notifications::Notice;
use crate::policy::principal::Principal;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

impl Meetings<'_> {
    /// The people who convene `meeting`: whoever scheduled it, the admins and secretary of the
    /// organization leading the alliance now, and the alliance admins.
    pub(crate) async fn conveners_of<C: ConnectionTrait>(
        &self,
        conn: &C,
        meeting: &meeting::Model,
    ) -> Result<Vec<Uuid>, Error> {
        let rows = conn
            .query_all_raw(stmt(
                "SELECT $3::uuid AS user_id WHERE $3::uuid IS NOT NULL
                 UNION
                 SELECT m.user_id FROM lead_terms t
                   JOIN organization_memberships m ON m.organization_id = t.organization_id
                  WHERE t.alliance_id = $1 AND t.starts_at <= $2 AND t.ends_at > $2
                    AND m.left_on IS NULL AND (m.is_org_admin OR m.position = 'secretary')
                 UNION
                 SELECT user_id FROM role_grants
                  WHERE alliance_id = $1 AND role = 'alliance_admin' AND revoked_at IS NULL",
                [
                    meeting.alliance_id.into(),
                    self.now().into(),
                    meeting.created_by.into(),
                ],
            ))
            .await?;
        Ok(user_ids(&rows))
    }

    /// Those who approve minutes: the alliance's supervisors and alliance admins.
    pub(crate) async fn reviewers_of<C: ConnectionTrait>(
        &self,
        conn: &C,
        alliance: Uuid,
    ) -> Result<Vec<Uuid>, Error> {
        let rows = conn
            .query_all_raw(stmt(
                "SELECT DISTINCT user_id FROM role_grants
                  WHERE alliance_id = $1 AND role IN ('supervisor', 'alliance_admin') AND revoked_at IS NULL",
                [alliance.into()],
            ))
            .await?;
        Ok(user_ids(&rows))
    }

    /// Notifies `users` of a step of `meeting` (parameters: the alliance's and the meeting's names,
    /// plus `extra`), except the person who took the step.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn hand_off<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        users: &[Uuid],
        kind: NotificationKind,
        meeting: &meeting::Model,
        alliance_name: &str,
        extra: serde_json::Value,
    ) -> Result<(), Error> {
        let mut params = serde_json::json!({ "alliance": alliance_name, "meeting": meeting.title });
        if let (Some(params), serde_json::Value::Object(extra)) = (params.as_object_mut(), extra) {
            params.extend(extra);
        }
        let actor = principal.user_id().map(|u| u.0);
        let others: Vec<Uuid> = users
            .iter()
            .copied()
            .filter(|u| Some(*u) != actor)
            .collect();
        self.notifications()
            .notify_users(
                conn,
                &others,
                Notice {
                    kind,
                    entity_type: "meeting",
                    entity_id: meeting.id,
                    params,
                    dedupe: None,
                },
            )
            .await
    }
}

fn user_ids(rows: &[sea_orm::QueryResult]) -> Vec<Uuid> {
    rows.iter()
        .filter_map(|r| r.try_get::<Uuid>("", "user_id").ok())
        .collect()
}
