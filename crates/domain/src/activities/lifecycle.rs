//! The lifecycle: planned → completed → published, unpublish back to completed, and cancelling a
//! planned activity. Every step sends back the version read.

use super::{Activities, ActivityStatus, CHANGED_TOPIC, PUBLISHED_TOPIC, activity};
use crate::entities::alliance;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::events;
use crate::kernel::vocab::NotificationKind;
use crate::notifications::Notice;
use crate::policy::Action;
use crate::policy::principal::Principal;
use sea_orm::{ConnectionTrait, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

/// A lifecycle step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Complete,
    Publish,
    Unpublish,
    Cancel,
}

impl Step {
    fn moves(self) -> (ActivityStatus, ActivityStatus) {
        use ActivityStatus as S;
        match self {
            Step::Complete => (S::Planned, S::Completed),
            Step::Publish => (S::Completed, S::Published),
            Step::Unpublish => (S::Published, S::Completed),
            Step::Cancel => (S::Planned, S::Cancelled),
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            Step::Complete => "activity.complete",
            Step::Publish => "activity.publish",
            Step::Unpublish => "activity.unpublish",
            Step::Cancel => "activity.cancel",
        }
    }
}

impl Activities<'_> {
    /// Takes one lifecycle step. A move the lifecycle does not allow answers `INVALID_TRANSITION`
    /// (on `id`); completing before the start answers `NOT_STARTED`; publishing without a report
    /// or summary answers `REQUIRED` on `report`.
    pub async fn step(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        step: Step,
    ) -> Result<activity::Model, Error> {
        let loaded = self
            .loaded_for(principal, id, Action::ManageActivity)
            .await?;
        let current = &loaded.found;
        let (from, to) = step.moves();
        if current.version != version {
            return Err(Error::Conflict(format!(
                "the activity was changed by someone else (you edited version {version}); reload and try again"
            )));
        }
        if current.status != from {
            return Err(Error::invalid(
                "id",
                "INVALID_TRANSITION",
                format!("an activity cannot go from {} to {to}", current.status),
            ));
        }
        if step == Step::Complete && self.now() < current.starts_at {
            return Err(Error::invalid(
                "id",
                "NOT_STARTED",
                "an activity is completed once it has started",
            ));
        }
        if step == Step::Publish && current.report.trim().is_empty() {
            return Err(Error::invalid(
                "report",
                "REQUIRED",
                "write the report before publishing",
            ));
        }
        let mut changes = activity::ActiveModel {
            id: Set(id),
            status: Set(to),
            ..Default::default()
        };
        match step {
            Step::Publish => changes.published_at = Set(Some(self.now())),
            Step::Unpublish => changes.published_at = Set(None),
            Step::Complete | Step::Cancel => {}
        }
        let txn = self.db.begin().await?;
        let updated = self.save_versioned(&txn, id, version, changes).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            step.audit_action(),
            "activity",
            Some(id),
            json!({"status": to.as_str(), "version": updated.version}),
        )
        .await?;
        events::publish(&txn, CHANGED_TOPIC, id).await?;
        if step == Step::Publish {
            self.tell_organizers_published(&txn, principal, &loaded.owner, &updated)
                .await?;
            events::publish(&txn, PUBLISHED_TOPIC, id).await?;
        }
        txn.commit().await?;
        Ok(updated)
    }
}

impl Activities<'_> {
    /// Tells the people of the host and co-organizers (current members, accounts not disabled),
    /// except the publisher, that the activity is out. Once per publish: the key names the version
    /// the publish wrote, so a retry of the same publish writes nothing, while publishing again
    /// after an unpublish is news again.
    async fn tell_organizers_published<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        owner: &alliance::Model,
        published: &activity::Model,
    ) -> Result<(), Error> {
        let organizers: Vec<Uuid> = self
            .organizer_ids(conn, &[published.id])
            .await?
            .remove(&published.id)
            .unwrap_or_default()
            .into_iter()
            .map(|o| o.0)
            .collect();
        let rows = conn
            .query_all_raw(stmt(
                "SELECT DISTINCT om.user_id FROM organization_memberships om
                   JOIN users u ON u.id = om.user_id
                  WHERE om.organization_id = ANY($1) AND u.disabled_at IS NULL
                    AND om.joined_on <= $2 AND (om.left_on IS NULL OR om.left_on > $2)
                    AND om.user_id IS DISTINCT FROM $3
                  ORDER BY om.user_id",
                [
                    organizers.into(),
                    self.today_in(&owner.time_zone).into(),
                    principal.user_id().map(|u| u.0).into(),
                ],
            ))
            .await?;
        let people = rows
            .iter()
            .map(|r| r.try_get::<Uuid>("", "user_id"))
            .collect::<Result<Vec<_>, _>>()?;
        self.notifications()
            .notify_users(
                conn,
                &people,
                Notice {
                    kind: NotificationKind::ActivityPublished,
                    entity_type: "activity",
                    entity_id: published.id,
                    params: json!({ "alliance": owner.name, "activity": published.theme }),
                    dedupe: Some(format!(
                        "activity_published:{}:{}",
                        published.id, published.version
                    )),
                },
            )
            .await
    }
}
