//! Decisions and action items with progress notes, tracked until done.

use super::*;
use crate::alliances::AllianceFacts;
use crate::entities::{action_item, action_item_note, decision};
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::events;
use crate::kernel::ids::{OrganizationId, UserId};
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::validation;
use crate::kernel::vocab::{ActionItemStatus, NotificationKind};
use crate::notifications::Notice;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// Whether the item is still to be done (open or in progress).
fn pending(item: &action_item::Model) -> bool {
    matches!(
        item.status,
        ActionItemStatus::Open | ActionItemStatus::InProgress
    )
}

/// Still to be done and past its due date; `today` is the date in the alliance's zone.
pub fn is_overdue(item: &action_item::Model, today: NaiveDate) -> bool {
    pending(item) && item.due_on.is_some_and(|d| d < today)
}

/// Still to be done and due today; `today` is the date in the alliance's zone.
pub fn is_due_today(item: &action_item::Model, today: NaiveDate) -> bool {
    pending(item) && item.due_on == Some(today)
}

impl Meetings<'_> {
    pub async fn record_decision(
        &self,
        principal: &Principal,
        meeting_id: Uuid,
        text: &str,
    ) -> Result<decision::Model, Error> {
        self.meeting_for(principal, meeting_id, Action::RecordMinutes)
            .await?;
        let mut errors = Vec::new();
        let text = validation::required_text(&mut errors, "text", text, 2000);
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let created = decision::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting_id),
            text: Set(text),
            created_at: Set(self.now()),
        }
        .insert(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "meeting.decision",
            "meeting",
            Some(meeting_id),
            json!({"decision": created.id}),
        )
        .await?;
        events::publish(&txn, "meeting", meeting_id).await?;
        txn.commit().await?;
        Ok(created)
    }

    pub async fn create_action_item(
        &self,
        principal: &Principal,
        input: NewActionItem,
    ) -> Result<action_item::Model, Error> {
        let (found, owner) = self
            .meeting_for(principal, input.meeting_id, Action::RecordMinutes)
            .await?;
        let mut errors = Vec::new();
        let title = validation::required_text(&mut errors, "title", &input.title, 500);
        let members = self
            .alliances()
            .members_of_alliances(
                principal,
                &[owner.id],
                PageRequest {
                    first: 100,
                    after: None,
                    count: false,
                },
            )
            .await?;
        let is_member = members.get(&owner.id).is_some_and(|m| {
            m.iter()
                .any(|m| m.organization_id == input.assignee_organization_id)
        });
        if !is_member {
            errors.push(FieldError::new(
                "assigneeOrganizationId",
                "NOT_MEMBER",
                "assign to a member organization of the alliance",
            ));
        }
        if let Some(user) = input.assignee_user_id
            && !self
                .is_current_person_of(&self.db, input.assignee_organization_id, user)
                .await?
        {
            errors.push(FieldError::new(
                "assigneeUserId",
                "NOT_MEMBER",
                "assign to a current member of the assignee organization",
            ));
        }
        if let Some(decision) = input.decision_id {
            let belongs = decision::Entity::find_by_id(decision)
                .one(&self.db)
                .await?
                .is_some_and(|d| d.meeting_id == found.id);
            if !belongs {
                errors.push(FieldError::new(
                    "decisionId",
                    "INVALID",
                    "the decision is not one of this meeting",
                ));
            }
        }
        validation::finish(errors)?;
        let now = self.now();
        let txn = self.db.begin().await?;
        let created = action_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(found.id),
            decision_id: Set(input.decision_id),
            title: Set(title),
            assignee_organization_id: Set(input.assignee_organization_id),
            assignee_user_id: Set(input.assignee_user_id),
            due_on: Set(input.due_on),
            status: Set(ActionItemStatus::Open),
            completed_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await?;
        let params = serde_json::json!({ "alliance": owner.name, "item": created.title });
        match created.assignee_user_id {
            Some(user) => {
                self.notifications()
                    .notify_users(
                        &txn,
                        &[user],
                        Notice {
                            kind: NotificationKind::ActionItemAssigned,
                            entity_type: "action_item",
                            entity_id: created.id,
                            params: params.clone(),
                            dedupe: None,
                        },
                    )
                    .await?
            }
            None => {
                self.notifications()
                    .notify_org_admins(
                        &txn,
                        created.assignee_organization_id,
                        Notice {
                            kind: NotificationKind::ActionItemAssigned,
                            entity_type: "action_item",
                            entity_id: created.id,
                            params: params.clone(),
                            dedupe: None,
                        },
                    )
                    .await?
            }
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "action_item.create",
            "action_item",
            Some(created.id),
            json!({"meeting": found.id}),
        )
        .await?;
        events::publish(&txn, "meeting", found.id).await?;
        txn.commit().await?;
        Ok(created)
    }

    /// Whether the principal may update the action item: its assignee organization's admins, or the conveners.
    pub fn may_update_action_item(
        &self,
        principal: &Principal,
        item: &action_item::Model,
        owner: AllianceFacts,
    ) -> bool {
        let resource = policy::Resource::ActionItem {
            alliance: owner.id,
            public: owner.public,
            organization: OrganizationId(item.assignee_organization_id),
            user: item.assignee_user_id.map(UserId),
        };
        policy::can(principal, Action::UpdateActionItem, resource)
    }

    pub async fn update_action_item(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        status: Option<ActionItemStatus>,
        note: Option<&str>,
    ) -> Result<action_item::Model, Error> {
        let item = action_item::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("action item"))?;
        let (_, owner) = self
            .meeting_with_alliance(principal, item.meeting_id)
            .await?
            .ok_or(Error::NotFound("action item"))?;
        if !self.may_update_action_item(principal, &item, AllianceFacts::of(&owner)) {
            return Err(Error::Forbidden);
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > 2000) {
            return Err(Error::invalid(
                "note",
                "TOO_LONG",
                "at most 2000 characters",
            ));
        }
        if status.is_none() && note.is_none() {
            return Err(Error::invalid(
                "status",
                "REQUIRED",
                "give a new status or a progress note",
            ));
        }
        let now = self.now();
        let txn = self.db.begin().await?;
        let mut changes = action_item::ActiveModel {
            id: Set(id),
            version: Set(version + 1),
            updated_at: Set(now),
            ..Default::default()
        };
        if let Some(status) = status {
            changes.status = Set(status);
            changes.completed_at = Set((status == ActionItemStatus::Done).then_some(now));
        }
        let result = action_item::Entity::update_many()
            .set(changes)
            .filter(action_item::Column::Id.eq(id))
            .filter(action_item::Column::Version.eq(version))
            .exec(&txn)
            .await?;
        if result.rows_affected == 0 {
            return Err(Error::Conflict(format!(
                "the action item was changed by someone else (you edited version {version}); reload and try again"
            )));
        }
        action_item_note::ActiveModel {
            id: Set(Uuid::now_v7()),
            action_item_id: Set(id),
            author_id: Set(principal.user_id().map(|u| u.0)),
            text: Set(note.unwrap_or_default().to_owned()),
            status: Set(status),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "action_item.update",
            "action_item",
            Some(id),
            json!({"status": status.map(|s| s.as_str())}),
        )
        .await?;
        events::publish(&txn, "meeting", item.meeting_id).await?;
        // The later meetings that carry it on their agenda change too: one notification each, one statement.
        txn.execute_raw(stmt(
            "SELECT pg_notify($2, json_build_object('topic', 'meeting', 'id', later.id)::text)
               FROM meetings made JOIN meetings later ON later.alliance_id = made.alliance_id AND later.starts_at > made.starts_at
              WHERE made.id = $1",
            [item.meeting_id.into(), events::CHANNEL.into()],
        ))
        .await?;
        let updated = action_item::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("action item"))?;
        txn.commit().await?;
        Ok(updated)
    }

    /// The action items among `ids` whose meetings the principal may read (for loaders).
    pub async fn action_items_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, action_item::Model>, Error> {
        let rows = action_item::Entity::find()
            .filter(action_item::Column::Id.is_in(ids.to_vec()))
            .filter(crate::kernel::scope::meeting_in(
                "action_items.meeting_id",
                &policy::meeting_alliances(principal),
            ))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|a| (a.id, a)).collect())
    }

    /// Action items assigned to the principal or to organizations they act for.
    pub async fn my_action_items(
        &self,
        principal: &Principal,
        page: PageRequest,
        include_done: bool,
    ) -> Result<(Page<action_item::Model>, u64), Error> {
        let me = policy::require_user(principal)?;
        let acting: Vec<Uuid> = policy::acting_organizations(principal)
            .into_iter()
            .map(|o| o.0)
            .collect();
        // Only items of meetings the principal may still read: an assignment never opens a meeting.
        let readable = policy::meeting_alliances(principal);
        let mut query = action_item::Entity::find()
            .filter(
                Condition::any()
                    .add(action_item::Column::AssigneeUserId.eq(me.0))
                    .add(action_item::Column::AssigneeOrganizationId.is_in(acting)),
            )
            // Per item found by its assignee (indexed), its meeting's alliance by primary key: a
            // scalar subquery, which Postgres cannot turn into a pass over every meeting.
            .filter(Expr::cust_with_values(
                "($1 OR (SELECT m.alliance_id FROM meetings m WHERE m.id = action_items.meeting_id) = ANY($2))",
                [
                    sea_orm::Value::from(readable.all),
                    sea_orm::Value::from(readable.ids.iter().map(|a| a.0).collect::<Vec<_>>()),
                ],
            ));
        if !include_done {
            // Literal, so that the partial indexes on open items (action_items_open,
            // action_items_open_user) match in a prepared statement's generic plan too.
            query = query.filter(Expr::cust("action_items.status IN ('open', 'in_progress')"));
        }
        crate::kernel::pagination::page_by_id(&self.db, query, action_item::Column::Id, page).await
    }

    // Batched relations for loaders.
}
