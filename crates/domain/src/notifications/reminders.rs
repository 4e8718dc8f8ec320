//! Reminders, written by the periodic `reminders` job (never on read): agenda proposals closing
//! soon, action items due soon or overdue, an organization's lead term starting. Dates are each
//! alliance's local dates; every reminder is written once per person (its dedupe key).

use super::Notifications;
use super::notify::uuid_v7_sql;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::local_time::{local_date, start_of_day, zone_or_default};
use chrono::Days;
use sea_orm::ConnectionTrait;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Agenda proposals close within two days: for the admins and secretaries of member organizations.
const AGENDA_DEADLINE: &str = "
    INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, params, dedupe_key, created_at)
    SELECT {id}, om.user_id, 'agenda_deadline', 'meeting', m.id,
           jsonb_build_object('alliance', a.name, 'meeting', m.title),
           'agenda:' || m.id || ':' || om.user_id, $2
      FROM meetings m JOIN alliances a ON a.id = m.alliance_id
      JOIN alliance_memberships am ON am.alliance_id = m.alliance_id AND am.left_on IS NULL
      JOIN organization_memberships om ON om.organization_id = am.organization_id AND om.left_on IS NULL
           AND (om.is_org_admin OR om.position = 'secretary')
     WHERE m.alliance_id = ANY($1) AND m.status = 'scheduled'
       AND m.starts_at - make_interval(days => a.agenda_deadline_days) BETWEEN $2 AND $2 + interval '2 days'
    ON CONFLICT (dedupe_key) DO NOTHING";

/// Action items due within three local days or overdue: for the assignee, or the assignee
/// organization's admins and secretary.
const ACTION_ITEM_DUE: &str = "
    INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, params, dedupe_key, created_at)
    SELECT {id}, u.user_id, 'action_item_due', 'action_item', ai.id,
           jsonb_build_object('alliance', a.name, 'item', ai.title, 'dueOn', ai.due_on, 'overdue', ai.due_on < $3),
           'due:' || ai.id || ':' || u.user_id, $2
      FROM action_items ai JOIN meetings m ON m.id = ai.meeting_id JOIN alliances a ON a.id = m.alliance_id
      CROSS JOIN LATERAL (
            SELECT ai.assignee_user_id AS user_id WHERE ai.assignee_user_id IS NOT NULL
            UNION
            SELECT om.user_id FROM organization_memberships om
             WHERE om.organization_id = ai.assignee_organization_id AND om.left_on IS NULL
               AND (om.is_org_admin OR om.position = 'secretary')) u
     WHERE m.alliance_id = ANY($1) AND ai.status IN ('open', 'in_progress')
       AND ai.due_on IS NOT NULL AND ai.due_on <= $3::date + 3
    ON CONFLICT (dedupe_key) DO NOTHING";

/// A lead term that starts between yesterday and a week from today (local days): for the leading
/// organization's admins and secretary.
const LEAD_TERM_STARTING: &str = "
    INSERT INTO notifications (id, user_id, kind, entity_type, entity_id, params, dedupe_key, created_at)
    SELECT {id}, om.user_id, 'lead_term_starting', 'lead_term', lt.id,
           jsonb_build_object('alliance', a.name, 'reason', 'upcoming'),
           'lead:' || lt.id || ':' || om.user_id, $2
      FROM lead_terms lt JOIN alliances a ON a.id = lt.alliance_id
      JOIN organization_memberships om ON om.organization_id = lt.organization_id AND om.left_on IS NULL
           AND (om.is_org_admin OR om.position = 'secretary')
     WHERE lt.alliance_id = ANY($1) AND lt.starts_at >= $3 AND lt.starts_at < $4
    ON CONFLICT (dedupe_key) DO NOTHING";

impl Notifications<'_> {
    /// Writes every reminder that is due now and not yet written; returns how many were written.
    pub(crate) async fn write_due_reminders(&self) -> Result<u64, Error> {
        let now = self.now();
        // Alliances grouped by zone: one set of statements per zone in use, each with its local date.
        let mut by_zone: BTreeMap<String, (chrono_tz::Tz, Vec<Uuid>)> = BTreeMap::new();
        for row in self
            .db
            .query_all_raw(stmt(
                "SELECT id, time_zone FROM alliances WHERE status <> 'dissolved'",
                [],
            ))
            .await?
        {
            let id: Uuid = row.try_get("", "id")?;
            let zone = zone_or_default(&row.try_get::<String>("", "time_zone")?);
            by_zone
                .entry(zone.name().to_owned())
                .or_insert_with(|| (zone, Vec::new()))
                .1
                .push(id);
        }
        let id = uuid_v7_sql(2);
        let mut written = 0;
        for (zone, alliances) in by_zone.into_values() {
            let today = local_date(now, zone);
            let from = start_of_day(today - Days::new(1), zone);
            let until = start_of_day(today + Days::new(8), zone);
            written += self
                .db
                .execute_raw(stmt(
                    &AGENDA_DEADLINE.replace("{id}", &id),
                    [alliances.clone().into(), now.into()],
                ))
                .await?
                .rows_affected();
            written += self
                .db
                .execute_raw(stmt(
                    &ACTION_ITEM_DUE.replace("{id}", &id),
                    [alliances.clone().into(), now.into(), today.into()],
                ))
                .await?
                .rows_affected();
            written += self
                .db
                .execute_raw(stmt(
                    &LEAD_TERM_STARTING.replace("{id}", &id),
                    [alliances.into(), now.into(), from.into(), until.into()],
                ))
                .await?
                .rows_affected();
        }
        Ok(written)
    }
}
