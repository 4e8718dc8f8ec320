//! "My proposals": a member organization's agenda proposals with their status, edited or withdrawn
//! by the organization until the convener decides on them.

use super::*;
use crate::entities::agenda_item;
use crate::kernel::audit::Actor;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::events;
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::scope;
use crate::kernel::validation;
use crate::kernel::vocab::AgendaItemStatus;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

/// What the proposing organization changes in `updateAgendaProposal`.
#[derive(Debug, Clone)]
pub struct ProposalEdit {
    pub title: String,
    /// Empty or blank: no description.
    pub description: Option<String>,
    pub version: i32,
}

impl Meetings<'_> {
    /// The agenda proposals of the organizations the viewer belongs to, in meetings they may
    /// see, newest first; every status (proposed, accepted, rejected, withdrawn).
    pub async fn my_agenda_proposals(
        &self,
        principal: &Principal,
        page: PageRequest,
    ) -> Result<(Page<agenda_item::Model>, u64), Error> {
        let organizations: Vec<Uuid> = policy::own_organizations(principal)
            .into_iter()
            .map(|o| o.0)
            .collect();
        if organizations.is_empty() {
            return Ok((Page::from_rows(Vec::new(), page), 0));
        }
        // Only in meetings whose alliance the principal may read.
        let (visible, values) = scope::alliance_in_sql(
            "meetings.alliance_id",
            &policy::meeting_alliances(principal),
            1,
        );
        let mut query = agenda_item::Entity::find()
            .filter(agenda_item::Column::ProposedByOrganizationId.is_in(organizations))
            .filter(Expr::cust_with_values(
                format!("agenda_items.meeting_id IN (SELECT id FROM meetings WHERE {visible})"),
                values,
            ));
        let filtered = query.clone();
        if let Some(after) = page.after {
            query = query.filter(Expr::cust_with_values(
                "(agenda_items.created_at, agenda_items.id) < (SELECT created_at, id FROM agenda_items WHERE id = $1)",
                [after],
            ));
        }
        let ordered = query
            .order_by_desc(agenda_item::Column::CreatedAt)
            .order_by_desc(agenda_item::Column::Id)
            .limit(page.limit());
        let (rows, total) =
            crate::kernel::pagination::rows_and_count(&self.db, &filtered, ordered, page).await?;
        Ok((Page::from_rows(rows, page), total))
    }

    /// The proposing organization changes its proposal's title and description.
    pub async fn update_agenda_proposal(
        &self,
        principal: &Principal,
        id: Uuid,
        edit: ProposalEdit,
    ) -> Result<agenda_item::Model, Error> {
        let (item, found) = self
            .open_proposal(principal, id, Action::UpdateAgendaProposal, edit.version)
            .await?;
        let mut errors = Vec::new();
        let title = validation::required_text(&mut errors, "title", &edit.title, 200);
        let description = edit
            .description
            .as_deref()
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
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let changed = agenda_item::Entity::update_many()
            .col_expr(agenda_item::Column::Title, Expr::value(title))
            .col_expr(agenda_item::Column::Description, Expr::value(description))
            .col_expr(
                agenda_item::Column::Version,
                Expr::col(agenda_item::Column::Version).add(1),
            )
            .col_expr(agenda_item::Column::UpdatedAt, Expr::value(self.now()))
            .filter(agenda_item::Column::Id.eq(id))
            .filter(agenda_item::Column::Version.eq(item.version))
            .filter(agenda_item::Column::Status.eq(AgendaItemStatus::Proposed))
            .exec(&txn)
            .await?;
        if changed.rows_affected != 1 {
            return Err(stale());
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "agenda.update_proposal",
            "meeting",
            Some(found.id),
            json!({"item": id}),
        )
        .await?;
        events::publish(&txn, "meeting", found.id).await?;
        let updated = agenda_item::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("agenda item"))?;
        txn.commit().await?;
        Ok(updated)
    }

    /// The proposing organization withdraws its proposal: it leaves the agenda, and stays in
    /// "my proposals" as withdrawn.
    pub async fn withdraw_agenda_proposal(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
    ) -> Result<agenda_item::Model, Error> {
        let (item, found) = self
            .open_proposal(principal, id, Action::WithdrawAgendaProposal, version)
            .await?;
        let txn = self.db.begin().await?;
        let changed = agenda_item::Entity::update_many()
            .col_expr(
                agenda_item::Column::Status,
                Expr::value(AgendaItemStatus::Withdrawn.as_str()),
            )
            .col_expr(
                agenda_item::Column::Version,
                Expr::col(agenda_item::Column::Version).add(1),
            )
            .col_expr(agenda_item::Column::UpdatedAt, Expr::value(self.now()))
            .filter(agenda_item::Column::Id.eq(id))
            .filter(agenda_item::Column::Version.eq(item.version))
            .filter(agenda_item::Column::Status.eq(AgendaItemStatus::Proposed))
            .exec(&txn)
            .await?;
        if changed.rows_affected != 1 {
            return Err(stale());
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "agenda.withdraw_proposal",
            "meeting",
            Some(found.id),
            json!({"item": id}),
        )
        .await?;
        events::publish(&txn, "meeting", found.id).await?;
        let updated = agenda_item::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("agenda item"))?;
        txn.commit().await?;
        Ok(updated)
    }

    /// The proposal, if the principal may take `action` on it for its organization and it is still
    /// open to changes: not decided, not withdrawn, the meeting not over, the deadline not passed,
    /// and `version` current.
    async fn open_proposal(
        &self,
        principal: &Principal,
        id: Uuid,
        action: Action,
        version: i32,
    ) -> Result<(agenda_item::Model, meeting::Model), Error> {
        let item = agenda_item::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("agenda item"))?;
        let (found, owner) = self
            .meeting_with_alliance(principal, item.meeting_id)
            .await?
            .ok_or(Error::NotFound("agenda item"))?;
        let organization = item.proposed_by_organization_id.ok_or(Error::Forbidden)?;
        let facts = AllianceFacts::of(&owner);
        policy::authorize(
            principal,
            action,
            Resource::PartyOrganization {
                alliance: crate::kernel::ids::AllianceId(owner.id),
                public: facts.public,
                organization: OrganizationId(organization),
            },
        )?;
        match item.status {
            AgendaItemStatus::Withdrawn => {
                return Err(Error::invalid(
                    "id",
                    "WITHDRAWN",
                    "the proposal was withdrawn",
                ));
            }
            AgendaItemStatus::Accepted | AgendaItemStatus::Rejected => {
                return Err(Error::invalid(
                    "id",
                    "DECIDED",
                    "the convener has decided on the proposal",
                ));
            }
            AgendaItemStatus::Proposed => {}
        }
        if is_closed(&found) {
            return Err(Error::invalid("id", "CLOSED", "the meeting is over"));
        }
        if self.now() > agenda_deadline(&found, &owner) {
            return Err(Error::invalid(
                "id",
                "DEADLINE_PASSED",
                "agenda proposals for this meeting are closed",
            ));
        }
        if item.version != version {
            return Err(stale());
        }
        Ok((item, found))
    }
}

fn stale() -> Error {
    Error::Conflict("the proposal changed meanwhile; reload it and try again".into())
}
