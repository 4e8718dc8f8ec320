//! The outgoing lead's handover report, and the notice to the incoming one.

use super::*;
use crate::alliances::AllianceFacts;
use crate::entities::lead_term;
use crate::kernel::audit::Actor;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::notifications::Notice;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

impl Rotation<'_> {
    /// The outgoing lead writes a handover report; the incoming lead's admins are notified.
    pub async fn submit_handover_report(
        &self,
        principal: &Principal,
        id: Uuid,
        report: &str,
    ) -> Result<lead_term::Model, Error> {
        let term = lead_term::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("lead term"))?;
        let found = self
            .alliances()
            .alliance_readable(principal, AllianceId(term.alliance_id))
            .await?
            .ok_or(Error::NotFound("lead term"))?;
        let resource = policy::Resource::LeadTerm {
            alliance: AllianceId(found.id),
            public: AllianceFacts::of(&found).public,
            organization: OrganizationId(term.organization_id),
        };
        policy::authorize(principal, Action::SubmitHandoverReport, resource)?;
        if term.starts_at > self.now() {
            return Err(Error::invalid(
                "id",
                "NOT_STARTED",
                "a handover report is written once the term has started",
            ));
        }
        let report = report.trim();
        if report.is_empty() {
            return Err(Error::invalid("report", "REQUIRED", "write the report"));
        }
        let txn = self.db.begin().await?;
        let updated = lead_term::ActiveModel {
            id: Set(term.id),
            handover_report: Set(Some(report.to_owned())),
            version: Set(term.version + 1),
            updated_at: Set(self.now()),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        let next = lead_term::Entity::find()
            .filter(lead_term::Column::AllianceId.eq(term.alliance_id))
            .filter(lead_term::Column::StartsAt.gte(term.ends_at))
            .order_by_asc(lead_term::Column::StartsAt)
            .one(&txn)
            .await?;
        if let Some(next) = next {
            let params = serde_json::json!({ "alliance": found.name, "reason": "handover" });
            self.notifications()
                .notify_org_admins(
                    &txn,
                    next.organization_id,
                    Notice {
                        kind: crate::kernel::vocab::NotificationKind::LeadTermStarting,
                        entity_type: "lead_term",
                        entity_id: next.id,
                        params,
                        dedupe: Some(format!("handover:{}", next.id)),
                    },
                )
                .await?;
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "rotation.handover_report",
            "lead_term",
            Some(term.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }
}
