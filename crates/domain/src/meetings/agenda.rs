//! The agenda: proposals from member organizations, acceptance and order by the convener.

use super::*;
use crate::alliances::AllianceFacts;
use crate::entities::agenda_item;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::events;
use crate::kernel::ids::AllianceId;
use crate::kernel::validation;
use crate::kernel::vocab::AgendaItemStatus;
use crate::kernel::vocab::NotificationKind;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

impl Meetings<'_> {
    /// The first organization the principal acts for in the alliance (for "proposed by").
    pub(crate) fn acting_org(principal: &Principal, alliance: AllianceId) -> Option<Uuid> {
        policy::acting_organization_in(principal, alliance).map(|o| o.0)
    }

    pub async fn propose_agenda_item(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        title: &str,
        presenter: Option<Uuid>,
        minutes_allotted: Option<i32>,
        description: Option<&str>,
    ) -> Result<agenda_item::Model, Error> {
        let (found, owner) = self
            .meeting_for(principal, meeting_id, Action::ProposeAgendaItem)
            .await?;
        let resource = AllianceFacts::of(&owner).resource();
        let convener = policy::can(principal, Action::ManageAgenda, resource);
        let mut errors = Vec::new();
        let title = validation::required_text(&mut errors, "title", title, 200);
        let description = description
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned);
        if description
            .as_ref()
            .is_some_and(|d| d.chars().count() > 2000)
        {
            errors.push(FieldError::new(
                "description",
                "TOO_LONG",
                "at most 2,000 characters",
            ));
        }
        if minutes_allotted.is_some_and(|m| !(1..=480).contains(&m)) {
            errors.push(FieldError::new(
                "minutesAllotted",
                "OUT_OF_RANGE",
                "between 1 and 480 minutes",
            ));
        }
        if !convener && self.now() > agenda_deadline(&found, &owner) {
            errors.push(FieldError::new(
                "meetingId",
                "DEADLINE_PASSED",
                "agenda proposals for this meeting are closed",
            ));
        }
        if is_closed(&found) {
            errors.push(FieldError::new(
                "meetingId",
                "CLOSED",
                "the meeting is over",
            ));
        }
        if let Some(org) = presenter
            && !self.is_current_member(&self.db, owner.id, org).await?
        {
            errors.push(FieldError::new(
                "presenterOrganizationId",
                "NOT_MEMBER",
                "the presenter must be a member organization of the alliance",
            ));
        }
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let position = self.next_agenda_position(&txn, meeting_id).await?;
        let proposer = Self::acting_org(principal, AllianceId(owner.id));
        let created = agenda_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting_id),
            position: Set(position),
            title: Set(title),
            presenter_organization_id: Set(presenter.or(proposer)),
            minutes_allotted: Set(minutes_allotted),
            proposed_by_organization_id: Set(proposer),
            proposed_by: Set(principal.user_id().map(|u| u.0)),
            // The convener's own items need no acceptance.
            status: Set(if convener {
                AgendaItemStatus::Accepted
            } else {
                AgendaItemStatus::Proposed
            }),
            created_at: Set(self.now()),
            description: Set(description),
            version: Set(1),
            updated_at: Set(None),
        }
        .insert(&txn)
        .await?;
        if created.status == AgendaItemStatus::Proposed {
            let conveners = self.conveners_of(&txn, &found).await?;
            self.hand_off(
                &txn,
                principal,
                &conveners,
                NotificationKind::AgendaItemProposed,
                &found,
                &owner.name,
                json!({ "item": created.title }),
            )
            .await?;
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "agenda.propose",
            "meeting",
            Some(meeting_id),
            json!({"item": created.id}),
        )
        .await?;
        events::publish(&txn, "meeting", meeting_id).await?;
        txn.commit().await?;
        Ok(created)
    }

    pub(crate) async fn next_agenda_position<C: ConnectionTrait>(
        &self,
        conn: &C,
        meeting: Uuid,
    ) -> Result<i32, Error> {
        let row = conn.query_one_raw(stmt("SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_items WHERE meeting_id = $1", [meeting.into()])).await?;
        Ok(match row {
            Some(row) => row.try_get("", "next")?,
            None => 1,
        })
    }

    pub async fn decide_agenda_item(
        &self,
        principal: &Principal,
        id: Uuid,
        accept: bool,
    ) -> Result<agenda_item::Model, Error> {
        let item = agenda_item::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("agenda item"))?;
        let (found, owner) = self
            .meeting_for(principal, item.meeting_id, Action::ManageAgenda)
            .await?;
        let txn = self.db.begin().await?;
        // Not on a withdrawn proposal, even one withdrawn a moment ago; a decision bumps the
        // version, so an edit sent meanwhile is stale.
        let changed = agenda_item::Entity::update_many()
            .col_expr(
                agenda_item::Column::Status,
                sea_orm::sea_query::Expr::value(if accept {
                    AgendaItemStatus::Accepted.as_str()
                } else {
                    AgendaItemStatus::Rejected.as_str()
                }),
            )
            .col_expr(
                agenda_item::Column::Version,
                sea_orm::sea_query::ExprTrait::add(
                    sea_orm::sea_query::Expr::col(agenda_item::Column::Version),
                    1,
                ),
            )
            .filter(agenda_item::Column::Id.eq(id))
            .filter(agenda_item::Column::Status.ne(AgendaItemStatus::Withdrawn))
            .exec(&txn)
            .await?;
        if changed.rows_affected != 1 {
            return Err(Error::invalid(
                "id",
                "WITHDRAWN",
                "the proposal was withdrawn",
            ));
        }
        let updated = agenda_item::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("agenda item"))?;
        // The proposer hears the decision (`hand_off` skips a convener deciding their own item).
        if let Some(proposer) = item.proposed_by {
            self.hand_off(
                &txn,
                principal,
                &[proposer],
                NotificationKind::AgendaItemDecided,
                &found,
                &owner.name,
                json!({ "item": item.title, "accepted": accept }),
            )
            .await?;
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            if accept {
                "agenda.accept"
            } else {
                "agenda.reject"
            },
            "meeting",
            Some(item.meeting_id),
            json!({"item": id}),
        )
        .await?;
        events::publish(&txn, "meeting", item.meeting_id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Puts the meeting's agenda items in the given order (every item, once).
    pub async fn reorder_agenda(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        order: &[Uuid],
    ) -> Result<(), Error> {
        self.meeting_for(principal, meeting_id, Action::ManageAgenda)
            .await?;
        let items = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(meeting_id))
            .all(&self.db)
            .await?;
        let mut expected: Vec<Uuid> = items.iter().map(|i| i.id).collect();
        let mut given = order.to_vec();
        expected.sort();
        given.sort();
        if expected != given {
            return Err(Error::invalid(
                "itemIds",
                "MISMATCH",
                "list every agenda item of the meeting exactly once",
            ));
        }
        let txn = self.db.begin().await?;
        for (index, id) in order.iter().enumerate() {
            agenda_item::ActiveModel {
                id: Set(*id),
                position: Set(i32::try_from(index).unwrap_or(0) + 1),
                ..Default::default()
            }
            .update(&txn)
            .await?;
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "agenda.reorder",
            "meeting",
            Some(meeting_id),
            json!({}),
        )
        .await?;
        events::publish(&txn, "meeting", meeting_id).await?;
        txn.commit().await?;
        Ok(())
    }
}
