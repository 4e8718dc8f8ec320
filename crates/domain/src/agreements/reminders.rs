//! Renewal reminders, written by the periodic `reminders` job (never on read): from
//! `renewal_reminder_days` local days before a signed agreement's last day until that day, the
//! admins and secretaries of its parties and the alliance's admins are told once (the dedupe key
//! names the agreement, its last day and the person, so two instances write one row).

use super::Agreements;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::notifications::uuid_v7_sql;
use sea_orm::ConnectionTrait;

const AGREEMENT_EXPIRING: &str = "
    INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, params, dedupe_key, created_at)
    SELECT {id}, u.user_id, 'agreement_expiring', 'agreement', ag.id,
           jsonb_build_object('alliance', a.name, 'agreement', ag.title, 'until', ag.valid_until),
           'agreement:' || ag.id || ':' || ag.valid_until || ':' || u.user_id, $1
      FROM agreements ag JOIN alliances a ON a.id = ag.alliance_id
      CROSS JOIN LATERAL (
            SELECT om.user_id FROM agreement_parties p
              JOIN organization_memberships om ON om.organization_id = p.organization_id AND om.left_on IS NULL
                   AND (om.is_org_admin OR om.position = 'secretary')
             WHERE p.agreement_id = ag.id
            UNION
            SELECT g.user_id FROM role_grants g
             WHERE g.alliance_id = ag.alliance_id AND g.role = 'alliance_admin' AND g.revoked_at IS NULL) u
     WHERE ag.status = 'signed' AND a.status <> 'dissolved'
       AND (($1::timestamptz AT TIME ZONE a.time_zone)::date)
           BETWEEN ag.valid_until - ag.renewal_reminder_days AND ag.valid_until
       AND NOT EXISTS (SELECT 1 FROM agreements r WHERE r.previous_agreement_id = ag.id)
    ON CONFLICT (dedupe_key) DO NOTHING";

impl Agreements<'_> {
    /// Writes the renewal reminders that are due and not yet written; returns how many.
    pub(crate) async fn write_renewal_reminders(&self) -> Result<u64, Error> {
        Ok(self
            .db
            .execute_raw(stmt(
                &AGREEMENT_EXPIRING.replace("{id}", &uuid_v7_sql(1)),
                [self.now().into()],
            ))
            .await?
            .rows_affected())
    }
}
