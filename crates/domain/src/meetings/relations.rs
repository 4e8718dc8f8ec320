//! Batched children of meetings for the loaders: agenda, attendance, decisions, minutes.

use crate::Services;
use crate::entities::{action_item, action_item_note, agenda_item, attendance, decision, minutes};
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

impl Services {
    pub async fn agenda_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<agenda_item::Model>>, Error> {
        group(
            agenda_item::Entity::find()
                .filter(agenda_item::Column::MeetingId.is_in(meetings.to_vec()))
                .order_by_asc(agenda_item::Column::Position)
                .all(&self.db)
                .await?,
            |i| i.meeting_id,
        )
    }

    pub async fn attendances_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<attendance::Model>>, Error> {
        group(
            attendance::Entity::find()
                .filter(attendance::Column::MeetingId.is_in(meetings.to_vec()))
                .order_by_asc(attendance::Column::Id)
                .all(&self.db)
                .await?,
            |a| a.meeting_id,
        )
    }

    pub async fn decisions_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<decision::Model>>, Error> {
        group(
            decision::Entity::find()
                .filter(decision::Column::MeetingId.is_in(meetings.to_vec()))
                .order_by_asc(decision::Column::Id)
                .all(&self.db)
                .await?,
            |d| d.meeting_id,
        )
    }

    pub async fn action_items_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<action_item::Model>>, Error> {
        group(
            action_item::Entity::find()
                .filter(action_item::Column::MeetingId.is_in(meetings.to_vec()))
                .order_by_asc(action_item::Column::Id)
                .all(&self.db)
                .await?,
            |a| a.meeting_id,
        )
    }

    pub async fn notes_of_action_items(
        &self,
        items: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<action_item_note::Model>>, Error> {
        group(
            action_item_note::Entity::find()
                .filter(action_item_note::Column::ActionItemId.is_in(items.to_vec()))
                .order_by_asc(action_item_note::Column::Id)
                .all(&self.db)
                .await?,
            |n| n.action_item_id,
        )
    }

    pub async fn minutes_of_meetings(
        &self,
        meetings: &[Uuid],
    ) -> Result<HashMap<Uuid, minutes::Model>, Error> {
        let rows = minutes::Entity::find()
            .filter(minutes::Column::MeetingId.is_in(meetings.to_vec()))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|m| (m.meeting_id, m)).collect())
    }

    /// Open action items of earlier meetings of the same alliance: "progress on earlier decisions".
    pub async fn carried_over_of_meetings(
        &self,
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
              WHERE m.id = ANY($1) AND ai.status IN ('open', 'in_progress')
              ORDER BY ai.due_on NULLS LAST, ai.id",
            [meetings.to_vec().into()],
        ))
        .all(&self.db)
        .await?;
        let items = self
            .action_items_by_ids(&rows.iter().map(|r| r.id).collect::<Vec<_>>())
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

fn group<T>(rows: Vec<T>, key: impl Fn(&T) -> Uuid) -> Result<HashMap<Uuid, Vec<T>>, Error> {
    let mut out: HashMap<Uuid, Vec<T>> = HashMap::new();
    for row in rows {
        out.entry(key(&row)).or_default().push(row);
    }
    Ok(out)
}
