//! Batched children of meetings for the loaders: agenda, attendance, decisions, minutes. Every
//! batch takes the principal and selects only rows of meetings it may read.

use super::Meetings;
use crate::entities::{action_item, action_item_note, agenda_item, attendance, decision, minutes};
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::AllianceId;
use crate::kernel::scope;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder};
use sea_orm::{ConnectionTrait, Value};
use std::collections::HashMap;
use uuid::Uuid;

impl Meetings<'_> {
    pub async fn agenda_of_meetings(
        &self,
        principal: &Principal,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<agenda_item::Model>>, Error> {
        group(
            agenda_item::Entity::find()
                .filter(agenda_item::Column::MeetingId.is_in(meetings.to_vec()))
                .filter(scope::meeting_in(
                    "agenda_items.meeting_id",
                    &policy::meeting_alliances(principal),
                ))
                .order_by_asc(agenda_item::Column::Position)
                .all(&self.db)
                .await?,
            |i| i.meeting_id,
        )
    }

    pub async fn attendances_of_meetings(
        &self,
        principal: &Principal,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<attendance::Model>>, Error> {
        group(
            attendance::Entity::find()
                .filter(attendance::Column::MeetingId.is_in(meetings.to_vec()))
                .filter(scope::meeting_in(
                    "attendances.meeting_id",
                    &policy::meeting_alliances(principal),
                ))
                .order_by_asc(attendance::Column::Id)
                .all(&self.db)
                .await?,
            |a| a.meeting_id,
        )
    }

    pub async fn decisions_of_meetings(
        &self,
        principal: &Principal,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<decision::Model>>, Error> {
        group(
            decision::Entity::find()
                .filter(decision::Column::MeetingId.is_in(meetings.to_vec()))
                .filter(scope::meeting_in(
                    "decisions.meeting_id",
                    &policy::meeting_alliances(principal),
                ))
                .order_by_asc(decision::Column::Id)
                .all(&self.db)
                .await?,
            |d| d.meeting_id,
        )
    }

    pub async fn action_items_of_meetings(
        &self,
        principal: &Principal,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<action_item::Model>>, Error> {
        group(
            action_item::Entity::find()
                .filter(action_item::Column::MeetingId.is_in(meetings.to_vec()))
                .filter(scope::meeting_in(
                    "action_items.meeting_id",
                    &policy::meeting_alliances(principal),
                ))
                .order_by_asc(action_item::Column::Id)
                .all(&self.db)
                .await?,
            |a| a.meeting_id,
        )
    }

    pub async fn notes_of_action_items(
        &self,
        principal: &Principal,
        items: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<action_item_note::Model>>, Error> {
        group(
            action_item_note::Entity::find()
                .filter(action_item_note::Column::ActionItemId.is_in(items.to_vec()))
                .filter(Expr::cust_with_values(
                    "action_item_notes.action_item_id IN (SELECT ai.id FROM action_items ai JOIN meetings m ON m.id = ai.meeting_id WHERE $1 OR m.alliance_id = ANY($2))",
                    scope_values(principal),
                ))
                .order_by_asc(action_item_note::Column::Id)
                .all(&self.db)
                .await?,
            |n| n.action_item_id,
        )
    }

    /// Approved minutes for every reader of the meeting; drafts only for those who may read them.
    pub async fn minutes_of_meetings(
        &self,
        principal: &Principal,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, minutes::Model>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                "SELECT mi.*, m.alliance_id FROM minutes mi JOIN meetings m ON m.id = mi.meeting_id
                  WHERE mi.meeting_id = ANY($1) AND ($2 OR m.alliance_id = ANY($3))",
                [meetings.to_vec().into()]
                    .into_iter()
                    .chain(scope_values(principal))
                    .collect::<Vec<_>>(),
            ))
            .await?;
        let mut out = HashMap::new();
        for row in rows {
            let found = minutes::Model::from_query_result(&row, "")?;
            let alliance: Uuid = row.try_get("", "alliance_id")?;
            if found.status == crate::kernel::vocab::MinutesStatus::Approved
                || policy::can_in_alliance(
                    principal,
                    Action::ReadDraftMinutes,
                    AllianceId(alliance),
                )
            {
                out.insert(found.meeting_id, found);
            }
        }
        Ok(out)
    }

    /// Open action items of earlier meetings of the same alliance: "progress on earlier decisions".
    pub async fn carried_over_of_meetings(
        &self,
        principal: &Principal,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<action_item::Model>>, Error> {
        #[derive(FromQueryResult)]
        struct Row {
            parent_id: Uuid,
            id: Uuid,
        }
        let rows = Row::find_by_statement(stmt(
            "SELECT m.id AS parent_id, ai.id FROM meetings m
               JOIN meetings earlier ON earlier.alliance_id = m.alliance_id AND earlier.starts_at < m.starts_at
               JOIN action_items ai ON ai.meeting_id = earlier.id
              WHERE m.id = ANY($1) AND ai.status IN ('open', 'in_progress') AND ($2 OR m.alliance_id = ANY($3))
              ORDER BY ai.due_on NULLS LAST, ai.id",
            [meetings.to_vec().into()]
                .into_iter()
                .chain(scope_values(principal))
                .collect::<Vec<_>>(),
        ))
        .all(&self.db)
        .await?;
        let items = self
            .action_items_visible(principal, &rows.iter().map(|r| r.id).collect::<Vec<_>>())
            .await?;
        let mut out: HashMap<Uuid, Vec<action_item::Model>> = HashMap::new();
        for row in rows {
            if let Some(item) = items.get(&row.id) {
                out.entry(row.parent_id).or_default().push(item.clone());
            }
        }
        Ok(out)
    }
}

/// `$all, $ids` of the alliances whose meetings the principal may read.
fn scope_values(principal: &Principal) -> [Value; 2] {
    let readable = policy::meeting_alliances(principal);
    [
        Value::from(readable.all),
        Value::from(readable.ids.iter().map(|a| a.0).collect::<Vec<_>>()),
    ]
}

fn group<T>(rows: Vec<T>, key: impl Fn(&T) -> Uuid) -> Result<HashMap<Uuid, Vec<T>>, Error> {
    let mut out: HashMap<Uuid, Vec<T>> = HashMap::new();
    for row in rows {
        out.entry(key(&row)).or_default().push(row);
    }
    Ok(out)
}
